//! The manifest a portal's folder keeps (`.abierto-manifest`): every file
//! abierto wrote there, with what tells a later build, without reading the
//! file, that it is still the one written.

use super::file::{Content, OutputFile};
use crate::platform::{identity, mtime_ns};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::Path;

/// The list of files abierto wrote, kept in the output to recognise it later.
pub const MANIFEST: &str = ".abierto-manifest";
pub(super) const MANIFEST_HEADER: &str =
    "# Files written by abierto. Delete this folder freely; do not add files to it.";

/// The manifest of a portal: every file abierto wrote, with what tells later
/// builds, without reading it, that the file is still the one written (its
/// size and modification time) and, for a copy, which source it copied (the
/// source's device, inode, size and modification time).
///
/// ```text
/// # Files written by abierto. …
/// # abierto-manifest 2: size mtime_ns source path
/// 5120 1764182400123456789 - datos/index.html
/// 1048576 1764182400223456789 2049.131074.1048576.1764000000000000000 descargas/p/d/datos.csv
/// ```
///
/// A manifest of the first format (paths only) is still read: its files are
/// recognised as abierto's, but none is reused.
#[derive(Default)]
pub(super) struct Manifest {
    pub(super) entries: HashMap<String, Option<Recorded>>,
}

/// What a manifest records of one file.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(super) struct Recorded {
    pub(super) stamp: Stamp,
    /// For a copy, the stamp of the file it was copied from.
    pub(super) source: Option<SourceStamp>,
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

const MANIFEST_FORMAT: &str = "# abierto-manifest 2: size mtime_ns source path";

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
        let stamped = text.lines().any(|l| l == MANIFEST_FORMAT);
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
                let source = parts.next()?;
                let path = parts.next()?.to_string();
                let recorded = Recorded {
                    stamp: Stamp { size, mtime_ns },
                    source: SourceStamp::parse(source),
                };
                Some((path, Some(recorded)))
            })
            .collect();
        Manifest { entries }
    }

    pub(super) fn text(written: &[(String, Recorded)]) -> String {
        let mut text = format!("{MANIFEST_HEADER}\n{MANIFEST_FORMAT}\n");
        for (path, recorded) in written {
            let source = recorded
                .source
                .map_or_else(|| "-".to_string(), |s| s.to_string());
            let Stamp { size, mtime_ns } = recorded.stamp;
            text.push_str(&format!("{size} {mtime_ns} {source} {path}\n"));
        }
        text
    }
}

pub(super) fn source_stamp(content: &Content) -> Option<SourceStamp> {
    match content {
        Content::Bytes(_) => None,
        Content::CopyOf(path) => SourceStamp::of(path),
    }
}

/// What the manifest records of the published file at `relative` when that
/// file is still as written and holds `content` (same bytes for a page, a
/// copy of the same source file); `None` when it must be written again.
pub(super) fn unchanged(
    old_dir: &Path,
    manifest: &Manifest,
    relative: &str,
    content: &Content,
    source: Option<SourceStamp>,
) -> Option<Recorded> {
    let recorded = manifest.entries.get(relative)?.as_ref()?;
    let published = old_dir.join(relative);
    let metadata = std::fs::symlink_metadata(&published).ok()?;
    if !metadata.is_file() || Stamp::of(&metadata) != recorded.stamp {
        return None;
    }
    let same = match content {
        Content::Bytes(bytes) => {
            metadata.len() == bytes.len() as u64
                && std::fs::read(&published).is_ok_and(|held| held == **bytes)
        }
        Content::CopyOf(_) => source.is_some() && source == recorded.source,
    };
    same.then_some(Recorded {
        stamp: recorded.stamp,
        source,
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
                source_stamp(content),
            )
            .is_some()
        })
}
