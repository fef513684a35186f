//! A site's analysis: which local files its resources name, which of them
//! are known from an earlier run (in memory, by stamp) and which must be read
//! (on all cores, through the cache on disk), and the declared schemas checked
//! against what was found.

use super::cache::{self, Cache};
use super::pass::{Request, facts_from_cache_or_file};
use super::{Analysis, FileFacts, schema};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::messages::Arg;
use crate::model::{Boundary, Resource, ResourceLocation, Site};
use crate::msg;
use crate::progress::{Progress, Stage};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

/// Facts learnt in earlier runs (`serve`), each with the size and
/// modification time the file had when it was read: a file whose stamp has
/// not changed (and that no watcher reported) is not looked at again. Behind
/// it, the cache on disk ([`cache`]) keeps facts across processes.
#[derive(Debug, Default)]
pub struct AnalysisCache {
    files: HashMap<PathBuf, (Stamp, Arc<FileFacts>)>,
    /// How many files the last run had to read and analyse (known neither
    /// from memory nor from the cache on disk).
    pub last_read: usize,
    /// The cache folder; by default [`cache::location`] of the site.
    pub dir: Option<PathBuf>,
    /// Files a watcher reported changed since the last run.
    reported_changed: HashSet<PathBuf>,
}

/// What tells that a file changed without reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let metadata = std::fs::metadata(path).ok()?;
        Some(Stamp {
            len: metadata.len(),
            modified: metadata.modified().ok(),
        })
    }
}

impl AnalysisCache {
    /// Forgets what was learnt about a file (a watcher saw it change); the
    /// next run compares its content with the cache on disk, whatever its stamp.
    pub fn invalidate(&mut self, path: &Path) {
        self.files.remove(path);
        self.reported_changed.insert(path.to_path_buf());
    }

    /// Keeps what this run read, forgetting files the site no longer uses.
    fn remember(&mut self, read: Vec<ReadFile>, files: &mut HashMap<PathBuf, Arc<FileFacts>>) {
        self.last_read = read.iter().filter(|file| file.analysed).count();
        self.reported_changed.clear();
        // Only what the site still uses stays cached.
        self.files.retain(|path, _| files.contains_key(path));
        for file in read {
            if let Some(stamp) = file.stamp {
                self.files
                    .insert(file.path.clone(), (stamp, Arc::clone(&file.facts)));
            }
            files.insert(file.path, file.facts);
        }
    }
}

/// A local data file of the site: its path, its name for messages, and how
/// the resource (or the participant's `boundary`) that names it reads it.
#[derive(Clone, Copy)]
struct LocalFile<'a> {
    path: &'a Path,
    name: &'a str,
    format: &'a str,
    encoding: Option<&'a str>,
}

impl<'a> LocalFile<'a> {
    fn of_resource(r: &'a Resource) -> Option<LocalFile<'a>> {
        match &r.location {
            ResourceLocation::Local {
                path, source_file, ..
            } => Some(LocalFile {
                path,
                name: source_file,
                format: &r.format,
                encoding: r.encoding.as_deref(),
            }),
            ResourceLocation::Remote { .. } => None,
        }
    }

    fn of_boundary(b: &'a Boundary) -> LocalFile<'a> {
        LocalFile {
            path: &b.path,
            name: &b.source_file,
            format: b.format(),
            encoding: None,
        }
    }
}

/// A local file to read, with the stamp it had before it was read.
type ToRead<'a> = (LocalFile<'a>, Option<Stamp>);

/// A file this run read: its facts, and whether it had to be analysed (not
/// found in the cache on disk).
struct ReadFile {
    path: PathBuf,
    stamp: Option<Stamp>,
    facts: Arc<FileFacts>,
    analysed: bool,
}

/// Analyses every local file the site's resources refer to, reusing the
/// facts of files that did not change since they were read into `memory`,
/// then those of the cache on disk.
pub fn analyse_cached(
    site: &Site,
    memory: &mut AnalysisCache,
    diagnostics: &Diagnostics,
    progress: &Progress,
) -> Analysis {
    let dir = memory
        .dir
        .get_or_insert_with(|| cache::location(&site.root, None))
        .clone();
    let Some(disk) = disk_cache(&dir, diagnostics) else {
        return Analysis::default();
    };
    let mut files: HashMap<PathBuf, Arc<FileFacts>> = HashMap::new();
    let to_read = files_to_read(site, memory, &mut files, diagnostics);
    let bytes = to_read
        .iter()
        .filter_map(|(_, stamp)| stamp.as_ref())
        .map(|s| s.len)
        .sum();
    let stage = progress.stage(msg!("progress-analyse"), to_read.len() as u64, Some(bytes));
    let read = read_files(
        &to_read,
        &memory.reported_changed,
        &disk,
        &site.portal,
        diagnostics,
        &stage,
    );
    stage.finish();
    memory.remember(read, &mut files);
    check_declared_schemas(site, &files, diagnostics);
    check_boundaries(site, &files, diagnostics);
    Analysis {
        files,
        cache_dir: disk.dir().to_path_buf(),
    }
}

/// The cache on disk, or `None` (and an error) when it cannot be made.
fn disk_cache(dir: &Path, diagnostics: &Diagnostics) -> Option<Cache> {
    match Cache::open(dir) {
        Ok(disk) => Some(disk),
        Err(error) => {
            diagnostics.push(
                Diagnostic::error(
                    dir.display().to_string(),
                    msg!("analyse-cache-failed", error = error.to_string()),
                )
                .help(msg!("analyse-cache-failed-help")),
            );
            None
        }
    }
}

/// Each local file the site's resources and participants' boundaries name,
/// once, by path.
fn local_files(site: &Site) -> Vec<LocalFile<'_>> {
    let mut local: Vec<LocalFile> = site
        .datasets
        .iter()
        .flat_map(|d| &d.resources)
        .filter_map(LocalFile::of_resource)
        .chain(
            site.participants
                .iter()
                .filter_map(|p| p.boundary.as_ref().map(LocalFile::of_boundary)),
        )
        .collect();
    local.sort_by(|a, b| a.path.cmp(b.path));
    local.dedup_by(|a, b| a.path == b.path);
    local
}

