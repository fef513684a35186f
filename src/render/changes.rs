//! A dataset's history as the pages and feeds show it: each commit's entry
//! in words (what changed in each data file, sizes, checksums), the links to
//! the forge (the commit, the previous version's raw file) or to a previous
//! version the portal keeps (`[history] keep_versions`), and those files.

use super::Translation;
use super::views::{DateView, Link};
use crate::history::{Entry, FileEntry, History, TableDiff, Version};
use crate::model::{Dataset, ResourceLocation, Site};
use crate::output::urls::{Route, Urls};
use crate::output::{Content, Origin, OutputFile};
use serde::Serialize;

/// An entry of a dataset's history.
#[derive(Debug, Serialize)]
pub struct EntryView {
    pub date: DateView,
    /// The first 7 characters of the commit's id.
    pub commit: String,
    /// The commit on the forge, when the portal names its `repository`.
    pub commit_href: Option<String>,
    pub author: String,
    pub title: String,
    pub body: String,
    pub merge: bool,
    /// What happened to the descriptor, in words.
    pub descriptor: Option<String>,
    pub files: Vec<FileView>,
    /// The page with the rows that changed, when a table changed.
    pub changes_href: Option<String>,
}

/// A data file's change in an entry.
#[derive(Debug, Serialize)]
pub struct FileView {
    pub path: String,
    pub moved_from: Option<String>,
    /// What changed, one phrase each: rows, columns, size, checksum.
    pub facts: Vec<String>,
    /// The version before this commit, to download.
    pub previous: Option<Link>,
}

/// What the history's words and links are made with.
pub struct Changes<'a> {
    pub site: &'a Site,
    pub history: &'a History,
    pub urls: &'a Urls,
    pub t: &'a Translation,
}

