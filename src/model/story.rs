//! Stories (Historias) and plain pages: Markdown with TOML front matter.

use super::Date;

#[derive(Debug, Clone)]
pub struct Story {
    /// `<participant>/<stem>`, or `<stem>` for a network story; slugified.
    pub id: String,
    /// `None` for a story of the whole network.
    pub participant: Option<String>,
    /// The Markdown file, relative to the site.
    pub source_file: String,
    pub title: String,
    pub date: Date,
    pub authors: Vec<String>,
    pub summary: Option<String>,
    /// Ids of the datasets the story is about.
    pub datasets: Vec<String>,
    pub tags: Vec<String>,
    pub draft: bool,
    /// An image beside the story, shown with it in lists and on its page.
    pub cover: Option<StoryFile>,
    /// The cover's text alternative; without it the cover is decorative
    /// (the story's title is always beside it).
    pub cover_alt: Option<String>,
    /// The Markdown body.
    pub body: String,
    /// Lines before the body (front matter), to give body positions as file lines.
    pub body_first_line: usize,
}

/// A file beside a story, published next to the story's page.
#[derive(Debug, Clone)]
pub struct StoryFile {
    /// Relative to the story's folder, `/` separated: `portada.png`, `img/mapa.svg`.
    pub relative: String,
    /// On disk, canonical.
    pub path: std::path::PathBuf,
}

#[derive(Debug, Clone)]
pub struct Page {
    pub slug: String,
    pub source_file: String,
    pub title: String,
    pub order: i64,
    pub body: String,
    pub body_first_line: usize,
}
