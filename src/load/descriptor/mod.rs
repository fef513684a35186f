//! Dataset descriptors: any `*.toml` under a participant but `participant.toml`.

mod resource;

pub(crate) use resource::format_from_name;

use super::ids;
use super::portal::{LicenseFile, unknown_license};
use super::toml_file;
use crate::diagnostics::{Diagnostic, SourceText};
use crate::model::{Contact, Dataset, Frequency, License, Portal, Status, Temporal};
use crate::msg;
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
    resources: Vec<Spanned<resource::ResourceFile>>,
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
    let toml_file::Read {
        value,
        mut problems,
        dropped,
    } = toml_file::parse::<DescriptorFile>(source, &source.text);
    let Some(file) = value else {
        return Err(problems);
    };
    let portal = context.portal;
    let (description, description_line) = texts(
        source,
        &file.title,
        file.description,
        &dropped,
        &mut problems,
    );
    let keywords = keywords(source, file.keywords, &mut problems);
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
    let license = match (&file.license, dropped.key("license")) {
        (None, true) => None,
        _ => license(source, file.license, portal, &mut problems),
    };
    let categories = categories(source, &file.categories, portal, &mut problems);
    let contact = file.contact.map(|c| contact(source, c, &mut problems));
    let resources_dropped = dropped.key("resources") || dropped.key("status");
    if file.status == Status::Published && file.resources.is_empty() && !resources_dropped {
        problems.push(no_resource(source));
    }
    let resources = resource::resources(context, source, file.resources, &mut problems);
    let former_ids = former_ids(source, &file.former_ids, &mut problems);
    // A missing licence is always a problem reported (or a dropped value).
    let Some(license) = license.filter(|_| problems.is_empty()) else {
        return Err(problems);
    };
    Ok(Dataset {
        id: ids::dataset_id(context.participant, &context.slug),
        participant: context.participant.to_string(),
        slug: context.slug.clone(),
        source_file: source.name.clone(),
        title: file.title,
        description,
        description_line,
        keywords: keywords
            .into_iter()
            .filter(|k| !k.trim().is_empty())
            .collect(),
        categories,
        license,
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

/// The contact, its `email` checked.
fn contact(source: &SourceText, file: ContactFile, problems: &mut Vec<Diagnostic>) -> Contact {
    Contact {
        name: file.name,
        email: file.email.and_then(|e| {
            toml_file::email(source, &e)
                .map_err(|d| problems.push(d))
                .ok()
        }),
    }
}

/// A published dataset lists at least one resource (else it is `planned`).
fn no_resource(source: &SourceText) -> Diagnostic {
    Diagnostic::error(&source.name, msg!("load-dataset-no-resource"))
        .help(msg!("load-dataset-no-resource-help"))
}

/// The description and its first line; an empty title or description is a
/// problem (unless it is written wrong, and reported already).
fn texts(
    source: &SourceText,
    title: &str,
    description: Spanned<String>,
    dropped: &toml_file::Dropped,
    problems: &mut Vec<Diagnostic>,
) -> (String, usize) {
    if title.trim().is_empty() && !dropped.key("title") {
        problems.push(
            Diagnostic::error(&source.name, msg!("load-dataset-empty-title"))
                .help(msg!("load-dataset-empty-title-help")),
        );
    }
    let (description, description_line) = toml_file::markdown_text(source, description);
    if description.trim().is_empty() && !dropped.key("description") {
        problems.push(
            Diagnostic::error(&source.name, msg!("load-dataset-empty-description"))
                .help(msg!("load-dataset-empty-description-help")),
        );
    }
    (description, description_line)
}

/// The keywords as written; more than [`MAX_KEYWORDS`] is a problem.
fn keywords(
    source: &SourceText,
    keywords: Option<Spanned<Vec<String>>>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let Some(keywords) = keywords else {
        return Vec::new();
    };
    let at = keywords.span().start;
    let keywords = keywords.into_inner();
    if keywords.len() > MAX_KEYWORDS {
        problems.push(
            source
                .error(
                    at,
                    msg!(
                        "load-too-many-keywords",
                        count = keywords.len(),
                        max = MAX_KEYWORDS
                    ),
                )
                .help(msg!("load-too-many-keywords-help")),
        );
    }
    keywords
}

/// The dataset's licence, or the portal's default; `None` only when a problem is reported.
fn license(
    source: &SourceText,
    written: Option<Spanned<LicenseField>>,
    portal: &Portal,
    problems: &mut Vec<Diagnostic>,
) -> Option<License> {
    match written {
        Some(value) => dataset_license(source, value, portal)
            .map_err(|d| problems.push(d))
            .ok(),
        None => {
            if portal.default_license.is_none() {
                problems.push(
                    Diagnostic::error(&source.name, msg!("load-dataset-no-license"))
                        .help(msg!("load-dataset-no-license-help")),
                );
            }
            portal.default_license.clone()
        }
    }
}

/// The categories portal.toml declares; each unknown one is a problem.
fn categories(
    source: &SourceText,
    written: &[Spanned<String>],
    portal: &Portal,
    problems: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut categories = Vec::new();
    for category in written {
        let id = category.get_ref();
        if portal.categories.iter().any(|c| c.id == *id) {
            categories.push(id.clone());
            continue;
        }
        let known: Vec<String> = portal.categories.iter().map(|c| c.id.clone()).collect();
        let help = match toml_file::nearest(id, &known) {
            Some(best) => msg!("load-unknown-category-nearest", nearest = best),
            None => msg!("load-unknown-category-declare", known = known.join(", ")),
        };
        problems.push(
            source
                .error(
                    category.span().start,
                    msg!("load-unknown-category", id = id),
                )
                .help(help),
        );
    }
    categories
}

/// The former ids, each a dataset id listed once.
fn former_ids(
    source: &SourceText,
    written: &[Spanned<String>],
    problems: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut former_ids: Vec<String> = Vec::new();
    for former in written {
        match ids::written_dataset_id(former.get_ref()) {
            Ok(id) if former_ids.contains(&id) => problems.push(
                source
                    .error(former.span().start, msg!("load-former-id-twice", id = &id))
                    .help(msg!("load-former-id-twice-help")),
            ),
            Ok(id) => former_ids.push(id),
            Err(help) => problems.push(
                source
                    .error(
                        former.span().start,
                        msg!("load-not-a-dataset-id", id = former.get_ref()),
                    )
                    .help(help),
            ),
        }
    }
    former_ids
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
