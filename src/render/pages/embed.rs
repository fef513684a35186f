//! The pages made to be framed by other sites («Insertar», under
//! `/insertar/`): a story's chart, table or map, as the story shows it, and a
//! dataset's map or preview, as its page shows it. Each stands alone (no menu,
//! no footer of the portal), light, with a link back to its dataset and its
//! licence; links open outside the frame. `_headers` lets other sites frame
//! these pages only.

use super::Builder;
use crate::model::{Dataset, License, Resource, ResourceLocation};
use crate::output::urls::{Route, Urls};
use crate::render::PageJob;
use crate::render::cache::PageContext;
use crate::render::data_view::{self, MapView, TableView};
use crate::render::embeds::share::SharedFigure;
use crate::render::{figures, map_figure};
use serde::Serialize;

/// `embed.html`'s data: one figure, and where it comes from.
#[derive(Serialize)]
struct EmbedPage<'a> {
    /// A story's figure, as its HTML.
    figure_html: Option<String>,
    /// A dataset's map (the same as on its page).
    map: Option<MapView>,
    /// A dataset's preview (the same as on its page).
    table: Option<TableView>,
    dataset_title: &'a str,
    dataset_href: String,
    publisher: String,
    license: &'a License,
}

/// The page of each figure of every dataset: its resources' maps and previews.
pub(super) fn dataset_jobs<'j>(b: &'j Builder) -> Vec<PageJob<'j>> {
    let mut jobs = Vec::new();
    for (dataset, resource, facts) in b.analysed_resources() {
        for figure in figures::figures(facts, &resource.slug) {
            let route = Urls::dataset_embed(&dataset.id, &figure);
            jobs.push(b.job(route, "embed.html", move |route| {
                dataset_figure(b, route, dataset, resource, &figure)
            }));
        }
    }
    jobs
}

/// The page of each chart, table and map of the stories rendered.
pub(super) fn story_jobs<'j>(b: &'j Builder, mut figures: Vec<SharedFigure>) -> Vec<PageJob<'j>> {
    // Collected in the order the stories were rendered (on all cores).
    figures.sort_by(|a, b| a.route.cmp(&b.route));
    figures.dedup_by(|a, b| a.route == b.route);
    figures
        .into_iter()
        .filter_map(|figure| {
            let dataset = b.views.site.dataset(&figure.dataset_id)?;
            let route = figure.route.clone();
            Some(b.job(route, "embed.html", move |route| {
                let data = embed_page(b, dataset, Some(figure.html), None, None);
                b.context(b.meta(route, &figure.title, "", "historias"), &data)
            }))
        })
        .collect()
}

/// A dataset's map or preview table `figure`, alone.
fn dataset_figure(
    b: &Builder,
    route: &Route,
    dataset: &Dataset,
    resource: &Resource,
    figure: &str,
) -> PageContext {
    let views = b.views;
    let t = views.t;
    let outlines: Vec<_> = map_figure::boundary(views.site, b.analysis, &dataset.participant)
        .into_iter()
        .collect();
    let basemap = map_figure::basemap(views.site);
    let view = match &resource.location {
        ResourceLocation::Local {
            path, file_name, ..
        } => b.analysis.facts(path).map(|facts| {
            let cx = data_view::Context {
                t,
                urls: views.urls,
                dataset_id: &dataset.id,
                file_name,
                resource,
                explore_max_rows: views.site.portal.explore_max_rows,
                outlines: &outlines,
                basemap: basemap.as_ref(),
            };
            data_view::data_view(&cx, facts)
        }),
        ResourceLocation::Remote { .. } => None,
    };
    let (map, table) = match view {
        Some(view) if figure == figures::map_id(&resource.slug) => (view.map, None),
        Some(view) => (None, view.tables.into_iter().find(|t| t.id == figure)),
        None => (None, None),
    };
    let kind = if map.is_some() {
        "embed_kind_map"
    } else {
        "embed_kind_table"
    };
    let title = format!("{}: {}", t.ui(kind), resource.title);
    let data = embed_page(b, dataset, None, map, table);
    b.context(b.meta(route, &title, "", "datos"), &data)
}

fn embed_page<'a>(
    b: &Builder,
    dataset: &'a Dataset,
    figure_html: Option<String>,
    map: Option<MapView>,
    table: Option<TableView>,
) -> EmbedPage<'a> {
    let views = b.views;
    EmbedPage {
        figure_html,
        map,
        table,
        dataset_title: &dataset.title,
        dataset_href: views.urls.href(&Urls::dataset(&dataset.id)),
        publisher: views
            .site
            .participant(&dataset.participant)
            .map_or_else(|| dataset.participant.clone(), |p| p.name.clone()),
        license: &dataset.license,
    }
}
