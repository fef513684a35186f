//! A resource's columns as a data dictionary: the descriptor's
//! `[[resources.fields]]` documentation merged with what the data show, and
//! the Table Schema fields catalogs publish.

use super::profile::ColumnProfile;
use super::{FileFacts, Table};
use crate::messages::Message;
use crate::model::{Field, Resource};
use crate::msg;
use serde::Serialize;

/// One column, documented and profiled.
#[derive(Debug, Clone, Serialize)]
pub struct FieldDoc {
    pub name: String,
    /// The type the descriptor declares.
    pub declared_type: Option<String>,
    pub description: String,
    /// What the data show; `None` when the file has no such column.
    pub profile: Option<ColumnProfile>,
    /// The declared type does not fit the data.
    pub type_mismatch: bool,
    /// The Table Schema type: the declared one, else the inferred one.
    pub schema_type: String,
}

/// The table the resource's documentation describes: for a workbook, the
/// sheet whose header has most of the documented names.
pub fn documented_table<'a>(
    resource_fields: &[Field],
    facts: &'a FileFacts,
) -> Option<(Option<&'a str>, &'a Table)> {
    facts.tables().into_iter().max_by_key(|(_, table)| {
        resource_fields
            .iter()
            .filter(|f| table.header.iter().any(|h| h == &f.name))
            .count()
    })
}

/// The columns of `table` in file order, each with its documentation, then
/// documented columns the file does not have.
pub fn fields(resource_fields: &[Field], table: Option<&Table>) -> Vec<FieldDoc> {
    let mut docs: Vec<FieldDoc> = table
        .map(|t| t.profile.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|profile| {
            let field = resource_fields.iter().find(|f| f.name == profile.name);
            let declared_type = field.and_then(|f| f.field_type.clone());
            let type_mismatch = declared_type
                .as_deref()
                .is_some_and(|t| !profile.column_type.fits_declared(t));
            FieldDoc {
                name: profile.name.clone(),
                schema_type: declared_type
                    .clone()
                    .unwrap_or_else(|| profile.column_type.table_schema_type().to_string()),
                declared_type,
                description: field.map(|f| f.description.clone()).unwrap_or_default(),
                profile: Some(profile.clone()),
                type_mismatch,
            }
        })
        .collect();
    for field in resource_fields {
        if !docs.iter().any(|d| d.name == field.name) {
            docs.push(FieldDoc {
                name: field.name.clone(),
                declared_type: field.field_type.clone(),
                description: field.description.clone(),
                profile: None,
                type_mismatch: false,
                schema_type: field.field_type.clone().unwrap_or_else(|| "string".into()),
            });
        }
    }
    docs
}

/// Where a resource's documentation disagrees with its data, in plain sentences.
pub fn check_declared(resource: &Resource, facts: &FileFacts) -> Vec<Message> {
    if resource.fields.is_empty() {
        return Vec::new();
    }
    let Some((_, table)) = documented_table(&resource.fields, facts) else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    for doc in fields(&resource.fields, Some(table)) {
        match (&doc.profile, &doc.declared_type) {
            (None, _) if table.header.len() < super::table::MAX_PROFILED_COLUMNS => {
                problems.push(msg!(
                    "analyse-field-not-in-file",
                    resource = &resource.title,
                    field = &doc.name
                ));
            }
            (Some(profile), Some(declared)) if doc.type_mismatch => problems.push(msg!(
                "analyse-field-type-mismatch",
                resource = &resource.title,
                field = &doc.name,
                declared = declared,
                kind = profile.column_type.schema_type_name(),
                example = profile.top.first().map(|(v, _)| v.as_str()).unwrap_or("")
            )),
            _ => {}
        }
    }
    problems
}
