//! Following files back through the first-parent chain of HEAD, as
//! `git log --first-parent --follow` does for one file: each commit's changes
//! are compared with the files followed, and a followed file that a commit
//! added is followed further back under the name it had, when that commit
//! removed a file with the same content or, failing that, the only removed file
//! with the same name (a file moved to another folder and edited at once).
//! A merge is one change, against its first parent (what the branch saw).

use super::Commit;
use super::git::{FileChange, Repo};
use gix::ObjectId;
use std::collections::BTreeMap;

/// What a followed file is to the site: whose, and which of its files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Target {
    /// The dataset's place in the site's list.
    pub dataset: usize,
    pub role: Role,
}

/// A dataset's descriptor, or the data file of one of its resources (by place).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Descriptor,
    Resource(usize),
}

/// A commit's change to a followed file, under the names it had before and after.
#[derive(Debug, Clone)]
pub struct Touch {
    pub target: Target,
    pub path: String,
    /// Its name before the commit, when the commit moved it.
    pub moved_from: Option<String>,
    pub old: Option<ObjectId>,
    pub new: Option<ObjectId>,
}

/// The commits that touched a followed file, newest first, with their touches.
pub struct Followed {
    pub commits: Vec<(Commit, Vec<Touch>)>,
    /// The chain ended at a commit whose parent the repository does not have
    /// (a shallow clone), while files were still followed.
    pub cut_short: bool,
}

/// Follows `files` (site path now → what it is) from `head` back to their creation.
pub fn follow(repo: &Repo, head: ObjectId, files: BTreeMap<String, Vec<Target>>) -> Followed {
    let mut following = files;
    let mut commits = Vec::new();
    let mut next = Some(head);
    let mut tree = repo.site_tree(head);
    let mut cut_short = false;
    while let Some(id) = next {
        if following.is_empty() {
            break;
        }
        let Some((info, parent)) = repo.commit(id) else {
            break;
        };
        let parent_tree = parent.and_then(|p| repo.site_tree(p));
        let changes = repo.changes(parent_tree, tree);
        let touches = touches(&changes, &mut following);
        if !touches.is_empty() {
            commits.push((info, touches));
        }
        if parent.is_none() && repo.is_shallow() && !following.is_empty() {
            cut_short = true;
        }
        next = parent;
        tree = parent_tree;
    }
    Followed { commits, cut_short }
}

/// The changes to followed files; files a commit added are followed further
/// back under their former name, or no further.
fn touches(changes: &[FileChange], following: &mut BTreeMap<String, Vec<Target>>) -> Vec<Touch> {
    let removed: Vec<&FileChange> = changes.iter().filter(|c| c.new.is_none()).collect();
    let mut touches = Vec::new();
    let mut moves = Vec::new();
    for change in changes.iter().filter(|c| c.new.is_some()) {
        let Some(targets) = following.get(&change.path) else {
            continue;
        };
        let source = change
            .old
            .is_none()
            .then(|| former(change, &removed))
            .flatten();
        for target in targets {
            touches.push(Touch {
                target: *target,
                path: change.path.clone(),
                moved_from: source.map(|s| s.path.clone()),
                old: change.old.or(source.and_then(|s| s.old)),
                new: change.new,
            });
        }
        if change.old.is_none() {
            moves.push((change.path.clone(), source.map(|s| s.path.clone())));
        }
    }
    for (path, former) in moves {
        let targets = following.remove(&path).unwrap_or_default();
        if let Some(former) = former {
            following.entry(former).or_default().extend(targets);
        }
    }
    touches.sort_by_key(|t| t.target);
    touches
}

/// The file an added one was before: a removed file with its content, else
/// the only removed file with its name.
fn former<'c>(added: &FileChange, removed: &[&'c FileChange]) -> Option<&'c FileChange> {
    if let Some(same) = removed.iter().find(|r| r.old == added.new) {
        return Some(same);
    }
    let name = |path: &str| path.rsplit('/').next().unwrap_or(path).to_string();
    let mut same_name = removed
        .iter()
        .filter(|r| name(&r.path) == name(&added.path));
    match (same_name.next(), same_name.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u8) -> Option<ObjectId> {
        Some(ObjectId::from_bytes_or_panic(&[n; 20]))
    }

    fn change(path: &str, old: Option<ObjectId>, new: Option<ObjectId>) -> FileChange {
        FileChange {
            path: path.into(),
            old,
            new,
        }
    }

    const DATA: Target = Target {
        dataset: 0,
        role: Role::Resource(0),
    };

    #[test]
    fn a_moved_and_edited_file_is_followed_under_its_former_name() {
        let mut following = BTreeMap::from([("p/datos/a.csv".to_string(), vec![DATA])]);
        let changes = [
            change("p/a.csv", id(1), None),
            change("p/datos/a.csv", None, id(2)),
            change("p/otro.txt", id(3), None),
        ];
        let touches = touches(&changes, &mut following);
        assert_eq!(touches.len(), 1);
        assert_eq!(touches[0].moved_from.as_deref(), Some("p/a.csv"));
        assert_eq!(touches[0].old, id(1));
        assert_eq!(following.keys().collect::<Vec<_>>(), ["p/a.csv"]);
    }

    #[test]
    fn a_created_file_is_followed_no_further_and_two_candidates_are_no_move() {
        let mut following = BTreeMap::from([("p/b/a.csv".to_string(), vec![DATA])]);
        let changes = [
            change("p/x/a.csv", id(1), None),
            change("p/y/a.csv", id(3), None),
            change("p/b/a.csv", None, id(2)),
        ];
        let touches = touches(&changes, &mut following);
        assert_eq!(touches[0].moved_from, None);
        assert!(following.is_empty());
    }
}
