//! Paths written inside descriptors and stories: relative to their own file, and
//! never allowed to leave the site (no `..` past the root, no absolute path, no
//! symlink pointing out). They mean the same file on every system: `\` and `/`
//! both separate folders (Windows users type either), a name matches the disk in
//! any Unicode form (macOS keeps names decomposed, other systems composed), and
//! the case of every letter must be the disk's, even where the file system
//! ignores case (Windows, macOS), so a site that builds there builds on Linux
//! and GitHub too.

use crate::messages::Message;
use crate::msg;
use crate::slug::nfc;
use std::path::{Path, PathBuf};

/// Why a path written in a file cannot be used.
#[derive(Debug, PartialEq, Eq)]
pub enum PathProblem {
    Absolute,
    LeavesSite,
    Missing,
    /// The file exists with other capitals: the path as it should be written.
    OtherCase(String),
    NotAFile,
}

impl PathProblem {
    /// A sentence and a fix, for the diagnostic.
    pub fn explain(&self, written: &str) -> (Message, Message) {
        match self {
            PathProblem::Absolute => (
                msg!("load-path-absolute", path = written),
                msg!("load-path-absolute-help"),
            ),
            PathProblem::LeavesSite => (
                msg!("load-path-leaves-site", path = written),
                msg!("load-path-leaves-site-help"),
            ),
            PathProblem::Missing => (
                msg!("load-path-missing", path = written),
                msg!("load-path-missing-help"),
            ),
            PathProblem::OtherCase(exact) => (
                msg!("load-path-other-case", path = written, exact = exact),
                msg!("load-path-other-case-help", exact = exact),
            ),
            PathProblem::NotAFile => (
                msg!("load-path-folder", path = written),
                msg!("load-path-folder-help"),
            ),
        }
    }
}

/// Resolves `written`, relative to `base_dir`, to an existing file inside `site_root`.
/// Both folders must be canonical (see [`std::fs::canonicalize`]).
pub fn resolve_in_site(
    site_root: &Path,
    base_dir: &Path,
    written: &str,
) -> Result<PathBuf, PathProblem> {
    let written_path = Path::new(written);
    if written.starts_with('/')
        || written.starts_with('\\')
        || written_path.has_root()
        || looks_like_drive(written)
    {
        return Err(PathProblem::Absolute);
    }
    let parts: Vec<&str> = written
        .split(['/', '\\'])
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    // The folder the names after the last `..` are looked up in, and those names.
    let mut start = base_dir.to_path_buf();
    let mut names: Vec<&str> = Vec::new();
    for part in &parts {
        if *part == ".." {
            if names.pop().is_none() && (!start.pop() || !start.starts_with(site_root)) {
                return Err(PathProblem::LeavesSite);
            }
        } else {
            names.push(part);
        }
    }
    let resolved = match respell(&start, &names) {
        Spelling::Exact(path) => path,
        Spelling::OtherCase(exact) => {
            let ups = parts.iter().take_while(|p| **p == "..").count();
            let mut suggestion = vec![".."; ups];
            suggestion.extend(exact.iter().map(String::as_str));
            return Err(PathProblem::OtherCase(suggestion.join("/")));
        }
        Spelling::Missing => return Err(PathProblem::Missing),
    };
    let real = std::fs::canonicalize(&resolved).map_err(|_| PathProblem::Missing)?;
    if !real.starts_with(site_root) {
        return Err(PathProblem::LeavesSite);
    }
    if !real.is_file() {
        return Err(PathProblem::NotAFile);
    }
    Ok(real)
}

/// How the disk spells a path written as `parts` under `start`.
enum Spelling {
    /// Every name found as written, or in another Unicode form: the path on disk.
    Exact(PathBuf),
    /// Found, but some name has other capitals: the parts as the disk spells them.
    OtherCase(Vec<String>),
    Missing,
}

/// Looks each written name up in its folder: as written (on a file system that
/// ignores case, only if the folder lists it with the same capitals), else in
/// any Unicode form, else with other capitals.
fn respell(start: &Path, parts: &[&str]) -> Spelling {
    let mut path = start.to_path_buf();
    let mut exact: Vec<String> = Vec::new();
    let mut other_case = false;
    for part in parts {
        match spelling_in(&path, part) {
            Some((name, same_case)) => {
                other_case |= !same_case;
                path.push(&name);
                exact.push(name);
            }
            None => return Spelling::Missing,
        }
    }
    if other_case {
        Spelling::OtherCase(exact)
    } else {
        Spelling::Exact(path)
    }
}

