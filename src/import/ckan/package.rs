//! One CKAN package in abierto's terms: its organization becomes a
//! participant, tags keywords, groups categories, resources keep their URLs,
//! the licence is matched by id, address and title (never the portal's
//! default in its stead), and extras go to the DCAT field they stand for.

use crate::import::mapping::{self, LicenseMatch};
use crate::import::{
    ImportedDataset, ImportedParticipant, LicenseChoice, Note, ResourceFound, html,
};
use crate::msg;
use crate::slug::slugify;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The participant of packages that have no organization.
const NO_ORGANIZATION: &str = "sin-organizacion";

fn text(object: &Map<String, Value>, key: &str) -> Option<String> {
    match object.get(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn list<'a>(object: &'a Map<String, Value>, key: &str) -> Vec<&'a Map<String, Value>> {
    object
        .get(key)
        .and_then(Value::as_array)
        .map(|items| items.iter().filter_map(Value::as_object).collect())
        .unwrap_or_default()
}

/// The participant of a package (its organization), made and noted once.
pub fn participant_of(
    package: &Map<String, Value>,
    subject: &str,
    known: &BTreeMap<String, ImportedParticipant>,
    notes: &mut Vec<Note>,
) -> ImportedParticipant {
    let organization = package.get("organization").and_then(Value::as_object);
    let Some(org) =
        organization.filter(|o| text(o, "name").is_some() || text(o, "title").is_some())
    else {
        if !known.contains_key(NO_ORGANIZATION) {
            notes.push(Note {
                source: subject.to_string(),
                field: "organization".to_string(),
                message: msg!("import-no-organization"),
            });
        }
        let mut participant = ImportedParticipant::named(
            NO_ORGANIZATION.to_string(),
            NO_ORGANIZATION.to_string(),
            "Sin organización".to_string(),
            &mut Vec::new(),
            subject,
        );
        participant.kind_defaulted = true;
        return participant;
    };
    let name = text(org, "title")
        .or_else(|| text(org, "name"))
        .unwrap_or_default();
    let id = Some(slugify(&text(org, "name").unwrap_or_default()))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| slugify(&name));
    if let Some(participant) = known.get(&id) {
        return participant.clone();
    }
    let source_id = text(org, "id").unwrap_or_else(|| id.clone());
    let mut participant = ImportedParticipant::named(
        id,
        source_id,
        name,
        notes,
        &format!("{subject} › organization"),
    );
    participant.description = text(org, "description").unwrap_or_default();
    participant
}

/// The dataset of a package; `None` when it has neither name nor title.
pub fn dataset(
    package: &Map<String, Value>,
    participant: &str,
    source: String,
    site: Option<&str>,
) -> Option<ImportedDataset> {
    let name = text(package, "name");
    let title = text(package, "title").or_else(|| name.clone())?;
    let slug = Some(slugify(name.as_deref().unwrap_or(&title)))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| slugify(&title));
    if slug.is_empty() {
        return None;
    }
    let mut d = ImportedDataset {
        participant: participant.to_string(),
        source_id: text(package, "id").unwrap_or_else(|| slug.clone()),
        slug,
        source,
        source_page: site
            .zip(name.as_deref())
            .map(|(site, name)| format!("{}/dataset/{name}", site.trim_end_matches('/'))),
        title,
        ..ImportedDataset::default()
    };
    if let Some(notes) = text(package, "notes") {
        d.description = match html::is_html(&notes)
            .then(|| html::to_markdown(&notes))
            .flatten()
        {
            Some(markdown) => {
                d.note("notes", msg!("import-html-converted"));
                markdown
            }
            None => notes,
        };
    }
    for tag in list(package, "tags") {
        if let Some(keyword) = text(tag, "display_name").or_else(|| text(tag, "name")) {
            d.add_keyword(&keyword);
        }
    }
    for group in list(package, "groups") {
        if let Some(title) = text(group, "title")
            .or_else(|| text(group, "display_name"))
            .or_else(|| text(group, "name"))
        {
            d.add_category(&title);
        }
    }
    d.license = license(package, &mut d);
    if let Some(created) = text(package, "metadata_created") {
        d.set_date("metadata_created", &created, |d| &mut d.issued);
    }
    if let Some(modified) = text(package, "metadata_modified") {
        d.set_date("metadata_modified", &modified, |d| &mut d.modified);
    }
    contact_and_source(package, &mut d);
    for extra in list(package, "extras") {
        let (Some(key), Some(value)) = (text(extra, "key"), text(extra, "value")) else {
            continue;
        };
        map_extra(&mut d, &key, &value);
    }
    for (index, resource) in list(package, "resources").into_iter().enumerate() {
        d.add_resource(
            format!("resources[{}]", index + 1),
            ResourceFound {
                title: text(resource, "name"),
                url: text(resource, "url"),
                format: text(resource, "format").or_else(|| text(resource, "mimetype")),
                description: text(resource, "description"),
            },
        );
    }
    Some(d)
}

