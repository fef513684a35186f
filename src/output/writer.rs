//! Writes a build into its output folder without ever losing the previous one:
//! the new portal is written into a staging folder beside it and swapped in
//! whole. A folder holding files abierto did not write is refused (unless
//! forced), and nothing outside the output folder is written or deleted.

//!
//! The writer touches only the output folder and two folders beside it that it
//! names and owns (`.NAME.abierto-staging`, `.NAME.abierto-previous`);
//! `.abierto-manifest` lists what it wrote. Where the system can, the finished
//! staging folder and the output are exchanged atomically
//! ([`crate::platform::exchange`]), so a build killed at any moment leaves the
//! old portal or the new one (`tests/crash_safety.rs`); elsewhere the old one is
//! moved aside first and put back by the next build if it was interrupted.
//!
//! The manifest records each file's size and mtime, and for a copy its source's
//! device, inode, size and mtime (`# abierto-manifest 2: size mtime_ns source
//! path`). Staging links (`link(2)`) a published file whose stamp is the
//! recorded one and that is unchanged (same bytes for a page, same source stamp
//! for a download), and creates every other file with `create_new`: a file
//! shared with the published portal is never opened for writing, so the old
//! portal stays whole until the swap, and disposing of it afterwards (in
//! parallel, links never followed) mostly removes names. A file changed by hand
//! in the output has another stamp and is written again. A build that would
//! link every file and add or remove none stages nothing.

use super::file::{Content, OutputFile};
pub use super::outcome::{WriteError, WriteSummary};
use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::platform::{exchange, identity, mtime_ns};
use crate::progress::{Progress, Stage};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The list of files abierto wrote, kept in the output to recognise it later.
pub const MANIFEST: &str = ".abierto-manifest";
const MANIFEST_HEADER: &str =
    "# Files written by abierto. Delete this folder freely; do not add files to it.";

/// Checks that no two outputs claim the same file.
pub fn check_collisions(files: &[OutputFile]) -> Vec<Diagnostic> {
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    let mut problems = Vec::new();
    for file in files {
        let target = file.route.output_file();
        if let Some(first) = seen.insert(target.clone(), &file.origin) {
            problems.push(
                Diagnostic::error(
                    file.origin.clone(),
                    msg!("output-collision", target = &target, first = first),
                )
                .help(msg!("output-collision-help")),
            );
        }
    }
    problems
}

/// Why an output folder cannot be used.
pub fn check_output_folder(
    out_dir: &Path,
    site_root: &Path,
    force: bool,
) -> Result<(), Diagnostic> {
    let out = absolute(out_dir);
    let shown = out_dir.display().to_string();
    if out.parent().is_none() {
        return Err(Diagnostic::error(shown, msg!("output-is-root")));
    }
    if site_root.starts_with(&out) {
        return Err(Diagnostic::error(shown, msg!("output-holds-site"))
            .help(msg!("output-own-folder-help")));
    }
    for input in crate::load::SOURCE_DIRS {
        if out.starts_with(site_root.join(input)) {
            return Err(
                Diagnostic::error(shown, msg!("output-inside-source", folder = input))
                    .help(msg!("output-own-folder-help")),
            );
        }
    }
    if !out.exists() || force {
        return Ok(());
    }
    if !out.is_dir() {
        return Err(
            Diagnostic::error(shown, msg!("output-is-file")).help(msg!("output-is-file-help"))
        );
    }
    let foreign = foreign_files(&out);
    if let Some(first) = foreign.first() {
        return Err(Diagnostic::error(
            shown,
            msg!(
                "output-foreign-files",
                first = first,
                more = foreign.len() - 1
            ),
        )
        .help(msg!("output-foreign-files-help")));
    }
    Ok(())
}

/// The files of a portal abierto wrote into `folder`, as its manifest lists
/// them (`datos/index.html`); `None` when the folder has no manifest.
pub fn published_files(folder: &Path) -> Option<Vec<String>> {
    if !folder.join(MANIFEST).is_file() {
        return None;
    }
    let mut files: Vec<String> = Manifest::read(folder).entries.into_keys().collect();
    files.sort();
    Some(files)
}

