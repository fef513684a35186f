//! What a JKAN site says once for all its datasets: `_config.yml` (the
//! portal's address, the permalink of dataset pages, the defaults Jekyll
//! gives every dataset), its licences (`_data/licenses.yml`, `_licenses/`)
//! and its categories (`_dataset_categories/`, `_categories/` in forks).

use super::front::{self, Map, Node};
use super::{label, markdown_files, read_front};
use crate::import::{Imported, ImportedCategory, Note};
use crate::msg;
use crate::slug::slugify;
use std::path::Path;

/// A licence the JKAN site lists: its name and address.
#[derive(Debug, Clone)]
pub struct SourceLicense {
    pub name: String,
    pub url: Option<String>,
    /// Other names it goes by (its file's name, its `id`).
    pub aliases: Vec<String>,
}

#[derive(Default)]
pub struct JkanPortal {
    /// `url` + `baseurl` of `_config.yml`, without the final `/`.
    pub address: Option<String>,
    /// The permalink of dataset pages (`/datasets/:path/`).
    permalink: String,
    /// Values Jekyll gives datasets that do not set them.
    defaults: Vec<(String, Node)>,
    pub licenses: Vec<SourceLicense>,
}

impl JkanPortal {
    pub fn read(dir: &Path, imported: &mut Imported) -> JkanPortal {
        let mut portal = JkanPortal {
            permalink: "/datasets/:path/".to_string(),
            ..JkanPortal::default()
        };
        if let Some(config) = yaml_file(&dir.join("_config.yml"), "_config.yml", imported) {
            portal.configure(&config);
        }
        portal.read_licenses(dir, imported);
        imported.categories = categories(dir, imported);
        portal
    }

    fn configure(&mut self, config: &Map) {
        let url = config
            .text("url")
            .filter(|u| super::super::http::is_web_address(u));
        self.address = url.map(|url| {
            let base = config.text("baseurl").unwrap_or_default();
            format!("{}/{}", url.trim_end_matches('/'), base.trim_matches('/'))
                .trim_end_matches('/')
                .to_string()
        });
        if let Some(Node::Map(collections)) = config.get("collections")
            && let Some(Node::Map(datasets)) = collections.get("datasets")
            && let Some(permalink) = datasets.text("permalink")
        {
            self.permalink = permalink;
        }
        let Some(Node::List(defaults)) = config.get("defaults") else {
            return;
        };
        for default in defaults {
            let Node::Map(default) = default else {
                continue;
            };
            let for_datasets = matches!(default.get("scope"), Some(Node::Map(scope)) if scope.text("type").as_deref() == Some("datasets"));
            if let (true, Some(Node::Map(values))) = (for_datasets, default.get("values")) {
                self.defaults.extend(values.entries.iter().cloned());
            }
        }
    }

    /// A dataset's front matter with the defaults it does not set.
    pub fn with_defaults(&self, mut front: Map) -> Map {
        for (key, value) in &self.defaults {
            if front.get(key).is_none() && key != "layout" {
                front.entries.push((key.clone(), value.clone()));
            }
        }
        front
    }

    /// The page of the dataset at `relative` (under `_datasets/`) on the source portal.
    pub fn page_of(&self, relative: &Path) -> Option<String> {
        let address = self.address.as_ref()?;
        let path = relative.with_extension("");
        let path = path.to_string_lossy().replace('\\', "/");
        let name = relative.file_stem()?.to_string_lossy().to_string();
        let page = self
            .permalink
            .replace(":path", &path)
            .replace(":name", &name)
            .replace(":title", &name)
            .replace(":collection", "datasets");
        Some(format!("{address}/{}", page.trim_start_matches('/')))
    }

    fn read_licenses(&mut self, dir: &Path, imported: &mut Imported) {
        if let Some(data) = yaml_list(
            &dir.join("_data/licenses.yml"),
            "_data/licenses.yml",
            imported,
        ) {
            for item in data {
                let Node::Map(item) = item else { continue };
                let Some(name) = item.text("name").or_else(|| item.text("title")) else {
                    continue;
                };
                self.licenses.push(SourceLicense {
                    url: item.text("url"),
                    aliases: item.text("id").into_iter().collect(),
                    name,
                });
            }
        }
        for path in markdown_files(&dir.join("_licenses")) {
            let label = label(dir, &path);
            let Some(front) = read_front(&path, &label, imported) else {
                continue;
            };
            let stem = super::stem(&path);
            let name = front
                .text("title")
                .or_else(|| front.text("name"))
                .unwrap_or_else(|| stem.clone());
            let url = front.text("url").or_else(|| {
                let permalink = front.text("permalink")?;
                let address = self.address.as_ref()?;
                Some(format!("{address}/{}", permalink.trim_start_matches('/')))
            });
            let known = self
                .licenses
                .iter_mut()
                .find(|l| slugify(&l.name) == slugify(&name));
            match known {
                Some(license) => {
                    license.url = license.url.take().or(url);
                    license.aliases.push(stem);
                }
                None => self.licenses.push(SourceLicense {
                    name,
                    url,
                    aliases: vec![stem],
                }),
            }
        }
    }

    /// The licence a dataset's `license` names (by name, alias or address).
    pub fn license(&self, written: &str) -> Option<&SourceLicense> {
        let wanted = slugify(written);
        self.licenses.iter().find(|l| {
            slugify(&l.name) == wanted
                || l.aliases.iter().any(|a| slugify(a) == wanted)
                || l.url.as_deref().is_some_and(|u| {
                    u.trim_end_matches('/') == written.trim().trim_end_matches('/')
                })
        })
    }
}

/// The categories of `_dataset_categories/` (or `_categories/`).
fn categories(dir: &Path, imported: &mut Imported) -> Vec<ImportedCategory> {
    let mut found = Vec::new();
    for folder in ["_dataset_categories", "_categories"] {
        for path in markdown_files(&dir.join(folder)) {
            let label = label(dir, &path);
            let Some(front) = read_front(&path, &label, imported) else {
                continue;
            };
            let title = front
                .text("name")
                .or_else(|| front.text("title"))
                .unwrap_or_else(|| super::stem(&path));
            if !crate::import::mapping::is_no_category(&title) {
                found.push(ImportedCategory {
                    title,
                    description: front.text("description").unwrap_or_default(),
                });
            }
        }
    }
    found
}

/// A YAML file that should be a mapping; `None` when absent (a broken one is noted).
fn yaml_file(path: &Path, label: &str, imported: &mut Imported) -> Option<Map> {
    let text = std::fs::read_to_string(path).ok()?;
    match front::parse(&text) {
        Ok(map) => Some(map),
        Err(problem) => {
            imported.notes.push(Note {
                source: label.to_string(),
                field: String::new(),
                message: msg!("import-bad-yaml", error = format!("{problem:?}")),
            });
            None
        }
    }
}

/// The list of a `_data/*.yml` file: the file itself, or its `items`.
fn yaml_list(path: &Path, label: &str, imported: &mut Imported) -> Option<Vec<Node>> {
    let text = std::fs::read_to_string(path).ok()?;
    if let Ok(Node::List(items)) = serde_yaml_ng::from_str::<Node>(&text) {
        return Some(items);
    }
    match yaml_file(path, label, imported)?.get("items") {
        Some(Node::List(items)) => Some(items.clone()),
        _ => None,
    }
}
