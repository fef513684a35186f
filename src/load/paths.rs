//! Paths written inside descriptors and stories: relative to their own file, and
//! never allowed to leave the site (no `..` past the root, no absolute path, no
//! symlink pointing out).

use crate::messages::Message;
use crate::msg;
use std::path::{Path, PathBuf};

/// Why a path written in a file cannot be used.
#[derive(Debug, PartialEq, Eq)]
pub enum PathProblem {
    Absolute,
    LeavesSite,
    Missing,
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
    let mut resolved = base_dir.to_path_buf();
    for part in written.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                if !resolved.pop() || !resolved.starts_with(site_root) {
                    return Err(PathProblem::LeavesSite);
                }
            }
            _ => resolved.push(part),
        }
    }
    if !resolved.starts_with(site_root) {
        return Err(PathProblem::LeavesSite);
    }
    let real = std::fs::canonicalize(&resolved).map_err(|_| PathProblem::Missing)?;
    if !real.starts_with(site_root) {
        return Err(PathProblem::LeavesSite);
    }
    if !real.is_file() {
        return Err(PathProblem::NotAFile);
    }
    Ok(real)
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
}
