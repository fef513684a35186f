//! CKAN API responses (`package_show`, `package_search`, a list of packages)
//! read into an [`Imported`] catalog: organizations become participants, tags
//! keywords, groups categories (when portal.toml declares them), resources keep
//! their URLs, and extras go to the DCAT field they stand for.

use super::mapping;
use super::{Imported, ImportedDataset, ImportedParticipant, LicenseChoice};
use crate::messages::{Arg, Message};
use crate::msg;
use crate::scaffold::Refusal;
use crate::slug::slugify;
use serde_json::Value;
use std::collections::BTreeMap;

/// The participant of packages that have no organization.
const NO_ORGANIZATION: &str = "sin-organizacion";

/// Reads a CKAN API response. `categories` are the site's (id, title).
pub fn read_ckan(text: &str, categories: &[(String, String)]) -> Result<Imported, Refusal> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        Refusal::new(
            msg!("import-not-json", error = e.to_string()),
            msg!("import-not-json-help"),
        )
    })?;
    let packages = packages(&value)?;
    let mut imported = Imported::default();
    let mut participants: BTreeMap<String, ImportedParticipant> = BTreeMap::new();
    for (index, package) in packages.iter().enumerate() {
        let Some(package) = package.as_object() else {
            imported
                .notes
                .push((package_subject(index), msg!("import-package-not-object")));
            continue;
        };
        let participant = participant_of(package);
        if participant.id == NO_ORGANIZATION && !participants.contains_key(NO_ORGANIZATION) {
            imported
                .notes
                .push((NO_ORGANIZATION.to_string(), msg!("import-no-organization")));
        }
        if !participants.contains_key(&participant.id) && participant.kind_defaulted {
            imported.notes.push((
                participant.id.clone(),
                msg!("import-kind-unknown", name = &participant.name),
            ));
        }
        let participant_id = participant.id.clone();
        participants
            .entry(participant.id.clone())
            .or_insert(participant);
        match dataset(package, &participant_id, categories) {
            Some(dataset) => imported.datasets.push(dataset),
            None => imported
                .notes
                .push((package_subject(index), msg!("import-package-nameless"))),
        }
    }
    imported.participants = participants.into_values().collect();
    Ok(imported)
}

/// The subject of a note about the `index`th package (counted from 1): `#3`.
///
/// Subjects are the same in every language: a dataset id, a file, or this.
fn package_subject(index: usize) -> String {
    format!("#{}", index + 1)
}

/// The packages of any of the answers CKAN gives.
fn packages(value: &Value) -> Result<Vec<Value>, Refusal> {
    if value.get("success") == Some(&Value::Bool(false)) {
        let message = value
            .pointer("/error/message")
            .and_then(Value::as_str)
            .map_or_else(|| Arg::from(msg!("import-ckan-error-none")), Arg::from);
        return Err(Refusal::new(
            msg!("import-ckan-error", message = message),
            msg!("import-ckan-error-help"),
        ));
    }
    let found = match value {
        Value::Array(list) => Some(list.clone()),
        Value::Object(object) => match object.get("result") {
            Some(Value::Array(list)) => Some(list.clone()),
            Some(Value::Object(result)) => match result.get("results") {
                Some(Value::Array(list)) => Some(list.clone()),
                _ if result.contains_key("name") => Some(vec![Value::Object(result.clone())]),
                _ => None,
            },
            _ if object.contains_key("name") && object.contains_key("resources") => {
                Some(vec![value.clone()])
            }
            _ => None,
        },
        _ => None,
    };
    found.ok_or_else(|| Refusal::new(msg!("import-no-packages"), msg!("import-no-packages-help")))
}

fn text(object: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
    match object.get(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn participant_of(package: &serde_json::Map<String, Value>) -> ImportedParticipant {
    let organization = package.get("organization").and_then(Value::as_object);
    let Some(org) =
        organization.filter(|o| text(o, "name").is_some() || text(o, "title").is_some())
    else {
        return ImportedParticipant {
            id: NO_ORGANIZATION.to_string(),
            name: "Sin organización".to_string(),
            kind: "organizacion",
            kind_defaulted: true,
            description: String::new(),
            website: None,
            email: None,
        };
    };
    let name = text(org, "title")
        .or_else(|| text(org, "name"))
        .unwrap_or_default();
    let id = Some(slugify(&text(org, "name").unwrap_or_default()))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| slugify(&name));
    let kind = mapping::participant_kind(&name);
    ImportedParticipant {
        id,
        kind: kind.unwrap_or("organizacion"),
        kind_defaulted: kind.is_none(),
        description: text(org, "description").unwrap_or_default(),
        website: None,
        email: None,
        name,
    }
}

fn dataset(
    package: &serde_json::Map<String, Value>,
    participant: &str,
    categories: &[(String, String)],
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
        slug,
        title,
        description: text(package, "notes").unwrap_or_default(),
        ..ImportedDataset::default()
    };
    for tag in list(package, "tags") {
        if let Some(keyword) = text(tag, "display_name").or_else(|| text(tag, "name"))
            && !d.keywords.contains(&keyword)
        {
            d.keywords.push(keyword);
        }
    }
    for group in list(package, "groups") {
        let group_name = text(group, "name").unwrap_or_default();
        let group_title = text(group, "title")
            .or_else(|| text(group, "display_name"))
            .unwrap_or_else(|| group_name.clone());
        let found = mapping::category_for(&group_name, &group_title, categories);
        d.add_category(found, "group", &group_title);
    }
    d.license = license(package, &mut d.unmapped);
    d.issued = text(package, "metadata_created").and_then(|t| mapping::date(&t));
    d.modified = text(package, "metadata_modified").and_then(|t| mapping::date(&t));
    contact_and_source(package, &mut d);
    for extra in list(package, "extras") {
        let (Some(key), Some(value)) = (text(extra, "key"), text(extra, "value")) else {
            continue;
        };
        map_extra(&mut d, &key, &value);
    }
    for (index, resource) in list(package, "resources").into_iter().enumerate() {
        d.add_resource(
            text(resource, "name").unwrap_or_else(|| format!("Recurso {}", index + 1)),
            text(resource, "url"),
            text(resource, "format"),
            text(resource, "description"),
        );
    }
    Some(d)
}

