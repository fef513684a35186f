//! The output folder and the two folders beside it that the writer names and
//! owns: `.NAME.abierto-staging`, where a new portal is written whole, and
//! `.NAME.abierto-previous`, the portal published before the current one,
//! kept so that the next build only writes what changed into it. This module
//! puts a finished folder in the output's place and clears what an
//! interrupted build left.

use super::manifest::MANIFEST;
use super::outcome::WriteError;
use crate::platform::exchange;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Says that a kept previous portal is being made into the next one: a folder
/// that still has it was cut short, and is cleared instead of reused.
pub(super) const UPDATING: &str = ".abierto-updating";

/// The previous portal is kept beside the output folder, which a site's
/// repository may hold: this file makes git ignore it.
const GITIGNORE: &str = ".gitignore";
const GITIGNORE_TEXT: &str = "# abierto keeps the previous portal here, so that the next build writes only what changed.\n*\n";

pub(super) struct Folders {
    pub(super) out: PathBuf,
    pub(super) staging: PathBuf,
    pub(super) previous: PathBuf,
}

impl Folders {
    /// The folders of the output `out` (absolute), its parent created.
    pub(super) fn of(out: PathBuf) -> std::io::Result<Folders> {
        let parent = out.parent().unwrap_or(Path::new(".")).to_path_buf();
        std::fs::create_dir_all(&parent)?;
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        Ok(Folders {
            staging: parent.join(format!(".{name}.abierto-staging")),
            previous: parent.join(format!(".{name}.abierto-previous")),
            out,
        })
    }

    /// Puts back or clears what an interrupted build left: the old portal
    /// moved aside by the fallback swap goes back in place; a staging folder,
    /// and a previous portal cut short while it was being updated, are removed.
    pub(super) fn recover(&self) -> Result<(), WriteError> {
        if !self.out.exists() && self.previous_is_whole() {
            std::fs::rename(&self.previous, &self.out)?;
        }
        if self.staging.exists() {
            remove_if_ours(&self.staging)?;
        }
        if self.previous.exists() && !self.previous_is_whole() {
            remove_if_ours(&self.previous)?;
        }
        Ok(())
    }

    /// Whether a previous portal is kept whole, to be updated into the next one.
    pub(super) fn previous_is_whole(&self) -> bool {
        self.previous.join(MANIFEST).is_file() && !self.previous.join(UPDATING).exists()
    }

    /// Puts the finished `tree` (the staging folder or the updated previous
    /// portal) at the output's place. The portal it replaces is kept as the
    /// previous one when `keep` says so and abierto wrote it (it has a
    /// manifest), else deleted. Where the system can exchange two folders
    /// atomically, a reader (or a crash) sees the old portal or the new one,
    /// never neither; elsewhere the old one is moved aside first and put back
    /// on failure.
    pub(super) fn swap_in(&self, tree: &Path, keep: bool) -> std::io::Result<()> {
        if !self.out.exists() {
            return std::fs::rename(tree, &self.out);
        }
        let keep = keep && self.out.join(MANIFEST).is_file();
        if exchange(tree, &self.out).is_ok() {
            // `tree` now holds the portal that was published.
            if !keep {
                return dispose(tree);
            }
            if tree != self.previous {
                std::fs::rename(tree, &self.previous)?;
            }
            self.mark_previous();
            return Ok(());
        }
        if tree == self.previous {
            std::fs::rename(&self.previous, &self.staging)?;
        }
        std::fs::rename(&self.out, &self.previous)?;
        if let Err(error) = std::fs::rename(&self.staging, &self.out) {
            let _ = std::fs::rename(&self.previous, &self.out);
            let _ = remove_tree(&self.staging);
            return Err(error);
        }
        if !keep {
            return dispose(&self.previous);
        }
        self.mark_previous();
        Ok(())
    }

    /// Makes git ignore the kept previous portal. Only a convenience: a
    /// folder where it cannot be written still serves the next build.
    fn mark_previous(&self) {
        let _ = std::fs::write(self.previous.join(GITIGNORE), GITIGNORE_TEXT);
    }

    /// Marks the previous portal as being updated (see [`UPDATING`]) and
    /// takes away what only a kept portal holds.
    pub(super) fn start_update(&self) -> std::io::Result<()> {
        std::fs::write(self.previous.join(UPDATING), "")?;
        remove_if_present(&self.previous.join(GITIGNORE))
    }
}

/// Removes the file at `path`; one that is not there is already removed.
pub(super) fn remove_if_present(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

/// Deletes a replaced portal that is not kept.
fn dispose(folder: &Path) -> std::io::Result<()> {
    let step = std::time::Instant::now();
    let removed = remove_tree(folder);
    crate::timing::phase("dispose", step);
    removed
}

/// Removes a folder abierto owns and everything in it, its subfolders in
/// parallel. Links are removed, never followed (`remove_dir_all` does not
/// follow them either), so nothing outside the folder is touched.
///
/// The manifest goes last: a removal cut short by a crash leaves a folder that
/// still says it is abierto's, so the next build may clear it.
pub(super) fn remove_tree(folder: &Path) -> std::io::Result<()> {
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
    remove_if_present(&folder.join(MANIFEST))?;
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
