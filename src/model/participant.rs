//! A participant: a state, municipality or organisation that publishes data.

use super::Date;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ParticipantKind {
    Estado,
    Municipio,
    Federal,
    Organizacion,
}

impl ParticipantKind {
    pub fn key(self) -> &'static str {
        match self {
            ParticipantKind::Estado => "estado",
            ParticipantKind::Municipio => "municipio",
            ParticipantKind::Federal => "federal",
            ParticipantKind::Organizacion => "organizacion",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Participant {
    /// Its folder name, slugified.
    pub id: String,
    /// `participant.toml`, relative to the site.
    pub source_file: String,
    pub name: String,
    pub short_name: String,
    pub kind: ParticipantKind,
    pub state: Option<String>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub joined: Option<Date>,
    /// Markdown.
    pub description: String,
    /// The line of `source_file` where the description's text begins.
    pub description_line: usize,
}
