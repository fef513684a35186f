//! Freshness findings: what `check` says of a dataset that is overdue, due
//! soon, or a planned one whose promised date has passed (the states
//! themselves are [`crate::rules::freshness`]).

use crate::diagnostics::{Code, Diagnostic};
use crate::model::{Dataset, Frequency};
use crate::rules::freshness::{Freshness, State};

/// The findings of `check` about one dataset's freshness.
pub fn diagnostics(dataset: &Dataset, freshness: &Freshness) -> Option<Diagnostic> {
    let due = freshness.due?;
    let days = freshness.days_late.unwrap_or(0);
    match freshness.state {
        State::Overdue => Some(
            Diagnostic::warning(
                &dataset.source_file,
                format!(
                    "`{}` is overdue: its {} update was due on {due} ({days} days ago; last modified {})",
                    dataset.title,
                    dataset.frequency.map_or("", Frequency::key),
                    dataset.modified.map(|d| d.to_string()).unwrap_or_default()
                ),
            )
            .code(Code::Overdue)
            .help("publish the new data and update `modified`, or change `frequency` to the real rhythm"),
        ),
        State::PromiseOverdue => Some(
            Diagnostic::warning(
                &dataset.source_file,
                format!(
                    "planned dataset `{}` was promised for {due} ({days} days ago) and is not published",
                    dataset.title
                ),
            )
            .code(Code::PromiseOverdue)
            .help("publish it (`status = \"published\"` with its resources) or set a new `expected` date"),
        ),
        State::DueSoon => Some(
            Diagnostic::info(
                &dataset.source_file,
                format!("`{}` is due for its update on {due}", dataset.title),
            )
            .code(Code::DueSoon),
        ),
        _ => None,
    }
}
