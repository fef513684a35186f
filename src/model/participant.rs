//! A participant: a state, municipality or organisation that publishes data.

use super::Date;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

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
    /// `boundary`: the participant's outline, drawn under its maps and on the
    /// network's map.
    pub boundary: Option<Boundary>,
}

/// A participant's outline: a GeoJSON or KML file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Boundary {
    /// The file, canonical.
    pub path: PathBuf,
    /// Relative to the site, `/` separated, for messages.
    pub source_file: String,
    /// Where `participant.toml` names it.
    pub line: usize,
    pub column: usize,
}

impl Boundary {
    /// The format its analysis reads it as, by its extension.
    pub fn format(&self) -> &'static str {
        let kml = self
            .path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("kml"));
        if kml { "KML" } else { "GeoJSON" }
    }
}
