//! A participant: a state, municipality or organisation that publishes data.

use super::{Date, Page};
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
    /// Its own portal (`[portal]`), built with `--participant ID`.
    pub portal: Option<ParticipantPortal>,
    /// Its own plain pages (`<participant>/pages/*.md`), shown only on its own portal.
    pub pages: Vec<Page>,
    /// `boundary`: the participant's outline, drawn under its maps and on the
    /// network's map.
    pub boundary: Option<Boundary>,
}

/// A participant's own portal, from the `[portal]` table of its participant.toml.
#[derive(Debug, Clone)]
pub struct ParticipantPortal {
    /// The portal's name; the participant's `name` unless set.
    pub title: Option<String>,
    /// Absolute, ending in `/`: where the portal is published.
    pub base_url: String,
    /// The line of participant.toml that says `base_url`.
    pub base_url_line: usize,
    /// Markdown; the participant's `description` unless set.
    pub description: Option<String>,
    /// The line of participant.toml where `description`'s text begins.
    pub description_line: usize,
    /// An image beside participant.toml, shown in the header.
    pub logo: Option<LogoFile>,
    /// A CSS colour (`#rrggbb`); the network's unless set.
    pub accent_color: Option<String>,
    /// The network's plain pages it keeps, by slug; `None`: all of them.
    pub pages: Option<Vec<PageChoice>>,
}

/// An image file of the site, published beside the pages that show it.
#[derive(Debug, Clone)]
pub struct LogoFile {
    /// Its file name, as published (`logo.svg`).
    pub file_name: String,
    /// On disk, canonical.
    pub path: PathBuf,
}

/// A network page a participant portal keeps, where `pages` names it.
#[derive(Debug, Clone)]
pub struct PageChoice {
    pub slug: String,
    pub line: usize,
    pub column: usize,
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

impl Participant {
    /// The title of its own portal: `[portal] title`, else its name.
    pub fn portal_title(&self) -> &str {
        self.portal
            .as_ref()
            .and_then(|p| p.title.as_deref())
            .unwrap_or(&self.name)
    }
}
