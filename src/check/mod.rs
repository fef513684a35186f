//! Check: the validations `abierto check` adds to those of `build` —
//! metadata completeness per catalog standard, freshness, files, links and
//! personal data (whose scan also runs in every `build`: it blocks publishing).
//! Each finding is a `Diagnostic` with a stable `code`; the summary per
//! dataset and participant feeds `--format json` and the portal's pages.

pub mod detectors;
pub mod files;
pub mod freshness;
pub mod links;
pub mod metadata;
pub mod personal_data;

use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::model::{Date, Site};
use crate::output::writer::OutputFile;

/// What one dataset looks like to `check`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DatasetSummary {
    pub id: String,
    pub file: String,
    /// `None` for a planned dataset.
    pub completeness: Option<metadata::Completeness>,
    pub freshness: freshness::Freshness,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ParticipantSummary {
    pub id: String,
    /// Mean completeness of its published datasets.
    pub completeness: Option<u8>,
}

/// What `check` learnt besides its diagnostics.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct CheckSummary {
    pub today: Option<Date>,
    pub datasets: Vec<DatasetSummary>,
    pub participants: Vec<ParticipantSummary>,
    /// The portal's estimated size in bytes (pages, assets and downloads).
    pub output_bytes: u64,
}

/// Runs every check on a loaded and rendered site.
pub fn run(
    site: &Site,
    files: &[OutputFile],
    today: Date,
    diagnostics: &Diagnostics,
) -> CheckSummary {
    let mut datasets = Vec::new();
    for dataset in &site.datasets {
        let completeness = metadata::completeness(dataset, site);
        if let Some(d) = completeness
            .as_ref()
            .and_then(|c| metadata::diagnostic(dataset, c))
        {
            diagnostics.push(d);
        }
        let fresh = freshness::freshness(dataset, today);
        if let Some(mut d) = freshness::diagnostics(dataset, &fresh) {
            let key = if fresh.state == freshness::State::PromiseOverdue {
                "expected"
            } else {
                "modified"
            };
            d.line = key_line(&site.root.join(&dataset.source_file), key);
            diagnostics.push(d);
        }
        datasets.push(DatasetSummary {
            id: dataset.id.clone(),
            file: dataset.source_file.clone(),
            completeness,
            freshness: fresh,
        });
    }
    let participants = site
        .participants
        .iter()
        .map(|p| ParticipantSummary {
            id: p.id.clone(),
            completeness: metadata::participant_score(site, &p.id),
        })
        .collect();

    let link_report = links::check(site, files);
    link_report
        .problems
        .into_iter()
        .for_each(|d| diagnostics.push(d));
    // A story's cover is published with it, like the files its text links to.
    let mut linked = link_report.referenced_files;
    linked.extend(
        site.stories
            .iter()
            .filter_map(|s| s.cover.as_ref().map(|c| c.path.clone())),
    );
    files::check(site, &linked)
        .into_iter()
        .for_each(|d| diagnostics.push(d));
    let (output_bytes, too_large) = files::output_size(files);
    if let Some(d) = too_large {
        diagnostics.push(d);
    }
    CheckSummary {
        today: Some(today),
        datasets,
        participants,
        output_bytes,
    }
}

/// Turns the warnings that `[check] allow` in portal.toml names into notes.
/// An entry is a code (`overdue`) or a code and a file (`promise-overdue:participants/x/y.toml`).
/// Errors are never allowed: personal data is accepted in its descriptor, with a reason.
pub fn apply_allow(diagnostics: &mut [Diagnostic], allow: &[String]) {
    for d in diagnostics
        .iter_mut()
        .filter(|d| d.severity == Severity::Warning)
    {
        let Some(code) = d.code else { continue };
        let allowed = allow.iter().any(|entry| match entry.split_once(':') {
            Some((c, file)) => c == code.as_str() && file == d.file,
            None => entry == code.as_str(),
        });
        if allowed {
            d.severity = Severity::Info;
            d.message.push_str(" (allowed by [check] in portal.toml)");
        }
    }
}

/// The line of a top-level `key = …` in a TOML file, to point a finding at it.
fn key_line(path: &std::path::Path, key: &str) -> Option<usize> {
    let text = std::fs::read_to_string(path).ok()?;
    text.lines()
        .take_while(|l| !l.trim_start().starts_with('['))
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
}
