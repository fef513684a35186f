//! Load: reads a site folder (portal, participants, descriptors, stories, pages,
//! static files, template overrides) into a validated [`Site`], reporting every
//! problem it finds rather than stopping at the first.

mod changes;
mod descriptor;
mod markdown_file;
mod participant;
mod paths;
mod portal;
mod toml_file;

pub use changes::{Change, ChangeKind, classify, is_temporary};
pub use paths::{PathProblem, resolve_in_site};

use crate::diagnostics::{Diagnostic, Diagnostics, SourceText, display_path, size_text};
use crate::model::{Dataset, Page, Participant, Site, Story};
use crate::slug::slugify;
use descriptor::DescriptorContext;
use markdown_file::DatasetReference;
use rayon::prelude::*;
use std::collections::BTreeMap;
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

/// Loads the site in `root`. Returns `None` only when there is no usable
/// `portal.toml`; otherwise a site holding everything that loaded, with the
/// problems of the rest in `diagnostics`.
pub fn load_site(root: &Path, diagnostics: &Diagnostics) -> Option<Site> {
    let root = match std::fs::canonicalize(root) {
        Ok(root) if root.is_dir() => root,
        _ => {
            diagnostics.push(
                Diagnostic::error(root.display().to_string(), "this folder does not exist").help(
                    "give the folder that holds portal.toml, e.g. `abierto build example-site`",
                ),
            );
            return None;
        }
    };
    let portal_path = root.join(PORTAL_FILE);
    let Some(portal_source) = read_source(&root, &portal_path, diagnostics) else {
        diagnostics.push(
            Diagnostic::error(PORTAL_FILE, "the site has no readable portal.toml")
                .help("create portal.toml with at least `title = \"…\"`, or run `abierto build` on the site's folder"),
        );
        return None;
    };
    let portal = portal::load(&portal_source, diagnostics)?;

    let files = SiteFiles::walk(&root, diagnostics);
    let loader = Loader {
        root: &root,
        diagnostics,
    };

    let participants = loader.participants(&files.participants);
    let datasets = loader.datasets(&files.descriptors, &participants, &portal);
    let (stories, references) = loader.stories(&files.stories);
    let pages = loader.pages(&files.pages);

    let mut site = Site {
        root: root.clone(),
        portal,
        participants: participants.into_values().collect(),
        datasets: datasets.into_values().collect(),
        stories,
        pages,
        static_files: files.static_files,
        template_overrides: files.templates,
    };
    site.stories
        .sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
    site.pages
        .sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.slug.cmp(&b.slug)));
    loader.check_story_references(&site, &references, &files.descriptor_ids);
    loader.check_former_ids(&site, &files.descriptors);
    Some(site)
}

/// The files of a site, found in one walk and sorted by their role.
#[derive(Default)]
struct SiteFiles {
    /// (participant id, participant.toml)
    participants: Vec<(String, PathBuf)>,
    /// (participant id, descriptor)
    descriptors: Vec<(String, PathBuf)>,
    /// Every dataset id a descriptor file claims, loadable or not.
    descriptor_ids: Vec<String>,
    /// (participant id or none for the network, story file)
    stories: Vec<(Option<String>, PathBuf)>,
    pages: Vec<PathBuf>,
    static_files: Vec<PathBuf>,
    templates: Vec<(String, PathBuf)>,
}

impl SiteFiles {
    fn walk(root: &Path, diagnostics: &Diagnostics) -> SiteFiles {
        let mut files = SiteFiles::default();
        let participants_dir = root.join(PARTICIPANTS_DIR);
        if let Ok(entries) = std::fs::read_dir(&participants_dir) {
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
                        Diagnostic::error(display_path(root, &folder), "this participant folder has no participant.toml")
                            .help("add participant.toml with `name` and `kind` (municipio, estado, federal or organizacion)"),
                    );
                    continue;
                }
                files
                    .participants
                    .push((id.clone(), folder.join(PARTICIPANT_FILE)));
                for file in walk_files(root, &folder, diagnostics) {
                    match extension(&file).as_deref() {
                        Some("toml") if file != folder.join(PARTICIPANT_FILE) => {
                            files
                                .descriptor_ids
                                .push(format!("{id}/{}", slugify(&stem(&file))));
                            files.descriptors.push((id.clone(), file));
                        }
                        Some("md") => files.stories.push((Some(id.clone()), file)),
                        _ => {}
                    }
                }
            }
        } else {
            diagnostics.push(
                Diagnostic::warning(PARTICIPANTS_DIR, "the site has no participants folder")
                    .help("create participants/<id>/participant.toml for each publisher"),
            );
        }
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
                diagnostics.push(Diagnostic::error(
                    place,
                    format!("cannot read this folder: {error}"),
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
                    Diagnostic::error(
                        display_path(root, path),
                        "this symbolic link points outside the site",
                    )
                    .help("replace the link with a copy of the file"),
                ),
            }
        } else if entry.file_type().is_file() {
            found.push(path.to_path_buf());
        }
    }
    found
}

