//! Machine-readable catalogs: the whole catalog in the standard forms that
//! harvesters, search engines and developers read — DCAT-AP 3 (JSON-LD and
//! Turtle, network-wide and per participant), DCAT-US `data.json`, a Frictionless
//! `datapackage.json` per dataset, the schema.org `Dataset` inside each dataset
//! page, a catalog CSV, an Atom feed, `sitemap.xml`, `robots.txt` and a small
//! static JSON API. All are written from the same [`Records`], so identifiers,
//! URLs, sizes and checksums agree with each other and with the pages.

mod api;
mod catalog_csv;
mod data_json;
mod datapackage;
mod dcat;
mod feeds;
mod rdf;
mod records;
mod schema_org;

pub use catalog_csv::HEADER as CSV_HEADER;
pub use feeds::xml_filter;
pub use records::{DatasetRecord, Records, ResourceRecord, media_type};
pub use schema_org::script_text;

use super::Translation;
use crate::diagnostics::Diagnostic;
use crate::model::{Date, Participant};
use crate::msg;
use crate::output::urls::{DatasetAddress, RdfFormat, Route, Urls};
use crate::output::{Content, Origin, OutputFile};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

/// Files made for one route or a few, in order.
type Made = Vec<(Route, Vec<u8>)>;

/// Every catalog file but the stories feed and the sitemap (which list the
/// stories and pages: see [`story_feed_and_sitemap`]).
pub fn files(records: &Records, tera: &tera::Tera) -> (Vec<OutputFile>, Vec<Diagnostic>) {
    // Each catalog is made on its own: the whole network's (each O(datasets)),
    // each participant's, each dataset's, all on every core.
    let whole: Vec<Box<dyn Fn() -> Result<Made, Diagnostic> + Sync + '_>> = vec![
        Box::new(|| Ok(graph_files(records, None))),
        Box::new(|| {
            Ok(vec![(
                Urls::data_json(),
                json(&data_json::data_json(records)),
            )])
        }),
        Box::new(|| catalog_csv_file(records)),
        Box::new(|| Ok(vec![(Urls::feed(), feeds::atom_feed(records, tera)?)])),
        Box::new(|| feeds::history_feeds(records, tera)),
        Box::new(|| Ok(vec![(Urls::robots(), feeds::robots(records.urls, tera)?)])),
        Box::new(|| Ok(vec![(Urls::api_datasets(), json(&api::index(records)))])),
    ];
    let mut problems = Vec::new();
    let mut made: Vec<Made> = whole
        .par_iter()
        .map(|make| make())
        .collect::<Vec<_>>()
        .into_iter()
        .filter_map(|result| result.map_err(|problem| problems.push(problem)).ok())
        .collect();
    made.extend(
        records
            .site
            .participants
            .par_iter()
            .map(|p| graph_files(records, Some(p)))
            .collect::<Vec<_>>(),
    );
    made.extend(dataset_files(records));
    let files = made
        .into_iter()
        .flatten()
        .map(|(route, bytes)| OutputFile {
            origin: Origin::Portal,
            route,
            content: Content::Bytes(bytes.into()),
        })
        .collect();
    (files, problems)
}

/// A JSON file's bytes: pretty-printed, with a final newline.
fn json(value: &Value) -> Vec<u8> {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text.into_bytes()
}

/// The DCAT-AP catalog of the network or of a participant, in JSON-LD and Turtle.
fn graph_files(records: &Records, participant: Option<&Participant>) -> Made {
    let graph = dcat::catalog_graph(records, participant);
    let route = |format| match participant {
        Some(p) => Urls::participant_dcat_catalog(&p.id, format),
        None => Urls::dcat_catalog(format),
    };
    vec![
        (route(RdfFormat::JsonLd), graph.to_json_ld()),
        (route(RdfFormat::Turtle), graph.to_turtle().into_bytes()),
    ]
}

fn catalog_csv_file(records: &Records) -> Result<Made, Diagnostic> {
    match catalog_csv::catalog_csv(records) {
        Ok(bytes) => Ok(vec![(Urls::catalog_csv(), bytes)]),
        Err(error) => Err(Diagnostic::error(
            Urls::catalog_csv().as_str(),
            msg!("render-catalog-csv-failed", error = error.to_string()),
        )),
    }
}