/// The local files that must be read: not too large, and not known from
/// `memory` with the same stamp (those go into `files`, their notices reported).
fn files_to_read<'a>(
    site: &'a Site,
    memory: &AnalysisCache,
    files: &mut HashMap<PathBuf, Arc<FileFacts>>,
    diagnostics: &Diagnostics,
) -> Vec<ToRead<'a>> {
    let limit = site.portal.max_file_bytes;
    let mut to_read = Vec::new();
    for file in local_files(site) {
        let stamp = Stamp::of(file.path);
        if let Some(Stamp { len, .. }) = stamp
            && len > limit
        {
            diagnostics.push(too_large(file.name, len, limit));
            continue;
        }
        match (memory.files.get(file.path), &stamp) {
            (Some((known, facts)), Some(stamp)) if known == stamp => {
                for notice in &facts.notices {
                    diagnostics.push(notice.diagnostic(file.name));
                }
                files.insert(file.path.to_path_buf(), Arc::clone(facts));
            }
            _ => to_read.push((file, stamp)),
        }
    }
    to_read
}

/// The error for a file over the portal's size limit.
fn too_large(name: &str, len: u64, limit: u64) -> Diagnostic {
    Diagnostic::error(
        name,
        msg!(
            "analyse-too-large",
            size = Arg::size(len),
            limit = Arg::size(limit)
        ),
    )
    .code(Code::FileTooLarge)
    .help(msg!("analyse-too-large-help"))
}

/// Reads the files on all cores, from the cache on disk when it knows them;
/// reports their notices, and an error for each file that cannot be read.
fn read_files(
    to_read: &[ToRead],
    reported_changed: &HashSet<PathBuf>,
    disk: &Cache,
    portal: &crate::model::Portal,
    diagnostics: &Diagnostics,
    stage: &Stage,
) -> Vec<ReadFile> {
    to_read
        .par_iter()
        .filter_map(|(file, stamp)| {
            let (path, name) = (&file.path, &file.name);
            let request = Request {
                path,
                declared_encoding: file.encoding,
                format: file.format,
                preview_rows: portal.preview_rows,
                explore_max_rows: portal.explore_max_rows,
            };
            let trust_stamp = !reported_changed.contains(*path);
            let read = facts_from_cache_or_file(&request, disk, trust_stamp);
            stage.advance(stamp.as_ref().map_or(0, |s| s.len));
            match read {
                Ok((facts, analysed)) => {
                    for notice in &facts.notices {
                        diagnostics.push(notice.diagnostic(name));
                    }
                    Some(ReadFile {
                        path: path.to_path_buf(),
                        stamp: stamp.clone(),
                        facts: Arc::new(facts),
                        analysed,
                    })
                }
                Err(error) => {
                    diagnostics.push(Diagnostic::error(
                        *name,
                        msg!("analyse-unreadable", error = crate::load::io_reason(&error)),
                    ));
                    None
                }
            }
        })
        .collect()
}

/// Warns, in each dataset's descriptor, where its declared schema disagrees
/// with what its files hold.
fn check_declared_schemas(
    site: &Site,
    files: &HashMap<PathBuf, Arc<FileFacts>>,
    diagnostics: &Diagnostics,
) {
    for dataset in &site.datasets {
        for resource in &dataset.resources {
            if let ResourceLocation::Local { path, .. } = &resource.location
                && let Some(facts) = files.get(path)
            {
                for problem in schema::check_declared(resource, facts) {
                    diagnostics.push(Diagnostic::warning(&dataset.source_file, problem));
                }
            }
        }
    }
}

/// An error, at its line of `participant.toml`, for each participant whose
/// `boundary` has no polygon to draw.
fn check_boundaries(
    site: &Site,
    files: &HashMap<PathBuf, Arc<FileFacts>>,
    diagnostics: &Diagnostics,
) {
    for participant in &site.participants {
        let Some(boundary) = &participant.boundary else {
            continue;
        };
        let Some(facts) = files.get(&boundary.path) else {
            continue;
        };
        if !has_polygons(facts) {
            let mut error = Diagnostic::error(
                &participant.source_file,
                msg!(
                    "analyse-boundary-not-polygons",
                    path = &boundary.source_file
                ),
            )
            .help(msg!("analyse-boundary-not-polygons-help"));
            error.line = Some(boundary.line);
            error.column = Some(boundary.column);
            diagnostics.push(error);
        }
    }
}

/// Whether a file's map has polygons.
fn has_polygons(facts: &FileFacts) -> bool {
    match &facts.content {
        super::FileContent::Geo { geo, .. } => {
            geo.map.is_some()
                && geo
                    .geometry_types
                    .iter()
                    .any(|(kind, n)| *n > 0 && kind.contains("Polygon"))
        }
        _ => false,
    }
}
