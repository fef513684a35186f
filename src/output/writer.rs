//! Writes a build into its output folder without ever losing the previous one:
//! the new portal is made whole in a folder beside the output and swapped in.
//! A folder holding files abierto did not write is refused (unless forced),
//! and nothing outside the output folder and the two folders beside it that
//! abierto owns ([`super::folders`]) is written or deleted.
//!
//! Where the system can, the finished folder and the output are exchanged
//! atomically ([`crate::platform::exchange`]), so a build killed at any moment
//! leaves the old portal or the new one (`tests/crash_safety.rs`); elsewhere
//! the old one is moved aside first and put back by the next build if it was
//! interrupted.
//!
//! The portal a swap replaces is kept beside the output
//! (`.NAME.abierto-previous`): the next build updates it into the new portal,
//! writing only the files that differ from it, and swaps it in; files unchanged
//! since the published portal are links to its files (`link(2)`). So a build
//! after a small edit writes a few files and renames two folders, however big
//! the portal. Without a kept portal, the new one is staged whole
//! (`.NAME.abierto-staging`): every file unchanged since the published portal
//! linked from it, every other one created. A file shared with the published
//! portal is never opened for writing (a changed file is a new file renamed
//! into place), so the published portal stays whole until the swap.
//!
//! A file is unchanged when its stamp is the one its manifest records
//! ([`super::manifest`]) and it holds what the manifest says: a page, the bytes
//! with the same digest; a download, a copy of the same source. No file is read
//! to tell: one `stat` per file. A file changed by hand in the output has another
//! stamp and is written again. A build that would change no file and add or
//! remove none writes nothing.

use super::file::{Content, Origin, OutputFile};
use super::folders::{Folders, remove_if_present, remove_tree};
pub use super::manifest::MANIFEST;
use super::manifest::{
    MANIFEST_HEADER, Manifest, Planned, Recorded, Stamp, already_published, unchanged,
};
pub use super::outcome::{WriteError, WriteSummary};
use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::progress::{Progress, Stage};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

/// Checks that no two outputs claim the same file.
pub fn check_collisions(files: &[OutputFile]) -> Vec<Diagnostic> {
    let mut seen: BTreeMap<String, &Origin> = BTreeMap::new();
    let mut problems = Vec::new();
    for file in files {
        let target = file.route.output_file();
        if let Some(first) = seen.insert(target.clone(), &file.origin) {
            problems.push(collision(target, first, &file.origin));
        }
    }
    problems
}

