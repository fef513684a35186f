//! A JKAN site (`_datasets/*.md`, `_organizations/*.md`: YAML front matter)
//! read into an [`Imported`] catalog. A dataset names its organization by
//! title; the organization's file name becomes the participant's id.

use super::mapping;
use super::{Imported, ImportedDataset, ImportedParticipant, LicenseChoice};
use crate::load::ids;
use crate::msg;
use crate::scaffold::Refusal;
use crate::slug::slugify;
use serde_yaml_ng::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Keys of a JKAN dataset that are JKAN's own machinery, not metadata.
const JKAN_INTERNAL: &[&str] = &["schema", "layout", "permalink"];

pub fn read_jkan(dir: &Path, categories: &[(String, String)]) -> Result<Imported, Refusal> {
    let datasets_dir = dir.join("_datasets");
    if !datasets_dir.is_dir() {
        return Err(Refusal::new(
            msg!(
                "import-no-datasets-folder",
                folder = dir.display().to_string()
            ),
            msg!("import-no-datasets-folder-help"),
        ));
    }
    let mut imported = Imported::default();
    let mut participants: BTreeMap<String, ImportedParticipant> = BTreeMap::new();
    // Organizations by title (how datasets name them) → participant id.
    let mut by_title: BTreeMap<String, String> = BTreeMap::new();
    for path in markdown_files(&dir.join("_organizations")) {
        let Some(front) = front_matter(&path, &mut imported) else {
            continue;
        };
        let id = ids::file_id(&path);
        let name = string(&front, "title").unwrap_or_else(|| stem(&path));
        by_title.insert(slugify(&name), id.clone());
        let participant = participant(id.clone(), name, string(&front, "description"));
        note_kind(&participant, &mut imported);
        participants.insert(id, participant);
    }

    for path in markdown_files(&datasets_dir) {
        let Some(front) = front_matter(&path, &mut imported) else {
            continue;
        };
        let organization = string(&front, "organization");
        let participant_id = match &organization {
            Some(title) => match by_title.get(&slugify(title)) {
                Some(id) => id.clone(),
                None => {
                    let id = slugify(title);
                    if !participants.contains_key(&id) {
                        let p = participant(id.clone(), title.clone(), None);
                        note_kind(&p, &mut imported);
                        participants.insert(id.clone(), p);
                    }
                    id
                }
            },
            None => {
                let id = "sin-organizacion".to_string();
                participants
                    .entry(id.clone())
                    .or_insert_with(|| ImportedParticipant {
                        kind_defaulted: true,
                        ..participant(id.clone(), "Sin organización".to_string(), None)
                    });
                id
            }
        };
        if participant_id.is_empty() {
            continue;
        }
        imported
            .datasets
            .push(dataset(&path, &front, participant_id, categories));
    }
    imported.participants = participants.into_values().collect();
    Ok(imported)
}

fn participant(id: String, name: String, description: Option<String>) -> ImportedParticipant {
    let kind = mapping::participant_kind(&name);
    ImportedParticipant {
        id,
        kind: kind.unwrap_or("organizacion"),
        kind_defaulted: kind.is_none(),
        description: description.unwrap_or_default(),
        website: None,
        email: None,
        name,
    }
}

fn note_kind(p: &ImportedParticipant, imported: &mut Imported) {
    if p.kind_defaulted {
        imported
            .notes
            .push((p.id.clone(), msg!("import-kind-unknown", name = &p.name)));
    }
}

fn dataset(
    path: &Path,
    front: &serde_yaml_ng::Mapping,
    participant: String,
    categories: &[(String, String)],
) -> ImportedDataset {
    let mut d = ImportedDataset {
        participant,
        title: string(front, "title").unwrap_or_else(|| stem(path)),
        description: string(front, "notes").unwrap_or_default(),
        slug: ids::file_id(path),
        ..ImportedDataset::default()
    };
    for category in strings(front, "category") {
        let found = mapping::category_for("", &category, categories);
        d.add_category(found, "category", &category);
    }
    if let Some(license) = string(front, "license") {
        match mapping::license_id(&license) {
            Some(id) => d.license = LicenseChoice::Id(id.to_string()),
            None => d
                .unmapped
                .push(msg!("import-licence-not-known", name = license)),
        }
    }
    d.contact_name = string(front, "maintainer");
    if let Some(email) = string(front, "maintainer_email") {
        d.set_contact_email(email);
    }
    if let Some(Value::Sequence(resources)) = front.get("resources") {
        for (index, resource) in resources.iter().enumerate() {
            let Some(resource) = resource.as_mapping() else {
                continue;
            };
            d.add_resource(
                string(resource, "name").unwrap_or_else(|| format!("Recurso {}", index + 1)),
                string(resource, "url"),
                string(resource, "format"),
                string(resource, "description"),
            );
        }
    }
    note_other_keys(front, &mut d);
    d
}

/// Keys of the dataset the import has no place for, kept as notes.
fn note_other_keys(front: &serde_yaml_ng::Mapping, d: &mut ImportedDataset) {
    let known = [
        "title",
        "organization",
        "notes",
        "category",
        "license",
        "maintainer",
        "maintainer_email",
        "resources",
    ];
    for (key, value) in front {
        let Some(key) = key.as_str() else { continue };
        if known.contains(&key) || JKAN_INTERNAL.contains(&key) {
            continue;
        }
        let shown = match value {
            Value::String(s) => format!("{s:?}"),
            Value::Null => continue,
            other => serde_yaml_ng::to_string(other)
                .map(|s| s.trim().replace('\n', " "))
                .unwrap_or_default(),
        };
        d.unmapped
            .push(msg!("import-other-key", key = key, value = shown));
    }
}

/// The YAML front matter of a JKAN file; a file without one is noted and skipped.
fn front_matter(path: &Path, imported: &mut Imported) -> Option<serde_yaml_ng::Mapping> {
    let name = path.display().to_string();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            imported
                .notes
                .push((name, msg!("import-cannot-read-file", error = e.to_string())));
            return None;
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let yaml = text
        .strip_prefix("---")
        .and_then(|rest| rest.split_once("\n---"))
        .map(|(front, _)| front);
    let Some(yaml) = yaml else {
        imported.notes.push((name, msg!("import-no-front-matter")));
        return None;
    };
    match serde_yaml_ng::from_str::<Value>(yaml) {
        Ok(Value::Mapping(mapping)) => Some(mapping),
        Ok(_) => {
            imported
                .notes
                .push((name, msg!("import-front-matter-not-keys")));
            None
        }
        Err(e) => {
            imported
                .notes
                .push((name, msg!("import-bad-yaml", error = e.to_string())));
            None
        }
    }
}

fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.is_file()
                        && matches!(
                            p.extension().and_then(|e| e.to_str()),
                            Some("md" | "markdown" | "mdown")
                        )
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default()
}

fn string(map: &serde_yaml_ng::Mapping, key: &str) -> Option<String> {
    match map.get(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A key holding one string or a list of them.
fn strings(map: &serde_yaml_ng::Mapping, key: &str) -> Vec<String> {
    match map.get(key) {
        Some(Value::Sequence(items)) => items
            .iter()
            .filter_map(|v| v.as_str())
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
        Some(Value::String(s)) if !s.trim().is_empty() => vec![s.trim().to_string()],
        _ => Vec::new(),
    }
}
