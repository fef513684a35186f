//! Files: data files in a participant's folder that no descriptor names,
//! files too big for git (100 MB), Git LFS pointers published instead of
//! their data, and a portal too big for GitHub Pages (1 GB).

use crate::diagnostics::{Code, Diagnostic, display_path};
use crate::load::is_hidden_name;
use crate::model::{ResourceLocation, Site};
use crate::msg;
use crate::output::{Content, OutputFile};
use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Git and GitHub refuse files over 100 MB.
pub const MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;
/// GitHub Pages serves sites up to 1 GB.
pub const MAX_SITE_BYTES: u64 = 1024 * 1024 * 1024;
/// Unreferenced files listed one by one per participant; the rest are counted.
const MAX_UNREFERENCED_LISTED: usize = 20;
/// Whether a file is a Git LFS pointer (a small text file standing for the
/// real data), by the analysis's one rule.
pub fn is_lfs_pointer(path: &Path) -> bool {
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    // A pointer is at most 1 KiB; one byte more says the file is larger.
    let mut head = Vec::with_capacity(1025);
    file.take(1025).read_to_end(&mut head).is_ok() && crate::analyse::is_lfs_pointer(&head)
}

/// Checks the files of every participant's folder; `linked` are site files that stories link to.
pub fn check(site: &Site, linked: &BTreeSet<PathBuf>) -> Vec<Diagnostic> {
    let mut referenced: BTreeSet<PathBuf> = site
        .datasets
        .iter()
        .flat_map(|d| &d.resources)
        .filter_map(|r| match &r.location {
            ResourceLocation::Local { path, .. } => Some(path.clone()),
            ResourceLocation::Remote { .. } => None,
        })
        .chain(linked.iter().cloned())
        .chain(portal_logos(site))
        .chain(boundaries(site))
        .collect();
    let folders: Vec<(&str, &Path)> = site
        .participants
        .iter()
        .filter_map(|p| Some((p.id.as_str(), Path::new(&p.source_file).parent()?)))
        .collect();
    for (participant, folder) in &folders {
        referenced.extend(named_by_unloaded_files(site, participant, folder));
    }
    let mut problems = Vec::new();
    for (_, folder) in &folders {
        folder_problems(site, folder, &referenced, &mut problems);
    }
    problems
}

/// The participants' boundary files (`boundary` in participant.toml).
fn boundaries(site: &Site) -> impl Iterator<Item = PathBuf> + '_ {
    site.participants
        .iter()
        .filter_map(|p| Some(p.boundary.as_ref()?.path.clone()))
}

/// The logos of the participants' own portals, beside their participant.toml.
fn portal_logos(site: &Site) -> impl Iterator<Item = PathBuf> + '_ {
    site.participants
        .iter()
        .filter_map(|p| Some(p.portal.as_ref()?.logo.as_ref()?.path.clone()))
}

/// The files of a participant's folder that its descriptors or stories which
/// did not load seem to name (their path, relative to the naming file, written
/// in its text): they wait on that file's errors rather than being reported as
/// nobody's.
fn named_by_unloaded_files(site: &Site, participant: &str, folder: &Path) -> Vec<PathBuf> {
    let prefix = format!("{participant}/");
    let waiting = |ids: &BTreeSet<String>| ids.iter().any(|id| id.starts_with(&prefix));
    let descriptors = waiting(&site.unloaded.datasets);
    let stories = waiting(&site.unloaded.stories);
    if !descriptors && !stories {
        return Vec::new();
    }
    let files: Vec<PathBuf> = walkdir::WalkDir::new(site.root.join(folder))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .collect();
    let texts: Vec<(&Path, String)> = files
        .iter()
        .filter(|path| match path.extension().and_then(|x| x.to_str()) {
            Some("toml") => descriptors,
            Some("md") => stories,
            _ => false,
        })
        .filter_map(|path| Some((path.parent()?, std::fs::read_to_string(path).ok()?)))
        .collect();
    let named = |path: &Path| {
        texts.iter().any(|(dir, text)| {
            path.strip_prefix(dir)
                .is_ok_and(|relative| text.contains(&relative.to_string_lossy().replace('\\', "/")))
        })
    };
    files.iter().filter(|path| named(path)).cloned().collect()
}

/// The problems of the files in one participant's folder (hidden and system ones skipped),
/// with the unreferenced ones past the first twenty counted in one warning.
fn folder_problems(
    site: &Site,
    folder: &Path,
    referenced: &BTreeSet<PathBuf>,
    problems: &mut Vec<Diagnostic>,
) {
    let walker = walkdir::WalkDir::new(site.root.join(folder))
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden_name(&e.file_name().to_string_lossy()));
    let mut unreferenced = 0usize;
    for entry in walker
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let path = entry.path();
        let name = display_path(&site.root, path);
        let is_referenced = referenced.contains(path);
        let size = entry.metadata().map_or(0, |m| m.len());
        problems.extend(size_problems(path, &name, size, is_referenced));
        let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase());
        let documentation = matches!(extension.as_deref(), Some("toml" | "md"));
        if !is_referenced && !documentation {
            unreferenced += 1;
            if unreferenced > MAX_UNREFERENCED_LISTED {
                continue;
            }
            problems.push(
                Diagnostic::warning(&name, msg!("check-unreferenced-file"))
                    .code(Code::UnreferencedFile)
                    .help(msg!("check-unreferenced-file-help")),
            );
        }
    }
    if unreferenced > MAX_UNREFERENCED_LISTED {
        problems.push(
            Diagnostic::warning(
                display_path(&site.root, &site.root.join(folder)),
                msg!(
                    "check-unreferenced-more",
                    count = unreferenced - MAX_UNREFERENCED_LISTED
                ),
            )
            .code(Code::UnreferencedFile)
            .help(msg!("check-unreferenced-more-help")),
        );
    }
}

/// A file too big for git, and a Git LFS pointer in place of the data.
fn size_problems(path: &Path, name: &str, size: u64, is_referenced: bool) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    // Files the site publishes are held to the portal's own limit by the build.
    if size > MAX_FILE_BYTES && !is_referenced {
        problems.push(
            Diagnostic::error(
                name,
                msg!("check-file-too-large", megabytes = size / (1024 * 1024)),
            )
            .code(Code::FileTooLarge)
            .help(msg!("check-file-too-large-help")),
        );
    }
    if size < 1024 && is_lfs_pointer(path) {
        let d = if is_referenced {
            Diagnostic::error
        } else {
            Diagnostic::warning
        };
        problems.push(
            d(name, msg!("check-lfs-pointer"))
                .at_line(1)
                .code(Code::LfsPointer)
                .help(msg!("check-lfs-pointer-help")),
        );
    }
    problems
}

/// The portal's size, from the pages and downloads it would write; an error past the GitHub Pages limit.
pub fn output_size(files: &[OutputFile]) -> (u64, Option<Diagnostic>) {
    let total: u64 = files
        .iter()
        .map(|f| match &f.content {
            Content::Bytes(bytes) => bytes.len() as u64,
            Content::CopyOf(path) => std::fs::metadata(path).map_or(0, |m| m.len()),
        })
        .sum();
    let problem = (total > MAX_SITE_BYTES).then(|| {
        Diagnostic::error(
            "portal.toml",
            msg!("check-site-too-large", megabytes = total / (1024 * 1024)),
        )
        .code(Code::SiteTooLarge)
        .help(msg!("check-site-too-large-help"))
    });
    (total, problem)
}
