//! The manifest a portal's folder keeps (`.abierto-manifest`): every file
//! abierto wrote there, with what tells a later build, without reading the
//! file, that it is still the one written.

use super::file::{Content, OutputFile};
use crate::platform::{identity, mtime_ns};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::Path;

/// The list of files abierto wrote, kept in the output to recognise it later.
pub const MANIFEST: &str = ".abierto-manifest";
pub(super) const MANIFEST_HEADER: &str =
    "# Files written by abierto. Delete this folder freely; do not add files to it.";

/// The manifest of a portal: every file abierto wrote, with what tells later
/// builds, without reading it, that the file is still the one written (its
/// size and modification time) and what it holds: a page's bytes by their
/// digest (the first 128 bits of their SHA-256), a copy by the source it
/// copied (the source's device, inode, size and modification time).
///
/// ```text
/// # Files written by abierto. …
/// # abierto-manifest 3: size mtime_ns holds path
/// 5120 1764182400123456789 sha:9f86d081884c7d659a2feaa0c55ad015 datos/index.html
/// 1048576 1764182400223456789 2049.131074.1048576.1764000000000000000 descargas/p/d/datos.csv
/// ```
///
/// A manifest of the second format (`-` for every page) is still read: its
/// pages are compared byte by byte. One of the first format (paths only):
/// its files are recognised as abierto's, but none is reused.
#[derive(Default)]
pub(super) struct Manifest {
    pub(super) entries: HashMap<String, Option<Recorded>>,
}

/// What a manifest records of one file.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(super) struct Recorded {
    pub(super) stamp: Stamp,
    /// What it holds; `None` when unknown (then a page is compared byte by byte).
    pub(super) holds: Option<Holds>,
}

/// What a file holds, told apart without reading it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Holds {
    /// Bytes made by the build, by their digest.
    Bytes([u8; 16]),
    /// A copy of a source file, by the source's identity and stamp.
    Copy(SourceStamp),
}

impl Holds {
    /// What `content` holds; `None` for a copy whose source cannot be stamped.
    pub(super) fn of(content: &Content) -> Option<Holds> {
        match content {
            Content::Bytes(bytes) => {
                let digest = Sha256::digest(bytes.as_slice());
                let mut first = [0; 16];
                first.copy_from_slice(&digest[..16]);
                Some(Holds::Bytes(first))
            }
            Content::CopyOf(path) => SourceStamp::of(path).map(Holds::Copy),
        }
    }

    fn parse(text: &str) -> Option<Holds> {
        match text.strip_prefix("sha:") {
            Some(hex) if hex.len() == 32 => {
                let mut digest = [0; 16];
                for (i, byte) in digest.iter_mut().enumerate() {
                    *byte = u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()?;
                }
                Some(Holds::Bytes(digest))
            }
            Some(_) => None,
            None => SourceStamp::parse(text).map(Holds::Copy),
        }
    }
}

impl std::fmt::Display for Holds {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Holds::Bytes(digest) => {
                f.write_str("sha:")?;
                digest.iter().try_for_each(|b| write!(f, "{b:02x}"))
            }
            Holds::Copy(source) => write!(f, "{source}"),
        }
    }
}

/// Size and modification time: a file whose stamp is the one recorded was not written since.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct Stamp {
    size: u64,
    mtime_ns: i128,
}

/// A source file's identity and stamp: the same values mean the same bytes
/// (a saved file gets a new modification time, a replaced one a new inode).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct SourceStamp {
    dev: u64,
    ino: u64,
    stamp: Stamp,
}

const MANIFEST_FORMAT: &str = "# abierto-manifest 3: size mtime_ns holds path";
/// The format before digests: a page's `holds` is `-`.
const MANIFEST_FORMAT_2: &str = "# abierto-manifest 2: size mtime_ns source path";

impl Stamp {
    pub(super) fn of(metadata: &std::fs::Metadata) -> Stamp {
        Stamp {
            size: metadata.len(),
            mtime_ns: mtime_ns(metadata),
        }
    }
}

impl SourceStamp {
    pub(super) fn of(path: &Path) -> Option<SourceStamp> {
        let metadata = std::fs::metadata(path).ok()?;
        let (dev, ino) = identity(&metadata)?;
        Some(SourceStamp {
            dev,
            ino,
            stamp: Stamp::of(&metadata),
        })
    }

    fn parse(text: &str) -> Option<SourceStamp> {
        let mut parts = text.split('.');
        let source = SourceStamp {
            dev: parts.next()?.parse().ok()?,
            ino: parts.next()?.parse().ok()?,
            stamp: Stamp {
                size: parts.next()?.parse().ok()?,
                mtime_ns: parts.next()?.parse().ok()?,
            },
        };
        parts.next().is_none().then_some(source)
    }
}

impl std::fmt::Display for SourceStamp {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let SourceStamp { dev, ino, stamp } = self;
        write!(f, "{dev}.{ino}.{}.{}", stamp.size, stamp.mtime_ns)
    }
}

