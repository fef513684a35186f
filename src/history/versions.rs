//! What each version of a file is (size and SHA-256, or what its Git LFS
//! pointer says) and what changed between two versions of a table, each
//! computed once and kept in the analysis cache folder under the blobs' ids
//! (`history/`), so a warm build reads git for neither.

use super::git::Repo;
use super::table_diff::{self, TableDiff};
use crate::analyse::cache::{hex, unique_temp};
use crate::analyse::is_lfs_pointer;
use gix::ObjectId;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Changes whenever what is kept changes, so old entries are not reused.
const VERSION: &str = "history-1";

/// One version of a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Version {
    /// The git blob's id (hexadecimal).
    pub blob: String,
    pub bytes: u64,
    /// Lower-case hexadecimal SHA-256 of the file (for an LFS pointer, of the
    /// file it stands for, as the pointer says).
    pub sha256: String,
    /// The version is a Git LFS pointer: its data is not in the repository.
    pub lfs: bool,
}

/// The history's corner of the analysis cache.
pub struct Store<'r> {
    pub repo: &'r Repo,
    /// `None`: no cache folder, everything computed.
    dir: Option<PathBuf>,
}

impl<'r> Store<'r> {
    pub fn new(repo: &'r Repo, cache_dir: Option<&Path>) -> Store<'r> {
        let dir = cache_dir
            .map(|d| d.join("history"))
            .filter(|d| std::fs::create_dir_all(d).is_ok());
        Store { repo, dir }
    }

    /// A version's size and checksum.
    pub fn version(&self, blob: ObjectId) -> Option<Version> {
        let name = format!("blob-{blob}.json");
        if let Some(known) = self.get(&name) {
            return Some(known);
        }
        let bytes = self.repo.blob(blob)?;
        let version = if is_lfs_pointer(&bytes[..bytes.len().min(1024)]) {
            lfs_version(blob, &bytes)
        } else {
            Version {
                blob: blob.to_string(),
                bytes: bytes.len() as u64,
                sha256: hex(&Sha256::digest(&bytes)),
                lfs: false,
            }
        };
        self.put(&name, &version);
        Some(version)
    }

    /// What changed between two versions of a CSV (`key`: its primary key).
    pub fn table_diff(
        &self,
        old: ObjectId,
        new: ObjectId,
        encoding: Option<&'static encoding_rs::Encoding>,
        key: Option<&str>,
    ) -> Option<TableDiff> {
        let mut settings = Sha256::new();
        settings.update(format!("{:?}\0{:?}", encoding.map(|e| e.name()), key));
        let name = format!("diff-{old}-{new}-{}.json", hex(&settings.finalize()[..8]));
        if let Some(known) = self.get(&name) {
            return known;
        }
        let diff = table_diff::diff(
            &|| self.repo.blob(old),
            &|| self.repo.blob(new),
            encoding,
            key,
        );
        self.put(&name, &diff);
        diff
    }

    /// A version's bytes as a file of the cache folder (`history/files/<blob>`),
    /// to publish; `None` without a cache folder.
    pub fn copy_out(&self, blob: ObjectId) -> Option<PathBuf> {
        let files = self.dir.as_ref()?.join("files");
        let path = files.join(blob.to_string());
        if path.is_file() {
            return Some(path);
        }
        std::fs::create_dir_all(&files).ok()?;
        let bytes = self.repo.blob(blob)?;
        let temp = unique_temp(&files);
        if std::fs::write(&temp, bytes).is_ok() && std::fs::rename(&temp, &path).is_ok() {
            return Some(path);
        }
        let _ = std::fs::remove_file(temp);
        None
    }

    fn get<T: DeserializeOwned>(&self, name: &str) -> Option<T> {
        let text = std::fs::read(self.dir.as_ref()?.join(name)).ok()?;
        let (version, value): (String, T) = serde_json::from_slice(&text).ok()?;
        (version == VERSION).then_some(value)
    }

    /// Written under a temporary name and renamed, so a build sharing the
    /// cache never reads half an entry.
    fn put<T: Serialize>(&self, name: &str, value: &T) {
        let Some(dir) = &self.dir else { return };
        let Ok(text) = serde_json::to_vec(&(VERSION, value)) else {
            return;
        };
        let temp = unique_temp(dir);
        if std::fs::write(&temp, text).is_ok() && std::fs::rename(&temp, dir.join(name)).is_err() {
            let _ = std::fs::remove_file(temp);
        }
    }
}

/// A Git LFS pointer's `oid sha256:…` and `size …`.
fn lfs_version(blob: ObjectId, pointer: &[u8]) -> Version {
    let text = String::from_utf8_lossy(pointer);
    let field = |name: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(name))
            .map(|v| v.trim().to_string())
    };
    Version {
        blob: blob.to_string(),
        bytes: field("size ").and_then(|s| s.parse().ok()).unwrap_or(0),
        sha256: field("oid sha256:").unwrap_or_default(),
        lfs: true,
    }
}
