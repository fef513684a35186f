//! `participants/<id>/participant.toml`: who publishes.

use super::toml_file;
use crate::diagnostics::{Diagnostic, SourceText};
use crate::model::{Participant, ParticipantKind};
use crate::msg;
use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ParticipantFile {
    name: String,
    short_name: Option<String>,
    kind: ParticipantKind,
    state: Option<String>,
    website: Option<Spanned<String>>,
    email: Option<Spanned<String>>,
    joined: Option<Spanned<toml::value::Datetime>>,
    description: Option<Spanned<String>>,
}

/// Parses and validates one `participant.toml`; every problem found is returned.
pub fn parse(id: String, source: &SourceText) -> Result<Participant, Vec<Diagnostic>> {
    let toml_file::Read {
        value,
        mut problems,
        dropped,
    } = toml_file::parse::<ParticipantFile>(source, &source.text);
    let Some(file) = value else {
        return Err(problems);
    };
    if file.name.trim().is_empty() && !dropped.key("name") {
        problems.push(
            Diagnostic::error(&source.name, msg!("load-participant-empty-name"))
                .help(msg!("load-participant-empty-name-help")),
        );
    }
    let website = file.website.and_then(|url| {
        toml_file::url(source, &url, &["http", "https"])
            .map_err(|d| problems.push(d))
            .ok()
    });
    let email = file.email.and_then(|email| {
        toml_file::email(source, &email)
            .map_err(|d| problems.push(d))
            .ok()
    });
    let joined = file.joined.and_then(|date| {
        toml_file::date(source, &date)
            .map_err(|d| problems.push(d))
            .ok()
    });
    if !problems.is_empty() {
        return Err(problems);
    }
    let (description, description_line) = file.description.map_or((String::new(), 1), |text| {
        toml_file::markdown_text(source, text)
    });
    Ok(Participant {
        id,
        source_file: source.name.clone(),
        short_name: file.short_name.unwrap_or_else(|| file.name.clone()),
        name: file.name,
        kind: file.kind,
        state: file.state,
        website,
        email,
        joined,
        description,
        description_line,
    })
}
