//! Metadata completeness: which fields of a published dataset each catalog
//! standard needs (DCAT-AP 3, DCAT-US `data.json`, the Latin-American
//! Perfil Regional), which are missing, and a score from 0 to 100 per dataset
//! and per participant that the portal shows and `check` reports.

use crate::messages::Message;
use crate::model::{Dataset, Participant, Resource, Site, Status};
use crate::msg;

pub const DCAT_AP: &str = "DCAT-AP 3";
pub const DCAT_US: &str = "DCAT-US data.json";
pub const REGIONAL: &str = "Perfil Regional";

/// One metadata field and what the standards say of it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldCheck {
    /// The descriptor key (or what to add), e.g. `keywords`, `contact.email`,
    /// `publisher` (the publisher's e-mail).
    pub field: &'static str,
    /// What the field is, when its key alone does not say it.
    pub about: Option<Message>,
    /// Standards that require it.
    pub required_by: Vec<&'static str>,
    /// Standards that recommend it.
    pub recommended_by: Vec<&'static str>,
    pub present: bool,
}

/// How complete a dataset's metadata is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Completeness {
    /// Present fields out of all fields the standards name, 0–100.
    pub score: u8,
    pub fields: Vec<FieldCheck>,
}

impl Completeness {
    pub fn missing(&self) -> impl Iterator<Item = &FieldCheck> {
        self.fields.iter().filter(|f| !f.present)
    }

    pub fn missing_required(&self) -> impl Iterator<Item = &FieldCheck> {
        self.missing().filter(|f| !f.required_by.is_empty())
    }
}

impl FieldCheck {
    fn about(mut self, about: Message) -> FieldCheck {
        self.about = Some(about);
        self
    }
}

fn field(
    field: &'static str,
    required_by: &[&'static str],
    recommended_by: &[&'static str],
    present: bool,
) -> FieldCheck {
    FieldCheck {
        field,
        about: None,
        required_by: required_by.to_vec(),
        recommended_by: recommended_by.to_vec(),
        present,
    }
}

/// The completeness of one dataset's metadata (`None` for a planned dataset: it has nothing to describe yet).
pub fn completeness(dataset: &Dataset, site: &Site) -> Option<Completeness> {
    if dataset.status == Status::Planned {
        return None;
    }
    let fields = field_checks(dataset, site.participant(&dataset.participant));
    let present = fields.iter().filter(|f| f.present).count();
    let score = (present * 100 + fields.len() / 2) / fields.len();
    Some(Completeness {
        score: score as u8,
        fields,
    })
}

/// Each field the standards name, and whether the dataset has it.
fn field_checks(dataset: &Dataset, participant: Option<&Participant>) -> Vec<FieldCheck> {
    let contact_email = dataset
        .contact
        .as_ref()
        .and_then(|c| c.email.as_ref())
        .is_some();
    let publisher_email = contact_email || participant.is_some_and(|p| p.email.is_some());
    let all = [DCAT_AP, DCAT_US, REGIONAL];
    vec![
        field("title", &all, &[], !dataset.title.trim().is_empty()),
        field(
            "description",
            &all,
            &[],
            !dataset.description.trim().is_empty(),
        ),
        field(
            "keywords",
            &[DCAT_US],
            &[DCAT_AP],
            !dataset.keywords.is_empty(),
        ),
        field("modified", &[DCAT_US], &[], dataset.modified.is_some()),
        field("issued", &[REGIONAL], &[], dataset.issued.is_some()),
        field(
            "frequency",
            &[REGIONAL],
            &[DCAT_AP],
            dataset.frequency.is_some(),
        ),
        field("contact.email", &[DCAT_US], &[DCAT_AP], contact_email),
        field("publisher", &[REGIONAL], &[], publisher_email).about(msg!("rules-field-publisher")),
        field(
            "resources",
            &[REGIONAL],
            &[DCAT_AP],
            !dataset.resources.is_empty(),
        ),
        field(
            "categories",
            &[],
            &[DCAT_AP],
            !dataset.categories.is_empty(),
        ),
        field("spatial", &[], &[DCAT_AP], dataset.spatial.is_some()),
        field("temporal", &[], &[DCAT_AP], dataset.temporal.is_some()),
        field(
            "resources.description",
            &[],
            &[DCAT_AP],
            dataset
                .resources
                .iter()
                .all(|r| !r.description.trim().is_empty()),
        ),
        field(
            "resources.fields",
            &[],
            &[REGIONAL],
            tables_documented(&dataset.resources),
        )
        .about(msg!("rules-field-resources-fields")),
    ]
}

/// Whether every tabular resource documents each column's type and meaning.
fn tables_documented(resources: &[Resource]) -> bool {
    resources
        .iter()
        .filter(|r| {
            matches!(
                r.format.to_uppercase().as_str(),
                "CSV" | "TSV" | "XLSX" | "XLS" | "ODS"
            )
        })
        .all(|r| {
            !r.fields.is_empty()
                && r.fields
                    .iter()
                    .all(|f| f.field_type.is_some() && !f.description.trim().is_empty())
        })
}

/// A participant's score: the mean of its published datasets' scores (`None` without any).
pub fn participant_score(site: &Site, participant: &str) -> Option<u8> {
    let scores: Vec<u32> = site
        .datasets
        .iter()
        .filter(|d| d.participant == participant)
        .filter_map(|d| completeness(d, site))
        .map(|c| u32::from(c.score))
        .collect();
    (!scores.is_empty()).then(|| {
        ((scores.iter().sum::<u32>() + scores.len() as u32 / 2) / scores.len() as u32) as u8
    })
}
