//! The site's folder layout: the names the SPEC gives a site's folders and
//! files, and the one walk that finds a site's files and sorts them by role.
//! The loader, [`super::changes`] and the output writer read the layout here.

use super::ids;
use crate::diagnostics::{Diagnostic, Diagnostics, display_path};
use crate::msg;
use crate::slug::slugify;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Folders of a site, by the name the SPEC gives them.
pub const PARTICIPANTS_DIR: &str = "participants";
pub const STORIES_DIR: &str = "historias";
pub const PAGES_DIR: &str = "pages";
pub const STATIC_DIR: &str = "static";
pub const TEMPLATES_DIR: &str = "templates";
pub const PORTAL_FILE: &str = "portal.toml";
pub const PARTICIPANT_FILE: &str = "participant.toml";

/// Every folder of a site that holds its sources (an output folder must not be inside one).
pub const SOURCE_DIRS: [&str; 5] = [
    PARTICIPANTS_DIR,
    STORIES_DIR,
    PAGES_DIR,
    STATIC_DIR,
    TEMPLATES_DIR,
];

/// The files of a site, found in one walk and sorted by their role.
#[derive(Default)]
pub(super) struct SiteFiles {
    /// (participant id, participant.toml)
    pub participants: Vec<(String, PathBuf)>,
    /// The ids of participant folders that have no participant.toml (an error).
    pub folders_without_participant: Vec<String>,
    /// (participant id, descriptor)
    pub descriptors: Vec<(String, PathBuf)>,
    /// Every dataset id a descriptor file claims, loadable or not.
    pub descriptor_ids: Vec<String>,
    /// (participant id or none for the network, story file)
    pub stories: Vec<(Option<String>, PathBuf)>,
    pub pages: Vec<PathBuf>,
    /// (participant id, page of its own portal: `<participant>/pages/*.md`)
    pub participant_pages: Vec<(String, PathBuf)>,
    pub static_files: Vec<PathBuf>,
    pub templates: Vec<(String, PathBuf)>,
}

impl SiteFiles {
    pub fn walk(root: &Path, diagnostics: &Diagnostics) -> SiteFiles {
        let mut files = SiteFiles::default();
        files.add_participants(root, diagnostics);
        for file in walk_files(root, &root.join(STORIES_DIR), diagnostics) {
            if extension(&file).as_deref() == Some("md") {
                files.stories.push((None, file));
            }
        }
        for file in walk_files(root, &root.join(PAGES_DIR), diagnostics) {
            if extension(&file).as_deref() == Some("md") {
                files.pages.push(file);
            }
        }
        let static_dir = root.join(STATIC_DIR);
        for file in walk_files(root, &static_dir, diagnostics) {
            if let Ok(relative) = file.strip_prefix(&static_dir) {
                files.static_files.push(relative.to_path_buf());
            }
        }
        let templates_dir = root.join(TEMPLATES_DIR);
        for file in walk_files(root, &templates_dir, diagnostics) {
            if let Ok(relative) = file.strip_prefix(&templates_dir) {
                let name = display_path(Path::new(""), relative);
                files.templates.push((name, file));
            }
        }
        files
    }

    /// Each participant folder's `participant.toml`, descriptors and stories.
    fn add_participants(&mut self, root: &Path, diagnostics: &Diagnostics) {
        let Ok(entries) = std::fs::read_dir(root.join(PARTICIPANTS_DIR)) else {
            diagnostics.push(
                Diagnostic::warning(PARTICIPANTS_DIR, msg!("load-no-participants-folder"))
                    .help(msg!("load-no-participants-folder-help")),
            );
            return;
        };
        let mut folders: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir() && !is_hidden(p))
            .collect();
        folders.sort();
        for folder in folders {
            let name = folder
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            let id = slugify(&name);
            if !folder.join(PARTICIPANT_FILE).is_file() {
                diagnostics.push(
                    Diagnostic::error(
                        display_path(root, &folder),
                        msg!("load-no-participant-file"),
                    )
                    .help(msg!("load-no-participant-file-help")),
                );
                self.folders_without_participant.push(id);
                continue;
            }
            self.participants
                .push((id.clone(), folder.join(PARTICIPANT_FILE)));
            let pages = folder.join(PAGES_DIR);
            for file in walk_files(root, &folder, diagnostics) {
                match extension(&file).as_deref() {
                    Some("toml") if file != folder.join(PARTICIPANT_FILE) => {
                        self.descriptor_ids
                            .push(ids::dataset_id(&id, &ids::file_id(&file)));
                        self.descriptors.push((id.clone(), file));
                    }
                    Some("md") if file.starts_with(&pages) => {
                        self.participant_pages.push((id.clone(), file))
                    }
                    Some("md") => self.stories.push((Some(id.clone()), file)),
                    _ => {}
                }
            }
        }
    }
}

