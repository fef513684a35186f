//! One `_datasets/` file's front matter in abierto's terms. JKAN's schema
//! (`title`, `notes`, `tags`, `category`, `license`, `maintainer…`,
//! `resources`) and the fields forks add (`created`, `modified`,
//! `metadata_modified`, `time_period`, `area_of_interest`, `download_url`,
//! a frequency in `modified` as `R/P1D`…) each go to their field; what has
//! none is noted with its key.

use super::front::{Map, Node};
use super::portal::JkanPortal;
use crate::import::mapping::{self, LicenseMatch};
use crate::import::{ImportedDataset, LicenseChoice, ResourceFound, html};
use crate::load::ids;
use crate::msg;
use std::path::Path;

/// Keys that are JKAN's machinery, not metadata.
const MACHINERY: &[&str] = &["schema", "layout", "permalink", "collection"];

/// Keys of each abierto field, in the order they are tried.
const ISSUED: &[&str] = &[
    "issued",
    "created",
    "metadata_created",
    "fecha_de_publicacion",
    "date",
];
const MODIFIED: &[&str] = &[
    "modified",
    "metadata_modified",
    "last_updated",
    "fecha_de_actualizacion",
];
const FREQUENCY: &[&str] = &[
    "frequency",
    "update_frequency",
    "accrualPeriodicity",
    "accrual_periodicity",
    "periodicity",
    "frecuencia",
];
const TEMPORAL: &[&str] = &[
    "time_period",
    "temporal",
    "temporal_coverage",
    "periodo",
    "cobertura_temporal",
];
const SPATIAL: &[&str] = &[
    "area_of_interest",
    "spatial",
    "cobertura_geografica",
    "coverage",
];
const MAPPED: &[&str] = &[
    "title",
    "organization",
    "notes",
    "description",
    "tags",
    "keywords",
    "category",
    "categories",
    "license",
    "maintainer",
    "maintainer_email",
    "contact_email",
    "resources",
    "download_url",
];

pub fn read(
    front: &Map,
    portal: &JkanPortal,
    participant: String,
    relative: &Path,
    source: String,
) -> ImportedDataset {
    let stem = relative
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let mut d = ImportedDataset {
        participant,
        slug: ids::file_id(relative),
        source_id: relative
            .with_extension("")
            .to_string_lossy()
            .replace('\\', "/"),
        source,
        source_page: portal.page_of(relative),
        title: front.text("title").unwrap_or_else(|| stem.clone()),
        ..ImportedDataset::default()
    };
    description(front, &mut d);
    for key in ["tags", "keywords"] {
        for tag in front.texts(key) {
            d.add_keyword(&tag);
        }
    }
    for key in ["category", "categories"] {
        for category in front.texts(key) {
            d.add_category(&category);
        }
    }
    d.license = license(front, portal, &mut d);
    d.contact_name = front.text("maintainer");
    if let Some(email) = front
        .text("maintainer_email")
        .or_else(|| front.text("contact_email"))
    {
        d.set_contact_email("maintainer_email", email);
    }
    dates_and_coverage(front, &mut d);
    resources(front, &mut d);
    other_keys(front, &mut d);
    d
}

/// `notes` (JKAN's description), HTML made Markdown.
fn description(front: &Map, d: &mut ImportedDataset) {
    let Some(text) = front.text("notes").or_else(|| front.text("description")) else {
        return;
    };
    if html::is_html(&text) {
        match html::to_markdown(&text) {
            Some(markdown) => {
                d.description = markdown;
                d.note("notes", msg!("import-html-converted"));
            }
            None => d.description = text,
        }
    } else {
        d.description = text;
    }
}

