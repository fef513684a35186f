//! What the writer needs of the site's `portal.toml` (read leniently: its
//! categories, language and address), and the source's categories added to
//! it as `[[categories]]` tables at its end, the rest of the file untouched.

use crate::import::ImportedCategory;
use crate::load::PORTAL_FILE;
use crate::model::Language;
use crate::slug::slugify;
use crate::toml_text::Document;
use std::path::Path;

/// The facts of the site an import writes into.
pub struct SiteFacts {
    /// Declared categories: (id, title).
    pub categories: Vec<(String, String)>,
    pub language: Language,
    pub base_url: String,
}

impl SiteFacts {
    pub fn read(site: &Path) -> SiteFacts {
        let table: toml::Table = std::fs::read_to_string(site.join(PORTAL_FILE))
            .ok()
            .and_then(|text| toml::from_str(&text).ok())
            .unwrap_or_default();
        let categories = table
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
            .unwrap_or_default();
        let language = match table.get("language").and_then(|l| l.as_str()) {
            Some("en") => Language::En,
            _ => Language::Es,
        };
        let base_url = table
            .get("base_url")
            .and_then(|b| b.as_str())
            .unwrap_or("http://localhost/")
            .to_string();
        SiteFacts {
            categories,
            language,
            base_url,
        }
    }

    /// The id of the declared category a source's category title stands for
    /// (same id, or same title once folded).
    pub fn category_id(&self, title: &str) -> Option<String> {
        let folded = slugify(title);
        self.categories
            .iter()
            .find(|(id, known)| *id == folded || slugify(known) == folded)
            .map(|(id, _)| id.clone())
    }

    /// Declares the categories datasets use that portal.toml lacks, by
    /// appending them to it; their ids. Titles are looked up in `known`
    /// (the source's list) for a description.
    pub fn add_categories(
        &mut self,
        site: &Path,
        used: &[String],
        known: &[ImportedCategory],
    ) -> std::io::Result<Vec<String>> {
        let mut doc = Document::default();
        let mut added = Vec::new();
        let wanted = known
            .iter()
            .map(|c| c.title.clone())
            .chain(used.iter().cloned());
        for title in wanted {
            if self.category_id(&title).is_some() || slugify(&title).is_empty() {
                continue;
            }
            let id = slugify(&title);
            doc.table("[[categories]]");
            doc.string("id", &id);
            doc.string("title", &title);
            if let Some(description) = known
                .iter()
                .find(|c| c.title == title)
                .map(|c| c.description.trim())
                .filter(|d| !d.is_empty())
            {
                doc.string("description", description);
            }
            self.categories.push((id.clone(), title));
            added.push(id);
        }
        if !added.is_empty() {
            let path = site.join(PORTAL_FILE);
            let mut text = std::fs::read_to_string(&path)?;
            if !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str(&doc.finish());
            std::fs::write(&path, text)?;
        }
        Ok(added)
    }
}
