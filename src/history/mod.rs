//! History: what git knows of each dataset. When the site is inside a git
//! repository, every commit on HEAD's first-parent chain that touched a
//! dataset's descriptor or one of its data files is an [`Entry`] of that
//! dataset (date, author and message as the commit gives them), with, per
//! data file, its size and checksum before and after and, for a CSV, what
//! changed in its rows and columns ([`TableDiff`]). Files are followed through
//! renames and moves (`follow.rs`); a merge counts once, against its first
//! parent; a shallow clone's history stops where the clone does (and says so).
//!
//! The repository is read with gitoxide (`git.rs`), never by running `git`.
//! Versions and table diffs are kept in the analysis cache folder by blob id
//! (`versions.rs`); a history is reused whole while HEAD and the files it
//! follows are the same ([`History::read`] with the last one), so `serve`
//! looks at HEAD on every rebuild (a commit made while it runs shows at the
//! next save) and reads the history again only when HEAD moved.
//!
//! No repository, an unreadable one, a broken descriptor in an old commit, a
//! binary file, an LFS pointer: fewer facts, never an error.

mod follow;
mod git;
pub mod table_diff;
mod versions;

pub use table_diff::{RowChange, SampleCell, SampleRow, TableDiff};
pub use versions::Version;

use crate::model::{Dataset, Date, ResourceLocation, Site};
use follow::{Role, Target};
use git::Repo;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use versions::Store;

/// Descriptors larger than this are not read back from old commits.
const DESCRIPTOR_MAX_BYTES: u64 = 5 * 1024 * 1024;

/// The history of every dataset of a site.
#[derive(Debug, Default, Clone)]
pub struct History {
    /// Each dataset's entries, newest first, by dataset id (shared: `serve`
    /// keeps it from one rebuild to the next).
    datasets: Arc<BTreeMap<String, Vec<Entry>>>,
    /// The site is in a git repository with at least one commit.
    pub in_repository: bool,
    /// The repository is a shallow clone: its history stops early.
    pub shallow: bool,
    /// What this history was read from (HEAD and the files followed).
    key: String,
}

/// A commit, as a history entry shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    /// Its id (hexadecimal).
    pub id: String,
    /// The author as the commit names them.
    pub author: String,
    /// The author's time, seconds since the epoch, and the offset it was written in.
    pub seconds: i64,
    pub offset: i32,
    /// The message's first paragraph, on one line, and the rest.
    pub title: String,
    pub body: String,
    /// More than one parent: a merge (its changes are those against its first parent).
    pub merge: bool,
}

/// One commit's changes to one dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub commit: Commit,
    pub descriptor: Option<DescriptorChange>,
    /// The data files it changed, in the order of the dataset's resources.
    pub files: Vec<FileEntry>,
}

/// A change to the descriptor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DescriptorChange {
    pub path: String,
    pub moved_from: Option<String>,
    /// The commit added it.
    pub created: bool,
    /// Its TOML could be read in this version (a commit may have broken it).
    pub readable: bool,
}

/// A change to one data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    /// The resource's slug (it is the dataset's resource now).
    pub resource: String,
    /// The file's path in the site in this version, and before when it moved.
    pub path: String,
    pub moved_from: Option<String>,
    pub before: Option<Version>,
    pub after: Option<Version>,
    /// What changed in its rows and columns (CSV and TSV read from git).
    pub table: Option<TableDiff>,
    /// The version before, copied out of git into the cache folder, when the
    /// portal publishes it (`[history] keep_versions`).
    pub kept: Option<std::path::PathBuf>,
}

impl Commit {
    /// The day of the commit, where its author was.
    pub fn date(&self) -> Date {
        Date::from_days_since_epoch((self.seconds + i64::from(self.offset)).div_euclid(86_400))
    }

    /// RFC 3339, at the author's offset: `2024-05-01T10:30:00-06:00`.
    pub fn timestamp(&self) -> String {
        let local = self.seconds + i64::from(self.offset);
        let second = local.rem_euclid(86_400);
        let sign = if self.offset < 0 { '-' } else { '+' };
        let offset = self.offset.unsigned_abs() / 60;
        format!(
            "{}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
            self.date(),
            second / 3600,
            second / 60 % 60,
            second % 60,
            offset / 60,
            offset % 60
        )
    }

