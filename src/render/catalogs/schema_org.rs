//! The schema.org `Dataset` of a dataset page, as JSON-LD for a
//! `<script type="application/ld+json">`, so that Google Dataset Search and
//! other search engines list the dataset.

use super::records::{DatasetRecord, Records};
use crate::output::urls::Urls;
use serde_json::{Value, json};

/// The JSON-LD of a published dataset; `None` for a planned one (nothing to download yet).
pub fn dataset(records: &Records, record: &DatasetRecord) -> Option<Value> {
    if !record.published {
        return None;
    }
    let dataset = record.dataset;
    let organization = json!({
        "@type": "Organization",
        "@id": record.publisher.node,
        "name": record.publisher.name,
        "url": record.publisher.website.as_deref().unwrap_or(&record.publisher.page),
    });
    let mut out = json!({
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "@id": record.node,
        "name": dataset.title,
        "description": record.description,
        "url": record.landing_page,
        "identifier": record.identifier,
        "license": dataset.license.url,
        "isAccessibleForFree": true,
        "inLanguage": records.language,
        "creator": organization,
        "publisher": organization,
        "includedInDataCatalog": {
            "@type": "DataCatalog",
            "name": records.site.portal.title,
            "url": records.urls.absolute(&Urls::catalog()),
        },
    });
    if !dataset.keywords.is_empty() {
        out["keywords"] = json!(dataset.keywords);
    }
    if let Some(spatial) = &dataset.spatial {
        out["spatialCoverage"] = json!({ "@type": "Place", "name": spatial });
    }
    if let Some(temporal) = &dataset.temporal {
        let side = |d: Option<crate::model::Date>| d.map_or("..".to_string(), |d| d.to_string());
        out["temporalCoverage"] = json!(format!("{}/{}", side(temporal.start), side(temporal.end)));
    }
    if let Some(issued) = dataset.issued {
        out["datePublished"] = json!(issued.to_string());
    }
    if let Some(modified) = dataset.modified.or(dataset.issued) {
        out["dateModified"] = json!(modified.to_string());
    }
    let distributions: Vec<Value> = record
        .resources
        .iter()
        .map(|resource| {
            let mut d = json!({
                "@type": "DataDownload",
                "@id": resource.identifier,
                "name": resource.title,
                "contentUrl": resource.download_url,
                "encodingFormat": resource.media_type,
            });
            if let Some(bytes) = resource.bytes {
                d["contentSize"] = json!(format!("{bytes} B"));
            }
            if let Some(sha256) = &resource.sha256 {
                d["sha256"] = json!(sha256);
            }
            d
        })
        .collect();
    out["distribution"] = json!(distributions);
    Some(out)
}

/// JSON made safe inside `<script>`: no `<` at all, so no text can close the
/// element or open a comment (`\u003c` is the same character to a JSON reader).
pub fn script_text(value: &Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_close_the_script_element() {
        let value = json!({ "name": "</script><script>alert(1)</script><!--" });
        let text = script_text(&value);
        assert!(!text.contains('<'));
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }
}
