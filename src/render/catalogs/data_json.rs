//! `data.json`: the inventory in DCAT-US / Project Open Data 1.1 (non-federal),
//! the form CKAN harvesters read, with the fields the Latin-American Perfil
//! Regional adds (dataset `issued` and `accrualPeriodicity`, publisher `mbox`,
//! distribution `identifier` and `issued`). Planned datasets are listed too, as
//! POD's inventory asks ("regardless of whether it has been made available"),
//! with their access level and no distribution.

use super::records::{DatasetRecord, Records, ResourceRecord};
use crate::output::urls::Urls;
use serde_json::{Map, Value, json};

const POD_SCHEMA: &str = "https://project-open-data.cio.gov/v1.1/schema";

pub fn data_json(records: &Records) -> Value {
    let datasets = records.datasets.iter().map(|d| dataset(records, d));
    json!({
        "@context": format!("{POD_SCHEMA}/catalog.jsonld"),
        "@id": records.urls.absolute(&Urls::data_json()),
        "@type": "dcat:Catalog",
        "conformsTo": POD_SCHEMA,
        "describedBy": format!("{POD_SCHEMA}/catalog.json"),
        "dataset": datasets.collect::<Vec<Value>>(),
    })
}

fn dataset(records: &Records, record: &DatasetRecord) -> Value {
    let dataset = record.dataset;
    let mut out = Map::new();
    let mut put = |key: &str, value: Value| {
        out.insert(key.to_string(), value);
    };
    put("@type", json!("dcat:Dataset"));
    put("identifier", json!(record.identifier));
    put("title", json!(dataset.title));
    put("description", json!(record.description));
    if !dataset.keywords.is_empty() {
        put("keyword", json!(dataset.keywords));
    }
    if let Some(issued) = dataset.issued {
        put("issued", json!(issued.to_string()));
    }
    if let Some(modified) = dataset.modified.or(dataset.issued) {
        put("modified", json!(modified.to_string()));
    }
    put("publisher", publisher(record));
    put("contactPoint", contact_point(record));
    put("accessLevel", json!("public"));
    put("license", json!(dataset.license.url));
    put("landingPage", json!(record.landing_page));
    put("language", json!([records.language]));
    if let Some(code) = dataset.frequency.and_then(|f| f.iso8601()) {
        put("accrualPeriodicity", json!(code));
    }
    if let Some(temporal) = &dataset.temporal
        && let (Some(start), Some(end)) = (temporal.start, temporal.end)
    {
        put("temporal", json!(format!("{start}/{end}")));
    }
    if let Some(spatial) = &dataset.spatial {
        put("spatial", json!(spatial));
    }
    let themes = records.category_titles(dataset);
    if !themes.is_empty() {
        put("theme", json!(themes));
    }
    if record.published && !record.resources.is_empty() {
        let distributions = record
            .resources
            .iter()
            .map(|r| distribution(records, record, r));
        put("distribution", json!(distributions.collect::<Vec<Value>>()));
    }
    Value::Object(out)
}

/// The dataset's participant as POD `publisher`, with its address when known.
fn publisher(record: &DatasetRecord) -> Value {
    let mut publisher = json!({ "@type": "org:Organization", "name": record.publisher.name });
    if let Some(email) = &record.publisher.email {
        publisher["mbox"] = json!(email);
    }
    publisher
}

/// The dataset's contact as a vCard, its address as a `mailto:` URL.
fn contact_point(record: &DatasetRecord) -> Value {
    let mut contact = json!({ "@type": "vcard:Contact", "fn": record.contact.name });
    if let Some(email) = &record.contact.email {
        contact["hasEmail"] = json!(format!("mailto:{}", email.trim_start_matches("mailto:")));
    }
    contact
}

fn distribution(records: &Records, record: &DatasetRecord, resource: &ResourceRecord) -> Value {
    let dataset = record.dataset;
    let mut d = json!({
        "@type": "dcat:Distribution",
        "identifier": resource.identifier,
        "title": resource.title,
        "downloadURL": resource.download_url,
        "accessURL": resource.download_url,
        "mediaType": resource.media_type,
        "format": resource.format,
    });
    if !resource.description.is_empty() {
        d["description"] = json!(resource.description);
    }
    if let Some(issued) = dataset.issued {
        d["issued"] = json!(issued.to_string());
    }
    if !resource.fields.is_empty() {
        // The Data Package holds the resource's Table Schema: its data dictionary.
        d["describedBy"] = json!(records.urls.absolute(&Urls::datapackage(&dataset.id)));
        d["describedByType"] = json!("application/json");
    }
    d
}
