//! Analyse: reads every local data file once, streaming, on all cores, and
//! records what the pages say about it (size, SHA-256). An [`AnalysisCache`]
//! keeps the facts across rebuilds (`serve`), so an unchanged file is never
//! read twice.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{ResourceLocation, Site};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// What was learnt about one data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFacts {
    pub bytes: u64,
    /// Lower-case hexadecimal.
    pub sha256: String,
}

/// Facts about every local data file of a site, by file path.
#[derive(Debug, Default)]
pub struct Analysis {
    files: HashMap<PathBuf, FileFacts>,
}

impl Analysis {
    pub fn facts(&self, path: &Path) -> Option<&FileFacts> {
        self.files.get(path)
    }
}

/// Analyses every local file the site's resources refer to.
pub fn analyse(site: &Site, diagnostics: &Diagnostics) -> Analysis {
    analyse_cached(site, &mut AnalysisCache::default(), diagnostics)
}

/// Facts learnt in earlier runs, each with the size and modification time
/// the file had when it was read: a file whose stamp has not changed (and
/// that no watcher reported) is not read again.
#[derive(Debug, Default)]
pub struct AnalysisCache {
    files: HashMap<PathBuf, (Stamp, FileFacts)>,
    /// How many files the last run read from disk.
    pub last_read: usize,
}

/// What tells that a file changed without reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
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
    /// Forgets what was learnt about a file (a watcher saw it change).
    pub fn invalidate(&mut self, path: &Path) {
        self.files.remove(path);
    }
}

/// Like [`analyse`], reusing the facts of files that did not change since
/// they were read into `cache`.
pub fn analyse_cached(
    site: &Site,
    cache: &mut AnalysisCache,
    diagnostics: &Diagnostics,
) -> Analysis {
    let mut paths: Vec<(&Path, &str)> = site
        .datasets
        .iter()
        .flat_map(|d| &d.resources)
        .filter_map(|r| match &r.location {
            ResourceLocation::Local {
                path, source_file, ..
            } => Some((path.as_path(), source_file.as_str())),
            ResourceLocation::Remote { .. } => None,
        })
        .collect();
    paths.sort();
    paths.dedup();
    let mut files = HashMap::new();
    let mut to_read = Vec::new();
    for (path, name) in paths {
        let stamp = Stamp::of(path);
        match (cache.files.get(path), &stamp) {
            (Some((known, facts)), Some(stamp)) if known == stamp => {
                files.insert(path.to_path_buf(), facts.clone());
            }
            _ => to_read.push((path, name, stamp)),
        }
    }
    let read: Vec<(PathBuf, Option<Stamp>, FileFacts)> = to_read
        .par_iter()
        .filter_map(|(path, name, stamp)| match hash_file(path) {
            Ok(facts) => Some((path.to_path_buf(), stamp.clone(), facts)),
            Err(error) => {
                diagnostics.push(Diagnostic::error(
                    *name,
                    format!("cannot read this data file: {error}"),
                ));
                None
            }
        })
        .collect();
    cache.last_read = to_read.len();
    // Only what the site still uses stays cached.
    cache.files.retain(|path, _| files.contains_key(path));
    for (path, stamp, facts) in read {
        if let Some(stamp) = stamp {
            cache.files.insert(path.clone(), (stamp, facts.clone()));
        }
        files.insert(path, facts);
    }
    Analysis { files }
}

/// Size and SHA-256 of a file, read in fixed-size blocks so memory stays flat.
pub fn hash_file(path: &Path) -> std::io::Result<FileFacts> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 64 * 1024];
    let mut bytes = 0u64;
    loop {
        let read = file.read(&mut buffer)?;
        if read == 0 {
            break;
        }
        bytes += read as u64;
        hasher.update(&buffer[..read]);
    }
    let sha256 = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(FileFacts { bytes, sha256 })
}