/// Two files claim `target`: the error names the site's files among them
/// (a file of `static/` where the portal writes a page, two data files).
fn collision(target: String, first: &Origin, second: &Origin) -> Diagnostic {
    let error = match (first, second) {
        (Origin::Site(first), Origin::Site(second)) => Diagnostic::error(
            second,
            msg!("output-collision", target = &target, first = first),
        ),
        (Origin::Site(file), Origin::Portal) | (Origin::Portal, Origin::Site(file)) => {
            Diagnostic::error(file, msg!("output-collision-portal", target = &target))
        }
        (Origin::Portal, Origin::Portal) => {
            Diagnostic::error(&target, msg!("output-collision-pages", target = &target))
        }
    };
    error.help(msg!("output-collision-help"))
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

/// Writes `files` as the new content of `out_dir`, swapping it in only when all are written.
///
/// The kept previous portal is updated into the new one when there is one
/// (should that fail, for instance where a file's address became a folder's,
/// the new portal is staged whole instead); else the new portal is staged.
/// When every file is unchanged and no file was added or removed, the
/// published portal already is the new one: nothing is written or swapped.
///
/// `keep`: keep the portal replaced for the next build. Without it (`--force`,
/// whose output folder may hold files abierto did not write) it is deleted.
pub fn write_output(
    out_dir: &Path,
    files: &[OutputFile],
    keep: bool,
    progress: &Progress,
) -> Result<WriteSummary, WriteError> {
    let folders = Folders::of(absolute(out_dir))?;
    folders.recover()?;
    let out = folders.out.as_path();
    // Only a folder abierto wrote (it has a manifest) lends its files.
    let reusable = out.join(MANIFEST).is_file().then(|| Manifest::read(out));
    let old = reusable.as_ref().map(|manifest| (out, manifest));
    let step = std::time::Instant::now();
    let files = &Planned::all(files);
    if old.is_some_and(|(out, manifest)| already_published(out, manifest, files)) {
        crate::timing::phase("unchanged", step);
        return Ok(WriteSummary {
            reused: files.len(),
            ..WriteSummary::default()
        });
    }
    let stage = progress.stage(msg!("progress-write"), files.len() as u64, None);
    let updated = folders
        .previous_is_whole()
        .then(|| update_previous(&folders, files, old, &stage).ok())
        .flatten();
    if updated.is_none() && folders.previous.exists() {
        remove_tree(&folders.previous)?;
    }
    let (tree, written) = match updated {
        Some(summary) => (&folders.previous, Ok(summary)),
        None => (
            &folders.staging,
            stage_all(&folders.staging, files, old, &stage),
        ),
    };
    stage.finish();
    let mut summary = match written {
        Ok(summary) => summary,
        Err(error) => {
            let _ = remove_tree(tree);
            return Err(error.into());
        }
    };
    crate::timing::phase("stage", step);
    if let Some((_, manifest)) = old {
        let kept: HashSet<&str> = files.iter().map(|f| f.relative.as_str()).collect();
        summary.removed = manifest
            .entries
            .keys()
            .filter(|f| !kept.contains(f.as_str()))
            .count();
    }
    crate::interrupt::while_swapping(|| folders.swap_in(tree, keep))?;
    Ok(summary)
}

/// Writes every file into `staging` (a fresh folder), linking those that
/// `old` (the published portal and its manifest) already holds unchanged.
fn stage_all(
    staging: &Path,
    files: &[Planned],
    old: Option<(&Path, &Manifest)>,
    stage: &Stage,
) -> std::io::Result<WriteSummary> {
    std::fs::create_dir_all(staging)?;
    // Marks the staging folder as abierto's from the start, so a later build may clear it.
    std::fs::write(staging.join(MANIFEST), format!("{MANIFEST_HEADER}\n"))?;
    let folders: BTreeSet<PathBuf> = files
        .iter()
        .filter_map(|f| staging.join(&f.relative).parent().map(Path::to_path_buf))
        .collect();
    for folder in &folders {
        std::fs::create_dir_all(folder)?;
    }
    let written: Vec<(String, Recorded, bool)> = files
        .par_iter()
        .map(|file| {
            let target = staging.join(&file.relative);
            let (recorded, reused) = write_one(&target, file, old)?;
            stage.advance(0);
            Ok((file.relative.clone(), recorded, reused))
        })
        .collect::<std::io::Result<_>>()?;
    record(staging, written)
}

/// Updates the kept previous portal into the new one: a file it holds
/// unchanged stays, every other one is put in place (a link to the published
/// portal's file when that one is unchanged), and files no longer in the
/// portal are removed with the folders they leave empty.
fn update_previous(
    folders: &Folders,
    files: &[Planned],
    old: Option<(&Path, &Manifest)>,
    stage: &Stage,
) -> std::io::Result<WriteSummary> {
    let tree = folders.previous.as_path();
    folders.start_update()?;
    let held = Manifest::read(tree);
    let placed: Vec<(String, Recorded, bool)> = files
        .par_iter()
        .map(|file| {
            let (recorded, reused) = update_one(tree, &held, file, old)?;
            stage.advance(0);
            Ok((file.relative.clone(), recorded, reused))
        })
        .collect::<std::io::Result<_>>()?;
    let new: HashSet<&str> = placed.iter().map(|(f, _, _)| f.as_str()).collect();
    for gone in held.entries.keys().filter(|f| !new.contains(f.as_str())) {
        remove_with_empty_folders(tree, gone)?;
    }
    let summary = record(tree, placed)?;
    std::fs::remove_file(tree.join(super::folders::UPDATING))?;
    Ok(summary)
}

/// Puts one file of the new portal into the previous portal `tree` (whose
/// manifest is `held`); says what the manifest records of it, and whether it
/// is unchanged since the published portal.
fn update_one(
    tree: &Path,
    held: &Manifest,
    file: &Planned,
    old: Option<(&Path, &Manifest)>,
) -> std::io::Result<(Recorded, bool)> {
    let Planned {
        relative, holds, ..
    } = file;
    // Most files: the previous portal holds them already (links to the published ones).
    if let Some(recorded) = unchanged(tree, held, relative, file.content, *holds) {
        let published = old.is_some_and(|(_, manifest)| manifest.records(relative, *holds));
        return Ok((recorded, published));
    }
    let target = tree.join(relative);
    if let Some(folder) = target.parent() {
        std::fs::create_dir_all(folder)?;
    }
    let temp = tree.join(format!("{relative}.abierto-new"));
    remove_if_present(&temp)?;
    let placed = write_one(&temp, file, old)?;
    std::fs::rename(&temp, &target)?;
    Ok(placed)
}

/// Removes `relative` from `tree`, then each folder above it that it left empty.
fn remove_with_empty_folders(tree: &Path, relative: &str) -> std::io::Result<()> {
    let path = tree.join(relative);
    remove_if_present(&path)?;
    let mut folder = path.parent();
    while let Some(current) = folder.filter(|f| *f != tree) {
        if std::fs::remove_dir(current).is_err() {
            break;
        }
        folder = current.parent();
    }
    Ok(())
}

/// Writes the manifest of the files put into `tree` (replacing, not
/// rewriting, the one there) and counts them: a file is reused when it is
/// unchanged since the published portal.
fn record(tree: &Path, mut placed: Vec<(String, Recorded, bool)>) -> std::io::Result<WriteSummary> {
    placed.sort_by(|a, b| a.0.cmp(&b.0));
    let reused = placed.iter().filter(|(_, _, reused)| *reused).count();
    let placed: Vec<(String, Recorded)> = placed.into_iter().map(|(f, r, _)| (f, r)).collect();
    let temp = tree.join(format!("{MANIFEST}.new"));
    remove_if_present(&temp)?;
    write_new(&temp, Manifest::text(&placed).as_bytes())?;
    std::fs::rename(temp, tree.join(MANIFEST))?;
    Ok(WriteSummary {
        written: placed.len() - reused,
        reused,
        removed: 0,
    })
}

/// Puts one file at `target` (which does not exist yet): a link to the
/// published portal's file when it is unchanged (then `true`), else a new
/// file.
fn write_one(
    target: &Path,
    file: &Planned,
    old: Option<(&Path, &Manifest)>,
) -> std::io::Result<(Recorded, bool)> {
    let Planned {
        relative,
        content,
        holds,
    } = file;
    if let Some((old_dir, manifest)) = old
        && let Some(recorded) = unchanged(old_dir, manifest, relative, content, *holds)
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
        holds: *holds,
    };
    Ok((recorded, false))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;
    use crate::output::urls::Urls;

    fn file(route: &str, origin: Origin) -> OutputFile {
        OutputFile {
            route: Urls::root_file(route),
            content: Content::Bytes(Vec::new().into()),
            origin,
        }
    }

    fn site(path: &str) -> Origin {
        Origin::Site(path.to_string())
    }

    #[test]
    fn a_collision_names_the_site_file_whichever_comes_first() {
        for files in [
            [
                file("a.html", Origin::Portal),
                file("a.html", site("static/a.html")),
            ],
            [
                file("a.html", site("static/a.html")),
                file("a.html", Origin::Portal),
            ],
        ] {
            let problems = check_collisions(&files);
            assert_eq!(problems.len(), 1);
            assert_eq!(problems[0].file, "static/a.html");
            assert_eq!(
                problems[0].message_text(Language::En),
                "this would be written to `a.html`, where the portal writes a page or file of its own"
            );
        }
    }

    #[test]
    fn two_site_files_are_both_named_and_distinct_files_pass() {
        let files = [
            file("b.csv", site("participants/x/a.csv")),
            file("c.csv", site("participants/x/c.csv")),
            file("b.csv", site("participants/x/b.csv")),
            file("d.csv", Origin::Portal),
        ];
        let problems = check_collisions(&files);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].file, "participants/x/b.csv");
        assert!(problems[0].is_error());
        assert_eq!(
            problems[0].message_text(Language::Es),
            "esto se escribiría en `b.csv`, igual que `participants/x/a.csv`"
        );
        let pages = [file("e/", Origin::Portal), file("e/", Origin::Portal)];
        assert_eq!(check_collisions(&pages)[0].file, "e/index.html");
    }
}
