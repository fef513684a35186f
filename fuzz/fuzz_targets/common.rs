//! What the targets share: a scratch folder per fuzzing process (in memory
//! when /dev/shm exists), small sites written into it, and data files
//! analysed through the same entry point `build` uses.
#![allow(dead_code)]

use abierto::analyse::cache::Cache;
use abierto::analyse::{self, FileFacts, Request};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// This process's scratch folder (created once, reused by every input).
pub fn scratch() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let base = if Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!("abierto-fuzz-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a scratch folder");
        dir
    })
}

/// A minimal valid site in the scratch folder: one participant `p` with a
/// data file `datos/a.csv`; targets add the file they fuzz.
pub fn site() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let root = scratch().join("site");
        let write = |name: &str, text: &str| {
            let path = root.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write(
            "portal.toml",
            "title = \"Fuzz\"\nbase_url = \"https://example.org/red/\"\ndefault_license = \"cc-by-4.0\"\n\n[[categories]]\nid = \"movilidad\"\ntitle = \"Movilidad\"\n",
        );
        write(
            "participants/p/participant.toml",
            "name = \"Prueba\"\nkind = \"municipio\"\n",
        );
        write("participants/p/datos/a.csv", "id,nombre\n1,uno\n");
        root
    })
}

/// Writes `data` as `name` and analyses it as a resource of `format`, as a
/// build does (hash, sniffing, profiles, preview, made files); then reads
/// its rows as `check` does.
pub fn analyse_bytes(data: &[u8], name: &str, format: &str) {
    let path = scratch().join(name);
    std::fs::write(&path, data).expect("write the input");
    let cache = cache();
    let request = Request {
        path: &path,
        declared_encoding: None,
        format,
        preview_rows: 20,
        explore_max_rows: 1_000,
    };
    let key = Cache::key(&path, format);
    if let Ok(facts) = analyse::analyse_file(&request, cache, &key) {
        drain_rows(&path, &facts);
    }
    forget_made_files();
}

/// Empties the cache's folder of made files (UTF-8 copies, sheet CSVs,
/// GeoJSON copies, each named by its content's hash): a build prunes them,
/// a fuzzer would otherwise gather one per input for as long as it runs.
fn forget_made_files() {
    if let Ok(entries) = std::fs::read_dir(scratch().join("cache/files")) {
        for entry in entries.flatten() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn drain_rows(path: &Path, facts: &FileFacts) {
    for (sheet, _) in facts.tables() {
        if let Ok(rows) = analyse::rows(path, facts, sheet) {
            for _ in rows {}
        }
    }
}

fn cache() -> &'static Cache {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    CACHE.get_or_init(|| Cache::open(&scratch().join("cache")).expect("a cache folder"))
}
