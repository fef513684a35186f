//! Writes an imported catalog into a site: one `participant.toml` per new
//! participant, one descriptor per dataset, comments for what was not mapped.

use super::{ImportReport, Imported, ImportedDataset, ImportedParticipant, LicenseChoice};
use crate::load::ids::{dataset_id, descriptor_file_name};
use crate::load::{PARTICIPANT_FILE, PARTICIPANTS_DIR, PORTAL_FILE};
use crate::model::Language;
use crate::msg;
use crate::scaffold::Refusal;
use crate::toml_text::{Document, date, inline_table, string, strings};
use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::Path;

/// The categories portal.toml declares: (id, title), read leniently.
pub fn site_categories(site: &Path) -> Vec<(String, String)> {
    let table: toml::Table = std::fs::read_to_string(site.join(PORTAL_FILE))
        .ok()
        .and_then(|text| toml::from_str(&text).ok())
        .unwrap_or_default();
    table
        .get("categories")
        .and_then(|v| v.as_array())
        .map(|list| {
            list.iter()
                .filter_map(|c| {
                    let id = c.get("id")?.as_str()?.to_string();
                    let title = c
                        .get("title")
                        .and_then(|t| t.as_str())
                        .unwrap_or(&id)
                        .to_string();
                    Some((id, title))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Writes participants and descriptors; existing files are kept and reported.
pub fn write_into(site: &Path, imported: Imported) -> Result<ImportReport, Refusal> {
    let mut report = ImportReport {
        notes: imported.notes,
        ..ImportReport::default()
    };
    let participants_dir = site.join(PARTICIPANTS_DIR);
    for participant in &imported.participants {
        let path = participants_dir
            .join(&participant.id)
            .join(PARTICIPANT_FILE);
        if path.exists() {
            report.kept.push(path);
            continue;
        }
        create(&path, &participant_text(participant))?;
        report.created.push(path);
    }
    let mut taken: BTreeSet<String> = BTreeSet::new();
    for mut dataset in imported.datasets {
        let original = dataset_id(&dataset.participant, &dataset.slug);
        let mut slug = dataset.slug.clone();
        let mut n = 2;
        while taken.contains(&dataset_id(&dataset.participant, &slug)) {
            slug = format!("{}-{n}", dataset.slug);
            n += 1;
        }
        if slug != dataset.slug {
            dataset.unmapped.push(msg!(
                "import-renamed",
                original = original,
                renamed = format!("{}/{slug}", dataset.participant)
            ));
            dataset.slug = slug;
        }
        let id = dataset_id(&dataset.participant, &dataset.slug);
        taken.insert(id.clone());
        let path = participants_dir
            .join(&dataset.participant)
            .join(descriptor_file_name(&dataset.slug));
        if path.exists() {
            report.notes.push((
                id,
                msg!(
                    "import-descriptor-exists",
                    path = path.display().to_string()
                ),
            ));
            continue;
        }
        create(&path, &descriptor_text(&dataset))?;
        report.created.push(path);
        for note in &dataset.unmapped {
            report.notes.push((id.clone(), note.clone()));
        }
    }
    Ok(report)
}

fn create(path: &Path, text: &str) -> Result<(), Refusal> {
    let result = (|| {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)?
            .write_all(text.as_bytes())
    })();
    result.map_err(|e| {
        Refusal::new(
            msg!(
                "import-cannot-write",
                path = path.display().to_string(),
                error = e.to_string()
            ),
            msg!("import-cannot-write-help"),
        )
    })
}

fn participant_text(p: &ImportedParticipant) -> String {
    let mut doc = Document::default();
    doc.comment(IMPORTED);
    doc.string("name", &p.name);
    if p.kind_defaulted {
        doc.comment(
            "PENDIENTE: el nombre no dice qué tipo de participante es; elige municipio, estado, federal u organizacion.",
        );
    }
    doc.string("kind", p.kind);
    if let Some(website) = &p.website {
        doc.string("website", website);
    }
    if let Some(email) = &p.email {
        doc.string("email", email);
    }
    if !p.description.trim().is_empty() {
        doc.string("description", p.description.trim());
    }
    doc.finish()
}

/// The first line of every imported file.
const IMPORTED: &str = "Importado de otro catálogo: revisa cada valor.";

fn descriptor_text(d: &ImportedDataset) -> String {
    let mut doc = Document::default();
    doc.comment(IMPORTED);
    if !d.unmapped.is_empty() {
        doc.line("#");
        doc.comment("Sin equivalente en abierto (no se importó):");
        // In Spanish, as every comment abierto writes into a site's files.
        for note in &d.unmapped {
            doc.comment(&format!("- {}", note.text(Language::Es)));
        }
    }
    doc.blank();
    about(&mut doc, d);
    status_and_coverage(&mut doc, d);
    if let LicenseChoice::Custom { id, name, url } = &d.license {
        doc.table("[license]");
        doc.string("id", id);
        doc.string("name", name);
        doc.string("url", url);
    }
    for resource in &d.resources {
        doc.table("[[resources]]");
        doc.string("title", &resource.title);
        doc.string("url", &resource.url);
        if let Some(format) = &resource.format {
            doc.string("format", format);
        }
        if !resource.description.trim().is_empty() {
            doc.string("description", resource.description.trim());
        }
    }
    doc.finish()
}

/// Title, description, keywords, categories and licence.
fn about(doc: &mut Document, d: &ImportedDataset) {
    doc.string("title", &d.title);
    let description = if d.description.trim().is_empty() {
        doc.comment("PENDIENTE: el catálogo de origen no tenía descripción.");
        "Sin descripción en el catálogo de origen."
    } else {
        d.description.trim()
    };
    doc.string("description", description);
    if !d.keywords.is_empty() {
        doc.key("keywords", &strings(&d.keywords));
    }
    if !d.categories.is_empty() {
        doc.key("categories", &strings(&d.categories));
    }
    match &d.license {
        LicenseChoice::SiteDefault => {
            doc.comment("Sin licencia reconocida: se usa `default_license` de portal.toml.");
        }
        LicenseChoice::Id(id) => doc.string("license", id),
        LicenseChoice::Custom { .. } => {}
    }
}

/// Status, dates, frequency, period, place and contact.
fn status_and_coverage(doc: &mut Document, d: &ImportedDataset) {
    if d.resources.is_empty() {
        doc.comment("Sin recursos con dirección: queda en el inventario hasta que se publique.");
        doc.string("status", "planned");
    } else {
        doc.string("status", "published");
    }
    if let Some(issued) = d.issued {
        doc.key("issued", &date(issued));
    }
    if let Some(modified) = d.modified {
        doc.key("modified", &date(modified));
    }
    if let Some(frequency) = d.frequency {
        doc.string("frequency", frequency.key());
    }
    if let Some((start, end)) = d.temporal {
        let parts = [("start", start), ("end", end)];
        let parts: Vec<(&str, String)> = parts
            .into_iter()
            .filter_map(|(key, day)| Some((key, date(day?))))
            .collect();
        doc.key("temporal", &inline_table(&parts));
    }
    if let Some(spatial) = &d.spatial {
        doc.string("spatial", spatial);
    }
    if d.contact_name.is_some() || d.contact_email.is_some() {
        let parts = [("name", &d.contact_name), ("email", &d.contact_email)];
        let parts: Vec<(&str, String)> = parts
            .into_iter()
            .filter_map(|(key, value)| Some((key, string(value.as_deref()?))))
            .collect();
        doc.key("contact", &inline_table(&parts));
    }
}