impl Manifest {
    /// The manifest of a folder; empty when it has none.
    pub(super) fn read(folder: &Path) -> Manifest {
        let Ok(text) = std::fs::read_to_string(folder.join(MANIFEST)) else {
            return Manifest::default();
        };
        let stamped = text
            .lines()
            .any(|l| l == MANIFEST_FORMAT || l == MANIFEST_FORMAT_2);
        let entries = text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .filter_map(|line| {
                if !stamped {
                    return Some((line.to_string(), None));
                }
                let mut parts = line.splitn(4, ' ');
                let size = parts.next()?.parse().ok()?;
                let mtime_ns = parts.next()?.parse().ok()?;
                let holds = parts.next()?;
                let path = parts.next()?.to_string();
                let recorded = Recorded {
                    stamp: Stamp { size, mtime_ns },
                    holds: Holds::parse(holds),
                };
                Some((path, Some(recorded)))
            })
            .collect();
        Manifest { entries }
    }

    /// Whether the manifest says that `relative` holds `holds` (without looking at the file).
    pub(super) fn records(&self, relative: &str, holds: Option<Holds>) -> bool {
        holds.is_some()
            && self
                .entries
                .get(relative)
                .is_some_and(|r| r.as_ref().is_some_and(|r| r.holds == holds))
    }

    pub(super) fn text(written: &[(String, Recorded)]) -> String {
        let mut text = format!("{MANIFEST_HEADER}\n{MANIFEST_FORMAT}\n");
        for (path, recorded) in written {
            let holds = recorded
                .holds
                .map_or_else(|| "-".to_string(), |h| h.to_string());
            let Stamp { size, mtime_ns } = recorded.stamp;
            text.push_str(&format!("{size} {mtime_ns} {holds} {path}\n"));
        }
        text
    }
}

/// What the manifest records of the file at `relative` in `dir` when that
/// file is still as written and holds what `content` holds (`holds`, made by
/// [`Holds::of`]); `None` when it must be written again.
pub(super) fn unchanged(
    dir: &Path,
    manifest: &Manifest,
    relative: &str,
    content: &Content,
    holds: Option<Holds>,
) -> Option<Recorded> {
    let recorded = manifest.entries.get(relative)?.as_ref()?;
    let path = dir.join(relative);
    let metadata = std::fs::symlink_metadata(&path).ok()?;
    if !metadata.is_file() || Stamp::of(&metadata) != recorded.stamp {
        return None;
    }
    let same = match (content, recorded.holds) {
        (_, Some(known)) => holds == Some(known),
        // A page of a manifest from before digests.
        (Content::Bytes(bytes), None) => {
            metadata.len() == bytes.len() as u64
                && std::fs::read(&path).is_ok_and(|held| held == **bytes)
        }
        (Content::CopyOf(_), None) => false,
    };
    same.then_some(Recorded {
        stamp: recorded.stamp,
        holds,
    })
}

/// Whether the published portal at `out` is exactly `files`: the same
/// addresses, every file unchanged. Then there is nothing to write.
pub(super) fn already_published(out: &Path, manifest: &Manifest, files: &[OutputFile]) -> bool {
    manifest.entries.len() == files.len()
        && files.par_iter().all(|file| {
            let content = &file.content;
            unchanged(
                out,
                manifest,
                &file.route.output_file(),
                content,
                Holds::of(content),
            )
            .is_some()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_text(text: &str) -> Manifest {
        let folder = tempfile::tempdir().unwrap();
        std::fs::write(folder.path().join(MANIFEST), text).unwrap();
        Manifest::read(folder.path())
    }

    #[test]
    fn a_manifest_reads_back_what_it_wrote_and_the_format_before_digests() {
        let page = Holds::of(&Content::Bytes(std::sync::Arc::new(
            b"<p>hola</p>".to_vec(),
        )));
        let copy = SourceStamp::parse("2049.131074.1048576.1764000000000000000").map(Holds::Copy);
        let stamp = Stamp {
            size: 11,
            mtime_ns: 1_764_182_400_123_456_789,
        };
        let written = [
            (
                "datos/index.html".to_string(),
                Recorded { stamp, holds: page },
            ),
            ("d/datos.csv".to_string(), Recorded { stamp, holds: copy }),
        ];
        let text = Manifest::text(&written);
        // SHA-256 of "<p>hola</p>", its first 128 bits (worked out with sha256sum).
        assert!(
            text.contains("sha:8c235489d56da6e6f749e1f69dd70e58 datos/index.html"),
            "{text}"
        );
        let read = read_text(&text);
        for (path, recorded) in &written {
            assert_eq!(read.entries[path].as_ref(), Some(recorded));
        }
        assert!(read.records("datos/index.html", page));
        assert!(!read.records("d/datos.csv", page));

        let before = "# Files written by abierto.\n# abierto-manifest 2: size mtime_ns source path\n\
                      11 1764182400123456789 - datos/index.html\n";
        let read = read_text(before);
        let recorded = read.entries["datos/index.html"].as_ref().unwrap();
        assert_eq!((recorded.stamp, recorded.holds), (stamp, None));
    }
}
