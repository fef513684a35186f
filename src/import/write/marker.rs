//! How a re-import tells a file it wrote and nobody touched since from one
//! people edited: every file an import writes carries a marker line,
//!
//! ```text
//! # abierto-import: jkan dataset:ciclovias 9f2c4e1a0b7d3c55
//! ```
//!
//! the source's kind and its identifier of the item (so the file is found
//! again wherever it is and whatever its name), then the fingerprint (the
//! first 16 hex digits of SHA-256) of the file's text without this line. A
//! later import replaces the file only while the text still has that
//! fingerprint: any edit, even of a comment, keeps the file as people left it.

use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const PREFIX: &str = "# abierto-import: ";

/// A file an earlier import wrote.
#[derive(Debug, Clone)]
pub struct Written {
    pub path: PathBuf,
    /// Whether its text is as the import wrote it.
    pub untouched: bool,
}

/// The key a marker gives an item: its source's kind, and its id as one word.
pub fn key(kind: &str, id: &str) -> (String, String) {
    let id: String = id
        .chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect();
    (kind.to_string(), id)
}

/// The marker line of a file whose item has `key`, for `body` (the rest).
fn line(key: &(String, String), body: &str) -> String {
    format!("{PREFIX}{} {} {}", key.0, key.1, fingerprint(body))
}

/// The whole text of a file: `body` with its marker line first.
pub fn marked(key: &(String, String), body: &str) -> String {
    format!("{}\n{body}", line(key, body))
}

fn fingerprint(body: &str) -> String {
    let digest = Sha256::digest(body.replace("\r\n", "\n").as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The kind, id and whether the text is untouched, of a marked text.
fn read(text: &str) -> Option<(String, String, bool)> {
    let (first, body) = text.split_once('\n').unwrap_or((text, ""));
    let rest = first.trim_end_matches('\r').strip_prefix(PREFIX)?;
    let mut parts = rest.split(' ');
    let (kind, id, print) = (parts.next()?, parts.next()?, parts.next()?);
    Some((kind.to_string(), id.to_string(), print == fingerprint(body)))
}

/// The marked files under `folder` (TOML files at any depth), by (kind, id).
pub fn find_all(folder: &Path) -> BTreeMap<(String, String), Written> {
    let mut found = BTreeMap::new();
    let files = walkdir::WalkDir::new(folder)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"));
    for entry in files {
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        if let Some((kind, id, untouched)) = read(&text) {
            found.insert(
                (kind, id),
                Written {
                    path: entry.into_path(),
                    untouched,
                },
            );
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_edit_is_seen_and_the_item_is_found_again() {
        let text = marked(&key("jkan", "datos de agua"), "title = \"Agua\"\n");
        assert_eq!(
            read(&text),
            Some(("jkan".into(), "datos_de_agua".into(), true))
        );
        let edited = text.replace("Agua", "Agua potable");
        assert_eq!(read(&edited).map(|r| r.2), Some(false));
        let comment = format!("{text}# revisado\n");
        assert_eq!(read(&comment).map(|r| r.2), Some(false));
        // Git on Windows may check files out with CRLF: still untouched.
        assert_eq!(read(&text.replace('\n', "\r\n")).map(|r| r.2), Some(true));
        assert_eq!(read("title = \"x\"\n"), None);
    }
}
