//! A dataset and its resources, as its descriptor declares them.

use super::{Date, Frequency, License};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Published,
    /// Promised but not yet published: part of the public inventory.
    Planned,
}

#[derive(Debug, Clone, Default)]
pub struct Temporal {
    pub start: Option<Date>,
    pub end: Option<Date>,
}

#[derive(Debug, Clone, Default)]
pub struct Contact {
    pub name: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Dataset {
    /// `<participant>/<descriptor stem>`, slugified.
    pub id: String,
    pub participant: String,
    /// The descriptor's stem, slugified.
    pub slug: String,
    /// The descriptor, relative to the site.
    pub source_file: String,
    pub title: String,
    /// Markdown.
    pub description: String,
    /// The line of `source_file` where the description's text begins.
    pub description_line: usize,
    pub keywords: Vec<String>,
    /// Category ids, all declared in `portal.toml`.
    pub categories: Vec<String>,
    pub license: License,
    pub status: Status,
    pub issued: Option<Date>,
    pub modified: Option<Date>,
    pub frequency: Option<Frequency>,
    pub temporal: Option<Temporal>,
    pub spatial: Option<String>,
    pub contact: Option<Contact>,
    /// For a planned dataset: when it was promised.
    pub expected: Option<Date>,
    pub resources: Vec<Resource>,
    /// Ids the dataset had before it was renamed (`participant/old-slug`); the
    /// portal keeps a redirect page at each one's address.
    pub former_ids: Vec<String>,
}

#[derive(Debug, Clone)]
pub enum ResourceLocation {
    /// A file of the site, published as a download.
    Local {
        /// The file on disk.
        path: PathBuf,
        /// Its site-relative name, for messages.
        source_file: String,
        /// The name it is published under.
        file_name: String,
    },
    /// A file hosted elsewhere.
    Remote { url: String },
}

#[derive(Debug, Clone)]
pub struct Resource {
    /// Unique within its dataset: its file name's stem, slugified.
    pub slug: String,
    pub title: String,
    pub location: ResourceLocation,
    /// Upper-case format name: CSV, XLSX, KML, GeoJSON…
    pub format: String,
    /// A WHATWG encoding label, when declared.
    pub encoding: Option<String>,
    /// Markdown.
    pub description: String,
    /// The line of the descriptor where the description's text begins.
    pub description_line: usize,
    pub fields: Vec<Field>,
    pub personal_data: Vec<PersonalDataAcceptance>,
    /// `primary_key`: the column that identifies a row, so the history tells
    /// a revised row from a removed one and an added one.
    pub primary_key: Option<String>,
}

/// Documentation of one column (Table Schema).
#[derive(Debug, Clone, Serialize)]
pub struct Field {
    pub name: String,
    #[serde(rename = "type")]
    pub field_type: Option<String>,
    pub description: String,
    /// What the column holds, when the descriptor says (`holds = "offices"`).
    #[serde(skip)]
    pub holds: Option<Holds>,
}

/// What a column holds, as a descriptor says, for the personal-data gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Holds {
    /// Public offices: their phones, e-mail addresses and street addresses,
    /// and the public servants who head them (a directory the transparency
    /// law makes public). Names in it are not taken for private people's;
    /// phones, office e-mails and addresses are warnings to accept, not errors.
    #[serde(rename = "offices", alias = "oficinas")]
    Offices,
}

/// A personal-data finding accepted on purpose, with the reason.
#[derive(Debug, Clone, Serialize)]
pub struct PersonalDataAcceptance {
    pub column: String,
    pub reason: String,
}
