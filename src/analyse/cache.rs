//! The analysis cache: what was learnt about each data file, keyed by the
//! file's place and the settings that shape the analysis, and valid while the
//! file's size and modification time (or, failing that, its SHA-256) are
//! unchanged; beside it, the files made from data files (UTF-8 copies, sheet
//! CSVs, GeoJSON conversions). It lives in the user's cache folder
//! (`~/.cache/abierto/<site>`, or `ABIERTO_CACHE_DIR`), never inside the site
//! or the output, and is safe to delete at any time.

use super::FileFacts;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::UNIX_EPOCH;

/// Changes whenever the analysis learns something new, so old entries are not reused.
const ANALYSER_VERSION: &str = "abierto-analyse-14";

/// Where the cache of a site goes: `$ABIERTO_CACHE_DIR/<site>`, else the
/// user's cache folder (`$XDG_CACHE_HOME/abierto/<site>` or
/// `~/.cache/abierto/<site>`), else the system's temporary folder; `<site>`
/// is a hash of the site's absolute path. Never inside the site (a build does
/// not change the site) nor inside the output.
pub fn location(site_root: &Path, output: Option<&Path>) -> PathBuf {
    let root = site_root
        .canonicalize()
        .unwrap_or_else(|_| site_root.to_path_buf());
    let site = hex(&Sha256::digest(root.to_string_lossy().as_bytes())[..8]);
    let base = std::env::var_os("ABIERTO_CACHE_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("XDG_CACHE_HOME")
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
                .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
                .map(|p| p.join("abierto"))
        })
        .unwrap_or_else(|| std::env::temp_dir().join("abierto-cache"));
    let candidate = base.join(&site);
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let inside = |dir: &Path| {
        let candidate = absolute(&candidate);
        candidate.starts_with(absolute(dir))
    };
    let unusable = inside(&root)
        || output.is_some_and(inside)
        || std::fs::create_dir_all(&candidate).is_err()
        || !writable(&candidate);
    if unusable {
        std::env::temp_dir().join("abierto-cache").join(site)
    } else {
        candidate
    }
}

fn writable(dir: &Path) -> bool {
    let probe = dir.join(format!(".probe-{}", std::process::id()));
    let ok = std::fs::write(&probe, b"").is_ok();
    let _ = std::fs::remove_file(probe);
    ok
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A cache folder, ready to use.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    size: u64,
    modified_ns: u128,
    facts: FileFacts,
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

impl Cache {
    /// Opens (creating) a cache folder, marked so that backups and git leave it alone.
    pub fn open(dir: &Path) -> std::io::Result<Cache> {
        std::fs::create_dir_all(dir.join("entries"))?;
        std::fs::create_dir_all(dir.join("files"))?;
        let tag = dir.join("CACHEDIR.TAG");
        if !tag.exists() {
            let _ = std::fs::write(
                &tag,
                "Signature: 8a477f597d28d172789f06886806bc55\n# abierto's analysis cache: safe to delete.\n",
            );
            let _ = std::fs::write(dir.join(".gitignore"), "*\n");
        }
        Ok(Cache {
            dir: dir.to_path_buf(),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The key of a data file's analysis: its place and the settings that change the result.
    pub fn key(path: &Path, settings: &str) -> String {
        let place = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        let mut hasher = Sha256::new();
        hasher.update(ANALYSER_VERSION.as_bytes());
        hasher.update([0]);
        hasher.update(place.to_string_lossy().as_bytes());
        hasher.update([0]);
        hasher.update(settings.as_bytes());
        hex(&hasher.finalize()[..16])
    }

    /// A made file (UTF-8 copy, sheet CSV, GeoJSON) by name.
    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.join("files").join(name)
    }

    /// A fresh temporary name in the files folder, to write a made file before renaming it into place.
    pub fn temp_file(&self) -> PathBuf {
        unique_temp(&self.dir.join("files"))
    }

    /// The cached facts of a file, if its size and modification time are those recorded,
    /// or its content hashes the same; `hash` computes the SHA-256 when needed.
    /// Without `trust_stamp` (a watcher saw the file change: a rewrite may keep
    /// size and time) the content is always compared.
    pub fn get(
        &self,
        key: &str,
        path: &Path,
        trust_stamp: bool,
        hash: impl FnOnce() -> Option<String>,
    ) -> Option<FileFacts> {
        let (size, modified_ns) = stamp(path)?;
        let text = std::fs::read(self.entry_path(key)).ok()?;
        let mut entry: Entry = serde_json::from_slice(&text).ok()?;
        if entry.size != size {
            return None;
        }
        if !entry
            .facts
            .made_files()
            .iter()
            .all(|name| self.file(name).exists())
        {
            return None;
        }
        if entry.modified_ns != modified_ns || !trust_stamp {
            // Touched (a git checkout) but maybe unchanged: compare contents.
            if hash()? != entry.facts.sha256 {
                return None;
            }
            entry.modified_ns = modified_ns;
            self.write_entry(key, &entry);
        }
        Some(entry.facts)
    }

    pub fn put(&self, key: &str, path: &Path, facts: &FileFacts) {
        if let Some((size, modified_ns)) = stamp(path) {
            self.write_entry(
                key,
                &Entry {
                    size,
                    modified_ns,
                    facts: facts.clone(),
                },
            );
        }
    }

    fn entry_path(&self, key: &str) -> PathBuf {
        self.dir.join("entries").join(format!("{key}.json"))
    }

    fn write_entry(&self, key: &str, entry: &Entry) {
        let Ok(text) = serde_json::to_vec(entry) else {
            return;
        };
        let temp = self.temp_file();
        if std::fs::write(&temp, text).is_ok()
            && std::fs::rename(&temp, self.entry_path(key)).is_err()
        {
            let _ = std::fs::remove_file(temp);
        }
    }
}

/// A temporary file name in `folder` that no other thread or process uses:
/// files are written there, then renamed into place, so a reader (another
/// build sharing the cache) sees a whole file or none.
pub fn unique_temp(folder: &Path) -> PathBuf {
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    folder.join(format!(".tmp-{}-{n}-{nanos}", std::process::id()))
}

fn stamp(path: &Path) -> Option<(u64, u128)> {
    let metadata = std::fs::metadata(path).ok()?;
    let modified = metadata
        .modified()
        .ok()?
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some((metadata.len(), modified))
}
