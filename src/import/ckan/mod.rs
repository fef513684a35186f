//! CKAN's catalogs read into an [`Imported`] catalog: the answers of
//! `package_search` (with its `count`, so a partial dump says "3 of 1,266")
//! and `package_show`, a list of packages, `ckanapi dump`'s JSON lines
//! ([`answers`]), or a live portal paged through ([`live`]); each package
//! becomes a dataset ([`package`]).

mod live;
mod package;

pub use live::read_live;

use super::{Imported, ImportedParticipant, Note, SourceKind};
use crate::messages::Arg;
use crate::msg;
use crate::scaffold::Refusal;
use serde_json::Value;
use std::collections::BTreeMap;

/// The packages of a saved answer, and the total it says the portal holds.
pub struct Packages {
    pub list: Vec<Value>,
    pub declared: Option<usize>,
}

/// Reads a saved CKAN answer (`label` names it in notes).
pub fn read_ckan(text: &str, label: &str) -> Result<Imported, Refusal> {
    let packages = answers(text)?;
    Ok(read_packages(packages, label, None))
}

/// The packages of a text: one JSON answer, or JSON lines (one package each).
pub fn answers(text: &str) -> Result<Packages, Refusal> {
    let text = text.trim_start_matches('\u{feff}');
    match serde_json::from_str::<Value>(text) {
        Ok(value) => packages(&value),
        Err(whole) => json_lines(text).ok_or_else(|| {
            let looks = super::source::looks_like(text);
            let json = text.trim_start().starts_with(['{', '[']);
            let message = if json {
                msg!("import-not-json", error = whole.to_string())
            } else {
                msg!("import-not-json-looks", looks = looks)
            };
            Refusal::new(message, msg!("import-not-json-help"))
        }),
    }
}

/// `ckanapi dump`'s output: one package object per line.
fn json_lines(text: &str) -> Option<Packages> {
    let mut list = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let value: Value = serde_json::from_str(line).ok()?;
        value.is_object().then_some(())?;
        list.push(value);
    }
    (!list.is_empty()).then_some(Packages {
        list,
        declared: None,
    })
}

/// The packages of any of the answers CKAN gives.
fn packages(value: &Value) -> Result<Packages, Refusal> {
    if value.get("success") == Some(&Value::Bool(false)) {
        let message = value
            .pointer("/error/message")
            .and_then(Value::as_str)
            .map_or_else(|| Arg::from(msg!("import-ckan-error-none")), Arg::from);
        return Err(Refusal::new(
            msg!("import-ckan-error", message = message),
            msg!("import-ckan-error-help"),
        ));
    }
    let found = match value {
        Value::Array(list) => Some(Packages {
            list: list.clone(),
            declared: None,
        }),
        Value::Object(object) => match object.get("result") {
            Some(Value::Array(list)) => Some(Packages {
                list: list.clone(),
                declared: None,
            }),
            Some(Value::Object(result)) => match result.get("results") {
                Some(Value::Array(list)) => Some(Packages {
                    list: list.clone(),
                    declared: result
                        .get("count")
                        .and_then(Value::as_u64)
                        .map(|c| c as usize),
                }),
                _ if result.contains_key("name") => Some(Packages {
                    list: vec![Value::Object(result.clone())],
                    declared: None,
                }),
                _ => None,
            },
            _ if object.contains_key("name") && object.contains_key("resources") => {
                Some(Packages {
                    list: vec![value.clone()],
                    declared: None,
                })
            }
            _ => None,
        },
        _ => None,
    };
    found.ok_or_else(|| Refusal::new(msg!("import-no-packages"), msg!("import-no-packages-help")))
}

/// Packages into a catalog; `site` is the portal's address when known (its
/// dataset pages are `site/dataset/<name>`).
pub fn read_packages(packages: Packages, label: &str, site: Option<&str>) -> Imported {
    let mut imported = Imported {
        kind: SourceKind::Ckan,
        declared: packages.declared,
        ..Imported::default()
    };
    let mut participants: BTreeMap<String, ImportedParticipant> = BTreeMap::new();
    for (index, package) in packages.list.iter().enumerate() {
        let subject = package.get("name").and_then(Value::as_str).map_or_else(
            || format!("{label} › #{}", index + 1),
            |name| format!("{label} › {name}"),
        );
        let Some(package) = package.as_object() else {
            imported.skipped.push(Note {
                source: subject,
                field: String::new(),
                message: msg!("import-package-not-object"),
            });
            continue;
        };
        let participant =
            package::participant_of(package, &subject, &participants, &mut imported.notes);
        let participant_id = participant.id.clone();
        participants
            .entry(participant.id.clone())
            .or_insert(participant);
        match package::dataset(package, &participant_id, subject.clone(), site) {
            Some(dataset) => {
                for title in &dataset.categories {
                    if !imported.categories.iter().any(|c| &c.title == title) {
                        imported.categories.push(super::ImportedCategory {
                            title: title.clone(),
                            description: String::new(),
                        });
                    }
                }
                imported.datasets.push(dataset);
            }
            None => imported.skipped.push(Note {
                source: subject,
                field: String::new(),
                message: msg!("import-package-nameless"),
            }),
        }
    }
    imported.participants = participants.into_values().collect();
    imported
}
