//! Analyse: reads every local data file once, streaming, on all cores, and
//! records what the pages say about it (size, SHA-256).

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
    let files = paths
        .par_iter()
        .filter_map(|(path, name)| match hash_file(path) {
            Ok(facts) => Some((path.to_path_buf(), facts)),
            Err(error) => {
                diagnostics.push(Diagnostic::error(
                    *name,
                    format!("cannot read this data file: {error}"),
                ));
                None
            }
        })
        .collect();
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
