//! DCAT-AP's `dcat:Dataset` nodes in abierto's terms: `dct:title`,
//! `dct:description` (Spanish first), `dcat:keyword`, `dcat:theme` (its label),
//! `dct:license` (of the dataset or its distributions), `dct:issued`,
//! `dct:modified`, `dct:accrualPeriodicity`, `dct:temporal`, `dct:spatial`,
//! `dct:publisher`, `dcat:contactPoint`, `dcat:landingPage` and each
//! `dcat:distribution`'s `dcat:downloadURL` (else `dcat:accessURL`).

use super::graph::{Graph, Term};
use crate::import::mapping::{self, LicenseMatch};
use crate::import::{Imported, ImportedDataset, LicenseChoice, ResourceFound};
use crate::msg;

const DCAT: &str = "http://www.w3.org/ns/dcat#";
const DCT: &str = "http://purl.org/dc/terms/";

fn dcat(local: &str) -> String {
    format!("{DCAT}{local}")
}

fn dct(local: &str) -> String {
    format!("{DCT}{local}")
}

/// Label properties, in the order they are tried.
const LABELS: &[&str] = &[
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://purl.org/dc/terms/title",
    "http://xmlns.com/foaf/0.1/name",
    "http://www.w3.org/2006/vcard/ns#fn",
    "http://www.w3.org/ns/locn#geographicName",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://schema.org/name",
];

/// Reads every `dcat:Dataset`; `participant` gives a publisher's participant id.
pub fn read(
    graph: &Graph,
    label: &str,
    imported: &mut Imported,
    participant: &mut dyn FnMut(Option<String>, &str, &mut Imported) -> String,
) {
    for (index, node) in graph.of_type(&dcat("Dataset")).iter().enumerate() {
        let source = format!("{label} › dataset[{}]", index + 1);
        let publisher =
            first_node(graph, node, &dct("publisher")).and_then(|p| label_of(graph, &p));
        let participant = participant(publisher, &source, imported);
        imported
            .datasets
            .push(dataset(graph, node, participant, source));
    }
}

fn dataset(graph: &Graph, node: &str, participant: String, source: String) -> ImportedDataset {
    let title = text(graph, node, &dct("title")).unwrap_or_default();
    let identifier = text(graph, node, &dct("identifier")).unwrap_or_else(|| node.to_string());
    let mut d = ImportedDataset {
        participant,
        slug: super::slug_of(&identifier, &title),
        source_id: identifier,
        source,
        source_page: first_node(graph, node, &dcat("landingPage")).filter(|p| !p.starts_with("_:")),
        title,
        ..ImportedDataset::default()
    };
    d.description = super::description(text(graph, node, &dct("description")), &mut d);
    for keyword in literals(graph, node, &dcat("keyword")) {
        d.add_keyword(&keyword);
    }
    for theme in graph.objects(node, &dcat("theme")) {
        let title = match theme {
            Term::Node(id) => label_of(graph, id).unwrap_or_else(|| last_segment(id)),
            Term::Literal { value, .. } => value.clone(),
        };
        d.add_category(&title);
    }
    dates_and_coverage(graph, node, &mut d);
    let distributions: Vec<String> = graph
        .objects(node, &dcat("distribution"))
        .filter_map(|t| match t {
            Term::Node(id) => Some(id.clone()),
            Term::Literal { .. } => None,
        })
        .collect();
    let license = first_node(graph, node, &dct("license")).or_else(|| {
        distributions
            .iter()
            .find_map(|dist| first_node(graph, dist, &dct("license")))
    });
    let license = license.map(|l| {
        label_of(graph, &l)
            .filter(|_| l.starts_with("_:"))
            .unwrap_or(l)
    });
    d.license = license_of(license.as_deref(), &mut d);
    for (index, distribution) in distributions.iter().enumerate() {
        let url = first_node(graph, distribution, &dcat("downloadURL"))
            .or_else(|| first_node(graph, distribution, &dcat("accessURL")));
        let format = first_node(graph, distribution, &dct("format"))
            .map(|f| label_of(graph, &f).unwrap_or_else(|| last_segment(&f)))
            .or_else(|| {
                first_node(graph, distribution, &dcat("mediaType")).map(|m| last_segment(&m))
            });
        d.add_resource(
            format!("distribution[{}]", index + 1),
            ResourceFound {
                title: text(graph, distribution, &dct("title")),
                url,
                format,
                description: text(graph, distribution, &dct("description")),
            },
        );
    }
    d
}

