//! Metadata findings: the warning `check` gives a published dataset that
//! lacks fields some catalog standard requires, pointed at the descriptor key
//! to add (the scores themselves are [`crate::rules::completeness`]).

use crate::diagnostics::{Code, Diagnostic};
use crate::model::Dataset;
use crate::msg;
use crate::rules::completeness::Completeness;

/// The descriptor key a metadata warning points at: the first required field
/// that is missing (the contact table for the publisher's e-mail).
pub fn relevant_key(completeness: &Completeness) -> Option<&'static str> {
    completeness.missing_required().next().map(|f| {
        let key = f.field.split(' ').next().unwrap_or(f.field);
        if key == "publisher" {
            "contact.email"
        } else {
            key
        }
    })
}

/// A warning naming the fields some standard requires and the dataset lacks.
pub fn diagnostic(dataset: &Dataset, completeness: &Completeness) -> Option<Diagnostic> {
    let missing = completeness
        .missing_required()
        .map(|f| {
            let standards = f.required_by.join(", ");
            match &f.about {
                Some(about) => msg!(
                    "check-missing-field-about",
                    field = f.field,
                    about = about.clone(),
                    standards = standards
                ),
                None => msg!(
                    "check-missing-field",
                    field = f.field,
                    standards = standards
                ),
            }
        })
        .reduce(|list, next| msg!("check-missing-fields", list = list, next = next));
    missing.map(|missing| {
        Diagnostic::warning(
            &dataset.source_file,
            msg!(
                "check-missing-metadata",
                title = &dataset.title,
                missing = missing,
                score = completeness.score
            ),
        )
        .code(Code::MissingMetadata)
        .help(msg!("check-missing-metadata-help"))
    })
}
