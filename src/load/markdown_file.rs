//! Stories and plain pages: Markdown with TOML front matter between `+++` lines.

use super::paths::resolve_in_site;
use super::toml_file;
use crate::diagnostics::{Diagnostic, SourceText};
use crate::model::{Page, Story, StoryFile};
use crate::msg;
use serde::Deserialize;
use std::path::Path;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoryFrontMatter {
    title: String,
    date: Spanned<toml::value::Datetime>,
    #[serde(default)]
    authors: Vec<String>,
    summary: Option<String>,
    #[serde(default)]
    datasets: Vec<Spanned<String>>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    draft: bool,
    cover: Option<Spanned<String>>,
    cover_alt: Option<String>,
}

/// Image files a story's cover may be.
pub(super) const IMAGE_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "gif", "webp", "svg", "avif"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PageFrontMatter {
    title: String,
    #[serde(default)]
    order: i64,
}

/// A story's dataset reference, kept with its place until every dataset is known.
pub struct DatasetReference {
    pub id: String,
    pub line: usize,
    pub column: usize,
}

/// Parses a story (`root`: the site folder, canonical, to find its cover);
/// its dataset references are returned to be checked once all datasets are
/// loaded. Every problem of its front matter is returned.
pub fn parse_story(
    id: String,
    participant: Option<String>,
    source: &SourceText,
    root: &Path,
) -> Result<(Story, Vec<DatasetReference>), Vec<Diagnostic>> {
    let (front, body, body_first_line) = split(source).map_err(|d| vec![d])?;
    let read = toml_file::parse::<StoryFrontMatter>(source, &front);
    let mut problems = read.problems;
    let Some(front) = read.value else {
        return Err(problems);
    };
    let date = toml_file::date(source, &front.date)
        .map_err(|d| problems.push(d))
        .ok();
    let cover = front.cover.as_ref().and_then(|written| {
        cover(source, root, written)
            .map_err(|d| problems.push(d))
            .ok()
    });
    let Some(date) = date.filter(|_| problems.is_empty()) else {
        return Err(problems);
    };
    let references = front
        .datasets
        .iter()
        .map(|d| {
            let (line, column) = source.line_column(d.span().start);
            DatasetReference {
                id: d.get_ref().clone(),
                line,
                column,
            }
        })
        .collect();
    let story = Story {
        id,
        participant,
        source_file: source.name.clone(),
        title: front.title,
        date,
        authors: front.authors,
        summary: front.summary.filter(|s| !s.trim().is_empty()),
        datasets: front
            .datasets
            .into_iter()
            .map(Spanned::into_inner)
            .collect(),
        tags: front.tags,
        draft: front.draft,
        cover,
        cover_alt: front.cover_alt.filter(|a| !a.trim().is_empty()),
        body,
        body_first_line,
    };
    Ok((story, references))
}

/// A story's cover: an image in the story's folder (or below it), so it is
/// published beside the story's page.
fn cover(
    source: &SourceText,
    root: &Path,
    written: &Spanned<String>,
) -> Result<StoryFile, Diagnostic> {
    let text = written.get_ref().trim();
    let at = written.span().start;
    let folder = root.join(Path::new(&source.name).parent().unwrap_or(Path::new("")));
    let folder = std::fs::canonicalize(&folder).unwrap_or(folder);
    let path = resolve_in_site(root, &folder, text).map_err(|problem| {
        let (message, _) = problem.explain(text);
        source
            .error(at, msg!("load-cover-problem", problem = message))
            .help(msg!("load-cover-problem-help"))
    })?;
    let relative = path
        .strip_prefix(&folder)
        .ok()
        .map(|r| {
            r.components()
                .map(|c| c.as_os_str().to_string_lossy().to_string())
                .collect::<Vec<_>>()
                .join("/")
        })
        .ok_or_else(|| {
            source
                .error(at, msg!("load-cover-outside", path = text))
                .help(msg!("load-cover-outside-help"))
        })?;
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !IMAGE_EXTENSIONS.contains(&extension.as_str()) {
        return Err(source
            .error(at, msg!("load-cover-not-image", path = text))
            .help(msg!(
                "load-cover-not-image-help",
                extensions = IMAGE_EXTENSIONS.join(", ")
            )));
    }
    Ok(StoryFile { relative, path })
}

pub fn parse_page(slug: String, source: &SourceText) -> Result<Page, Vec<Diagnostic>> {
    let (front, body, body_first_line) = split(source).map_err(|d| vec![d])?;
    let read = toml_file::parse::<PageFrontMatter>(source, &front);
    let Some(front) = read.value.filter(|_| read.problems.is_empty()) else {
        return Err(read.problems);
    };
    Ok(Page {
        slug,
        source_file: source.name.clone(),
        title: front.title,
        order: front.order,
        body,
        body_first_line,
    })
}

/// Splits a file into (front matter as TOML text, body, first line of the body).
/// The TOML text keeps the file's byte offsets, so its spans are the file's.
fn split(source: &SourceText) -> Result<(String, String, usize), Diagnostic> {
    let text = &source.text;
    let missing = || {
        Diagnostic::error(&source.name, msg!("load-no-front-matter"))
            .at_line(1)
            .help(msg!("load-no-front-matter-help"))
    };
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != "+++" {
        return Err(missing());
    }
    let mut offset = first_line_end;
    loop {
        if offset >= text.len() {
            return Err(
                Diagnostic::error(&source.name, msg!("load-front-matter-unclosed"))
                    .at_line(1)
                    .help(msg!("load-front-matter-unclosed-help")),
            );
        }
        let line_end = text[offset..]
            .find('\n')
            .map_or(text.len(), |i| offset + i + 1);
        if text[offset..line_end].trim_end() == "+++" {
            let front = format!(
                "{}{}",
                " ".repeat(first_line_end - 1) + "\n",
                &text[first_line_end..offset]
            );
            let body_first_line = text[..line_end].matches('\n').count() + 1;
            return Ok((front, text[line_end..].to_string(), body_first_line));
        }
        offset = line_end;
    }
}
