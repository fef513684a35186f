//! Check: the validations `abierto check` adds to those of `build` —
//! findings on metadata completeness and freshness (whose states every build
//! computes, in [`crate::rules`]), files, links, with `--external` the
//! addresses they name, and with `--previous` the datasets a previous build
//! published that this one lost. Each finding is a `Diagnostic` with a stable `code`;
//! the scores per dataset and participant feed `--format json`.

pub mod external;
pub mod files;
pub mod freshness;
pub mod links;
pub mod metadata;
pub mod previous;
pub mod report;

use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::history::History;
use crate::model::{Dataset, Date, Site};
use crate::output::OutputFile;
use crate::rules;

/// What `check` adds to the build's validations when asked.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Ask every external link (`--external`), with these settings.
    pub external: Option<external::Settings>,
    /// Compare with a previous build (`--previous`): an output folder, a
    /// `sitemap.xml` file, or the published sitemap's address.
    pub previous: Option<String>,
}

/// What one dataset looks like to `check`: its completeness and freshness.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DatasetScore {
    pub id: String,
    pub file: String,
    /// `None` for a planned dataset.
    pub completeness: Option<rules::completeness::Completeness>,
    pub freshness: rules::freshness::Freshness,
}

/// What one participant looks like to `check`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ParticipantScore {
    pub id: String,
    /// Mean completeness of its published datasets.
    pub completeness: Option<u8>,
}

/// What `check` learnt besides its diagnostics.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct CheckSummary {
    pub today: Option<Date>,
    pub datasets: Vec<DatasetScore>,
    pub participants: Vec<ParticipantScore>,
    /// The portal's estimated size in bytes (pages, assets and downloads).
    pub output_bytes: u64,
    /// What `--external` did (`None` without it).
    pub external: Option<external::Summary>,
}

/// Runs every check on a loaded and rendered site; external links and the
/// comparison with a previous build only when `extra` asks for them.
pub fn run(
    site: &Site,
    files: &[OutputFile],
    history: &History,
    today: Date,
    extra: &CheckOptions,
    diagnostics: &Diagnostics,
) -> CheckSummary {
    let datasets = site
        .datasets
        .iter()
        .map(|dataset| dataset_score(site, dataset, history, today, diagnostics))
        .collect();
    let participants = site
        .participants
        .iter()
        .map(|p| ParticipantScore {
            id: p.id.clone(),
            completeness: rules::completeness::participant_score(site, &p.id),
        })
        .collect();
    let external = links_and_files(site, files, extra.external.as_ref(), diagnostics);
    if let Some(place) = &extra.previous {
        let found = match previous::read(place) {
            Ok(previous) => previous::check(site, files, &previous),
            Err(problem) => vec![problem],
        };
        found.into_iter().for_each(|d| diagnostics.push(d));
    }
    let (output_bytes, too_large) = files::output_size(files);
    if let Some(d) = too_large {
        diagnostics.push(d);
    }
    CheckSummary {
        today: Some(today),
        datasets,
        participants,
        output_bytes,
        external,
    }
}

/// A dataset's completeness and freshness; what is missing or late is
/// reported at the descriptor's line that says it.
fn dataset_score(
    site: &Site,
    dataset: &Dataset,
    history: &History,
    today: Date,
    diagnostics: &Diagnostics,
) -> DatasetScore {
    let descriptor =
        std::fs::read_to_string(site.root.join(&dataset.source_file)).unwrap_or_default();
    let completeness = rules::completeness::completeness(dataset, site);
    if let Some(c) = &completeness
        && let Some(mut d) = metadata::diagnostic(dataset, c)
    {
        d.line = Some(metadata::relevant_key(c).map_or(1, |key| key_line(&descriptor, key)));
        diagnostics.push(d);
    }
    let fresh = rules::freshness::freshness(dataset, today);
    if let Some(mut d) = freshness::diagnostics(dataset, &fresh) {
        let key = if fresh.state == rules::freshness::State::PromiseOverdue {
            "expected"
        } else {
            "modified"
        };
        d.line = Some(key_line(&descriptor, key));
        diagnostics.push(d);
    }
    if let Some(mut d) = freshness::behind_its_data(dataset, history) {
        d.line = Some(key_line(&descriptor, "modified"));
        diagnostics.push(d);
    }
    DatasetScore {
        id: dataset.id.clone(),
        file: dataset.source_file.clone(),
        completeness,
        freshness: fresh,
    }
}

/// The links of the pages and the files of the site checked (with
/// `external`, every address they name asked too); what `--external` did.
fn links_and_files(
    site: &Site,
    files: &[OutputFile],
    external: Option<&external::Settings>,
    diagnostics: &Diagnostics,
) -> Option<external::Summary> {
    let link_report = links::check(site, files);
    link_report
        .problems
        .into_iter()
        .for_each(|d| diagnostics.push(d));
    let external = external.map(|settings| {
        let mut links = link_report.external;
        links.extend(external::descriptor_links(site));
        let (found, summary) = external::check(&links, settings);
        found.into_iter().for_each(|d| diagnostics.push(d));
        summary
    });
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
    external
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
            d.message = crate::msg!("check-allowed", message = d.message.clone());
        }
    }
}

/// The line of `key = …` in a descriptor's TOML text, to point a finding at
/// it. A dotted key (`contact.email`) is looked for in its table (`[contact]`,
/// or the first `[[resources]]`); when the key is absent, the line of its
/// table if present, else line 1.
fn key_line(text: &str, key: &str) -> usize {
    let (table, name) = match key.rsplit_once('.') {
        Some((table, name)) => (Some(table), name),
        None => (None, key),
    };
    let mut current: Option<&str> = None;
    let mut table_line = None;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_start();
        if let Some(header) = line.strip_prefix('[') {
            let header = header.trim_start_matches('[');
            let header = header.split(']').next().unwrap_or("").trim();
            if current == table && table.is_some() {
                break; // past the key's (first) table
            }
            current = Some(header);
            if Some(header) == table && table_line.is_none() {
                table_line = Some(i + 1);
            }
            continue;
        }
        let is_key = line
            .strip_prefix(name)
            .is_some_and(|rest| rest.trim_start().starts_with('='));
        if is_key && current == table {
            return i + 1;
        }
    }
    table_line.unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::key_line;

    #[test]
    fn keys_are_found_at_top_level_and_in_their_table() {
        let text = "title = \"A\"\nmodified = 2025-01-01\n\n[contact]\nname = \"B\"\nemail = \"b@x.mx\"\n\n[[resources]]\ntitle = \"R\"\n\n[[resources]]\ndescription = \"D\"\n";
        assert_eq!(key_line(text, "modified"), 2);
        assert_eq!(key_line(text, "contact.email"), 6);
        assert_eq!(key_line(text, "contact.phone"), 4, "its table");
        assert_eq!(key_line(text, "resources.title"), 9);
        assert_eq!(
            key_line(text, "resources.description"),
            8,
            "the first resource"
        );
        assert_eq!(key_line(text, "keywords"), 1, "absent");
        assert_eq!(key_line(text, "name"), 1, "not a top-level key");
    }
}