/// Where `--all-portals` writes a participant's own portal: `OUT-<participant>`
/// beside the network's `OUT`, each folder deployed as it is to its own host.
/// `None` when `OUT` has no name of its own (the root).
pub fn participant_folder(out_dir: &Path, participant: &str) -> Option<PathBuf> {
    let out = absolute(out_dir);
    let name = out.file_name()?.to_string_lossy().to_string();
    Some(out.with_file_name(format!("{name}-{participant}")))
}

/// Files in an existing output folder that its manifest does not list.
fn foreign_files(out: &Path) -> Vec<String> {
    let listed = Manifest::read(out).entries;
    walkdir::WalkDir::new(out)
        .min_depth(1)
        .into_iter()
        .flatten()
        .filter(|e| !e.file_type().is_dir())
        .filter_map(|e| {
            let relative = relative_name(out, e.path());
            (relative != MANIFEST && !listed.contains_key(&relative)).then_some(relative)
        })
        .collect()
}

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
struct Manifest {
    entries: HashMap<String, Option<Recorded>>,
}

/// What a manifest records of one file.
#[derive(Clone, PartialEq, Eq, Debug)]
struct Recorded {
    stamp: Stamp,
    /// For a copy, the stamp of the file it was copied from.
    source: Option<SourceStamp>,
}

/// Size and modification time: a file whose stamp is the one recorded was not written since.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Stamp {
    size: u64,
    mtime_ns: i128,
}

/// A source file's identity and stamp: the same values mean the same bytes
/// (a saved file gets a new modification time, a replaced one a new inode).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct SourceStamp {
    dev: u64,
    ino: u64,
    stamp: Stamp,
}

const MANIFEST_FORMAT: &str = "# abierto-manifest 2: size mtime_ns source path";

impl Stamp {
    fn of(metadata: &std::fs::Metadata) -> Stamp {
        Stamp {
            size: metadata.len(),
            mtime_ns: mtime_ns(metadata),
        }
    }
}