struct Loader<'a> {
    root: &'a Path,
    diagnostics: &'a Diagnostics,
}

impl Loader<'_> {
    fn participants(&self, files: &[(String, PathBuf)]) -> BTreeMap<String, Participant> {
        let mut participants = BTreeMap::new();
        let mut sources: BTreeMap<String, String> = BTreeMap::new();
        for (id, path) in files {
            let Some(source) = read_source(self.root, path, self.diagnostics) else {
                continue;
            };
            if self.report_collision(&mut sources, id, &source.name, "participant") {
                continue;
            }
            match participant::parse(id.clone(), &source) {
                Ok(participant) => {
                    participants.insert(id.clone(), participant);
                }
                Err(problems) => problems.into_iter().for_each(|d| self.diagnostics.push(d)),
            }
        }
        participants
    }

    fn datasets(
        &self,
        files: &[(String, PathBuf)],
        participants: &BTreeMap<String, Participant>,
        portal: &crate::model::Portal,
    ) -> BTreeMap<String, Dataset> {
        let mut sources: BTreeMap<String, String> = BTreeMap::new();
        let unique: Vec<&(String, PathBuf)> = files
            .iter()
            .filter(|(participant, path)| {
                let id = format!("{participant}/{}", slugify(&stem(path)));
                !self.report_collision(&mut sources, &id, &display_path(self.root, path), "dataset")
            })
            .collect();
        // Descriptors of a participant that failed to load are still checked, then dropped.
        unique
            .par_iter()
            .filter_map(|(participant, path)| {
                let source = read_source(self.root, path, self.diagnostics)?;
                let folder = path.parent().unwrap_or(self.root);
                let context = DescriptorContext {
                    site_root: self.root,
                    folder,
                    participant,
                    slug: slugify(&stem(path)),
                    portal,
                };
                match descriptor::parse(&context, &source) {
                    Ok(dataset) => participants
                        .contains_key(participant)
                        .then(|| (dataset.id.clone(), dataset)),
                    Err(problems) => {
                        problems.into_iter().for_each(|d| self.diagnostics.push(d));
                        None
                    }
                }
            })
            .collect()
    }

    fn stories(
        &self,
        files: &[(Option<String>, PathBuf)],
    ) -> (Vec<Story>, Vec<(String, Vec<DatasetReference>)>) {
        let mut sources: BTreeMap<String, String> = BTreeMap::new();
        let mut stories = Vec::new();
        let mut references = Vec::new();
        for (participant, path) in files {
            let slug = slugify(&stem(path));
            let id = match participant {
                Some(participant) => format!("{participant}/{slug}"),
                None => slug,
            };
            let Some(source) = read_source(self.root, path, self.diagnostics) else {
                continue;
            };
            if self.report_collision(&mut sources, &id, &source.name, "story") {
                continue;
            }
            match markdown_file::parse_story(id, participant.clone(), &source, self.root) {
                Ok((story, refs)) => {
                    references.push((story.source_file.clone(), refs));
                    stories.push(story);
                }
                Err(d) => self.diagnostics.push(d),
            }
        }
        (stories, references)
    }

    fn pages(&self, files: &[PathBuf]) -> Vec<Page> {
        let mut sources: BTreeMap<String, String> = BTreeMap::new();
        let mut pages = Vec::new();
        for path in files {
            let slug = slugify(&stem(path));
            let Some(source) = read_source(self.root, path, self.diagnostics) else {
                continue;
            };
            if crate::output::urls::is_reserved_segment(&slug) {
                self.diagnostics.push(
                    Diagnostic::error(
                        &source.name,
                        format!("a page cannot be called `{slug}`: the portal uses that address"),
                    )
                    .help("rename the file"),
                );
                continue;
            }
            if self.report_collision(&mut sources, &slug, &source.name, "page") {
                continue;
            }
            match markdown_file::parse_page(slug, &source) {
                Ok(page) => pages.push(page),
                Err(d) => self.diagnostics.push(d),
            }
        }
        pages
    }

    /// Story front matter may only name datasets that exist.
    fn check_story_references(
        &self,
        site: &Site,
        references: &[(String, Vec<DatasetReference>)],
        claimed: &[String],
    ) {
        let known: Vec<String> = site.datasets.iter().map(|d| d.id.clone()).collect();
        for (file, refs) in references {
            for reference in refs {
                if site.dataset(&reference.id).is_some() || claimed.contains(&reference.id) {
                    continue;
                }
                let help = match toml_file::nearest(&reference.id, &known) {
                    Some(best) => format!(
                        "did you mean `{best}`? Dataset ids are `<participant>/<descriptor file name>`"
                    ),
                    None => "dataset ids are `<participant>/<descriptor file name without .toml>`"
                        .to_string(),
                };
                self.diagnostics.push(
                    Diagnostic::error(file, format!("unknown dataset `{}`", reference.id))
                        .at_position(reference.line, reference.column)
                        .help(help),
                );
            }
        }
    }

    /// A former id must not be a dataset's id, nor claimed by two datasets:
    /// its address holds one redirect page and nothing else.
    fn check_former_ids(&self, site: &Site, descriptors: &[(String, PathBuf)]) {
        let descriptor_of = |id: &str| {
            descriptors
                .iter()
                .find(|(participant, path)| format!("{participant}/{}", slugify(&stem(path))) == id)
                .map(|(_, path)| display_path(self.root, path))
        };
        let mut claimed: BTreeMap<&str, &Dataset> = BTreeMap::new();
        for dataset in &site.datasets {
            for former in &dataset.former_ids {
                if let Some(existing) = descriptor_of(former) {
                    let message = if *former == dataset.id {
                        format!("`former_ids` lists `{former}`, the dataset's own id")
                    } else {
                        format!(
                            "the former id `{former}` is the id of another dataset, `{existing}`"
                        )
                    };
                    self.diagnostics.push(
                        Diagnostic::error(&dataset.source_file, message)
                            .help("a former id is the id a dataset had before it was renamed: remove it, or rename the other dataset"),
                    );
                } else if let Some(first) = claimed.get(former.as_str()) {
                    self.diagnostics.push(
                        Diagnostic::error(
                            &dataset.source_file,
                            format!(
                                "the former id `{former}` is also listed by `{}`",
                                first.source_file
                            ),
                        )
                        .help("an old address can redirect to one dataset only: keep it in one of the two descriptors"),
                    );
                } else {
                    claimed.insert(former, dataset);
                }
            }
        }
    }

    /// Two files whose ids collide after slugifying: an error naming both.
    fn report_collision(
        &self,
        seen: &mut BTreeMap<String, String>,
        id: &str,
        file: &str,
        what: &str,
    ) -> bool {
        if let Some(first) = seen.get(id) {
            self.diagnostics.push(
                Diagnostic::error(file, format!("this {what} has the id `{id}`, like `{first}`"))
                    .help("ids come from file and folder names (lower-case, accents removed): rename one of the two"),
            );
            return true;
        }
        seen.insert(id.to_string(), file.to_string());
        false
    }
}