/// The Data Package of each published dataset, then the API file of each dataset.
fn dataset_files(records: &Records) -> Vec<Made> {
    let published: Vec<&DatasetRecord> = records.published().collect();
    let mut made: Vec<Made> = published
        .par_iter()
        .map(|record| {
            let datapackage = json(&datapackage::datapackage(record));
            vec![(Urls::datapackage(&record.dataset.id), datapackage)]
        })
        .collect();
    made.extend(
        records
            .datasets
            .par_iter()
            .map(|record| {
                let api = json(&api::dataset(records, record));
                vec![(Urls::api_dataset(&record.dataset.id), api)]
            })
            .collect::<Vec<_>>(),
    );
    made
}

/// The Atom feed of stories, `sitemap.xml` and `_headers`, which list what
/// the catalogs do not hold: stories, and every page written (`pages`).
pub fn story_feed_sitemap_and_headers(
    records: &Records,
    views: &crate::render::views::Views,
    pages: &[Route],
    tera: &tera::Tera,
    diagnostics: &crate::diagnostics::Diagnostics,
) -> Vec<OutputFile> {
    let stories_title = views.t.ui("stories");
    let made = [
        (
            Urls::stories_feed(),
            feeds::stories_feed(records, stories_title, tera),
        ),
        (
            Urls::sitemap(),
            feeds::sitemap(records.urls, &dated_pages(records, pages), tera),
        ),
        (Urls::headers(), feeds::headers(records.urls, pages, tera)),
    ];
    let mut files = Vec::new();
    for (route, result) in made {
        match result {
            Ok(bytes) => files.push(OutputFile {
                route,
                content: Content::Bytes(bytes.into()),
                origin: Origin::Portal,
            }),
            Err(problem) => diagnostics.push(problem),
        }
    }
    files
}

/// What `sitemap.xml` lists: every page written but `404.html`, the
/// redirects of renamed datasets and the pages made to be framed by other
/// sites; dataset pages with their last change.
fn dated_pages(records: &Records, pages: &[Route]) -> Vec<(Route, Option<Date>)> {
    let formers: std::collections::HashSet<&str> = records
        .site
        .datasets
        .iter()
        .flat_map(|d| &d.former_ids)
        .map(String::as_str)
        .collect();
    let listed = |route: &Route| {
        let redirect = DatasetAddress::of(route).is_some_and(|a| formers.contains(a.dataset_id));
        let embed = route.as_str().starts_with(Urls::embeds().as_str());
        route != &Urls::not_found() && !redirect && !embed
    };
    let lastmod: std::collections::HashMap<Route, Date> = records
        .datasets
        .iter()
        .filter_map(|r| {
            let date = r.dataset.modified.or(r.dataset.issued)?;
            Some((Urls::dataset(&r.dataset.id), date))
        })
        .collect();
    let mut dated: Vec<(Route, Option<Date>)> = pages
        .iter()
        .filter(|route| listed(route))
        .map(|route| (route.clone(), lastmod.get(route).copied()))
        .collect();
    dated.sort();
    dated
}

/// The schema.org JSON-LD of a dataset page, ready for its `<script>`;
/// `None` for a planned dataset.
pub fn dataset_json_ld(records: &Records, dataset_id: &str) -> Option<String> {
    let record = records.get(dataset_id)?;
    schema_org::dataset(records, record).map(|value| script_text(&value))
}

/// A `<link rel="alternate">` of a page's head.
#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    pub href: String,
    pub media_type: &'static str,
    pub title: String,
}

/// What every page points to: the network's catalogs and feed.
pub fn site_alternates(urls: &Urls, t: &Translation, portal_title: &str) -> Vec<Alternate> {
    let link = |route: Route, media_type: &'static str, key: &str| Alternate {
        href: urls.href(&route),
        media_type,
        title: format!("{portal_title}: {}", t.ui(key)),
    };
    vec![
        link(Urls::feed(), "application/atom+xml", "alternate_feed"),
        link(
            Urls::dcat_catalog(RdfFormat::JsonLd),
            RdfFormat::JsonLd.media_type(),
            "alternate_dcat_jsonld",
        ),
        link(
            Urls::dcat_catalog(RdfFormat::Turtle),
            RdfFormat::Turtle.media_type(),
            "alternate_dcat_turtle",
        ),
        link(Urls::data_json(), "application/json", "alternate_data_json"),
        link(Urls::catalog_csv(), "text/csv", "alternate_catalog_csv"),
    ]
}