fn dates_and_coverage(graph: &Graph, node: &str, d: &mut ImportedDataset) {
    if let Some(value) = text(graph, node, &dct("issued")) {
        d.set_date("dct:issued", &value, |d| &mut d.issued);
    }
    if let Some(value) = text(graph, node, &dct("modified")) {
        d.set_date("dct:modified", &value, |d| &mut d.modified);
    }
    if let Some(value) = first_node(graph, node, &dct("accrualPeriodicity")) {
        d.set_frequency("dct:accrualPeriodicity", &value);
    }
    if let Some(period) = first_node(graph, node, &dct("temporal")) {
        let bound = |keys: [&str; 2]| {
            keys.iter()
                .find_map(|k| text(graph, &period, k))
                .and_then(|t| crate::import::dates::date(&t))
        };
        let start = bound([&dcat("startDate"), "http://schema.org/startDate"]);
        let end = bound([&dcat("endDate"), "http://schema.org/endDate"]);
        if start.is_some() || end.is_some() {
            d.temporal = Some((start, end));
        } else {
            d.set_temporal("dct:temporal", &period);
        }
    }
    if let Some(place) = first_node(graph, node, &dct("spatial")) {
        d.spatial = label_of(graph, &place).or_else(|| (!place.starts_with("_:")).then_some(place));
    }
    if let Some(contact) = first_node(graph, node, &dcat("contactPoint")) {
        d.contact_name = label_of(graph, &contact);
        if let Some(email) = first_node(graph, &contact, "http://www.w3.org/2006/vcard/ns#hasEmail")
        {
            d.set_contact_email("dcat:contactPoint", email);
        }
    }
}

/// A licence from its address or name; none given is said, never assumed.
pub fn license_of(written: Option<&str>, d: &mut ImportedDataset) -> LicenseChoice {
    let Some(written) = written else {
        d.note("license", msg!("import-license-none"));
        return LicenseChoice::NotDeclared { url: None };
    };
    let url = mapping::web_url(written);
    let name = url.is_none().then_some(written);
    match mapping::license(name, url.as_deref()) {
        LicenseMatch::BuiltIn(id) => LicenseChoice::Id(id.to_string()),
        LicenseMatch::NotDeclared => {
            d.note(
                "license",
                msg!("import-license-not-declared", name = written),
            );
            LicenseChoice::NotDeclared { url }
        }
        LicenseMatch::Unknown => LicenseChoice::Custom {
            name: name.map_or_else(|| last_segment(written), str::to_string),
            url,
        },
    }
}

/// The literal of a property, Spanish first, else any.
fn text(graph: &Graph, node: &str, predicate: &str) -> Option<String> {
    let mut best: Option<String> = None;
    for term in graph.objects(node, predicate) {
        if let Term::Literal { value, language } = term {
            if value.trim().is_empty() {
                continue;
            }
            if language.as_deref().is_some_and(|l| l.starts_with("es")) {
                return Some(value.trim().to_string());
            }
            best.get_or_insert_with(|| value.trim().to_string());
        }
    }
    best
}

fn literals(graph: &Graph, node: &str, predicate: &str) -> Vec<String> {
    graph
        .objects(node, predicate)
        .filter_map(|t| match t {
            Term::Literal { value, .. } => Some(value.clone()),
            Term::Node(_) => None,
        })
        .collect()
}

/// The first object as text: a node's id or a literal's value.
fn first_node(graph: &Graph, node: &str, predicate: &str) -> Option<String> {
    graph.objects(node, predicate).next().map(|t| match t {
        Term::Node(id) => id.clone(),
        Term::Literal { value, .. } => value.clone(),
    })
}

fn label_of(graph: &Graph, node: &str) -> Option<String> {
    LABELS.iter().find_map(|p| text(graph, node, p))
}

fn last_segment(iri: &str) -> String {
    iri.trim_end_matches('/')
        .rsplit(['/', '#'])
        .next()
        .unwrap_or(iri)
        .to_string()
}