/// Reads a UTF-8 text file of the site, reporting what keeps it from being read.
/// The largest TOML or Markdown file read: far more than any descriptor,
/// story or page needs, small enough that a stray file cannot exhaust memory.
pub const MAX_TEXT_BYTES: u64 = 5 * 1024 * 1024;

fn read_source(root: &Path, path: &Path, diagnostics: &Diagnostics) -> Option<SourceText> {
    let name = display_path(root, path);
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    if size > MAX_TEXT_BYTES {
        diagnostics.push(
            Diagnostic::error(
                name,
                format!(
                    "this file is {}: abierto reads descriptors, stories and pages of up to {}",
                    size_text(size),
                    size_text(MAX_TEXT_BYTES)
                ),
            )
            .help("split it into several files, or move data out of it into a data file"),
        );
        return None;
    }
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(SourceText::new(name, text)),
            Err(error) => {
                let offset = error.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(error.as_bytes()).to_string();
                let source = SourceText::new(name, text);
                diagnostics.push(
                    source
                        .error(offset, "this file is not UTF-8 text")
                        .help("save it as UTF-8 (in most editors: “Save with encoding” → UTF-8)"),
                );
                None
            }
        },
        Err(error) if path.exists() => {
            diagnostics.push(Diagnostic::error(
                name,
                format!("cannot read this file: {error}"),
            ));
            None
        }
        Err(_) => None,
    }
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

fn extension(path: &Path) -> Option<String> {
    path.extension().map(|e| e.to_string_lossy().to_lowercase())
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default()
}