/// The package's contact, and its source page and version kept as notes.
fn contact_and_source(package: &Map<String, Value>, d: &mut ImportedDataset) {
    d.contact_name = text(package, "maintainer").or_else(|| text(package, "author"));
    let email = [
        ("maintainer_email", text(package, "maintainer_email")),
        ("author_email", text(package, "author_email")),
    ]
    .into_iter()
    .find_map(|(key, value)| Some((key, value?)));
    if let Some((key, email)) = email {
        d.set_contact_email(key, email);
    }
    if let Some(url) = text(package, "url") {
        d.note("url", msg!("import-source-page", url = url));
    }
    if let Some(version) = text(package, "version") {
        d.note("version", msg!("import-version", version = version));
    }
}

/// The licence by `license_id`, `license_url` and `license_title`.
fn license(package: &Map<String, Value>, d: &mut ImportedDataset) -> LicenseChoice {
    let id = text(package, "license_id");
    let title = text(package, "license_title");
    let url = text(package, "license_url").and_then(|u| mapping::web_url(&u));
    if id.is_none() && title.is_none() && url.is_none() {
        d.note("license_id", msg!("import-license-none"));
        return LicenseChoice::NotDeclared { url: None };
    }
    let by_id = mapping::license(id.as_deref(), url.as_deref());
    let by_title = mapping::license(title.as_deref(), None);
    let found = match (by_id, by_title) {
        (LicenseMatch::BuiltIn(id), _) | (_, LicenseMatch::BuiltIn(id)) => {
            LicenseMatch::BuiltIn(id)
        }
        (LicenseMatch::NotDeclared, _) | (_, LicenseMatch::NotDeclared) => {
            LicenseMatch::NotDeclared
        }
        _ => LicenseMatch::Unknown,
    };
    let named = title.or(id).unwrap_or_default();
    match found {
        LicenseMatch::BuiltIn(id) => LicenseChoice::Id(id.to_string()),
        LicenseMatch::NotDeclared => {
            d.note(
                "license_id",
                msg!("import-license-not-declared", name = &named),
            );
            LicenseChoice::NotDeclared { url }
        }
        LicenseMatch::Unknown => {
            if url.is_none() {
                d.note(
                    "license_url",
                    msg!("import-license-no-address", name = &named),
                );
            }
            LicenseChoice::Custom { name: named, url }
        }
    }
}

/// Puts a CKAN extra where DCAT has a field for it, or keeps it as a note.
fn map_extra(d: &mut ImportedDataset, key: &str, value: &str) {
    let field = format!("extras.{key}");
    let normal = slugify(key).replace('-', "_");
    match normal.as_str() {
        "temporal" | "temporal_coverage" | "cobertura_temporal" | "periodo" => {
            d.set_temporal(&field, value)
        }
        "temporal_start" | "temporal_end" => match crate::import::dates::date(value) {
            Some(day) => {
                let (start, end) = d.temporal.unwrap_or((None, None));
                d.temporal = Some(if normal == "temporal_start" {
                    (Some(day), end)
                } else {
                    (start, Some(day))
                });
            }
            None => d.note(field, msg!("import-not-a-date", value = value)),
        },
        "spatial" | "spatial_text" | "cobertura_geografica" | "cobertura_espacial" | "coverage" => {
            if value.trim_start().starts_with('{') {
                d.note(field, msg!("import-extra-geometry"));
            } else {
                d.spatial = Some(value.to_string());
            }
        }
        "frequency"
        | "accrualperiodicity"
        | "accrual_periodicity"
        | "periodicity"
        | "frecuencia"
        | "frecuencia_de_actualizacion"
        | "update_frequency" => d.set_frequency(&field, value),
        "issued" | "fecha_de_publicacion" => d.set_date(&field, value, |d| &mut d.issued),
        "modified" | "fecha_de_actualizacion" => d.set_date(&field, value, |d| &mut d.modified),
        _ => d.note(
            field,
            msg!("import-other-key", key = key, value = format!("{value:?}")),
        ),
    }
}
