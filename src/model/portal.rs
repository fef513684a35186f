//! The portal's own settings, from `portal.toml`.

use super::License;
use serde::{Deserialize, Serialize};

/// The language of the portal's interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Es,
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Es => "es",
            Language::En => "en",
        }
    }
}

/// A theme of the catalog (`dcat:theme`).
#[derive(Debug, Clone, Serialize)]
pub struct Category {
    pub id: String,
    pub title: String,
    pub description: String,
}

/// Settings from `portal.toml`, validated.
#[derive(Debug, Clone)]
pub struct Portal {
    pub title: String,
    /// Markdown.
    pub description: String,
    /// Absolute, ending in `/`; its path part is where the portal lives on its host.
    pub base_url: String,
    pub language: Language,
    pub default_license: Option<License>,
    /// A CSS colour for links and buttons.
    pub accent_color: Option<String>,
    /// A file under `static/`, shown in the header.
    pub logo: Option<String>,
    /// Rows shown in a data preview.
    pub preview_rows: usize,
    pub categories: Vec<Category>,
    /// Built-in licences followed by those the site declares.
    pub licenses: Vec<License>,
    /// `[check] allow`: warning codes (or `code:file`) shown as notes, so `check --strict` passes.
    pub check_allow: Vec<String>,
    /// `[build] max_file_size`: a larger data file is not read nor published (100 MB unless set).
    pub max_file_bytes: u64,
}

impl Portal {
    pub fn license(&self, id: &str) -> Option<&License> {
        self.licenses.iter().find(|l| l.id == id)
    }
}
