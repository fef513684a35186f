//! The site's git repository, read with gitoxide (`gix`), never by running
//! `git`: the commit HEAD names, the first-parent chain behind it, each
//! commit's changes inside the site's folder (two trees compared entry by
//! entry, identical subtrees skipped by id), and the blobs of files.

use super::Commit;
use gix::ObjectId;
use std::collections::BTreeMap;
use std::path::Path;

/// The repository that holds a site, and the site's folder inside it.
pub struct Repo {
    repo: gix::Repository,
    /// The site's folder, as path components from the repository's root.
    site_dir: Vec<String>,
}

/// What one commit did to one file of the site, `/` separated from the site's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileChange {
    pub path: String,
    pub old: Option<ObjectId>,
    pub new: Option<ObjectId>,
}

/// A tree's entries by name: kind (tree or not) and id.
type Entries = BTreeMap<String, (bool, ObjectId)>;

impl Repo {
    /// The repository that holds `site_root`, if any (any problem opening it
    /// means no history, never an error).
    pub fn discover(site_root: &Path) -> Option<Repo> {
        let repo = gix::discover(site_root).ok()?;
        let top = repo.workdir()?.canonicalize().ok()?;
        let root = site_root.canonicalize().ok()?;
        let inside = root.strip_prefix(&top).ok()?;
        let site_dir = inside
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        Some(Repo { repo, site_dir })
    }

    /// The commit HEAD points to; `None` in a repository with no commit.
    pub fn head(&self) -> Option<ObjectId> {
        self.repo.head_id().ok().map(|id| id.detach())
    }

    /// Whether the repository was cloned with a limited depth (`git clone --depth 1`).
    pub fn is_shallow(&self) -> bool {
        self.repo.is_shallow().unwrap_or(false)
    }

    /// A commit's description and its first parent.
    pub fn commit(&self, id: ObjectId) -> Option<(Commit, Option<ObjectId>)> {
        let commit = self.repo.find_commit(id).ok()?;
        let parents: Vec<ObjectId> = commit.parent_ids().map(|p| p.detach()).collect();
        let author = commit.author().ok()?;
        let time = author.time().unwrap_or_default();
        let message = commit.message_raw_sloppy().to_string();
        let (title, body) = split_message(&message);
        let info = Commit {
            id: id.to_string(),
            author: author.name.to_string().trim().to_string(),
            seconds: time.seconds,
            offset: time.offset,
            title,
            body,
            merge: parents.len() > 1,
        };
        // A parent missing from a shallow clone ends the chain.
        let parent = parents
            .first()
            .copied()
            .filter(|p| self.repo.find_header(*p).is_ok());
        Some((info, parent))
    }

    /// The id of the site's folder in a commit's tree (`None` when it is not there).
    pub fn site_tree(&self, commit: ObjectId) -> Option<ObjectId> {
        let mut tree = self.repo.find_commit(commit).ok()?.tree_id().ok()?.detach();
        for part in &self.site_dir {
            let (is_tree, id) = *self.entries(tree)?.get(part)?;
            if !is_tree {
                return None;
            }
            tree = id;
        }
        Some(tree)
    }

    /// The files that differ between two trees of the site's folder, by path.
    pub fn changes(&self, old: Option<ObjectId>, new: Option<ObjectId>) -> Vec<FileChange> {
        let mut out = Vec::new();
        self.diff(old, new, "", &mut out);
        out
    }

    fn diff(
        &self,
        old: Option<ObjectId>,
        new: Option<ObjectId>,
        prefix: &str,
        out: &mut Vec<FileChange>,
    ) {
        if old == new {
            return;
        }
        let old = old.and_then(|t| self.entries(t)).unwrap_or_default();
        let new = new.and_then(|t| self.entries(t)).unwrap_or_default();
        let names: std::collections::BTreeSet<&String> = old.keys().chain(new.keys()).collect();
        for name in names {
            let (before, after) = (old.get(name).copied(), new.get(name).copied());
            if before == after {
                continue;
            }
            let path = format!("{prefix}{name}");
            let tree = |side: Option<(bool, ObjectId)>| side.filter(|e| e.0).map(|e| e.1);
            let blob = |side: Option<(bool, ObjectId)>| side.filter(|e| !e.0).map(|e| e.1);
            let (old_tree, new_tree) = (tree(before), tree(after));
            if old_tree.is_some() || new_tree.is_some() {
                self.diff(old_tree, new_tree, &format!("{path}/"), out);
            }
            let (old_blob, new_blob) = (blob(before), blob(after));
            if old_blob != new_blob {
                out.push(FileChange {
                    path,
                    old: old_blob,
                    new: new_blob,
                });
            }
        }
    }

    /// A tree's entries (submodules left out: their commits are not here).
    fn entries(&self, tree: ObjectId) -> Option<Entries> {
        let tree = self.repo.find_tree(tree).ok()?;
        let mut entries = Entries::new();
        for entry in tree.iter() {
            let Ok(entry) = entry else { continue };
            let mode = entry.mode();
            if mode.is_commit() {
                continue;
            }
            entries.insert(
                entry.filename().to_string(),
                (mode.is_tree(), entry.oid().to_owned()),
            );
        }
        Some(entries)
    }

    /// A blob's size, without reading it.
    pub fn size(&self, blob: ObjectId) -> Option<u64> {
        self.repo.find_header(blob).ok().map(|h| h.size())
    }

    /// A blob's bytes (git objects are decompressed whole).
    pub fn blob(&self, blob: ObjectId) -> Option<Vec<u8>> {
        Some(self.repo.find_blob(blob).ok()?.take_data())
    }
}

/// A commit message's first paragraph on one line, and the rest.
fn split_message(message: &str) -> (String, String) {
    let message = message.trim();
    let (title, body) = match message.split_once("\n\n") {
        Some((title, body)) => (title, body.trim()),
        None => (message, ""),
    };
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    (title, body.to_string())
}

#[cfg(test)]
mod tests {
    use super::split_message;

    #[test]
    fn a_message_is_split_at_its_first_empty_line() {
        assert_eq!(
            split_message("Revisa la fila 3\nde marzo\n\nDetalle.\n"),
            (
                "Revisa la fila 3 de marzo".to_string(),
                "Detalle.".to_string()
            )
        );
        assert_eq!(
            split_message("Solo título"),
            ("Solo título".into(), String::new())
        );
    }
}
