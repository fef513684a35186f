//! DCAT catalogs read into an [`Imported`] catalog, for the many portals
//! that publish only those: DCAT-US `data.json` (POD 1.1: `dataset[]` with
//! `publisher`, `contactPoint`, `distribution[]`…) here, and DCAT-AP
//! JSON-LD through a small RDF [`graph`] ([`rdf`]).

mod graph;
mod rdf;

use super::{Imported, ImportedDataset, ImportedParticipant, ResourceFound, SourceKind, html};
use crate::msg;
use crate::scaffold::Refusal;
use crate::slug::slugify;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

pub fn read_dcat(document: &str, label: &str) -> Result<Imported, Refusal> {
    let value: Value =
        serde_json::from_str(document.trim_start_matches('\u{feff}')).map_err(|e| {
            let json = document.trim_start().starts_with(['{', '[']);
            let message = if json {
                msg!("import-not-json", error = e.to_string())
            } else {
                msg!(
                    "import-not-json-looks",
                    looks = super::source::looks_like(document)
                )
            };
            Refusal::new(message, msg!("import-dcat-help"))
        })?;
    let mut imported = Imported {
        kind: SourceKind::Dcat,
        ..Imported::default()
    };
    let mut participants = Participants::default();
    if let Some(Value::Array(datasets)) = value.get("dataset") {
        for (index, dataset) in datasets.iter().enumerate() {
            let Some(dataset) = dataset.as_object() else {
                continue;
            };
            let source = format!("{label} › dataset[{}]", index + 1);
            let publisher = dataset
                .get("publisher")
                .and_then(|p| text(p.as_object()?, "name"));
            let participant = participants.of(publisher, &source, &mut imported);
            imported
                .datasets
                .push(data_json_dataset(dataset, participant, source));
        }
    } else {
        let graph = graph::from_json_ld(&value);
        rdf::read(
            &graph,
            label,
            &mut imported,
            &mut |name, source, imported| participants.of(name, source, imported),
        );
    }
    if imported.datasets.is_empty() {
        return Err(Refusal::new(
            msg!("import-dcat-no-datasets"),
            msg!("import-dcat-help"),
        ));
    }
    for dataset in &imported.datasets {
        for title in &dataset.categories {
            if !imported.categories.iter().any(|c| &c.title == title) {
                imported.categories.push(super::ImportedCategory {
                    title: title.clone(),
                    description: String::new(),
                });
            }
        }
    }
    imported.participants = participants.by_id.into_values().collect();
    Ok(imported)
}

/// Publishers become participants, by name.
#[derive(Default)]
struct Participants {
    by_id: BTreeMap<String, ImportedParticipant>,
}

impl Participants {
    fn of(&mut self, name: Option<String>, source: &str, imported: &mut Imported) -> String {
        let name = name.unwrap_or_else(|| "Sin organización".to_string());
        let id = Some(slugify(&name))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "sin-organizacion".to_string());
        if !self.by_id.contains_key(&id) {
            let participant = ImportedParticipant::named(
                id.clone(),
                id.clone(),
                name,
                &mut imported.notes,
                source,
            );
            self.by_id.insert(id.clone(), participant);
        }
        id
    }
}

fn text(object: &Map<String, Value>, key: &str) -> Option<String> {
    match object.get(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn texts(object: &Map<String, Value>, key: &str) -> Vec<String> {
    match object.get(key) {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(|s| s.trim().to_string())
            .collect(),
        Some(Value::String(s)) => s
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
        _ => Vec::new(),
    }
}

/// A dataset of a `data.json`.
fn data_json_dataset(
    object: &Map<String, Value>,
    participant: String,
    source: String,
) -> ImportedDataset {
    let title = text(object, "title").unwrap_or_default();
    let identifier = text(object, "identifier").unwrap_or_else(|| title.clone());
    let slug = slug_of(&identifier, &title);
    let mut d = ImportedDataset {
        participant,
        slug,
        source_id: identifier,
        source,
        source_page: text(object, "landingPage"),
        title,
        ..ImportedDataset::default()
    };
    d.description = description(text(object, "description"), &mut d);
    for keyword in texts(object, "keyword") {
        d.add_keyword(&keyword);
    }
    for theme in texts(object, "theme") {
        d.add_category(&theme);
    }
    d.license = rdf::license_of(text(object, "license").as_deref(), &mut d);
    for (key, target) in [("issued", true), ("modified", false)] {
        if let Some(value) = text(object, key) {
            d.set_date(
                key,
                &value,
                if target {
                    |d| &mut d.issued
                } else {
                    |d| &mut d.modified
                },
            );
        }
    }
    if let Some(value) = text(object, "accrualPeriodicity") {
        d.set_frequency("accrualPeriodicity", &value);
    }
    if let Some(value) = text(object, "temporal") {
        d.set_temporal("temporal", &value);
    }
    d.spatial = text(object, "spatial").filter(|s| !s.starts_with('{'));
    if let Some(contact) = object.get("contactPoint").and_then(Value::as_object) {
        d.contact_name = text(contact, "fn");
        if let Some(email) = text(contact, "hasEmail") {
            d.set_contact_email("contactPoint.hasEmail", email);
        }
    }
    let distributions = object
        .get("distribution")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for (index, distribution) in distributions.iter().enumerate() {
        let Some(distribution) = distribution.as_object() else {
            continue;
        };
        d.add_resource(
            format!("distribution[{}]", index + 1),
            ResourceFound {
                title: text(distribution, "title"),
                url: text(distribution, "downloadURL").or_else(|| text(distribution, "accessURL")),
                format: text(distribution, "format").or_else(|| text(distribution, "mediaType")),
                description: text(distribution, "description"),
            },
        );
    }
    d
}

/// A descriptor's slug from a dataset's identifier (its last path segment
/// when it is an address) or title.
fn slug_of(identifier: &str, title: &str) -> String {
    let trimmed = identifier
        .trim_end_matches(['/', '#'])
        .trim_end_matches("#dataset")
        .trim_end_matches('/');
    let last = if super::http::is_web_address(trimmed) {
        trimmed.rsplit('/').next().unwrap_or(trimmed)
    } else {
        trimmed
    };
    Some(slugify(last))
        .filter(|s| !s.is_empty() && s.len() <= 80)
        .unwrap_or_else(|| slugify(title))
}

/// A description, HTML made Markdown.
fn description(found: Option<String>, d: &mut ImportedDataset) -> String {
    let Some(found) = found else {
        return String::new();
    };
    if html::is_html(&found)
        && let Some(markdown) = html::to_markdown(&found)
    {
        d.note("description", msg!("import-html-converted"));
        return markdown;
    }
    found
}
