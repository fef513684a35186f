//! Writes an imported catalog into a site: the categories its datasets use
//! into `portal.toml` ([`portal`]), one `participant.toml` per participant
//! and one descriptor per dataset ([`descriptor`]), each marked with the
//! source's identifier of the item ([`marker`]). A file an earlier import
//! wrote is found by that identifier and replaced only while nobody edited
//! it; an edited one, or one people made, is kept and said so.

mod descriptor;
mod marker;
mod portal;

use super::{ImportReport, Imported, ImportedDataset};
use crate::load::ids::{dataset_id, descriptor_file_name};
use crate::load::{PARTICIPANT_FILE, PARTICIPANTS_DIR};
use crate::msg;
use crate::scaffold::Refusal;
use marker::Written;
use portal::SiteFacts;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What became of one file.
enum Outcome {
    Created,
    Updated,
    Unchanged,
    /// Kept as it was, and why.
    Kept(crate::messages::Message),
}

/// Writes participants, categories and descriptors.
pub fn write_into(site: &Path, imported: Imported) -> Result<ImportReport, Refusal> {
    let mut report = ImportReport {
        notes: imported.notes,
        skipped: imported.skipped,
        read: imported.datasets.len(),
        declared: imported.declared,
        ..ImportReport::default()
    };
    let kind = imported.kind.name();
    let participants_dir = site.join(PARTICIPANTS_DIR);
    let written = marker::find_all(&participants_dir);
    let mut facts = SiteFacts::read(site);
    let used: Vec<String> = imported
        .datasets
        .iter()
        .flat_map(|d| d.categories.iter().cloned())
        .collect();
    report.categories_added = facts
        .add_categories(site, &used, &imported.categories)
        .map_err(|e| cannot_write(&site.join(crate::load::PORTAL_FILE), &e))?;

    for participant in &imported.participants {
        let key = marker::key(kind, &format!("participant:{}", participant.source_id));
        let default = participants_dir
            .join(&participant.id)
            .join(PARTICIPANT_FILE);
        let body = descriptor::participant_text(participant, kind);
        let (path, outcome) = place(&written, &key, default, &body)?;
        report.record(path, outcome);
    }

    let mut taken: BTreeSet<String> = BTreeSet::new();
    for mut dataset in imported.datasets {
        unique_slug(&mut dataset, &mut taken);
        let categories: Vec<String> = dataset
            .categories
            .iter()
            .filter_map(|title| facts.category_id(title))
            .collect();
        let key = marker::key(kind, &format!("dataset:{}", dataset.source_id));
        let default = participants_dir
            .join(&dataset.participant)
            .join(descriptor_file_name(&dataset.slug));
        let body = descriptor::descriptor_text(&dataset, &categories, &facts);
        let (path, outcome) = place(&written, &key, default, &body)?;
        if !matches!(outcome, Outcome::Kept(_)) {
            report.notes.append(&mut dataset.notes);
        }
        report.record(path, outcome);
    }
    Ok(report)
}

/// Gives a dataset a slug no other dataset of this import has in its participant.
fn unique_slug(dataset: &mut ImportedDataset, taken: &mut BTreeSet<String>) {
    let original = dataset_id(&dataset.participant, &dataset.slug);
    let mut slug = dataset.slug.clone();
    let mut n = 2;
    while taken.contains(&dataset_id(&dataset.participant, &slug)) {
        slug = format!("{}-{n}", dataset.slug);
        n += 1;
    }
    if slug != dataset.slug {
        let renamed = dataset_id(&dataset.participant, &slug);
        dataset.note(
            String::new(),
            msg!("import-renamed", original = original, renamed = renamed),
        );
        dataset.slug = slug;
    }
    taken.insert(dataset_id(&dataset.participant, &dataset.slug));
}

/// Writes `body` (marked) where the item's file is: the file an earlier
/// import wrote for it, else `default`.
fn place(
    written: &BTreeMap<(String, String), Written>,
    key: &(String, String),
    default: PathBuf,
    body: &str,
) -> Result<(PathBuf, Outcome), Refusal> {
    let text = marker::marked(key, body);
    if let Some(earlier) = written.get(key) {
        let path = earlier.path.clone();
        if !earlier.untouched {
            return Ok((path, Outcome::Kept(msg!("import-kept-edited"))));
        }
        if std::fs::read_to_string(&path).is_ok_and(|old| old.replace("\r\n", "\n") == text) {
            return Ok((path, Outcome::Unchanged));
        }
        std::fs::write(&path, &text).map_err(|e| cannot_write(&path, &e))?;
        return Ok((path, Outcome::Updated));
    }
    if default.exists() {
        return Ok((default, Outcome::Kept(msg!("import-kept-not-imported"))));
    }
    create(&default, &text)?;
    Ok((default, Outcome::Created))
}

fn create(path: &Path, text: &str) -> Result<(), Refusal> {
    use std::io::Write as _;
    let result = (|| {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)?
            .write_all(text.as_bytes())
    })();
    result.map_err(|e| cannot_write(path, &e))
}

fn cannot_write(path: &Path, error: &std::io::Error) -> Refusal {
    Refusal::new(
        msg!(
            "import-cannot-write",
            path = path.display().to_string(),
            error = error.to_string()
        ),
        msg!("import-cannot-write-help"),
    )
}

impl ImportReport {
    fn record(&mut self, path: PathBuf, outcome: Outcome) {
        match outcome {
            Outcome::Created => self.created.push(path),
            Outcome::Updated => self.updated.push(path),
            Outcome::Unchanged => self.unchanged.push(path),
            Outcome::Kept(why) => self.kept.push((path, why)),
        }
    }
}