impl SourceStamp {
    fn of(path: &Path) -> Option<SourceStamp> {
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
    fn read(folder: &Path) -> Manifest {
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

    fn text(written: &[(String, Recorded)]) -> String {
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

/// Writes `files` as the new content of `out_dir`, swapping it in only when all are written.
///
/// A file the previous portal already holds, unchanged, is not written again
/// but hard-linked from it (same bytes for a page, same source for a copy),
/// so a build that changed little writes little; the previous portal's files
/// are only ever linked and read, never opened for writing, so it stays whole
/// until the swap. Disposing of the previous portal after the swap then
/// removes mostly names, not data. When every file is unchanged and no file
/// was added or removed, the published portal already is the new one: nothing
/// is staged, swapped or disposed of.
pub fn write_output(
    out_dir: &Path,
    files: &[OutputFile],
    progress: &Progress,
) -> Result<WriteSummary, WriteError> {
    let out = absolute(out_dir);
    let parent = out.parent().unwrap_or(Path::new(".")).to_path_buf();
    std::fs::create_dir_all(&parent)?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let staging = parent.join(format!(".{name}.abierto-staging"));
    let previous = parent.join(format!(".{name}.abierto-previous"));
    // A build killed between the two renames of the fallback swap left the old portal aside.
    if !out.exists() && previous.join(MANIFEST).is_file() {
        std::fs::rename(&previous, &out)?;
    }
    for leftover in [&staging, &previous] {
        if leftover.exists() {
            remove_if_ours(leftover)?;
        }
    }

    // Only a folder abierto wrote (it has a manifest) lends its files.
    let reusable = out.join(MANIFEST).is_file().then(|| Manifest::read(&out));
    let old = reusable.as_ref().map(|manifest| (out.as_path(), manifest));
    let step = std::time::Instant::now();
    // A build that changed nothing leaves the portal as it is: no staging
    // folder to fill, no old portal to dispose of.
    if old.is_some_and(|(out, manifest)| already_published(out, manifest, files)) {
        crate::timing::phase("unchanged", step);
        return Ok(WriteSummary {
            reused: files.len(),
            ..WriteSummary::default()
        });
    }
    std::fs::create_dir_all(&staging)?;
    // Marks the staging folder as abierto's from the start, so a later build may clear it.
    std::fs::write(staging.join(MANIFEST), format!("{MANIFEST_HEADER}\n"))?;
    let stage = progress.stage(msg!("progress-write"), files.len() as u64, None);
    let written = write_all(&staging, files, old, &stage);
    stage.finish();
    let mut summary = match written {
        Ok(summary) => summary,
        Err(error) => {
            let _ = remove_tree(&staging);
            return Err(error.into());
        }
    };
    crate::timing::phase("stage", step);
    if let Some((_, manifest)) = old {
        let kept: HashSet<String> = files.iter().map(|f| f.route.output_file()).collect();
        summary.removed = manifest
            .entries
            .keys()
            .filter(|f| !kept.contains(*f))
            .count();
    }
    crate::interrupt::while_swapping(|| swap_in(&staging, &out, &previous))?;
    Ok(summary)
}

/// Puts the finished `staging` folder at `out`. Where the system can exchange two
/// folders atomically, a reader (or a crash) sees the old portal or the new one,
/// never neither; elsewhere the old one is moved aside first and put back on failure.
fn swap_in(staging: &Path, out: &Path, previous: &Path) -> std::io::Result<()> {
    if out.exists() && exchange(staging, out).is_ok() {
        // `staging` now holds the previous portal.
        let step = std::time::Instant::now();
        let removed = remove_tree(staging);
        crate::timing::phase("dispose", step);
        return removed;
    }
    if out.exists() {
        std::fs::rename(out, previous)?;
    }
    if let Err(error) = std::fs::rename(staging, out) {
        let _ = std::fs::rename(previous, out);
        let _ = remove_tree(staging);
        return Err(error);
    }
    if previous.exists() {
        remove_tree(previous)?;
    }
    Ok(())
}

/// Writes every file into `staging` (a fresh folder), linking those that
/// `old` (the previous portal and its manifest) already holds unchanged.
fn write_all(
    staging: &Path,
    files: &[OutputFile],
    old: Option<(&Path, &Manifest)>,
    stage: &Stage,
) -> std::io::Result<WriteSummary> {
    let folders: BTreeSet<PathBuf> = files
        .iter()
        .filter_map(|f| {
            staging
                .join(f.route.output_file())
                .parent()
                .map(Path::to_path_buf)
        })
        .collect();
    for folder in &folders {
        std::fs::create_dir_all(folder)?;
    }
    let mut written: Vec<(String, Recorded, bool)> = files
        .par_iter()
        .map(|file| {
            let relative = file.route.output_file();
            let target = staging.join(&relative);
            let (recorded, reused) = write_one(&target, &relative, &file.content, old)?;
            stage.advance(0);
            Ok((relative, recorded, reused))
        })
        .collect::<std::io::Result<_>>()?;
    written.sort_by(|a, b| a.0.cmp(&b.0));
    let reused = written.iter().filter(|(_, _, reused)| *reused).count();
    let written: Vec<(String, Recorded)> = written.into_iter().map(|(f, r, _)| (f, r)).collect();
    // The staging folder's first manifest (header only) is replaced, not rewritten in place.
    let temp = staging.join(format!("{MANIFEST}.new"));
    write_new(&temp, Manifest::text(&written).as_bytes())?;
    std::fs::rename(temp, staging.join(MANIFEST))?;
    Ok(WriteSummary {
        written: written.len() - reused,
        reused,
        removed: 0,
    })
}

/// Puts one file at `target` (which does not exist yet): a link to the
/// previous portal's file when it is unchanged (then `true`), else a new file.
fn write_one(
    target: &Path,
    relative: &str,
    content: &Content,
    old: Option<(&Path, &Manifest)>,
) -> std::io::Result<(Recorded, bool)> {
    let source = source_stamp(content);
    if let Some((old_dir, manifest)) = old
        && let Some(recorded) = unchanged(old_dir, manifest, relative, content, source)
    {
        let previous = old_dir.join(relative);
        if std::fs::hard_link(&previous, target).is_ok() {
            return Ok((recorded, true));
        }
    }
    match content {
        Content::Bytes(bytes) => write_new(target, bytes)?,
        Content::CopyOf(path) => copy_new(path, target)?,
    }
    let metadata = std::fs::symlink_metadata(target)?;
    let recorded = Recorded {
        stamp: Stamp::of(&metadata),
        source,
    };
    Ok((recorded, false))
}

fn source_stamp(content: &Content) -> Option<SourceStamp> {
    match content {
        Content::Bytes(_) => None,
        Content::CopyOf(path) => SourceStamp::of(path),
    }
}

/// What the manifest records of the published file at `relative` when that
/// file is still as written and holds `content` (same bytes for a page, a
/// copy of the same source file); `None` when it must be written again.
fn unchanged(
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
fn already_published(out: &Path, manifest: &Manifest, files: &[OutputFile]) -> bool {
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

/// Creates `target` with `bytes`, failing if it exists: a file shared (hard
/// linked) with the published portal is never opened for writing.
fn write_new(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(target)?;
    file.write_all(bytes)
}

/// Copies `source` to a new file `target` (never over an existing one).
fn copy_new(source: &Path, target: &Path) -> std::io::Result<()> {
    let mut from = std::fs::File::open(source)?;
    let mut to = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(target)?;
    std::io::copy(&mut from, &mut to)?;
    Ok(())
}

/// Removes a folder abierto owns and everything in it, its subfolders in
/// parallel. Links are removed, never followed (`remove_dir_all` does not
/// follow them either), so nothing outside the folder is touched.
///
/// The manifest goes last: a removal cut short by a crash leaves a folder that
/// still says it is abierto's, so the next build may clear it.
fn remove_tree(folder: &Path) -> std::io::Result<()> {
    let children: Vec<std::fs::DirEntry> = std::fs::read_dir(folder)?
        .filter(|entry| entry.as_ref().map_or(true, |e| e.file_name() != MANIFEST))
        .collect::<Result<_, _>>()?;
    children.par_iter().try_for_each(|entry| {
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            // One more level in parallel (participants, datasets), then the std walk.
            let grandchildren: Vec<PathBuf> = std::fs::read_dir(&path)?
                .map(|e| e.map(|e| e.path()))
                .collect::<Result<_, _>>()?;
            grandchildren
                .par_iter()
                .try_for_each(|p| match std::fs::symlink_metadata(p) {
                    Ok(m) if m.is_dir() => std::fs::remove_dir_all(p),
                    Ok(_) => std::fs::remove_file(p),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
                    Err(e) => Err(e),
                })?;
            std::fs::remove_dir(&path)
        } else {
            std::fs::remove_file(&path)
        }
    })?;
    match std::fs::remove_file(folder.join(MANIFEST)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    std::fs::remove_dir(folder)
}

/// Removes a staging or previous folder left by an interrupted build, only if abierto wrote it.
fn remove_if_ours(folder: &Path) -> Result<(), WriteError> {
    let ours = folder.join(MANIFEST).is_file() || folder.read_dir()?.next().is_none();
    if ours {
        Ok(remove_tree(folder)?)
    } else {
        Err(WriteError::NotOurs(folder.to_path_buf()))
    }
}

fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    // Canonicalize what exists (resolving symlinks and `..`), keep the rest as written.
    let mut existing = joined.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut resolved = std::fs::canonicalize(existing).unwrap_or_else(|_| existing.to_path_buf());
    for name in rest.into_iter().rev() {
        resolved.push(name);
    }
    resolved
}

fn relative_name(root: &Path, path: &Path) -> String {
    crate::diagnostics::display_path(root, path)
}
