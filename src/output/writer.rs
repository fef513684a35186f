//! Writes a build into its output folder without ever losing the previous one:
//! the new portal is written into a staging folder beside it and swapped in
//! whole. A folder holding files abierto did not write is refused (unless
//! forced), and nothing outside the output folder is written or deleted.

use super::urls::Route;
use crate::diagnostics::Diagnostic;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The list of files abierto wrote, kept in the output to recognise it later.
pub const MANIFEST: &str = ".abierto-manifest";
const MANIFEST_HEADER: &str =
    "# Files written by abierto. Delete this folder freely; do not add files to it.";

/// What one file of the output holds.
pub enum Content {
    Bytes(Vec<u8>),
    /// A file of the site, copied byte for byte.
    CopyOf(PathBuf),
}

/// One file of the output.
pub struct OutputFile {
    pub route: Route,
    pub content: Content,
    /// What produced it (a site file or a page name), for collision messages.
    pub origin: String,
}

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
                    format!("this would be written to `{target}`, like `{first}`"),
                )
                .help("rename one of the two files"),
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
        return Err(Diagnostic::error(
            shown,
            "the output folder cannot be the root of the file system",
        ));
    }
    if site_root.starts_with(&out) {
        return Err(Diagnostic::error(
            shown,
            "the output folder holds the site itself: building there would replace the site",
        )
        .help("write the portal to a folder of its own, e.g. `-o public`"));
    }
    for input in ["participants", "historias", "pages", "static", "templates"] {
        if out.starts_with(site_root.join(input)) {
            return Err(Diagnostic::error(
                shown,
                format!("the output folder is inside the site's `{input}` folder"),
            )
            .help("write the portal to a folder of its own, e.g. `-o public`"));
        }
    }
    if !out.exists() || force {
        return Ok(());
    }
    if !out.is_dir() {
        return Err(
            Diagnostic::error(shown, "the output path is a file, not a folder")
                .help("choose another output folder"),
        );
    }
    let foreign = foreign_files(&out);
    if let Some(first) = foreign.first() {
        let more = if foreign.len() > 1 {
            format!(" and {} more", foreign.len() - 1)
        } else {
            String::new()
        };
        return Err(Diagnostic::error(
            shown,
            format!("the output folder holds files abierto did not write (`{first}`{more})"),
        )
        .help("choose an empty or new folder, or pass --force to replace its contents"));
    }
    Ok(())
}

/// Files in an existing output folder that its manifest does not list.
fn foreign_files(out: &Path) -> Vec<String> {
    let listed: BTreeSet<String> = std::fs::read_to_string(out.join(MANIFEST))
        .map(|text| {
            text.lines()
                .filter(|l| !l.starts_with('#'))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    walkdir::WalkDir::new(out)
        .min_depth(1)
        .into_iter()
        .flatten()
        .filter(|e| !e.file_type().is_dir())
        .filter_map(|e| {
            let relative = relative_name(out, e.path());
            (relative != MANIFEST && !listed.contains(&relative)).then_some(relative)
        })
        .collect()
}

/// Writes `files` as the new content of `out_dir`, swapping it in only when all are written.
pub fn write_output(out_dir: &Path, files: &[OutputFile]) -> std::io::Result<()> {
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

    std::fs::create_dir_all(&staging)?;
    // Marks the staging folder as abierto's from the start, so a later build may clear it.
    std::fs::write(staging.join(MANIFEST), format!("{MANIFEST_HEADER}\n"))?;
    if let Err(error) = write_all(&staging, files) {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(error);
    }
    swap_in(&staging, &out, &previous)
}

/// Puts the finished `staging` folder at `out`. Where the system can exchange two
/// folders atomically, a reader (or a crash) sees the old portal or the new one,
/// never neither; elsewhere the old one is moved aside first and put back on failure.
fn swap_in(staging: &Path, out: &Path, previous: &Path) -> std::io::Result<()> {
    if out.exists() && exchange(staging, out).is_ok() {
        // `staging` now holds the previous portal.
        return std::fs::remove_dir_all(staging);
    }
    if out.exists() {
        std::fs::rename(out, previous)?;
    }
    if let Err(error) = std::fs::rename(staging, out) {
        let _ = std::fs::rename(previous, out);
        let _ = std::fs::remove_dir_all(staging);
        return Err(error);
    }
    if previous.exists() {
        std::fs::remove_dir_all(previous)?;
    }
    Ok(())
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call.
    let result = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if result == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

fn write_all(staging: &Path, files: &[OutputFile]) -> std::io::Result<()> {
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
    files.par_iter().try_for_each(|file| {
        let target = staging.join(file.route.output_file());
        match &file.content {
            Content::Bytes(bytes) => std::fs::write(&target, bytes),
            Content::CopyOf(source) => std::fs::copy(source, &target).map(|_| ()),
        }
    })?;
    let mut manifest: Vec<String> = files.iter().map(|f| f.route.output_file()).collect();
    manifest.sort();
    std::fs::write(
        staging.join(MANIFEST),
        format!("{MANIFEST_HEADER}\n{}\n", manifest.join("\n")),
    )
}

/// Removes a staging or previous folder left by an interrupted build, only if abierto wrote it.
fn remove_if_ours(folder: &Path) -> std::io::Result<()> {
    let ours = folder.join(MANIFEST).is_file() || folder.read_dir()?.next().is_none();
    if ours {
        std::fs::remove_dir_all(folder)
    } else {
        Err(std::io::Error::other(format!(
            "{} was not written by abierto; move it away and build again",
            folder.display()
        )))
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
