//! A Frictionless Data Package (`datapackage.json`) per published dataset:
//! each resource with its download URL, format, media type, encoding, size,
//! SHA-256 and, for tables, a Table Schema and CSV dialect.

use super::records::{DatasetRecord, ResourceRecord};
use crate::model::Field;
use serde_json::{Map, Value, json};

/// Table Schema field types; a documented type outside this list becomes `any`.
const TABLE_SCHEMA_TYPES: &[&str] = &[
    "string",
    "number",
    "integer",
    "boolean",
    "object",
    "array",
    "date",
    "time",
    "datetime",
    "year",
    "yearmonth",
    "duration",
    "geopoint",
    "geojson",
    "any",
];

pub fn datapackage(record: &DatasetRecord) -> Value {
    let dataset = record.dataset;
    let resources: Vec<Value> = record.resources.iter().map(resource).collect();
    let mut package = json!({
        "profile": "data-package",
        "name": dataset.id.replace('/', "-"),
        "id": record.identifier,
        "title": dataset.title,
        "description": record.description,
        "homepage": record.landing_page,
        "licenses": [{
            "name": dataset.license.id,
            "path": dataset.license.url,
            "title": dataset.license.name,
        }],
        "contributors": [{
            "title": record.publisher.name,
            "role": "publisher",
            "path": record.publisher.page,
        }],
        "resources": resources,
    });
    if !dataset.keywords.is_empty() {
        package["keywords"] = json!(dataset.keywords);
    }
    if let Some(issued) = dataset.issued {
        package["created"] = json!(format!("{issued}T00:00:00Z"));
    }
    package
}

fn resource(resource: &ResourceRecord) -> Value {
    let mut out = Map::new();
    out.insert("name".into(), json!(resource.slug));
    out.insert("path".into(), json!(resource.download_url));
    out.insert("title".into(), json!(resource.title));
    if !resource.description.is_empty() {
        out.insert("description".into(), json!(resource.description));
    }
    out.insert("format".into(), json!(resource.format.to_lowercase()));
    out.insert("mediatype".into(), json!(resource.media_type));
    if let Some(encoding) = &resource.encoding {
        out.insert("encoding".into(), json!(encoding));
    }
    if let Some(bytes) = resource.bytes {
        out.insert("bytes".into(), json!(bytes));
    }
    if let Some(sha256) = &resource.sha256 {
        out.insert("hash".into(), json!(format!("sha256:{sha256}")));
    }
    let schema = table_schema(&resource.fields, &resource.decimal_comma_columns);
    let dialect = csv_dialect(resource);
    if schema.is_some() {
        out.insert("profile".into(), json!("tabular-data-resource"));
    }
    if let Some(dialect) = dialect {
        out.insert("dialect".into(), dialect);
    }
    if let Some(schema) = schema {
        out.insert("schema".into(), schema);
    }
    Value::Object(out)
}

/// The Table Schema of a resource, from its documented columns
/// (`[[resources.fields]]`).
///
/// A descriptor may document only some columns, in any order, so the fields are
/// matched to the file's header by name (`fieldsMatch: subset`, Table Schema 2).
/// This is the one place where the columns found by CSV profiling will be merged:
/// the file's columns in their order, each with its documented type and
/// description when there is one, else its inferred type; with the full list of
/// columns known, `fieldsMatch` can go back to the default, exact.
fn table_schema(documented: &[Field], decimal_comma_columns: &[String]) -> Option<Value> {
    if documented.is_empty() {
        return None;
    }
    let decimal_comma = |name: &str| decimal_comma_columns.iter().any(|c| c == name);
    let fields: Vec<Value> = documented
        .iter()
        .map(|field| {
            let declared = field.field_type.as_deref().unwrap_or("any");
            let kind = if TABLE_SCHEMA_TYPES.contains(&declared) {
                declared
            } else {
                "any"
            };
            let mut out = json!({ "name": field.name, "type": kind });
            if kind == "number" && decimal_comma(&field.name) {
                out["decimalChar"] = json!(",");
            }
            if !field.description.is_empty() {
                out["description"] = json!(field.description);
            }
            out
        })
        .collect();
    Some(json!({ "fields": fields, "fieldsMatch": "subset" }))
}

/// The CSV dialect of a resource: a header row, and the separator the data show.
fn csv_dialect(resource: &ResourceRecord) -> Option<Value> {
    if resource.format != "CSV" {
        return None;
    }
    let mut dialect = json!({ "header": true });
    if let Some(delimiter) = resource.delimiter {
        dialect["delimiter"] = json!(delimiter.to_string());
    }
    Some(dialect)
}
