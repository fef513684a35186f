//! The home page: the network at a glance.

use super::Builder;
use crate::model::{Dataset, Status};
use crate::output::urls::{Route, Urls};
use crate::render::PageJob;
use crate::render::cache::PageContext;
use crate::render::markdown_html;
use crate::render::views::{DatasetSummary, ParticipantSummary, StorySummary};
use serde::Serialize;

/// `index.html`'s data.
#[derive(Serialize)]
struct Home<'a> {
    description_html: String,
    counts: Counts,
    participants: &'a [ParticipantSummary],
    /// The six datasets updated last.
    latest_datasets: Vec<&'a DatasetSummary>,
    latest_stories: Vec<&'a StorySummary>,
    /// Each participant's outline or point on a map (a `<figure>`).
    network_map: Option<&'a str>,
}

/// How much the network publishes.
#[derive(Serialize)]
struct Counts {
    participants: usize,
    /// Published datasets.
    datasets: usize,
    /// Resources of the published datasets.
    resources: usize,
    stories: usize,
    /// Planned datasets.
    planned: usize,
}

pub(super) fn jobs<'j>(b: &'j Builder) -> Vec<PageJob<'j>> {
    vec![b.job(Urls::home(), "index.html", move |route| page(b, route))]
}

fn page(b: &Builder, route: &Route) -> PageContext {
    let site = b.views.site;
    let meta = b.meta(
        route,
        &site.portal.title,
        &crate::render::markdown::summary(&site.portal.description, 200),
        "inicio",
    );
    let published: Vec<&Dataset> = site
        .datasets
        .iter()
        .filter(|d| d.status == Status::Published)
        .collect();
    let description = markdown_html(
        &site.portal.description,
        &site.portal.source_file,
        site.portal.description_line,
        &b.links,
        b.diagnostics,
    );
    let counts = Counts {
        participants: site.participants.len(),
        datasets: published.len(),
        resources: published.iter().map(|d| d.resources.len()).sum::<usize>(),
        stories: b.views.stories.len(),
        planned: site.datasets.len() - published.len(),
    };
    let home = Home {
        description_html: description.html,
        counts,
        participants: &b.participants,
        latest_datasets: latest_datasets(b, published),
        latest_stories: b.views.stories.iter().take(3).collect(),
        network_map: b.network_map,
    };
    let live = b
        .network_map
        .is_some_and(|html| html.contains(" data-map=\""));
    b.context(meta.with_map(live), &home)
}

/// The six published datasets modified (or issued) last.
fn latest_datasets<'a>(b: &'a Builder, mut published: Vec<&Dataset>) -> Vec<&'a DatasetSummary> {
    published.sort_by(|x, y| {
        y.modified
            .or(y.issued)
            .cmp(&x.modified.or(x.issued))
            .then_with(|| x.id.cmp(&y.id))
    });
    published
        .iter()
        .take(6)
        .filter_map(|d| b.views.dataset_summary_of(&d.id))
        .collect()
}
