//! A JKAN site (Jekyll collections with YAML front matter) read into an
//! [`Imported`] catalog: `_organizations/` become participants (a dataset
//! names its organization by title; the file's name is the participant's
//! id), `_dataset_categories/` (or a fork's `_categories/`) the site's
//! categories, `_licenses/` and `_data/licenses.yml` the names a dataset's
//! `license` may use, `_config.yml` the portal's address and the defaults
//! Jekyll gives every dataset; then each `_datasets/` file ([`dataset`]).

mod dataset;
mod front;
mod portal;

use super::{Imported, ImportedParticipant, Note, SourceKind};
use crate::load::ids;
use crate::msg;
use crate::scaffold::Refusal;
use crate::slug::slugify;
use front::{FrontProblem, Map};
use portal::JkanPortal;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The participant of datasets that name no organization.
const NO_ORGANIZATION: &str = "sin-organizacion";

pub fn read_jkan(dir: &Path) -> Result<Imported, Refusal> {
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
    let mut imported = Imported {
        kind: SourceKind::Jkan,
        ..Imported::default()
    };
    let portal = JkanPortal::read(dir, &mut imported);
    let mut organizations = Organizations::default();
    for path in markdown_files(&dir.join("_organizations")) {
        let label = label(dir, &path);
        let Some(front) = read_front(&path, &label, &mut imported) else {
            continue;
        };
        let name = front.text("title").unwrap_or_else(|| stem(&path));
        let id = ids::file_id(&path);
        let mut participant = ImportedParticipant::named(
            id.clone(),
            id.clone(),
            name.clone(),
            &mut imported.notes,
            &label,
        );
        participant.description = front.text("description").unwrap_or_default();
        participant.email = front.text("email").filter(|e| super::mapping::is_email(e));
        participant.website = front
            .text("url")
            .or_else(|| front.text("website"))
            .and_then(|u| super::mapping::web_url(&u));
        organizations.add(participant, &[&name, &stem(&path)]);
    }
    for path in markdown_files(&datasets_dir) {
        let label = label(dir, &path);
        let Some(front) = read_front(&path, &label, &mut imported) else {
            continue;
        };
        let front = portal.with_defaults(front);
        let participant = organizations.of(front.text("organization"), &label, &mut imported.notes);
        let relative = path.strip_prefix(&datasets_dir).unwrap_or(&path);
        let dataset = dataset::read(&front, &portal, participant, relative, label);
        imported.datasets.push(dataset);
    }
    imported.participants = organizations.by_id.into_values().collect();
    Ok(imported)
}

/// The organizations, by id and by every name datasets may use.
#[derive(Default)]
struct Organizations {
    by_id: BTreeMap<String, ImportedParticipant>,
    by_name: BTreeMap<String, String>,
}

impl Organizations {
    fn add(&mut self, participant: ImportedParticipant, names: &[&str]) {
        for name in names {
            self.by_name
                .entry(slugify(name))
                .or_insert_with(|| participant.id.clone());
        }
        self.by_id.insert(participant.id.clone(), participant);
    }

    /// The participant of a dataset naming `organization` (created when no
    /// `_organizations/` file has that title).
    fn of(&mut self, organization: Option<String>, source: &str, notes: &mut Vec<Note>) -> String {
        let named =
            organization.filter(|o| !matches!(slugify(o).as_str(), "" | "n-a" | "none" | "na"));
        let Some(name) = named else {
            if !self.by_id.contains_key(NO_ORGANIZATION) {
                let mut participant = ImportedParticipant::named(
                    NO_ORGANIZATION.to_string(),
                    NO_ORGANIZATION.to_string(),
                    "Sin organización".to_string(),
                    &mut Vec::new(),
                    source,
                );
                participant.kind_defaulted = true;
                notes.push(Note {
                    source: source.to_string(),
                    field: "organization".to_string(),
                    message: msg!("import-no-organization"),
                });
                self.by_id.insert(NO_ORGANIZATION.to_string(), participant);
            }
            return NO_ORGANIZATION.to_string();
        };
        if let Some(id) = self.by_name.get(&slugify(&name)) {
            return id.clone();
        }
        let id = slugify(&name);
        let participant = ImportedParticipant::named(
            id.clone(),
            format!("organization:{name}"),
            name.clone(),
            notes,
            source,
        );
        notes.push(Note {
            source: source.to_string(),
            field: "organization".to_string(),
            message: msg!("import-organization-without-file", name = &name),
        });
        self.add(participant, &[&name]);
        id
    }
}

/// A file's front matter, or a note saying why the file was skipped.
fn read_front(path: &Path, label: &str, imported: &mut Imported) -> Option<Map> {
    let skip = |imported: &mut Imported, message| {
        imported.skipped.push(Note {
            source: label.to_string(),
            field: String::new(),
            message,
        });
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            skip(
                imported,
                msg!("import-cannot-read-file", error = e.to_string()),
            );
            return None;
        }
    };
    let text = super::source::decode(&bytes);
    match front::front_matter(&text) {
        Ok(map) => {
            for key in &map.repeated {
                imported.notes.push(Note {
                    source: label.to_string(),
                    field: key.clone(),
                    message: msg!("import-key-repeated", key = key),
                });
            }
            Some(map)
        }
        Err(problem) => {
            let message = match problem {
                FrontProblem::Missing => msg!("import-no-front-matter"),
                FrontProblem::NotKeys => msg!("import-front-matter-not-keys"),
                FrontProblem::Yaml(error) => msg!("import-bad-yaml", error = error),
            };
            skip(imported, message);
            None
        }
    }
}

/// The Markdown files of a collection, at any depth, in name order.
fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("md" | "markdown" | "mdown" | "html")
            )
        })
        .collect();
    files.sort();
    files
}

/// How notes name a file of the JKAN site: its path inside it, with `/`.
fn label(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default()
}
