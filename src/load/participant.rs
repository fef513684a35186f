//! `participants/<id>/participant.toml`: who publishes.

use super::paths::resolve_in_site;
use super::toml_file;
use crate::diagnostics::{Diagnostic, SourceText, display_path};
use crate::model::{Boundary, Participant, ParticipantKind};
use crate::msg;
use serde::Deserialize;
use std::path::Path;
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
    boundary: Option<Spanned<String>>,
}

/// Parses and validates one `participant.toml` (in `folder`, of the site at
/// `site_root`, both canonical); every problem found is returned.
pub fn parse(
    id: String,
    source: &SourceText,
    site_root: &Path,
    folder: &Path,
) -> Result<Participant, Vec<Diagnostic>> {
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
    let boundary = file.boundary.and_then(|written| {
        boundary(source, site_root, folder, &written)
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
        boundary,
    })
}

/// `boundary`: a GeoJSON or KML file inside the site.
fn boundary(
    source: &SourceText,
    site_root: &Path,
    folder: &Path,
    written: &Spanned<String>,
) -> Result<Boundary, Diagnostic> {
    let at = written.span().start;
    let path = resolve_in_site(site_root, folder, written.get_ref()).map_err(|problem| {
        let (message, help) = problem.explain(written.get_ref());
        source.error(at, message).help(help)
    })?;
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !matches!(extension.as_str(), "geojson" | "json" | "kml") {
        return Err(source
            .error(at, msg!("load-boundary-format", path = written.get_ref()))
            .help(msg!("load-boundary-format-help")));
    }
    let (line, column) = source.line_column(at);
    Ok(Boundary {
        source_file: display_path(site_root, &path),
        path,
        line,
        column,
    })
}
