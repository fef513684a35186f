//! Search across the portal: where the index is, for every page that
//! searches (the results page, the catalog), and the results page itself
//! (`/buscar/`), which the search form of every page leads to when the
//! browser runs JavaScript. It lists datasets, stories, participants and
//! pages, each labelled, with the same engine as the catalog (`search.js`).
//! Without JavaScript the forms lead to the catalog, which lists everything.

use super::Builder;
use crate::output::urls::Urls;
use crate::render::PageJob;
use crate::render::search::index::DOCS_PER_FILE;
use serde::Serialize;

/// Where the search index is and how its documents are numbered, for `search.js`.
#[derive(Serialize)]
pub(super) struct IndexPlace<'a> {
    shards: &'a str,
    shards_href: String,
    docs_href: String,
    docs_per_file: usize,
    /// Documents are datasets, then stories, participants and pages: how many of each.
    dataset_docs: usize,
    story_docs: usize,
    participant_docs: usize,
    page_docs: usize,
}

impl<'a> IndexPlace<'a> {
    pub(super) fn of(b: &'a Builder) -> IndexPlace<'a> {
        let urls = b.views.urls;
        let counts = b.finder.counts;
        IndexPlace {
            shards: &b.finder.shards,
            shards_href: urls.href(&Urls::search_shards()),
            docs_href: urls.href(&Urls::search_docs()),
            docs_per_file: DOCS_PER_FILE,
            dataset_docs: counts.datasets,
            story_docs: counts.stories,
            participant_docs: counts.participants,
            page_docs: counts.pages,
        }
    }
}

/// `search.html`'s data.
#[derive(Serialize)]
struct SearchPage<'a> {
    index: IndexPlace<'a>,
}

pub(super) fn jobs<'j>(b: &'j Builder) -> Vec<PageJob<'j>> {
    let texts = ["search_title", "search_intro", "buscar"];
    vec![
        b.titled_job((Urls::search(), "search.html"), texts, || SearchPage {
            index: IndexPlace::of(b),
        }),
    ]
}
