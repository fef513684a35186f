//! Dataset descriptors: any `*.toml` under a participant but `participant.toml`.

use super::paths::resolve_in_site;
use super::portal::{LicenseFile, unknown_license};
use super::toml_file;
use crate::diagnostics::{Diagnostic, SourceText};
use crate::model::{
    Contact, Dataset, Field, Frequency, License, PersonalDataAcceptance, Portal, Resource,
    ResourceLocation, Status, Temporal,
};
use crate::slug::slugify;
use serde::Deserialize;
use std::path::Path;
use toml::Spanned;
use toml::value::Datetime;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DescriptorFile {
    title: String,
    description: Spanned<String>,
    keywords: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    categories: Vec<Spanned<String>>,
    license: Option<Spanned<LicenseField>>,
    #[serde(default)]
    status: Status,
    issued: Option<Spanned<Datetime>>,
    modified: Option<Spanned<Datetime>>,
    frequency: Option<Frequency>,
    temporal: Option<TemporalFile>,
    spatial: Option<String>,
    contact: Option<ContactFile>,
    expected: Option<Spanned<Datetime>>,
    #[serde(default)]
    resources: Vec<Spanned<ResourceFile>>,
    /// Ids the dataset had before it was renamed; their addresses redirect here.
    #[serde(default)]
    former_ids: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TemporalFile {
    start: Option<Spanned<Datetime>>,
    end: Option<Spanned<Datetime>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContactFile {
    name: Option<String>,
    email: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ResourceFile {
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
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FieldFile {
    name: String,
    #[serde(rename = "type")]
    field_type: Option<String>,
    #[serde(default)]
    description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonalDataFile {
    column: String,
    reason: String,
}

/// Each keyword is a page of the portal and a facet value: more than this
/// many in one dataset is a mistake (a pasted column, a generated list).
pub const MAX_KEYWORDS: usize = 100;

/// Where a descriptor is and what it may refer to.
pub struct DescriptorContext<'a> {
    /// The canonical site folder.
    pub site_root: &'a Path,
    /// The canonical folder holding the descriptor.
    pub folder: &'a Path,
    pub participant: &'a str,
    pub slug: String,
    pub portal: &'a Portal,
}

/// Parses and validates one descriptor; every problem found is returned.
pub fn parse(context: &DescriptorContext, source: &SourceText) -> Result<Dataset, Vec<Diagnostic>> {
    let file: DescriptorFile = toml_file::parse(source, &source.text).map_err(|d| vec![d])?;
    let mut problems = Vec::new();
    let portal = context.portal;

    if file.title.trim().is_empty() {
        problems.push(
            Diagnostic::error(&source.name, "the dataset's `title` is empty")
                .help("write a title that says what the data are"),
        );
    }
    let (description, description_line) = toml_file::markdown_text(source, file.description);
    if description.trim().is_empty() {
        problems.push(
            Diagnostic::error(&source.name, "the dataset's `description` is empty").help(
                "describe what the data contain, where they come from and how they are updated",
            ),
        );
    }

    let keywords = file.keywords.map(|k| (k.span().start, k.into_inner()));
    if let Some((at, keywords)) = &keywords
        && keywords.len() > MAX_KEYWORDS
    {
        problems.push(
            source
                .error(
                    *at,
                    format!(
                        "the dataset has {} keywords; a dataset may have at most {MAX_KEYWORDS}",
                        keywords.len()
                    ),
                )
                .help("keep the words people search for; themes go in `categories`"),
        );
    }

    let mut date = |value: Option<Spanned<Datetime>>| {
        value.and_then(|d| {
            toml_file::date(source, &d)
                .map_err(|e| problems.push(e))
                .ok()
        })
    };
    let issued = date(file.issued);
    let modified = date(file.modified);
    let expected = date(file.expected);
    let temporal = file.temporal.map(|t| Temporal {
        start: date(t.start),
        end: date(t.end),
    });

    let license = match file.license {
        Some(value) => dataset_license(source, value, portal)
            .map_err(|d| problems.push(d))
            .ok(),
        None => {
            if portal.default_license.is_none() {
                problems.push(
                    Diagnostic::error(&source.name, "the dataset has no licence")
                        .help("add `license = \"libre-uso-mx\"` (or another licence id), or set `default_license` in portal.toml"),
                );
            }
            portal.default_license.clone()
        }
    };

    let mut categories = Vec::new();
    for category in &file.categories {
        let id = category.get_ref();
        if portal.categories.iter().any(|c| c.id == *id) {
            categories.push(id.clone());
        } else {
            let known: Vec<String> = portal.categories.iter().map(|c| c.id.clone()).collect();
            let help = match toml_file::nearest(id, &known) {
                Some(best) => {
                    format!("did you mean `{best}`? Categories are declared in portal.toml")
                }
                None => format!(
                    "declare it in portal.toml as a `[[categories]]` table, or use one of: {}",
                    known.join(", ")
                ),
            };
            problems.push(
                source
                    .error(category.span().start, format!("unknown category `{id}`"))
                    .help(help),
            );
        }
    }

    let contact = file.contact.map(|c| Contact {
        name: c.name,
        email: c.email.and_then(|e| {
            toml_file::email(source, &e)
                .map_err(|d| problems.push(d))
                .ok()
        }),
    });

    if file.status == Status::Published && file.resources.is_empty() {
        problems.push(
            Diagnostic::error(
                &source.name,
                "a published dataset needs at least one resource",
            )
            .help(
                "add a `[[resources]]` table with a `path` or `url`, or set `status = \"planned\"`",
            ),
        );
    }

    let mut resources: Vec<Resource> = Vec::new();
    for resource in file.resources {
        match parse_resource(context, source, resource) {
            Ok(resource) => {
                if let ResourceLocation::Local { file_name, source_file, .. } = &resource.location
                    && let Some(ResourceLocation::Local { source_file: other, .. }) = resources
                        .iter()
                        .map(|r| &r.location)
                        .find(|l| matches!(l, ResourceLocation::Local { file_name: f, .. } if f == file_name))
                {
                    problems.push(
                        Diagnostic::error(&source.name, format!("`{source_file}` and `{other}` would both be published as `{file_name}`"))
                            .help("rename one of the two files"),
                    );
                    continue;
                }
                let slug = unique_slug(&resource.slug, &resources);
                resources.push(Resource { slug, ..resource });
            }
            Err(mut errors) => problems.append(&mut errors),
        }
    }

    let mut former_ids: Vec<String> = Vec::new();
    for former in &file.former_ids {
        match former_id(former.get_ref()) {
            Ok(id) if former_ids.contains(&id) => problems.push(
                source
                    .error(
                        former.span().start,
                        format!("`{id}` is listed twice in `former_ids`"),
                    )
                    .help("keep one of the two"),
            ),
            Ok(id) => former_ids.push(id),
            Err(help) => problems.push(
                source
                    .error(
                        former.span().start,
                        format!("`{}` is not a dataset id", former.get_ref()),
                    )
                    .help(help),
            ),
        }
    }

    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Dataset {
        id: format!("{}/{}", context.participant, context.slug),
        participant: context.participant.to_string(),
        slug: context.slug.clone(),
        source_file: source.name.clone(),
        title: file.title,
        description,
        description_line,
        keywords: keywords
            .map(|(_, k)| k)
            .unwrap_or_default()
            .into_iter()
            .filter(|k| !k.trim().is_empty())
            .collect(),
        categories,
        license: license.expect("a missing licence is reported above"),
        status: file.status,
        issued,
        modified,
        frequency: file.frequency,
        temporal,
        spatial: file.spatial,
        contact,
        expected,
        resources,
        former_ids,
    })
}

/// A former id as written: `participant/slug`, both parts already URL segments.
fn former_id(text: &str) -> Result<String, String> {
    let example = "write it as `participant/old-name`, the participant's folder and the old descriptor's file name without .toml";
    let Some((participant, slug)) = text.trim().split_once('/') else {
        return Err(example.to_string());
    };
    let (want_participant, want_slug) = (slugify(participant), slugify(slug));
    if want_participant.is_empty() || want_slug.is_empty() {
        return Err(example.to_string());
    }
    if want_participant != participant || want_slug != slug {
        return Err(format!("write it as `{want_participant}/{want_slug}`"));
    }
    Ok(format!("{participant}/{slug}"))
}

fn dataset_license(
    source: &SourceText,
    value: Spanned<LicenseField>,
    portal: &Portal,
) -> Result<License, Diagnostic> {
    let span = value.span();
    match value.into_inner() {
        LicenseField::Id(id) => {
            let id = Spanned::new(span, id);
            portal
                .license(id.get_ref())
                .cloned()
                .ok_or_else(|| unknown_license(source, &id, &portal.licenses))
        }
        LicenseField::Custom(declared) => declared.validate(source),
    }
}

/// `license = "id"` or a `[license]` table declaring a licence of the dataset's own.
enum LicenseField {
    Id(String),
    Custom(LicenseFile),
}

impl<'de> Deserialize<'de> for LicenseField {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LicenseVisitor;
        impl<'de> serde::de::Visitor<'de> for LicenseVisitor {
            type Value = LicenseField;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(
                    "a licence id such as \"cc-by-4.0\", or a table with `id`, `name` and `url`",
                )
            }
            fn visit_str<E: serde::de::Error>(self, id: &str) -> Result<LicenseField, E> {
                Ok(LicenseField::Id(id.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<LicenseField, A::Error> {
                LicenseFile::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(LicenseField::Custom)
            }
        }
        deserializer.deserialize_any(LicenseVisitor)
    }
}

fn parse_resource(
    context: &DescriptorContext,
    source: &SourceText,
    resource: Spanned<ResourceFile>,
) -> Result<Resource, Vec<Diagnostic>> {
    let at = resource.span().start;
    let resource = resource.into_inner();
    let mut problems = Vec::new();

    let location = match (&resource.path, &resource.url) {
        (Some(_), Some(_)) => {
            problems.push(
                source
                    .error(at, "this resource has both `path` and `url`")
                    .help(
                        "keep `path` for a file in the site, or `url` for a file hosted elsewhere",
                    ),
            );
            None
        }
        (None, None) => {
            problems.push(
                source
                    .error(at, "this resource has neither `path` nor `url`")
                    .help("add `path = \"datos/archivo.csv\"` (relative to this file) or `url = \"https://…\"`"),
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
    };

    if let Some(encoding) = &resource.encoding
        && encoding_rs::Encoding::for_label(encoding.get_ref().trim().as_bytes()).is_none()
    {
        problems.push(
            source
                .error(
                    encoding.span().start,
                    format!("unknown encoding `{}`", encoding.get_ref()),
                )
                .help("use a standard label such as `utf-8`, `windows-1252` or `iso-8859-1`"),
        );
    }

    let Some(location) = location.filter(|_| problems.is_empty()) else {
        return Err(problems);
    };
    let file_name = match &location {
        ResourceLocation::Local { file_name, .. } => file_name.clone(),
        ResourceLocation::Remote { url } => url
            .split(['?', '#'])
            .next()
            .and_then(|u| u.trim_end_matches('/').rsplit('/').next())
            .unwrap_or_default()
            .to_string(),
    };
    let stem = Path::new(&file_name)
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let title = resource
        .title
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| file_name.clone());
    let slug = Some(slugify(&stem))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| slugify(&title));
    let (description, description_line) = resource.description.map_or((String::new(), 1), |text| {
        toml_file::markdown_text(source, text)
    });
    Ok(Resource {
        slug: if slug.is_empty() {
            "recurso".to_string()
        } else {
            slug
        },
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
            .map(|f| Field {
                name: f.name,
                field_type: f.field_type,
                description: f.description,
            })
            .collect(),
        personal_data: resource
            .personal_data
            .into_iter()
            .map(|p| PersonalDataAcceptance {
                column: p.column,
                reason: p.reason,
            })
            .collect(),
    })
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
fn format_from_name(file_name: &str) -> String {
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
