//! The pages at the former addresses of renamed datasets.

use super::Builder;
use crate::output::urls::Urls;
use crate::render::PageJob;
use serde::Serialize;

/// `redirect.html`'s data.
#[derive(Serialize)]
struct Redirect<'a> {
    /// The dataset's address now.
    target: String,
    former_id: &'a str,
}

/// For each former id of a renamed dataset, a page at the old address that
/// sends the reader (and search engines, through the canonical link) to the new one.
pub(super) fn jobs<'j>(b: &'j Builder) -> Vec<PageJob<'j>> {
    let urls = b.views.urls;
    let t = b.views.t;
    let formers = b.views.site.datasets.iter().flat_map(|dataset| {
        dataset
            .former_ids
            .iter()
            .map(move |former| (dataset, former))
    });
    formers
        .map(|(dataset, former)| {
            b.job(Urls::former_dataset(former), "redirect.html", move |_| {
                let target = Urls::dataset(&dataset.id);
                // The canonical address is the dataset's own.
                let meta = b.meta(&target, &dataset.title, t.ui("moved_text"), "datos");
                let data = Redirect {
                    target: urls.href(&target),
                    former_id: former,
                };
                b.context(meta, &data)
            })
        })
        .collect()
}
