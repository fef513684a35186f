//! The page of each dataset: its description, metadata, resources and the
//! stories that use it.

use super::Builder;
use crate::model::{Dataset, License, ResourceLocation, Status};
use crate::output::urls::{Route, Urls};
use crate::render::catalogs::{self, Alternate};
use crate::render::views::{DatasetSummary, DateView, Link, ResourceView, StorySummary};
use crate::render::{PageJob, Translation, cache::PageContext, markdown_html};
use serde::Serialize;

/// A metadata field the dataset lacks: its descriptor key, and what it is when the key does not say it.
#[derive(Serialize)]
struct MissingField {
    key: &'static str,
    about: Option<String>,
}

/// `dataset.html`'s data.
#[derive(Serialize)]
struct DatasetPage<'a> {
    /// The metadata fields a catalog standard wants and the dataset lacks.
    completeness_missing: Vec<MissingField>,
    participant_freshness_href: String,
    dataset: &'a DatasetSummary,
    description_html: String,
    keywords: Vec<Link>,
    categories: Vec<Link>,
    license: &'a License,
    /// How to cite it, when its licence asks for it.
    citation: Option<String>,
    issued: Option<DateView>,
    modified_date: Option<DateView>,
    frequency: Option<&'a String>,
    /// The period the data covers, written out.
    temporal: Option<String>,
    spatial: &'a Option<String>,
    contact_name: Option<String>,
    contact_email: Option<String>,
    resources: Vec<ResourceView>,
    stories: Vec<&'a StorySummary>,
    status_published: bool,
    /// Its schema.org description, for search engines.
    json_ld: Option<String>,
    /// Its entries in the machine-readable catalogs.
    alternates: Vec<Alternate>,
    /// The forge's history of its descriptor and data files, when the portal
    /// names its `repository` and git's history is not read here.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    source_history: Vec<Link>,
    /// Its history from git: the latest commits that changed it.
    history: Option<super::history::HistorySection>,
}

/// Links to the forge's history of the dataset's descriptor and of each of
/// its data files in the site.
fn source_history(b: &Builder, dataset: &Dataset) -> Vec<Link> {
    let Some(repository) = b.repository().filter(|_| !b.history.in_repository) else {
        return Vec::new();
    };
    let root = &b.views.site.root;
    let descriptor = Link {
        href: repository.history_url(&dataset.source_file),
        text: dataset.source_file.clone(),
    };
    let data_files = dataset.resources.iter().filter_map(|resource| {
        let ResourceLocation::Local { path, .. } = &resource.location else {
            return None;
        };
        let site_file = crate::diagnostics::display_path(root, path);
        Some(Link {
            href: repository.history_url(&site_file),
            text: site_file,
        })
    });
    std::iter::once(descriptor).chain(data_files).collect()
}

pub(super) fn jobs<'j>(b: &'j Builder) -> Vec<PageJob<'j>> {
    b.views
        .site
        .datasets
        .iter()
        .map(|dataset| {
            b.job(Urls::dataset(&dataset.id), "dataset.html", move |route| {
                page(b, route, dataset)
            })
        })
        .collect()
}

fn page(b: &Builder, route: &Route, dataset: &Dataset) -> PageContext {
    let views = b.views;
    let t = views.t;
    let summary = views
        .dataset_summary_of(&dataset.id)
        .expect("every dataset has a summary");
    let meta = b
        .meta(route, &dataset.title, &summary.summary, "datos")
        .edited_in(b, &dataset.source_file);
    let describe = |text: &str, line: usize| {
        markdown_html(text, &dataset.source_file, line, &b.links, b.diagnostics).html
    };
    let description_html = describe(&dataset.description, dataset.description_line);
    let contact = dataset.contact.as_ref();
    let data = DatasetPage {
        completeness_missing: completeness_missing(b, dataset),
        participant_freshness_href: views
            .urls
            .href(&Urls::participant_freshness(&dataset.participant)),
        dataset: summary,
        description_html,
        keywords: views.keyword_links(&dataset.keywords),
        categories: views.category_links(&dataset.categories),
        license: &dataset.license,
        citation: citation(b, dataset),
        issued: dataset.issued.map(|d| views.date(d)),
        modified_date: dataset.modified.map(|d| views.date(d)),
        frequency: dataset.frequency.and_then(|f| t.frequencies.get(f.key())),
        temporal: temporal(t, dataset),
        spatial: &dataset.spatial,
        contact_name: contact.and_then(|c| c.name.clone()),
        contact_email: contact.and_then(|c| c.email.clone()),
        resources: views.resources(dataset, b.analysis, describe),
        stories: views.stories_about(&dataset.id),
        status_published: dataset.status == Status::Published,
        json_ld: catalogs::dataset_json_ld(b.records, &dataset.id),
        alternates: b
            .records
            .get(&dataset.id)
            .map(|record| catalogs::dataset_alternates(views.urls, t, record))
            .unwrap_or_default(),
        source_history: source_history(b, dataset),
        history: super::history::section(b, dataset),
    };
    let live = data.resources.iter().any(|r| {
        r.data
            .as_ref()
            .and_then(|d| d.map.as_ref())
            .is_some_and(|m| m.live)
    });
    b.context(meta.with_map(live), &data)
}

/// The metadata fields the dataset lacks.
fn completeness_missing(b: &Builder, dataset: &Dataset) -> Vec<MissingField> {
    let language = b.views.t.language;
    crate::rules::completeness::completeness(dataset, b.views.site)
        .map(|c| {
            c.missing()
                .map(|f| MissingField {
                    key: f.field,
                    about: f.about.as_ref().map(|m| m.text(language)),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// How to cite the dataset, when its licence requires it: title, publisher, address, date consulted.
fn citation(b: &Builder, dataset: &Dataset) -> Option<String> {
    let views = b.views;
    let t = views.t;
    dataset.license.requires_citation().then(|| {
        let publisher = views
            .site
            .participant(&dataset.participant)
            .map_or(dataset.participant.clone(), |p| {
                format!("{} ({})", p.name, p.short_name)
            });
        let absolute = views.urls.absolute(&Urls::dataset(&dataset.id));
        format!(
            "{}. {publisher}. {absolute}. {}: {}.",
            dataset.title,
            t.ui("consulted_on"),
            t.ui("date_placeholder")
        )
    })
}

/// The period the data covers: `start – end`, `start –` or `– end`.
fn temporal(t: &Translation, dataset: &Dataset) -> Option<String> {
    let range = dataset.temporal.as_ref()?;
    match (range.start, range.end) {
        (Some(start), Some(end)) => Some(format!("{} – {}", t.date(start), t.date(end))),
        (Some(start), None) => Some(format!("{} –", t.date(start))),
        (None, Some(end)) => Some(format!("– {}", t.date(end))),
        (None, None) => None,
    }
}
