//! Writes an imported catalog into a site: one `participant.toml` per new
//! participant, one descriptor per dataset, comments for what was not mapped.

use super::{ImportReport, Imported, ImportedDataset, ImportedParticipant, LicenseChoice};
use crate::load::{PARTICIPANT_FILE, PARTICIPANTS_DIR, PORTAL_FILE};
use crate::scaffold::Refusal;
use crate::scaffold::toml_text::{comment, date, string, strings};
use std::collections::BTreeSet;
use std::fmt::Write as _;
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
        let original = format!("{}/{}", dataset.participant, dataset.slug);
        let mut slug = dataset.slug.clone();
        let mut n = 2;
        while taken.contains(&format!("{}/{slug}", dataset.participant)) {
            slug = format!("{}-{n}", dataset.slug);
            n += 1;
        }
        if slug != dataset.slug {
            dataset.unmapped.push(format!(
                "another imported dataset is also called `{original}`: this one is `{}/{slug}`",
                dataset.participant
            ));
            dataset.slug = slug;
        }
        let id = format!("{}/{}", dataset.participant, dataset.slug);
        taken.insert(id.clone());
        let path = participants_dir
            .join(&dataset.participant)
            .join(format!("{}.toml", dataset.slug));
        if path.exists() {
            report.notes.push((
                id,
                format!(
                    "not imported: {} already exists and was left as it is",
                    path.display()
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
            format!("cannot write {}: {e}", path.display()),
            "check that the site's folder can be written; files listed before this one were written",
        )
    })
}

fn participant_text(p: &ImportedParticipant) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "# Importado de otro catálogo: revisa cada valor.");
    let _ = writeln!(w, "name = {}", string(&p.name));
    if p.kind_defaulted {
        let _ = writeln!(
            w,
            "# PENDIENTE: el nombre no dice qué tipo de participante es; elige municipio, estado, federal u organizacion."
        );
    }
    let _ = writeln!(w, "kind = {}", string(p.kind));
    if let Some(website) = &p.website {
        let _ = writeln!(w, "website = {}", string(website));
    }
    if let Some(email) = &p.email {
        let _ = writeln!(w, "email = {}", string(email));
    }
    if !p.description.trim().is_empty() {
        let _ = writeln!(w, "description = {}", string(p.description.trim()));
    }
    out
}

fn descriptor_text(d: &ImportedDataset) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "# Importado de otro catálogo: revisa cada valor.");
    if !d.unmapped.is_empty() {
        let _ = writeln!(w, "#\n# Sin equivalente en abierto (no se importó):");
        for note in &d.unmapped {
            let _ = writeln!(w, "{}", comment(&format!("- {note}")));
        }
    }
    let _ = writeln!(w, "\ntitle = {}", string(&d.title));
    let description = if d.description.trim().is_empty() {
        let _ = writeln!(
            w,
            "# PENDIENTE: el catálogo de origen no tenía descripción."
        );
        "Sin descripción en el catálogo de origen.".to_string()
    } else {
        d.description.trim().to_string()
    };
    let _ = writeln!(w, "description = {}", string(&description));
    if !d.keywords.is_empty() {
        let _ = writeln!(w, "keywords = {}", strings(&d.keywords));
    }
    if !d.categories.is_empty() {
        let _ = writeln!(w, "categories = {}", strings(&d.categories));
    }
    match &d.license {
        LicenseChoice::SiteDefault => {
            let _ = writeln!(
                w,
                "# Sin licencia reconocida: se usa `default_license` de portal.toml."
            );
        }
        LicenseChoice::Id(id) => {
            let _ = writeln!(w, "license = {}", string(id));
        }
        LicenseChoice::Custom { .. } => {}
    }
    if d.resources.is_empty() {
        let _ = writeln!(
            w,
            "# Sin recursos con dirección: queda en el inventario hasta que se publique."
        );
        let _ = writeln!(w, "status = \"planned\"");
    } else {
        let _ = writeln!(w, "status = \"published\"");
    }
    if let Some(issued) = d.issued {
        let _ = writeln!(w, "issued = {}", date(issued));
    }
    if let Some(modified) = d.modified {
        let _ = writeln!(w, "modified = {}", date(modified));
    }
    if let Some(frequency) = d.frequency {
        let _ = writeln!(w, "frequency = {}", string(frequency.key()));
    }
    if let Some((start, end)) = d.temporal {
        let mut parts = Vec::new();
        if let Some(start) = start {
            parts.push(format!("start = {}", date(start)));
        }
        if let Some(end) = end {
            parts.push(format!("end = {}", date(end)));
        }
        let _ = writeln!(w, "temporal = {{ {} }}", parts.join(", "));
    }
    if let Some(spatial) = &d.spatial {
        let _ = writeln!(w, "spatial = {}", string(spatial));
    }
    if d.contact_name.is_some() || d.contact_email.is_some() {
        let mut parts = Vec::new();
        if let Some(name) = &d.contact_name {
            parts.push(format!("name = {}", string(name)));
        }
        if let Some(email) = &d.contact_email {
            parts.push(format!("email = {}", string(email)));
        }
        let _ = writeln!(w, "contact = {{ {} }}", parts.join(", "));
    }
    if let LicenseChoice::Custom { id, name, url } = &d.license {
        let _ = writeln!(w, "\n[license]");
        let _ = writeln!(w, "id = {}", string(id));
        let _ = writeln!(w, "name = {}", string(name));
        let _ = writeln!(w, "url = {}", string(url));
    }
    for resource in &d.resources {
        let _ = writeln!(w, "\n[[resources]]");
        let _ = writeln!(w, "title = {}", string(&resource.title));
        let _ = writeln!(w, "url = {}", string(&resource.url));
        if let Some(format) = &resource.format {
            let _ = writeln!(w, "format = {}", string(format));
        }
        if !resource.description.trim().is_empty() {
            let _ = writeln!(w, "description = {}", string(resource.description.trim()));
        }
    }
    out
}
