//! Load: reads a site folder (portal, participants, descriptors, stories, pages,
//! static files, template overrides) into a validated [`Site`], reporting every
//! problem it finds rather than stopping at the first.

mod changes;
mod descriptor;
pub mod ids;
mod layout;
mod markdown_file;
mod own_portals;
mod participant;
mod paths;
mod portal;
mod toml_explain;
mod toml_file;
mod toml_syntax;
mod toml_tree;

pub use changes::{Change, ChangeKind, classify, is_temporary};
pub(crate) use descriptor::{MAX_KEYWORDS, format_from_name};
pub use layout::{
    PAGES_DIR, PARTICIPANT_FILE, PARTICIPANTS_DIR, PORTAL_FILE, SOURCE_DIRS, STATIC_DIR,
    STORIES_DIR, TEMPLATES_DIR, is_hidden_name,
};
pub use paths::{PathProblem, resolve_in_site};
pub use portal::{DEFAULT_BASE_URL, DEFAULT_EXPLORE_MAX_ROWS, parse_size, site_language};

use crate::diagnostics::{Diagnostic, Diagnostics, SourceText, display_path};
use crate::messages::Arg;
use crate::model::{Dataset, Page, Participant, Site, Story, Unloaded};
use crate::msg;
use descriptor::DescriptorContext;
use layout::SiteFiles;
use markdown_file::DatasetReference;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Loads the site in `root`. Returns `None` only when there is no usable
/// `portal.toml`; otherwise a site holding everything that loaded, with the
/// problems of the rest in `diagnostics`.
pub fn load_site(root: &Path, diagnostics: &Diagnostics) -> Option<Site> {
    let root = match std::fs::canonicalize(root) {
        Ok(root) if root.is_dir() => root,
        _ => {
            diagnostics.push(
                Diagnostic::error(root.display().to_string(), msg!("load-no-folder"))
                    .help(msg!("load-no-folder-help")),
            );
            return None;
        }
    };
    let portal_path = root.join(PORTAL_FILE);
    let Some(portal_source) = read_source(&root, &portal_path, diagnostics) else {
        diagnostics.push(
            Diagnostic::error(PORTAL_FILE, msg!("load-no-portal"))
                .help(msg!("load-no-portal-help")),
        );
        return None;
    };
    let mut portal = portal::load(&portal_source, diagnostics)?;
    if let Some(repository) = &mut portal.repository {
        repository.dir = layout::folder_in_repository(&root);
    }

    let files = SiteFiles::walk(&root, diagnostics);
    let loader = Loader {
        root: &root,
        diagnostics,
    };

    let mut participants = loader.participants(&files.participants);
    let datasets = loader.datasets(&files.descriptors, &participants, &portal);
    let (stories, references) = loader.stories(&files.stories);
    let pages = loader.pages(&files.pages);
    loader.participant_pages(&mut participants, &files.participant_pages);
    let unloaded = unloaded(&files, &participants, &datasets, &stories, &pages);

    let mut site = Site {
        root: root.clone(),
        portal,
        participants: participants.into_values().collect(),
        datasets: datasets.into_values().collect(),
        stories,
        pages,
        static_files: files.static_files,
        template_overrides: files.templates,
        unloaded,
    };
    site.stories
        .sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
    site.pages
        .sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.slug.cmp(&b.slug)));
    loader.check_story_references(&site, &references);
    loader.check_former_ids(&site, &files.descriptors);
    own_portals::check(&site, diagnostics);
    Some(site)
}

/// The ids of the files found that did not load, so that nothing else
/// reports them again.
fn unloaded(
    files: &SiteFiles,
    participants: &BTreeMap<String, Participant>,
    datasets: &BTreeMap<String, Dataset>,
    stories: &[Story],
    pages: &[Page],
) -> Unloaded {
    Unloaded {
        datasets: files
            .descriptor_ids
            .iter()
            .filter(|id| !datasets.contains_key(*id))
            .cloned()
            .collect(),
        participants: files
            .participants
            .iter()
            .map(|(id, _)| id)
            .chain(&files.folders_without_participant)
            .filter(|id| !participants.contains_key(*id))
            .cloned()
            .collect(),
        stories: files
            .stories
            .iter()
            .map(|(participant, path)| ids::story_id(participant.as_deref(), path))
            .filter(|id| !stories.iter().any(|s| &s.id == id))
            .collect(),
        pages: files
            .pages
            .iter()
            .map(|path| ids::file_id(path))
            .filter(|slug| !pages.iter().any(|p| &p.slug == slug))
            .collect(),
    }
}

/// What a file's id names, for the message about two files with one id.
#[derive(Clone, Copy)]
enum Kind {
    Participant,
    Dataset,
    Story,
    Page,
}