/// The name `written` has in `folder` on disk, and whether its capitals are
/// the same. A name that exists as written is taken as is, without listing the
/// folder, where the file system tells case apart (Linux).
fn spelling_in(folder: &Path, written: &str) -> Option<(String, bool)> {
    if !crate::platform::CASE_INSENSITIVE_FILES && folder.join(written).exists() {
        return Some((written.to_string(), true));
    }
    let wanted = nfc(written);
    let mut other_case = None;
    for entry in std::fs::read_dir(folder).ok()?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let composed = nfc(&name);
        if composed == wanted {
            return Some((name, true));
        }
        if other_case.is_none() && composed.to_lowercase() == wanted.to_lowercase() {
            other_case = Some(name);
        }
    }
    other_case.map(|name| (name, false))
}

fn looks_like_drive(written: &str) -> bool {
    let bytes = written.as_bytes();
    bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_leave_the_site() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        let base = root.join("participants/x");
        std::fs::create_dir_all(&base).unwrap();
        std::fs::write(base.join("a.csv"), "a").unwrap();
        assert!(resolve_in_site(&root, &base, "a.csv").is_ok());
        assert!(resolve_in_site(&root, &base, "./a.csv").is_ok());
        for (written, problem) in [
            ("../../../etc/passwd", PathProblem::LeavesSite),
            ("/etc/passwd", PathProblem::Absolute),
            ("C:\\datos.csv", PathProblem::Absolute),
            ("b.csv", PathProblem::Missing),
            (".", PathProblem::NotAFile),
        ] {
            assert_eq!(
                resolve_in_site(&root, &base, written),
                Err(problem),
                "{written}"
            );
        }
    }

    /// Written on Windows, `\datos\a.csv` starts at the drive's root: never
    /// the file `datos/a.csv` beside the descriptor, even where that exists.
    #[test]
    fn a_path_starting_with_a_backslash_is_absolute_even_where_it_names_a_file() {
        let (_dir, root, base) = site_with(&["datos/a.csv"]);
        for written in ["\\datos\\a.csv", "\\datos/a.csv"] {
            assert_eq!(
                resolve_in_site(&root, &base, written),
                Err(PathProblem::Absolute),
                "{written}"
            );
        }
    }

    /// `.` is this folder, not a name: it is left out of the spelling the
    /// error suggests.
    #[test]
    fn dots_for_this_folder_are_not_part_of_the_suggested_name() {
        let (_dir, root, base) = site_with(&["datos/a.csv"]);
        assert_eq!(
            resolve_in_site(&root, &base, "./datos/./A.csv"),
            Err(PathProblem::OtherCase("datos/a.csv".to_string()))
        );
    }

    fn site_with(files: &[&str]) -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        let base = root.join("participants/x");
        for file in files {
            let path = base.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "a").unwrap();
        }
        (dir, root, base)
    }

    #[test]
    fn a_path_written_with_backslashes_is_the_same_file() {
        let (_dir, root, base) = site_with(&["datos/2014/a.csv"]);
        let expected = base.join("datos/2014/a.csv");
        for written in [
            "datos\\2014\\a.csv",
            "datos/2014\\a.csv",
            ".\\datos\\2014\\a.csv",
        ] {
            assert_eq!(
                resolve_in_site(&root, &base, written),
                Ok(expected.clone()),
                "{written}"
            );
        }
        assert_eq!(
            resolve_in_site(&root, &base, "..\\..\\..\\secreto.csv"),
            Err(PathProblem::LeavesSite)
        );
    }

    #[test]
    fn a_name_in_another_unicode_form_is_the_same_file() {
        // As macOS writes it: `n` and a combining tilde; the descriptor says `ñ`.
        let (_dir, root, base) = site_with(&["datos/sen\u{303}ales.csv"]);
        let found = resolve_in_site(&root, &base, "datos/señales.csv").unwrap();
        assert_eq!(found, base.join("datos/sen\u{303}ales.csv"));
        // And the other way round.
        let (_dir, root, base) = site_with(&["datos/señales.csv"]);
        let found = resolve_in_site(&root, &base, "datos/sen\u{303}ales.csv").unwrap();
        assert_eq!(found, base.join("datos/señales.csv"));
    }

    #[test]
    fn other_capitals_are_refused_with_the_name_on_disk_on_every_system() {
        let (_dir, root, base) = site_with(&["Datos/Accidentes-2014.CSV"]);
        assert_eq!(
            resolve_in_site(&root, &base, "datos\\accidentes-2014.csv"),
            Err(PathProblem::OtherCase("Datos/Accidentes-2014.CSV".into()))
        );
        assert_eq!(
            resolve_in_site(&root, &base, "../x/Datos/accidentes-2014.CSV"),
            Err(PathProblem::OtherCase(
                "../x/Datos/Accidentes-2014.CSV".into()
            ))
        );
        assert!(resolve_in_site(&root, &base, "Datos/Accidentes-2014.CSV").is_ok());
        assert_eq!(
            resolve_in_site(&root, &base, "Datos/otro.csv"),
            Err(PathProblem::Missing)
        );
    }
}
