//! Freshness findings: what `check` says of a dataset that is overdue, due
//! soon, or a planned one whose promised date has passed (the states
//! themselves are [`crate::rules::freshness`]).

use crate::diagnostics::{Code, Diagnostic};
use crate::history::History;
use crate::model::{Dataset, Frequency};
use crate::msg;
use crate::rules::freshness::{Freshness, State};

/// The findings of `check` about one dataset's freshness.
pub fn diagnostics(dataset: &Dataset, freshness: &Freshness) -> Option<Diagnostic> {
    let due = freshness.due?;
    let days = freshness.days_late.unwrap_or(0);
    match freshness.state {
        State::Overdue => Some(
            Diagnostic::warning(
                &dataset.source_file,
                msg!(
                    "check-overdue",
                    title = &dataset.title,
                    frequency = dataset.frequency.map_or("", Frequency::key),
                    due = due.to_string(),
                    days = days,
                    modified = dataset.modified.map(|d| d.to_string()).unwrap_or_default()
                ),
            )
            .code(Code::Overdue)
            .help(msg!("check-overdue-help")),
        ),
        State::PromiseOverdue => Some(
            Diagnostic::warning(
                &dataset.source_file,
                msg!(
                    "check-promise-overdue",
                    title = &dataset.title,
                    due = due.to_string(),
                    days = days
                ),
            )
            .code(Code::PromiseOverdue)
            .help(msg!("check-promise-overdue-help")),
        ),
        State::DueSoon => Some(
            Diagnostic::info(
                &dataset.source_file,
                msg!(
                    "check-due-soon",
                    title = &dataset.title,
                    due = due.to_string()
                ),
            )
            .code(Code::DueSoon),
        ),
        _ => None,
    }
}

/// A declared `modified` older than the last commit that changed the
/// dataset's data: the data was updated and the date was not.
pub fn behind_its_data(dataset: &Dataset, history: &History) -> Option<Diagnostic> {
    let declared = dataset.modified?;
    let entry = history.last_data_change(&dataset.id)?;
    (declared < entry.commit.date()).then(|| {
        Diagnostic::warning(
            &dataset.source_file,
            msg!(
                "check-modified-behind-data",
                title = &dataset.title,
                modified = declared.to_string(),
                changed = entry.commit.date().to_string(),
                commit = entry.commit.short_id(),
                message = &entry.commit.title
            ),
        )
        .code(Code::ModifiedBehindData)
        .help(msg!(
            "check-modified-behind-data-help",
            changed = entry.commit.date().to_string()
        ))
    })
}