/// The package's contact, and its source page and version kept as notes.
fn contact_and_source(package: &serde_json::Map<String, Value>, d: &mut ImportedDataset) {
    d.contact_name = text(package, "maintainer").or_else(|| text(package, "author"));
    if let Some(email) = text(package, "maintainer_email").or_else(|| text(package, "author_email"))
    {
        d.set_contact_email(email);
    }
    if let Some(url) = text(package, "url") {
        d.unmapped.push(msg!("import-source-page", url = url));
    }
    if let Some(version) = text(package, "version") {
        d.unmapped.push(msg!("import-version", version = version));
    }
}

fn list<'a>(
    object: &'a serde_json::Map<String, Value>,
    key: &str,
) -> Vec<&'a serde_json::Map<String, Value>> {
    object
        .get(key)
        .and_then(Value::as_array)
        .map(|items| items.iter().filter_map(Value::as_object).collect())
        .unwrap_or_default()
}

fn license(package: &serde_json::Map<String, Value>, unmapped: &mut Vec<Message>) -> LicenseChoice {
    let id = text(package, "license_id");
    let title = text(package, "license_title");
    let url = text(package, "license_url");
    for candidate in [&id, &url, &title].into_iter().flatten() {
        if let Some(known) = mapping::license_id(candidate) {
            return LicenseChoice::Id(known.to_string());
        }
    }
    match (id, title, url) {
        (Some(id), Some(title), Some(url))
            if mapping::is_web_url(&url) && !slugify(&id).is_empty() =>
        {
            LicenseChoice::Custom {
                id: slugify(&id),
                name: title,
                url,
            }
        }
        (None, None, None) => LicenseChoice::SiteDefault,
        (id, title, _) => {
            let named = title.or(id).unwrap_or_default();
            unmapped.push(msg!("import-licence-unknown", name = named));
            LicenseChoice::SiteDefault
        }
    }
}

/// Puts a CKAN extra where DCAT has a field for it, or keeps it as a note.
fn map_extra(d: &mut ImportedDataset, key: &str, value: &str) {
    let normal = slugify(key).replace('-', "_");
    // `why`: what the value is not (`period`, `date`…), or `other` for an extra with no field.
    let unmapped = |d: &mut ImportedDataset, why: &'static str| {
        d.unmapped.push(msg!(
            "import-extra",
            key = key,
            value = format!("{value:?}"),
            why = why
        ));
    };
    match normal.as_str() {
        "temporal" | "temporal_coverage" | "cobertura_temporal" | "periodo" => {
            match mapping::temporal(value) {
                Some(range) => d.temporal = Some(range),
                None => unmapped(d, "period"),
            }
        }
        "temporal_start" | "temporal_end" => match mapping::date(value) {
            Some(day) => {
                let (start, end) = d.temporal.unwrap_or((None, None));
                d.temporal = Some(if normal == "temporal_start" {
                    (Some(day), end)
                } else {
                    (start, Some(day))
                });
            }
            None => unmapped(d, "date"),
        },
        "spatial" | "spatial_text" | "cobertura_geografica" | "cobertura_espacial" | "coverage" => {
            if value.trim_start().starts_with('{') {
                unmapped(d, "geometry");
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
        | "update_frequency" => match mapping::frequency(value) {
            Some(frequency) => d.frequency = Some(frequency),
            None => unmapped(d, "frequency"),
        },
        "issued" | "fecha_de_publicacion" => match mapping::date(value) {
            Some(day) => d.issued = Some(day),
            None => unmapped(d, "date"),
        },
        "modified" | "fecha_de_actualizacion" => match mapping::date(value) {
            Some(day) => d.modified = Some(day),
            None => unmapped(d, "date"),
        },
        _ => unmapped(d, "other"),
    }
}
