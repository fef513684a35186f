//! The portal's own settings, from `portal.toml`.

use super::{License, LogoFile};
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
    /// The file that says the portal's title and description (`portal.toml`,
    /// or a participant's `participant.toml` for its own portal), and the line
    /// where the description begins.
    pub source_file: String,
    pub description_line: usize,
    /// Absolute, ending in `/`; its path part is where the portal lives on its host.
    pub base_url: String,
    pub language: Language,
    pub default_license: Option<License>,
    /// A CSS colour for links and buttons.
    pub accent_color: Option<String>,
    /// The image shown in the header.
    pub logo: Option<Logo>,
    /// Rows shown in a data preview.
    pub preview_rows: usize,
    pub categories: Vec<Category>,
    /// Built-in licences followed by those the site declares.
    pub licenses: Vec<License>,
    /// `[check] allow`: warning codes (or `code:file`) shown as notes, so `check --strict` passes.
    pub check_allow: Vec<String>,
    /// `[build] max_file_size`: a larger data file is not read nor published (100 MB unless set).
    pub max_file_bytes: u64,
    /// `[build] explore_max_rows`: a table with more rows gets no explorer (0: none gets one).
    pub explore_max_rows: u64,
    /// `[history] keep_versions`: previous versions of each data file
    /// published with the portal (0: the history links to the forge's copy).
    pub keep_versions: usize,
    /// `repository` and `branch`: where the site's source is kept, for
    /// «Editar esta página» links.
    pub repository: Option<Repository>,
    /// `[maps]`: what maps draw under the data.
    pub maps: Option<Maps>,
}

/// `[maps]`: a basemap the portal chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Maps {
    /// A raster tile server (`https://…/{z}/{x}/{y}.png`): the only host a
    /// page may ask besides the portal.
    pub tiles: Option<String>,
    /// What the tile server asks to be credited with.
    pub attribution: Option<String>,
    /// A vector-tile archive under `static/` (PMTiles).
    pub basemap: Option<String>,
}

/// The image in a portal's header.
#[derive(Debug, Clone)]
pub enum Logo {
    /// portal.toml's `logo`: a file under `static/`, published where it is.
    Static(String),
    /// A participant portal's `logo`: a file beside its participant.toml.
    Participant { participant: String, file: LogoFile },
}

/// The web address of the git repository that holds the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repository {
    /// `https://github.com/OWNER/REPO`, without a trailing `/` or `.git`.
    pub url: String,
    pub forge: Forge,
    pub branch: String,
    /// The site's folder inside the repository (`""` at its root; else ending in `/`).
    pub dir: String,
}

/// The kinds of forge whose web editor and history addresses abierto knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forge {
    GitHub,
    GitLab,
    /// Gitea and Forgejo (Codeberg).
    Gitea,
}

impl Repository {
    /// The forge's web editor for a file of the site (`participants/xalapa/semaforos.toml`).
    pub fn edit_url(&self, site_file: &str) -> String {
        let Repository {
            url, branch, dir, ..
        } = self;
        match self.forge {
            Forge::GitHub => format!("{url}/edit/{branch}/{dir}{site_file}"),
            Forge::GitLab => format!("{url}/-/edit/{branch}/{dir}{site_file}"),
            Forge::Gitea => format!("{url}/_edit/{branch}/{dir}{site_file}"),
        }
    }

    /// The forge's list of the commits that changed a file of the site.
    pub fn history_url(&self, site_file: &str) -> String {
        let Repository {
            url, branch, dir, ..
        } = self;
        match self.forge {
            Forge::GitHub => format!("{url}/commits/{branch}/{dir}{site_file}"),
            Forge::GitLab => format!("{url}/-/commits/{branch}/{dir}{site_file}"),
            Forge::Gitea => format!("{url}/commits/branch/{branch}/{dir}{site_file}"),
        }
    }
}

impl Repository {
    /// The forge's page of a commit.
    pub fn commit_url(&self, commit: &str) -> String {
        let url = &self.url;
        match self.forge {
            Forge::GitHub | Forge::Gitea => format!("{url}/commit/{commit}"),
            Forge::GitLab => format!("{url}/-/commit/{commit}"),
        }
    }

    /// A file of the site as it was in a commit, raw, from the forge.
    pub fn raw_url(&self, commit: &str, site_file: &str) -> String {
        let Repository { url, dir, .. } = self;
        match self.forge {
            Forge::GitHub => format!("{url}/raw/{commit}/{dir}{site_file}"),
            Forge::GitLab => format!("{url}/-/raw/{commit}/{dir}{site_file}"),
            Forge::Gitea => format!("{url}/raw/commit/{commit}/{dir}{site_file}"),
        }
    }
}

impl Portal {
    pub fn license(&self, id: &str) -> Option<&License> {
        self.licenses.iter().find(|l| l.id == id)
    }
}