    /// The first 7 characters of its id.
    pub fn short_id(&self) -> &str {
        &self.id[..self.id.len().min(7)]
    }
}

impl Entry {
    /// Whether it changed the content of a data file.
    pub fn changes_data(&self) -> bool {
        let sha = |v: &Option<Version>| v.as_ref().map(|v| v.sha256.clone());
        self.files.iter().any(|f| sha(&f.before) != sha(&f.after))
    }
}

impl History {
    /// The dataset's entries, newest first (none outside a repository).
    pub fn of(&self, dataset_id: &str) -> &[Entry] {
        self.datasets.get(dataset_id).map_or(&[], Vec::as_slice)
    }

    /// Every dataset's entries, by dataset id.
    pub fn datasets(&self) -> impl Iterator<Item = (&String, &Vec<Entry>)> {
        self.datasets.iter()
    }

    /// The last commit that changed the content of one of the dataset's data
    /// files (a file only moved changed no data).
    pub fn last_data_change(&self, dataset_id: &str) -> Option<&Entry> {
        self.of(dataset_id).iter().find(|e| e.changes_data())
    }

    /// What the history was read from, for fingerprints of what shows it.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Reads the history of the site's datasets from the repository that
    /// holds it; `last` (the previous run's) is returned again when nothing it
    /// was read from changed. `cache_dir`: the analysis cache folder.
    pub fn read(site: &Site, cache_dir: Option<&Path>, last: Option<&History>) -> History {
        let Some(repo) = Repo::discover(&site.root) else {
            return History::default();
        };
        let Some(head) = repo.head() else {
            return History::default();
        };
        let followed = followed_files(site);
        let key = history_key(head, site, &followed);
        if let Some(last) = last.filter(|l| l.key == key) {
            return last.clone();
        }
        let store = Store::new(&repo, cache_dir);
        let walked = follow::follow(&repo, head, followed);
        let mut datasets: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
        for (commit, touches) in walked.commits {
            let mut by_dataset: BTreeMap<usize, Vec<follow::Touch>> = BTreeMap::new();
            for touch in touches {
                by_dataset
                    .entry(touch.target.dataset)
                    .or_default()
                    .push(touch);
            }
            for (index, touches) in by_dataset {
                let dataset = &site.datasets[index];
                let entry = entry(&store, site, dataset, &commit, &touches);
                datasets.entry(dataset.id.clone()).or_default().push(entry);
            }
        }
        keep_versions(&store, site, &mut datasets);
        History {
            datasets: Arc::new(datasets),
            in_repository: true,
            shallow: walked.cut_short || repo.is_shallow(),
            key,
        }
    }

    /// Gives each dataset that does not declare `modified` the day its data
    /// last changed.
    pub fn default_modified(&self, site: &mut Site) {
        for dataset in &mut site.datasets {
            if dataset.modified.is_none() {
                dataset.modified = self.last_data_change(&dataset.id).map(|e| e.commit.date());
            }
        }
    }
}

/// The files each dataset is made of now, by site path.
fn followed_files(site: &Site) -> BTreeMap<String, Vec<Target>> {
    let mut files: BTreeMap<String, Vec<Target>> = BTreeMap::new();
    for (index, dataset) in site.datasets.iter().enumerate() {
        let target = |role| Target {
            dataset: index,
            role,
        };
        files
            .entry(dataset.source_file.clone())
            .or_default()
            .push(target(Role::Descriptor));
        for (r, resource) in dataset.resources.iter().enumerate() {
            if let ResourceLocation::Local { source_file, .. } = &resource.location {
                files
                    .entry(source_file.replace('\\', "/"))
                    .or_default()
                    .push(target(Role::Resource(r)));
            }
        }
    }
    files
}

