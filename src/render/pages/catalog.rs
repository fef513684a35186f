//! The catalog: every dataset, with the search box and the filters.

use super::Builder;
use super::search::IndexPlace;
use super::taxonomy::CountedLink;
use crate::output::urls::Urls;
use crate::render::PageJob;
use crate::render::facets::{Facet, RECENT_DAYS};
use crate::render::views::DatasetSummary;
use serde::Serialize;

/// `catalog.html`'s data.
#[derive(Serialize)]
struct Catalog<'a> {
    entries: Vec<CatalogEntry<'a>>,
    facets: &'a [Facet],
    finder: Search<'a>,
    /// Shown instead of the filters when there are none.
    categories: &'a [CountedLink],
}

/// A dataset card of the catalog, with what filtering needs.
#[derive(Serialize)]
struct CatalogEntry<'a> {
    dataset: &'a DatasetSummary,
    /// Its number in the search index.
    doc: usize,
    /// `participante:xalapa tipo:municipio …`
    facets: String,
}

/// Where the search index is and how to read it, for `search.js`, with
/// what the freshness filter needs.
#[derive(Serialize)]
struct Search<'a> {
    #[serde(flatten)]
    index: IndexPlace<'a>,
    today: String,
    recent_days: i64,
}

pub(super) fn jobs<'j>(b: &'j Builder) -> Vec<PageJob<'j>> {
    let texts = ["catalog_title", "catalog_intro", "datos"];
    vec![b.titled_job((Urls::catalog(), "catalog.html"), texts, || catalog(b))]
}

/// `catalog.html`'s data: every dataset's card, the facets and the search.
fn catalog<'a>(b: &'a Builder) -> Catalog<'a> {
    let finder = b.finder;
    Catalog {
        entries: entries(b),
        facets: &finder.facets.facets,
        finder: Search {
            index: IndexPlace::of(b),
            today: finder.facets.today.to_string(),
            recent_days: RECENT_DAYS,
        },
        categories: &b.categories,
    }
}

/// Every dataset's card, with its number in the index and its facet values.
fn entries<'a>(b: &'a Builder) -> Vec<CatalogEntry<'a>> {
    let datasets = &b.views.site.datasets;
    b.views
        .all_where(|_| true)
        .into_iter()
        .filter_map(|summary| {
            let doc = datasets.binary_search_by(|d| d.id.cmp(&summary.id)).ok()?;
            Some(CatalogEntry {
                dataset: summary,
                doc,
                facets: b.finder.facets.attribute(doc),
            })
        })
        .collect()
}
