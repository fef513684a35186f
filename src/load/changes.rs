//! What a changed file is to the site: the watcher of `serve` asks this so a
//! rebuild knows what changed (and prints it), and so files that are no part
//! of the site (an output folder, `.git`, editors' temporary files) are ignored.

use super::layout::{
    PAGES_DIR, PARTICIPANT_FILE, PARTICIPANTS_DIR, PORTAL_FILE, STATIC_DIR, STORIES_DIR,
    TEMPLATES_DIR, is_hidden_name,
};
use std::path::{Component, Path, PathBuf};

/// The role of a changed file in the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    /// `portal.toml`: every page may change.
    Config,
    /// A `participant.toml`.
    Participant,
    /// A dataset descriptor.
    Descriptor,
    /// A story (`historias/*.md`, `participants/<id>/historias/*.md`).
    Story,
    /// A plain page (`pages/*.md`, `participants/<id>/pages/*.md`).
    Page,
    /// A data file beside the descriptors (read again only when it changes).
    DataFile,
    /// A file of `static/`, copied as is.
    Static,
    /// A template override in `templates/`.
    Template,
}

impl ChangeKind {
    /// A stable name of the kind (the message catalog says it in words).
    pub fn key(self) -> &'static str {
        match self {
            ChangeKind::Config => "config",
            ChangeKind::Participant => "participant",
            ChangeKind::Descriptor => "descriptor",
            ChangeKind::Story => "story",
            ChangeKind::Page => "page",
            ChangeKind::DataFile => "data-file",
            ChangeKind::Static => "static",
            ChangeKind::Template => "template",
        }
    }
}

/// One changed file of the site.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Change {
    pub kind: ChangeKind,
    /// The file, absolute.
    pub path: PathBuf,
    /// The file relative to the site, `/`-separated, for messages.
    pub name: String,
}

/// What `path` (absolute, inside `root`) is to the site, or `None` when it is
/// no part of it: outside the site's folders, hidden, or an editor's
/// temporary file.
pub fn classify(root: &Path, path: &Path) -> Option<Change> {
    let relative = path.strip_prefix(root).ok()?;
    let mut parts = Vec::new();
    for component in relative.components() {
        match component {
            Component::Normal(part) => parts.push(part.to_str()?),
            _ => return None,
        }
    }
    if parts.iter().any(|p| is_hidden_name(p)) || is_temporary(parts.last()?) {
        return None;
    }
    let extension = Path::new(parts.last()?)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let markdown = extension.as_deref() == Some("md");
    let kind = match parts.as_slice() {
        [PORTAL_FILE] => ChangeKind::Config,
        [PARTICIPANTS_DIR, _, PARTICIPANT_FILE] => ChangeKind::Participant,
        [PARTICIPANTS_DIR, _, .., _] if extension.as_deref() == Some("toml") => {
            ChangeKind::Descriptor
        }
        [PARTICIPANTS_DIR, _, PAGES_DIR, .., _] if markdown => ChangeKind::Page,
        [PARTICIPANTS_DIR, _, .., _] if markdown => ChangeKind::Story,
        [PARTICIPANTS_DIR, _, ..] => ChangeKind::DataFile,
        [STORIES_DIR, ..] => ChangeKind::Story,
        [PAGES_DIR, ..] => ChangeKind::Page,
        [STATIC_DIR, ..] => ChangeKind::Static,
        [TEMPLATES_DIR, ..] => ChangeKind::Template,
        _ => return None,
    };
    Some(Change {
        kind,
        path: path.to_path_buf(),
        name: parts.join("/"),
    })
}

/// Files editors write while saving: Vim's swap files and `4913` probe,
/// backups ending in `~`, Emacs' lock (`.#name`) and auto-save (`#name#`)
/// files, the `name.tmp…` files some editors write and rename, Office's lock
/// files (`~$name.xlsx`) and the eight-hexadecimal-digit file Excel saves into
/// before renaming it over the workbook.
pub fn is_temporary(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    name == "4913"
        || (name.len() == 8 && name.bytes().all(|b| b.is_ascii_hexdigit()))
        || name.ends_with('~')
        || name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#'))
        || [
            ".swp",
            ".swo",
            ".swx",
            ".tmp",
            ".bak",
            ".crdownload",
            ".part",
        ]
        .iter()
        .any(|e| lower.ends_with(e))
        || lower.contains(".tmp.")
        || lower.starts_with("~$")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(relative: &str) -> Option<ChangeKind> {
        let root = Path::new("/site");
        classify(root, &root.join(relative)).map(|c| c.kind)
    }

    #[test]
    fn site_files_are_told_apart() {
        assert_eq!(kind("portal.toml"), Some(ChangeKind::Config));
        assert_eq!(
            kind("participants/xalapa/participant.toml"),
            Some(ChangeKind::Participant)
        );
        assert_eq!(
            kind("participants/xalapa/semaforos.toml"),
            Some(ChangeKind::Descriptor)
        );
        assert_eq!(
            kind("participants/xalapa/historias/check-bus.md"),
            Some(ChangeKind::Story)
        );
        assert_eq!(
            kind("participants/xalapa/datos/semaforos.csv"),
            Some(ChangeKind::DataFile)
        );
        assert_eq!(kind("historias/red.md"), Some(ChangeKind::Story));
        assert_eq!(kind("pages/acerca.md"), Some(ChangeKind::Page));
        assert_eq!(
            kind("participants/san-pedro/pages/acerca.md"),
            Some(ChangeKind::Page)
        );
        assert_eq!(kind("static/img/logo.svg"), Some(ChangeKind::Static));
        assert_eq!(kind("templates/base.html"), Some(ChangeKind::Template));
    }

    #[test]
    fn other_files_and_editors_leftovers_are_ignored() {
        for ignored in [
            "public/index.html",
            "README.md",
            ".git/index",
            "participants/xalapa/.semaforos.toml.swp",
            "participants/xalapa/semaforos.toml~",
            "participants/xalapa/.#semaforos.toml",
            "participants/xalapa/#semaforos.toml#",
            "participants/xalapa/4913",
            "historias/.hidden.md",
            "participants/.cache/x.csv",
            "participants/xalapa/datos/~$libro.xlsx",
            "participants/xalapa/datos/6B2D8E10",
            "participants/xalapa/datos/Thumbs.db",
            "static/desktop.ini",
        ] {
            assert_eq!(kind(ignored), None, "{ignored}");
        }
        assert_eq!(
            classify(Path::new("/site"), Path::new("/elsewhere/portal.toml")),
            None
        );
    }
}