impl Kind {
    /// The catalog's selector.
    fn key(self) -> &'static str {
        match self {
            Kind::Participant => "participant",
            Kind::Dataset => "dataset",
            Kind::Story => "story",
            Kind::Page => "page",
        }
    }
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
            if self.report_collision(&mut sources, id, &source.name, Kind::Participant) {
                continue;
            }
            let folder = path.parent().unwrap_or(self.root);
            let folder = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
            let folders = participant::Folders {
                site_root: self.root,
                participant: &folder,
            };
            match participant::parse(id.clone(), &source, &folders) {
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
                let id = ids::dataset_id(participant, &ids::file_id(path));
                !self.report_collision(
                    &mut sources,
                    &id,
                    &display_path(self.root, path),
                    Kind::Dataset,
                )
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
                    slug: ids::file_id(path),
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
            let id = ids::story_id(participant.as_deref(), path);
            let Some(source) = read_source(self.root, path, self.diagnostics) else {
                continue;
            };
            if self.report_collision(&mut sources, &id, &source.name, Kind::Story) {
                continue;
            }
            match markdown_file::parse_story(id, participant.clone(), &source, self.root) {
                Ok((story, refs)) => {
                    references.push((story.source_file.clone(), refs));
                    stories.push(story);
                }
                Err(problems) => problems.into_iter().for_each(|d| self.diagnostics.push(d)),
            }
        }
        (stories, references)
    }

    fn pages<'p>(&self, files: impl IntoIterator<Item = &'p PathBuf>) -> Vec<Page> {
        let mut sources: BTreeMap<String, String> = BTreeMap::new();
        let mut pages = Vec::new();
        for path in files {
            let slug = ids::file_id(path);
            let Some(source) = read_source(self.root, path, self.diagnostics) else {
                continue;
            };
            if layout::is_reserved_segment(&slug) {
                self.diagnostics.push(
                    Diagnostic::error(&source.name, msg!("load-reserved-page", slug = &slug))
                        .help(msg!("load-reserved-page-help")),
                );
                continue;
            }
            if self.report_collision(&mut sources, &slug, &source.name, Kind::Page) {
                continue;
            }
            match markdown_file::parse_page(slug, &source) {
                Ok(page) => pages.push(page),
                Err(problems) => problems.into_iter().for_each(|d| self.diagnostics.push(d)),
            }
        }
        pages
    }

    /// Each participant's own pages (`<participant>/pages/*.md`), in menu order.
    fn participant_pages(
        &self,
        participants: &mut BTreeMap<String, Participant>,
        files: &[(String, PathBuf)],
    ) {
        for (id, participant) in participants.iter_mut() {
            let own = files.iter().filter(|(p, _)| p == id).map(|(_, path)| path);
            participant.pages = self.pages(own);
            participant
                .pages
                .sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.slug.cmp(&b.slug)));
        }
    }

    /// Story front matter may only name datasets that exist; one whose
    /// descriptor did not load waits on that descriptor's errors.
    fn check_story_references(&self, site: &Site, references: &[(String, Vec<DatasetReference>)]) {
        let known: Vec<String> = site.datasets.iter().map(|d| d.id.clone()).collect();
        for (file, refs) in references {
            for reference in refs {
                if site.dataset(&reference.id).is_some() || site.dataset_unloaded(&reference.id) {
                    continue;
                }
                let help = match toml_file::nearest(&reference.id, &known) {
                    Some(best) => msg!("load-unknown-dataset-nearest", nearest = best),
                    None => msg!("load-unknown-dataset-help"),
                };
                self.diagnostics.push(
                    Diagnostic::error(file, msg!("load-unknown-dataset", id = &reference.id))
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
                .find(|(participant, path)| ids::dataset_id(participant, &ids::file_id(path)) == id)
                .map(|(_, path)| display_path(self.root, path))
        };
        let mut claimed: BTreeMap<&str, &Dataset> = BTreeMap::new();
        for dataset in &site.datasets {
            for former in &dataset.former_ids {
                if let Some(existing) = descriptor_of(former) {
                    let message = if *former == dataset.id {
                        msg!("load-former-id-own", id = former)
                    } else {
                        msg!("load-former-id-taken", id = former, other = existing)
                    };
                    self.diagnostics.push(
                        Diagnostic::error(&dataset.source_file, message)
                            .help(msg!("load-former-id-taken-help")),
                    );
                } else if let Some(first) = claimed.get(former.as_str()) {
                    self.diagnostics.push(
                        Diagnostic::error(
                            &dataset.source_file,
                            msg!(
                                "load-former-id-shared",
                                id = former,
                                other = &first.source_file
                            ),
                        )
                        .help(msg!("load-former-id-shared-help")),
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
        what: Kind,
    ) -> bool {
        if let Some(first) = seen.get(id) {
            self.diagnostics.push(
                Diagnostic::error(
                    file,
                    msg!(
                        "load-id-collision",
                        what = what.key(),
                        id = id,
                        first = first
                    ),
                )
                .help(msg!("load-id-collision-help")),
            );
            return true;
        }
        seen.insert(id.to_string(), file.to_string());
        false
    }
}

/// The largest TOML or Markdown file read: far more than any descriptor,
/// story or page needs, small enough that a stray file cannot exhaust memory.
pub const MAX_TEXT_BYTES: u64 = 5 * 1024 * 1024;

/// Reads a UTF-8 text file of the site, reporting what keeps it from being read.
fn read_source(root: &Path, path: &Path, diagnostics: &Diagnostics) -> Option<SourceText> {
    let name = display_path(root, path);
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    if size > MAX_TEXT_BYTES {
        diagnostics.push(
            Diagnostic::error(
                name,
                msg!(
                    "load-text-too-large",
                    size = Arg::size(size),
                    limit = Arg::size(MAX_TEXT_BYTES)
                ),
            )
            .help(msg!("load-text-too-large-help")),
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
                        .error(offset, msg!("load-not-utf8"))
                        .help(msg!("load-not-utf8-help")),
                );
                None
            }
        },
        Err(error) if path.exists() => {
            diagnostics.push(Diagnostic::error(
                name,
                msg!("load-cannot-read", reason = io_reason(&error)),
            ));
            None
        }
        Err(_) => None,
    }
}

/// Why a file or folder cannot be read, as a catalog message: the usual
/// reasons in words, any other in the system's own.
pub(crate) fn io_reason(error: &std::io::Error) -> crate::messages::Message {
    if crate::platform::in_use_by_another_program(error) {
        return msg!("load-io-in-use");
    }
    match error.kind() {
        std::io::ErrorKind::PermissionDenied => msg!("load-io-permission"),
        std::io::ErrorKind::NotFound => msg!("load-io-not-found"),
        _ => msg!("load-io-other", detail = error.to_string()),
    }
}