/// What a dataset page points to: its Data Package and its API file.
pub fn dataset_alternates(urls: &Urls, t: &Translation, record: &DatasetRecord) -> Vec<Alternate> {
    let title = &record.dataset.title;
    let mut links = vec![Alternate {
        href: urls.href(&Urls::api_dataset(&record.dataset.id)),
        media_type: "application/json",
        title: format!("{title}: {}", t.ui("alternate_api")),
    }];
    if record.published {
        links.push(Alternate {
            href: urls.href(&Urls::datapackage(&record.dataset.id)),
            media_type: "application/json",
            title: format!("{title}: {}", t.ui("alternate_datapackage")),
        });
    }
    links
}

/// What a participant page points to: its own DCAT-AP catalog.
pub fn participant_alternates(
    urls: &Urls,
    t: &Translation,
    id: &str,
    name: &str,
) -> Vec<Alternate> {
    [
        (RdfFormat::JsonLd, "alternate_dcat_jsonld"),
        (RdfFormat::Turtle, "alternate_dcat_turtle"),
    ]
    .into_iter()
    .map(|(format, key)| Alternate {
        href: urls.href(&Urls::participant_dcat_catalog(id, format)),
        media_type: format.media_type(),
        title: format!("{name}: {}", t.ui(key)),
    })
    .collect()
}

/// A file the developer page lists: its link and its absolute URL to copy.
#[derive(Debug, Clone, Serialize)]
pub struct FileLink {
    pub href: String,
    pub url: String,
}

/// What the "API / datos abiertos" page shows.
#[derive(Debug, Clone, Serialize)]
pub struct DeveloperPage {
    pub catalog_jsonld: FileLink,
    pub catalog_ttl: FileLink,
    pub data_json: FileLink,
    pub catalog_csv: FileLink,
    pub feed: FileLink,
    pub sitemap: FileLink,
    pub api_index: FileLink,
    pub participants: Vec<ParticipantCatalog>,
    /// One published dataset, to show the per-dataset files.
    pub example: Option<DatasetExample>,
    pub api_version: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct ParticipantCatalog {
    pub name: String,
    pub jsonld: FileLink,
    pub ttl: FileLink,
}

#[derive(Debug, Clone, Serialize)]
pub struct DatasetExample {
    pub title: String,
    pub page: FileLink,
    pub datapackage: FileLink,
    pub api: FileLink,
}

pub fn developer_page(records: &Records) -> DeveloperPage {
    let urls = records.urls;
    let link = |route: Route| FileLink {
        href: urls.href(&route),
        url: urls.absolute(&route),
    };
    DeveloperPage {
        catalog_jsonld: link(Urls::dcat_catalog(RdfFormat::JsonLd)),
        catalog_ttl: link(Urls::dcat_catalog(RdfFormat::Turtle)),
        data_json: link(Urls::data_json()),
        catalog_csv: link(Urls::catalog_csv()),
        feed: link(Urls::feed()),
        sitemap: link(Urls::sitemap()),
        api_index: link(Urls::api_datasets()),
        participants: records
            .site
            .participants
            .iter()
            .map(|p| ParticipantCatalog {
                name: p.name.clone(),
                jsonld: link(Urls::participant_dcat_catalog(&p.id, RdfFormat::JsonLd)),
                ttl: link(Urls::participant_dcat_catalog(&p.id, RdfFormat::Turtle)),
            })
            .collect(),
        example: records.published().next().map(|r| DatasetExample {
            title: r.dataset.title.clone(),
            page: link(Urls::dataset(&r.dataset.id)),
            datapackage: link(Urls::datapackage(&r.dataset.id)),
            api: link(Urls::api_dataset(&r.dataset.id)),
        }),
        api_version: api::VERSION,
    }
}
