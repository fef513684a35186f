//! A descriptor's `[[resources]]`: a file of the site (`path`) or a link
//! (`url`), with its format, encoding, fields and accepted personal data.

use super::super::paths::resolve_in_site;
use super::super::toml_file;
use super::DescriptorContext;
use crate::diagnostics::{Diagnostic, SourceText};
use crate::model::{Field, Holds, PersonalDataAcceptance, Resource, ResourceLocation};
use crate::msg;
use crate::slug::slugify;
use serde::Deserialize;
use std::path::Path;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ResourceFile {
    title: Option<String>,
    path: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
    format: Option<String>,
    encoding: Option<Spanned<String>>,
    description: Option<Spanned<String>>,
    #[serde(default)]
    fields: Vec<FieldFile>,
    #[serde(default)]
    personal_data: Vec<PersonalDataFile>,
    primary_key: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FieldFile {
    name: String,
    #[serde(rename = "type")]
    field_type: Option<String>,
    #[serde(default)]
    description: String,
    holds: Option<Holds>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonalDataFile {
    column: String,
    reason: String,
}

/// The resources that load, slugs made unique; two local files published under one name are a problem.
pub(super) fn resources(
    context: &DescriptorContext,
    source: &SourceText,
    written: Vec<Spanned<ResourceFile>>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Resource> {
    let mut resources: Vec<Resource> = Vec::new();
    for resource in written {
        match parse_resource(context, source, resource) {
            Ok(resource) => {
                if let ResourceLocation::Local { file_name, source_file, .. } = &resource.location
                    && let Some(ResourceLocation::Local { source_file: other, .. }) = resources
                        .iter()
                        .map(|r| &r.location)
                        .find(|l| matches!(l, ResourceLocation::Local { file_name: f, .. } if f == file_name))
                {
                    problems.push(
                        Diagnostic::error(
                            &source.name,
                            msg!("load-same-published-name", first = source_file, second = other, name = file_name),
                        )
                        .help(msg!("load-same-published-name-help")),
                    );
                    continue;
                }
                let slug = unique_slug(&resource.slug, &resources);
                resources.push(Resource { slug, ..resource });
            }
            Err(mut errors) => problems.append(&mut errors),
        }
    }
    resources
}

fn parse_resource(
    context: &DescriptorContext,
    source: &SourceText,
    resource: Spanned<ResourceFile>,
) -> Result<Resource, Vec<Diagnostic>> {
    let at = resource.span().start;
    let resource = resource.into_inner();
    let mut problems = Vec::new();
    let location = location(context, source, at, &resource, &mut problems);
    if let Some(encoding) = &resource.encoding
        && encoding_rs::Encoding::for_label(encoding.get_ref().trim().as_bytes()).is_none()
    {
        problems.push(
            source
                .error(
                    encoding.span().start,
                    msg!("load-unknown-encoding", encoding = encoding.get_ref()),
                )
                .help(msg!("load-unknown-encoding-help")),
        );
    }
    let Some(location) = location.filter(|_| problems.is_empty()) else {
        return Err(problems);
    };
    let file_name = location_file_name(&location);
    let title = resource
        .title
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| file_name.clone());
    let (description, description_line) = resource.description.map_or((String::new(), 1), |text| {
        toml_file::markdown_text(source, text)
    });
    Ok(Resource {
        slug: resource_slug(&file_name, &title),
        format: resource
            .format
            .unwrap_or_else(|| format_from_name(&file_name)),
        title,
        location,
        encoding: resource
            .encoding
            .map(|e| e.into_inner().trim().to_lowercase()),
        description,
        description_line,
        fields: resource
            .fields
            .into_iter()
            .map(FieldFile::into_field)
            .collect(),
        personal_data: resource
            .personal_data
            .into_iter()
            .map(|p| PersonalDataAcceptance {
                column: p.column,
                reason: p.reason,
            })
            .collect(),
        primary_key: resource
            .primary_key
            .map(|key| key.trim().to_string())
            .filter(|key| !key.is_empty()),
    })
}

/// Where the resource is: exactly one of `path` (a file inside the site) and `url`.
fn location(
    context: &DescriptorContext,
    source: &SourceText,
    at: usize,
    resource: &ResourceFile,
    problems: &mut Vec<Diagnostic>,
) -> Option<ResourceLocation> {
    match (&resource.path, &resource.url) {
        (Some(_), Some(_)) => {
            problems.push(
                source
                    .error(at, msg!("load-resource-path-and-url"))
                    .help(msg!("load-resource-path-and-url-help")),
            );
            None
        }
        (None, None) => {
            problems.push(
                source
                    .error(at, msg!("load-resource-no-location"))
                    .help(msg!("load-resource-no-location-help")),
            );
            None
        }
        (Some(path), None) => {
            match resolve_in_site(context.site_root, context.folder, path.get_ref()) {
                Ok(real) => Some(ResourceLocation::Local {
                    source_file: crate::diagnostics::display_path(context.site_root, &real),
                    file_name: published_file_name(&real),
                    path: real,
                }),
                Err(problem) => {
                    let (message, help) = problem.explain(path.get_ref());
                    problems.push(source.error(path.span().start, message).help(help));
                    None
                }
            }
        }
        (None, Some(url)) => toml_file::url(source, url, &["http", "https"])
            .map(|url| ResourceLocation::Remote { url })
            .map_err(|d| problems.push(d))
            .ok(),
    }
}

/// The file name of a resource: as published, or the last segment of its URL.
fn location_file_name(location: &ResourceLocation) -> String {
    match location {
        ResourceLocation::Local { file_name, .. } => file_name.clone(),
        ResourceLocation::Remote { url } => url
            .split(['?', '#'])
            .next()
            .and_then(|u| u.trim_end_matches('/').rsplit('/').next())
            .unwrap_or_default()
            .to_string(),
    }
}

/// A resource's slug: its file name's stem, else its title, else `recurso`.
fn resource_slug(file_name: &str, title: &str) -> String {
    let stem = Path::new(file_name)
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let slug = Some(slugify(&stem))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| slugify(title));
    if slug.is_empty() {
        "recurso".to_string()
    } else {
        slug
    }
}

impl FieldFile {
    fn into_field(self) -> Field {
        Field {
            name: self.name,
            field_type: self.field_type,
            description: self.description,
            holds: self.holds,
        }
    }
}

/// The name a data file is published under: its stem slugified, its extension lower-case.
fn published_file_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| slugify(&s.to_string_lossy()))
        .unwrap_or_default();
    let stem = if stem.is_empty() {
        "archivo".to_string()
    } else {
        stem
    };
    match path.extension() {
        Some(ext) => format!("{stem}.{}", ext.to_string_lossy().to_lowercase()),
        None => stem,
    }
}

/// The usual name of a file format, from the file's extension.
pub(crate) fn format_from_name(file_name: &str) -> String {
    let extension = Path::new(file_name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "geojson" => "GeoJSON".to_string(),
        "" => "—".to_string(),
        other => other.to_uppercase(),
    }
}

fn unique_slug(slug: &str, taken: &[Resource]) -> String {
    let mut candidate = slug.to_string();
    let mut n = 2;
    while taken.iter().any(|r| r.slug == candidate) {
        candidate = format!("{slug}-{n}");
        n += 1;
    }
    candidate
}