impl Changes<'_> {
    /// An entry of `dataset`'s history, in words.
    pub fn entry(&self, dataset: &Dataset, entry: &Entry) -> EntryView {
        let repository = self.site.portal.repository.as_ref();
        let has_rows = entry
            .files
            .iter()
            .any(|f| f.table.as_ref().is_some_and(|t| !t.sample.is_empty()));
        EntryView {
            date: DateView {
                iso: entry.commit.date().to_string(),
                text: self.t.date(entry.commit.date()),
            },
            commit: entry.commit.short_id().to_string(),
            commit_href: repository.map(|r| r.commit_url(&entry.commit.id)),
            author: entry.commit.author.clone(),
            title: entry.commit.title.clone(),
            body: entry.commit.body.clone(),
            merge: entry.commit.merge,
            descriptor: entry.descriptor.as_ref().map(|d| {
                let key = match (d.readable, d.created) {
                    (false, _) => "history_descriptor_unreadable",
                    (true, true) => "history_descriptor_created",
                    (true, false) => "history_descriptor_changed",
                };
                self.t.ui(key).to_string()
            }),
            files: entry
                .files
                .iter()
                .map(|file| self.file(dataset, entry, file))
                .collect(),
            changes_href: has_rows.then(|| {
                self.urls
                    .href(&Urls::dataset_change(&dataset.id, entry.commit.short_id()))
            }),
        }
    }

    fn file(&self, dataset: &Dataset, entry: &Entry, file: &FileEntry) -> FileView {
        let mut facts = Vec::new();
        if let Some(table) = &file.table {
            facts.extend(self.table_facts(table));
        }
        match (&file.before, &file.after) {
            (None, Some(_)) => facts.push(self.t.ui("history_new_file").to_string()),
            (Some(before), Some(after)) => facts.extend(self.version_facts(before, after)),
            _ => {}
        }
        FileView {
            path: file.path.clone(),
            moved_from: file.moved_from.clone(),
            facts,
            previous: self.previous(dataset, entry, file),
        }
    }

    /// Rows and columns that changed, one phrase each.
    pub fn table_facts(&self, table: &TableDiff) -> Vec<String> {
        let t = self.t;
        let mut facts = Vec::new();
        let mut count = |n: u64, key: &str| {
            if n > 0 {
                let one = format!("{key}_one");
                let words = if n == 1 { t.ui(&one) } else { t.ui(key) };
                facts.push(format!("{} {words}", t.integer(n)));
            }
        };
        count(table.added, "history_rows_added");
        count(table.changed, "history_rows_changed");
        count(table.removed, "history_rows_removed");
        let names = |names: &[String]| names.join(", ");
        if !table.columns_added.is_empty() {
            facts.push(format!(
                "{}: {}",
                t.ui("history_columns_added"),
                names(&table.columns_added)
            ));
        }
        if !table.columns_removed.is_empty() {
            facts.push(format!(
                "{}: {}",
                t.ui("history_columns_removed"),
                names(&table.columns_removed)
            ));
        }
        for (old, new) in &table.columns_renamed {
            facts.push(format!("{}: {old} → {new}", t.ui("history_column_renamed")));
        }
        if table.is_empty() {
            facts.push(t.ui("history_same_rows").to_string());
        }
        facts
    }

    fn version_facts(&self, before: &Version, after: &Version) -> Vec<String> {
        let t = self.t;
        let mut facts = Vec::new();
        if before.lfs || after.lfs {
            facts.push(t.ui("history_lfs").to_string());
        }
        if before.bytes != after.bytes {
            // Sizes that read alike in rounded units are given in bytes.
            let (old, new) = match (t.size(before.bytes), t.size(after.bytes)) {
                (old, new) if old == new => (
                    format!("{} B", t.integer(before.bytes)),
                    format!("{} B", t.integer(after.bytes)),
                ),
                sizes => sizes,
            };
            facts.push(format!("{}: {old} → {new}", t.ui("resource_size")));
        }
        if before.sha256 != after.sha256 {
            let short = |s: &str| s.chars().take(12).collect::<String>();
            facts.push(format!(
                "SHA-256: {}… → {}…",
                short(&before.sha256),
                short(&after.sha256)
            ));
        }
        facts
    }

    /// The version before the commit: the portal's copy when it keeps it,
    /// else the forge's raw file at the commit's parent.
    fn previous(&self, dataset: &Dataset, entry: &Entry, file: &FileEntry) -> Option<Link> {
        let before = file.before.as_ref()?;
        let text = self.t.ui("history_previous_version").to_string();
        if let Some(route) = Self::kept_version(dataset, entry, file) {
            return Some(Link {
                href: self.urls.href(&route),
                text,
            });
        }
        let repository = self.site.portal.repository.as_ref()?;
        let path = file.moved_from.as_deref().unwrap_or(&file.path);
        Some(Link {
            href: repository.raw_url(&format!("{}^", entry.commit.id), path),
            text,
        })
        .filter(|_| !before.lfs)
    }

    /// Where the portal publishes the version before `entry` of a file, when it keeps it.
    pub fn kept_version(dataset: &Dataset, entry: &Entry, file: &FileEntry) -> Option<Route> {
        file.kept.as_ref()?;
        let name = dataset
            .resources
            .iter()
            .find(|r| r.slug == file.resource)
            .and_then(|r| match &r.location {
                ResourceLocation::Local { file_name, .. } => Some(file_name.as_str()),
                ResourceLocation::Remote { .. } => None,
            })
            .unwrap_or(&file.resource);
        Some(Urls::previous_version(
            &dataset.id,
            entry.commit.short_id(),
            name,
        ))
    }

    /// The previous versions of the dataset's files the portal publishes.
    pub fn kept_files(&self, dataset: &Dataset) -> Vec<OutputFile> {
        let mut files = Vec::new();
        for entry in self.history.of(&dataset.id) {
            for file in &entry.files {
                if let (Some(route), Some(kept)) =
                    (Self::kept_version(dataset, entry, file), &file.kept)
                {
                    files.push(OutputFile {
                        route,
                        content: Content::CopyOf(kept.clone()),
                        origin: Origin::Site(file.path.clone()),
                    });
                }
            }
        }
        files
    }

    /// The plain-text summary of an entry, for feeds.
    pub fn summary(&self, view: &EntryView) -> String {
        let mut parts: Vec<String> = view.descriptor.iter().cloned().collect();
        for file in &view.files {
            parts.push(format!("{}: {}", file.path, file.facts.join(", ")));
        }
        parts.join(". ")
    }
}