/// Regular files under `folder`, sorted, skipping hidden ones; a symlink leaving the site is an error.
fn walk_files(root: &Path, folder: &Path, diagnostics: &Diagnostics) -> Vec<PathBuf> {
    let mut found = Vec::new();
    if !folder.is_dir() {
        return found;
    }
    let walker = WalkDir::new(folder)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.path()));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let place = error
                    .path()
                    .map(|p| display_path(root, p))
                    .unwrap_or_default();
                let reason = match error.io_error() {
                    Some(io) => super::io_reason(io),
                    None => msg!("load-io-loop"),
                };
                diagnostics.push(Diagnostic::error(
                    place,
                    msg!("load-cannot-read-folder", reason = reason),
                ));
                continue;
            }
        };
        let path = entry.path();
        if entry.path_is_symlink() {
            match std::fs::canonicalize(path) {
                Ok(target) if target.starts_with(root) => {
                    if target.is_file() {
                        found.push(path.to_path_buf());
                    }
                }
                _ => diagnostics.push(
                    Diagnostic::error(display_path(root, path), msg!("load-symlink-outside"))
                        .help(msg!("load-symlink-outside-help")),
                ),
            }
        } else if entry.file_type().is_file() {
            found.push(path.to_path_buf());
        }
    }
    report_case_collisions(root, &found, diagnostics);
    found
}

/// Two files whose names differ only in capitals (or Unicode form) are one
/// file on Windows and macOS: there one would silently replace the other.
fn report_case_collisions(root: &Path, files: &[PathBuf], diagnostics: &Diagnostics) {
    let mut seen: std::collections::HashMap<String, &Path> = std::collections::HashMap::new();
    for file in files {
        let name = display_path(root, file);
        let folded = crate::slug::nfc(&name).to_lowercase();
        if let Some(first) = seen.insert(folded, file) {
            diagnostics.push(
                Diagnostic::error(
                    &name,
                    msg!("load-case-collision", other = display_path(root, first)),
                )
                .help(msg!("load-case-collision-help")),
            );
        }
    }
}

/// Whether a file or folder is no part of the site: hidden (its name starts
/// with a dot, as `.git` and macOS' `.DS_Store`), or written by the system on
/// its own (Windows' `Thumbs.db` and `desktop.ini`, macOS' `Icon\r`).
pub fn is_hidden_name(name: &str) -> bool {
    name.starts_with('.')
        || ["thumbs.db", "ehthumbs.db", "desktop.ini", "icon\r"]
            .contains(&name.to_ascii_lowercase().as_str())
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| is_hidden_name(&n.to_string_lossy()))
}

fn extension(path: &Path) -> Option<String> {
    path.extension().map(|e| e.to_string_lossy().to_lowercase())
}

/// Top-level segments of the portal's addresses (`output::urls` makes them);
/// a plain page cannot take one as its id.
const RESERVED: &[&str] = &[
    "datos",
    "descargas",
    "participantes",
    "historias",
    "categorias",
    "etiquetas",
    "inventario",
    "assets",
    "api",
    "buscar",
    "404",
];

/// Whether a plain page's id would clash with one of the portal's own addresses.
pub fn is_reserved_segment(segment: &str) -> bool {
    RESERVED.contains(&segment)
}

/// The site's folder inside the git repository that holds it, `/` separated
/// and ending in `/` (`""` when the site is the repository's root, or is in no
/// repository): what a forge's addresses put before a site file's path.
pub fn folder_in_repository(root: &Path) -> String {
    let Some(top) = root.ancestors().find(|dir| dir.join(".git").exists()) else {
        return String::new();
    };
    let inside = root.strip_prefix(top).unwrap_or(Path::new(""));
    inside
        .components()
        .map(|part| format!("{}/", part.as_os_str().to_string_lossy()))
        .collect()
}
