//! The text of an imported participant and descriptor (without the marker
//! line): every value mapped, and as `#` comments in Spanish (as every
//! comment abierto writes into a site's files) what has no place in abierto,
//! each naming the source's field.

use super::portal::SiteFacts;
use crate::import::{ImportedDataset, ImportedParticipant, LicenseChoice};
use crate::load::ids::dataset_id;
use crate::model::Language;
use crate::msg;
use crate::output::urls::Urls;
use crate::toml_text::{Document, date, inline_table, string, strings};

pub fn participant_text(p: &ImportedParticipant, source: &str) -> String {
    let mut doc = Document::default();
    doc.comment(&format!("Importado de {source}: revisa cada valor."));
    doc.string("name", &p.name);
    if p.kind_defaulted {
        doc.comment(
            "PENDIENTE: el nombre no dice qué tipo de participante es; elige municipio, estado, federal u organizacion.",
        );
    } else {
        doc.comment("Tipo deducido del nombre: revísalo.");
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

/// A descriptor's text; `categories` are the site's ids of its categories.
pub fn descriptor_text(d: &ImportedDataset, categories: &[String], site: &SiteFacts) -> String {
    let mut doc = Document::default();
    doc.comment(&format!("Importado de {}: revisa cada valor.", d.source));
    if let Some(page) = &d.source_page {
        doc.comment(&format!("Página de origen: {page}"));
    }
    if !d.notes.is_empty() {
        doc.line("#");
        doc.comment("Notas de la importación (cada una dice el campo de origen):");
        for note in &d.notes {
            let text = note.message.text(Language::Es);
            doc.comment(&format!("- `{}`: {text}", note.field));
        }
    }
    doc.blank();
    about(&mut doc, d, categories);
    status_and_coverage(&mut doc, d);
    license_table(&mut doc, d, site);
    resources(&mut doc, d);
    doc.finish()
}

/// Title, description, keywords, categories and licence.
fn about(doc: &mut Document, d: &ImportedDataset, categories: &[String]) {
    doc.string("title", &d.title);
    let description = if d.description.trim().is_empty() {
        doc.comment("PENDIENTE: el catálogo de origen no tenía descripción.");
        "Sin descripción en el catálogo de origen."
    } else {
        d.description.trim()
    };
    doc.string("description", description);
    if !d.keywords.is_empty() {
        let keywords: Vec<&String> = d.keywords.iter().take(crate::load::MAX_KEYWORDS).collect();
        doc.key("keywords", &strings(&keywords));
    }
    if !categories.is_empty() {
        doc.key("categories", &strings(categories));
    }
    if let LicenseChoice::Id(id) = &d.license {
        doc.string("license", id);
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
        if !parts.is_empty() {
            doc.key("temporal", &inline_table(&parts));
        }
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

/// A licence of the dataset's own, or the statement that the source gave
/// none: a `[license]` table, its address the source's when it has one,
/// else the dataset's page at the source, else its page on this portal.
fn license_table(doc: &mut Document, d: &ImportedDataset, site: &SiteFacts) {
    let fallback = || {
        d.source_page.clone().unwrap_or_else(|| {
            Urls::new(&site.base_url).absolute(&Urls::dataset(&dataset_id(&d.participant, &d.slug)))
        })
    };
    let (id, name, url) = match &d.license {
        LicenseChoice::Id(_) => return,
        LicenseChoice::Custom { name, url } => {
            let id = crate::slug::slugify(name);
            let id = if id.is_empty() {
                "licencia-propia".to_string()
            } else {
                id
            };
            (id, name.clone(), url.clone().unwrap_or_else(fallback))
        }
        LicenseChoice::NotDeclared { url } => {
            doc.blank();
            doc.comment(
                "PENDIENTE: el catálogo de origen no declara licencia. No se supone ninguna:\n\
                 pregunta al publicador y escribe su licencia (p. ej. `license = \"cc-by-4.0\"`).",
            );
            (
                "no-declarada".to_string(),
                msg!("import-license-not-declared-name").text(site.language),
                url.clone().unwrap_or_else(fallback),
            )
        }
    };
    doc.table("[license]");
    doc.string("id", &id);
    doc.string("name", &name);
    doc.string("url", &url);
}

fn resources(doc: &mut Document, d: &ImportedDataset) {
    for resource in &d.resources {
        doc.table("[[resources]]");
        doc.string("title", &resource.title);
        match &resource.path {
            Some(path) => {
                doc.comment(&format!("Descargado de {}", resource.url));
                doc.string("path", path);
            }
            None => doc.string("url", &resource.url),
        }
        if let Some(format) = &resource.format.as_ref().filter(|f| !f.is_empty()) {
            doc.string("format", format);
        }
        if !resource.description.trim().is_empty() {
            doc.string("description", resource.description.trim());
        }
    }
}
