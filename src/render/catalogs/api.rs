//! A small static JSON API: `api/v1/datasets.json` lists every dataset
//! (published and planned), `api/v1/datasets/<participant>/<dataset>.json`
//! tells all about one. Plain files: any static host serves them.

use super::records::{DatasetRecord, Records};
use crate::output::urls::Urls;
use serde_json::{Value, json};

/// The API's version, in its paths and in every file.
pub const VERSION: u32 = 1;

pub fn index(records: &Records) -> Value {
    let datasets: Vec<Value> = records
        .datasets
        .iter()
        .map(|record| summary(records, record))
        .collect();
    json!({
        "api_version": VERSION,
        "portal": {
            "title": records.site.portal.title,
            "url": records.urls.absolute(&Urls::home()),
        },
        "count": datasets.len(),
        "datasets": datasets,
    })
}

fn summary(records: &Records, record: &DatasetRecord) -> Value {
    let dataset = record.dataset;
    json!({
        "id": dataset.id,
        "identifier": record.identifier,
        "title": dataset.title,
        "participant": dataset.participant,
        "status": status(record),
        "modified": dataset.modified.or(dataset.issued).map(|d| d.to_string()),
        "url": record.landing_page,
        "api_url": records.urls.absolute(&Urls::api_dataset(&dataset.id)),
    })
}

fn status(record: &DatasetRecord) -> &'static str {
    if record.published {
        "published"
    } else {
        "planned"
    }
}

pub fn dataset(records: &Records, record: &DatasetRecord) -> Value {
    let dataset = record.dataset;
    let urls = records.urls;
    let categories: Vec<Value> = records
        .categories(dataset)
        .into_iter()
        .map(|c| json!({ "id": c.id, "title": c.title, "url": urls.absolute(&Urls::category(&c.id)) }))
        .collect();
    let resources: Vec<Value> = record
        .resources
        .iter()
        .map(|r| {
            json!({
                "id": r.slug,
                "identifier": r.identifier,
                "title": r.title,
                "description": r.description,
                "format": r.format,
                "media_type": r.media_type,
                "url": r.download_url,
                "hosted_here": r.local,
                "file_name": r.file_name,
                "bytes": r.bytes,
                "sha256": r.sha256,
                "encoding": r.encoding,
                "fields": r.fields,
            })
        })
        .collect();
    json!({
        "api_version": VERSION,
        "id": dataset.id,
        "identifier": record.identifier,
        "title": dataset.title,
        "description": record.description,
        "status": status(record),
        "url": record.landing_page,
        "datapackage_url": record.published.then(|| urls.absolute(&Urls::datapackage(&dataset.id))),
        "participant": {
            "id": record.publisher.id,
            "name": record.publisher.name,
            "url": record.publisher.page,
            "email": record.publisher.email,
        },
        "contact": { "name": record.contact.name, "email": record.contact.email },
        "keywords": dataset.keywords,
        "categories": categories,
        "license": dataset.license,
        "issued": dataset.issued,
        "modified": dataset.modified,
        "expected": dataset.expected,
        "frequency": dataset.frequency.map(|f| json!({
            "id": f.key(),
            "iso8601": f.iso8601(),
            "eu": format!("http://publications.europa.eu/resource/authority/frequency/{}", f.eu_code()),
        })),
        "temporal": dataset.temporal.as_ref().map(|t| json!({ "start": t.start, "end": t.end })),
        "spatial": dataset.spatial,
        "resources": resources,
    })
}
