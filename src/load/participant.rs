//! `participants/<id>/participant.toml`: who publishes, and its own portal (`[portal]`).

use super::markdown_file::IMAGE_EXTENSIONS;
use super::{paths, portal, toml_file};
use crate::diagnostics::{Diagnostic, SourceText, display_path};
use crate::model::{
    Boundary, LogoFile, PageChoice, Participant, ParticipantKind, ParticipantPortal,
};
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
    portal: Option<PortalTable>,
}

/// `[portal]`: the participant's own portal.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PortalTable {
    title: Option<String>,
    base_url: Spanned<String>,
    description: Option<Spanned<String>>,
    logo: Option<Spanned<String>>,
    accent_color: Option<Spanned<String>>,
    pages: Option<Vec<Spanned<String>>>,
}

/// Where a participant.toml is: the site folder and the participant's folder, both canonical.
pub struct Folders<'a> {
    pub site_root: &'a Path,
    pub participant: &'a Path,
}

/// Parses and validates one `participant.toml`; every problem found is returned.
pub fn parse(
    id: String,
    source: &SourceText,
    folders: &Folders,
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
        boundary(source, folders, &written)
            .map_err(|d| problems.push(d))
            .ok()
    });
    let own_portal = file
        .portal
        .map(|table| own_portal(source, table, folders, &mut problems));
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
        portal: own_portal,
        pages: Vec::new(),
    })
}

/// `boundary`: a GeoJSON or KML file inside the site.
fn boundary(
    source: &SourceText,
    folders: &Folders,
    written: &Spanned<String>,
) -> Result<Boundary, Diagnostic> {
    let at = written.span().start;
    let path = paths::resolve_in_site(folders.site_root, folders.participant, written.get_ref())
        .map_err(|problem| {
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
        source_file: display_path(folders.site_root, &path),
        path,
        line,
        column,
    })
}

/// `[portal]`, validated; its problems join `problems`.
fn own_portal(
    source: &SourceText,
    table: PortalTable,
    folders: &Folders,
    problems: &mut Vec<Diagnostic>,
) -> ParticipantPortal {
    let mut report = |d: Diagnostic| problems.push(d);
    let base_url = portal::base_url(source, &table.base_url).unwrap_or_else(|d| {
        report(d);
        String::new()
    });
    let accent_color = table.accent_color.and_then(|colour| {
        portal::accent_color(source, &colour)
            .map_err(&mut report)
            .ok()
    });
    let logo = table
        .logo
        .and_then(|logo| logo_file(source, &logo, folders).map_err(report).ok());
    let (description, description_line) = match table.description {
        Some(text) => {
            let (text, line) = toml_file::markdown_text(source, text);
            (Some(text), line)
        }
        None => (None, 1),
    };
    let pages = table.pages.map(|pages| {
        pages
            .into_iter()
            .map(|slug| {
                let (line, column) = source.line_column(slug.span().start);
                PageChoice {
                    slug: slug.into_inner().trim().to_string(),
                    line,
                    column,
                }
            })
            .collect()
    });
    ParticipantPortal {
        title: table.title.filter(|t| !t.trim().is_empty()),
        base_url,
        base_url_line: source.line_column(table.base_url.span().start).0,
        description,
        description_line,
        logo,
        accent_color,
        pages,
    }
}

/// The portal's `logo`: an image in the participant's folder.
fn logo_file(
    source: &SourceText,
    written: &Spanned<String>,
    folders: &Folders,
) -> Result<LogoFile, Diagnostic> {
    let text = written.get_ref().trim();
    let at = written.span().start;
    let path = paths::resolve_in_site(folders.site_root, folders.participant, text).map_err(
        |problem| {
            let (message, help) = problem.explain(text);
            source.error(at, message).help(help)
        },
    )?;
    if !path.starts_with(folders.participant) {
        return Err(source
            .error(at, msg!("load-portal-logo-outside", path = text))
            .help(msg!("load-portal-logo-outside-help")));
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if !extension.is_some_and(|e| IMAGE_EXTENSIONS.contains(&e.as_str())) {
        return Err(source
            .error(at, msg!("load-portal-logo-kind", path = text))
            .help(msg!(
                "load-portal-logo-kind-help",
                extensions = IMAGE_EXTENSIONS.join(", ")
            )));
    }
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    Ok(LogoFile { file_name, path })
}
