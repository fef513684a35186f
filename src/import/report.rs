//! What an import did: the files created, updated, unchanged and kept (each
//! kept one with the reason), the source's items skipped (each named, with
//! the reason), what `--fetch` downloaded, and the notes, which the summary
//! shows grouped by kind ("467 × `tags` …" is one line, not 467).

use super::Note;
use super::fetch::FetchReport;
use crate::messages::Message;
use std::path::PathBuf;

#[derive(Debug, Default)]
pub struct ImportReport {
    pub created: Vec<PathBuf>,
    /// Files an earlier import wrote, nobody edited, and this one changed.
    pub updated: Vec<PathBuf>,
    /// Files an earlier import wrote that this one would write the same.
    pub unchanged: Vec<PathBuf>,
    /// Files left as they are: edited since the import, or not from an import.
    pub kept: Vec<(PathBuf, Message)>,
    /// The source's items that became no file, each with the reason.
    pub skipped: Vec<Note>,
    /// Everything that did not map as it was, each naming its source file and field.
    pub notes: Vec<Note>,
    /// Datasets read from the source.
    pub read: usize,
    /// How many the source says it holds (CKAN's `count`), when it says.
    pub declared: Option<usize>,
    /// Categories added to portal.toml, by id.
    pub categories_added: Vec<String>,
    /// What `--fetch` downloaded and skipped.
    pub fetched: Option<FetchReport>,
}

/// Notes of one kind: the same message about the same field.
#[derive(Debug)]
pub struct Group<'a> {
    pub count: usize,
    pub field: &'a str,
    /// The first note of the kind, as an example.
    pub first: &'a Note,
}

impl ImportReport {
    /// The notes grouped by kind (catalog id and field), largest groups first.
    pub fn note_groups(&self) -> Vec<Group<'_>> {
        let mut groups: Vec<Group> = Vec::new();
        for note in &self.notes {
            let field = group_field(&note.field);
            match groups
                .iter_mut()
                .find(|g| g.first.message.id() == note.message.id() && g.field == field)
            {
                Some(group) => group.count += 1,
                None => groups.push(Group {
                    count: 1,
                    field,
                    first: note,
                }),
            }
        }
        groups.sort_by_key(|g| std::cmp::Reverse(g.count));
        groups
    }

    /// Whether fewer datasets were read than the source says it holds.
    pub fn partial(&self) -> Option<(usize, usize)> {
        self.declared
            .filter(|total| *total > self.read)
            .map(|total| (self.read, total))
    }
}

/// A field without its list positions: `resources[3].url` → `resources.url`.
fn group_field(field: &str) -> &str {
    field.split('[').next().unwrap_or(field)
}