fn license(front: &Map, portal: &JkanPortal, d: &mut ImportedDataset) -> LicenseChoice {
    let Some(written) = front.text("license") else {
        d.note("license", msg!("import-license-none"));
        return LicenseChoice::NotDeclared { url: None };
    };
    let listed = portal.license(&written);
    let is_address = crate::import::http::is_web_address(&written);
    let name = listed
        .map(|l| l.name.clone())
        .or_else(|| (!is_address).then(|| written.clone()));
    let url = listed
        .and_then(|l| l.url.clone())
        .or_else(|| is_address.then(|| written.clone()))
        .and_then(|u| mapping::web_url(&u));
    match mapping::license(name.as_deref(), url.as_deref()) {
        LicenseMatch::BuiltIn(id) => LicenseChoice::Id(id.to_string()),
        LicenseMatch::NotDeclared => {
            d.note(
                "license",
                msg!("import-license-not-declared", name = &written),
            );
            LicenseChoice::NotDeclared { url }
        }
        LicenseMatch::Unknown => {
            if listed.is_none() && !is_address {
                d.note("license", msg!("import-license-unlisted", name = &written));
            }
            LicenseChoice::Custom {
                name: name.unwrap_or_else(|| written.clone()),
                url,
            }
        }
    }
}

/// The first of `keys` the front matter gives a value, with the key.
fn first(front: &Map, keys: &[&'static str]) -> Option<(&'static str, String)> {
    keys.iter().find_map(|key| Some((*key, front.text(key)?)))
}

fn dates_and_coverage(front: &Map, d: &mut ImportedDataset) {
    if let Some((key, value)) = first(front, ISSUED) {
        d.set_date(key, &value, |d| &mut d.issued);
    }
    // Forks write the update frequency in `modified` (`R/P1D`): it goes where it belongs.
    let mut modified = MODIFIED
        .iter()
        .filter_map(|key| Some((*key, front.text(key)?)));
    for (key, value) in modified.by_ref() {
        if crate::import::dates::date(&value).is_some() {
            d.set_date(key, &value, |d| &mut d.modified);
            break;
        }
        if let Some(frequency) = mapping::frequency(&value) {
            d.frequency.get_or_insert(frequency);
            d.note(key, msg!("import-frequency-in-date", value = &value));
        } else {
            d.note(key, msg!("import-not-a-date", value = &value));
        }
    }
    if let Some((key, value)) = first(front, FREQUENCY) {
        d.set_frequency(key, &value);
    }
    if let Some((key, value)) = first(front, TEMPORAL) {
        d.set_temporal(key, &value);
    }
    if let Some((_, value)) = first(front, SPATIAL) {
        d.spatial = Some(value.split_whitespace().collect::<Vec<_>>().join(" "));
    }
}

fn resources(front: &Map, d: &mut ImportedDataset) {
    if let Some(Node::List(resources)) = front.get("resources") {
        for (index, resource) in resources.iter().enumerate() {
            let field = format!("resources[{}]", index + 1);
            let Node::Map(resource) = resource else {
                d.note(field, msg!("import-resource-not-keys"));
                continue;
            };
            d.add_resource(
                field,
                ResourceFound {
                    title: resource.text("name").or_else(|| resource.text("title")),
                    url: resource
                        .text("url")
                        .or_else(|| resource.text("download_url"))
                        .or_else(|| resource.text("access_url")),
                    format: resource.text("format"),
                    description: resource.text("description"),
                },
            );
        }
    }
    if let Some(url) = front.text("download_url") {
        d.add_resource(
            "download_url".to_string(),
            ResourceFound {
                title: Some(d.title.clone()),
                url: Some(url),
                ..ResourceFound::default()
            },
        );
    }
}

/// Keys the import has no place for, kept as notes (and comments).
fn other_keys(front: &Map, d: &mut ImportedDataset) {
    let fields: Vec<&str> = [
        MAPPED, ISSUED, MODIFIED, FREQUENCY, TEMPORAL, SPATIAL, MACHINERY,
    ]
    .concat();
    for (key, value) in &front.entries {
        if fields.contains(&key.as_str()) || value.is_empty() {
            continue;
        }
        d.note(
            key.clone(),
            msg!("import-other-key", key = key, value = value.shown()),
        );
    }
}