/// HEAD, the files followed and what shapes a diff (keys, encodings).
fn history_key(
    head: gix::ObjectId,
    site: &Site,
    followed: &BTreeMap<String, Vec<Target>>,
) -> String {
    let mut hasher = Sha256::new();
    hasher.update(head.as_bytes());
    for (path, targets) in followed {
        hasher.update(format!("{path}\0{targets:?}\0"));
    }
    for resource in site.datasets.iter().flat_map(|d| &d.resources) {
        hasher.update(format!(
            "{:?}\0{:?}\0",
            resource.primary_key, resource.encoding
        ));
    }
    let portal = &site.portal;
    hasher.update(format!(
        "{}\0{}",
        portal.keep_versions, portal.max_file_bytes
    ));
    crate::analyse::cache::hex(&hasher.finalize()[..16])
}

/// One commit's entry for one dataset.
fn entry(
    store: &Store,
    site: &Site,
    dataset: &Dataset,
    commit: &Commit,
    touches: &[follow::Touch],
) -> Entry {
    let mut descriptor = None;
    let mut files = Vec::new();
    for touch in touches {
        match touch.target.role {
            Role::Descriptor => {
                descriptor = Some(DescriptorChange {
                    path: touch.path.clone(),
                    moved_from: touch.moved_from.clone(),
                    created: touch.old.is_none(),
                    readable: touch.new.is_some_and(|blob| readable_toml(store, blob)),
                });
            }
            Role::Resource(r) => {
                files.push(file_entry(store, site, &dataset.resources[r], touch));
            }
        }
    }
    Entry {
        commit: commit.clone(),
        descriptor,
        files,
    }
}

/// A descriptor version whose TOML reads.
fn readable_toml(store: &Store, blob: gix::ObjectId) -> bool {
    store
        .repo
        .size(blob)
        .is_some_and(|s| s <= DESCRIPTOR_MAX_BYTES)
        && store
            .repo
            .blob(blob)
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .is_some_and(|text| text.parse::<toml::Table>().is_ok())
}

/// A data file's change: both versions, and for a table what changed in it.
fn file_entry(
    store: &Store,
    site: &Site,
    resource: &crate::model::Resource,
    touch: &follow::Touch,
) -> FileEntry {
    let before = touch.old.and_then(|blob| store.version(blob));
    let after = touch.new.and_then(|blob| store.version(blob));
    let tabular = is_table(&touch.path);
    let table = match (touch.old, touch.new, &before, &after) {
        (Some(old), Some(new), Some(b), Some(a))
            if old != new
                && tabular
                && !b.lfs
                && !a.lfs
                && b.bytes.max(a.bytes) <= site.portal.max_file_bytes =>
        {
            let encoding = resource
                .encoding
                .as_deref()
                .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()));
            store.table_diff(old, new, encoding, resource.primary_key.as_deref())
        }
        _ => None,
    };
    FileEntry {
        resource: resource.slug.clone(),
        path: touch.path.clone(),
        moved_from: touch.moved_from.clone(),
        before,
        after,
        table,
        kept: None,
    }
}

/// Copies out of git the previous versions the portal publishes: for each
/// data file the `[history] keep_versions` most recent ones no larger than
/// `[build] max_file_size` (never an LFS pointer: its data is not in git).
fn keep_versions(store: &Store, site: &Site, datasets: &mut BTreeMap<String, Vec<Entry>>) {
    let keep = site.portal.keep_versions;
    if keep == 0 {
        return;
    }
    for entries in datasets.values_mut() {
        let mut per_file: BTreeMap<String, usize> = BTreeMap::new();
        for file in entries.iter_mut().flat_map(|e| &mut e.files) {
            let Some(before) = &file.before else { continue };
            let count = per_file.entry(file.resource.clone()).or_default();
            if *count >= keep || before.lfs || before.bytes > site.portal.max_file_bytes {
                continue;
            }
            *count += 1;
            file.kept = gix::ObjectId::from_hex(before.blob.as_bytes())
                .ok()
                .and_then(|blob| store.copy_out(blob));
        }
    }
}

/// A CSV or TSV, by its name.
fn is_table(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".csv") || lower.ends_with(".tsv")
}
