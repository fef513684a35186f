//! The pages at the former addresses of renamed datasets: every page of a
//! dataset (its own, its explorers', its embeds') has one at each former id's
//! address, which sends readers and search engines to the page it became.
//! (The dataset's files are copied to their former addresses: `render/files.rs`.)

use super::Builder;
use crate::model::Dataset;
use crate::output::urls::{DatasetAddress, Route};
use crate::render::PageJob;
use serde::Serialize;
use std::collections::HashMap;

/// `redirect.html`'s data.
#[derive(Serialize)]
struct Redirect<'a> {
    /// Where the page is now.
    target: String,
    former_id: &'a str,
}

/// For each page among `routes` that belongs to a renamed dataset, a page at
/// the same address under each of its former ids, pointing to it.
pub(super) fn jobs<'j>(b: &'j Builder, routes: &[Route]) -> Vec<PageJob<'j>> {
    let renamed: HashMap<&str, &Dataset> = b
        .views
        .site
        .datasets
        .iter()
        .filter(|d| !d.former_ids.is_empty())
        .map(|d| (d.id.as_str(), d))
        .collect();
    if renamed.is_empty() {
        return Vec::new();
    }
    let mut jobs = Vec::new();
    for route in routes {
        let Some(address) = DatasetAddress::of(route).filter(DatasetAddress::is_page) else {
            continue;
        };
        let Some(dataset) = renamed.get(address.dataset_id).copied() else {
            continue;
        };
        for former in &dataset.former_ids {
            jobs.push(job(
                b,
                address.with_id(former),
                route.clone(),
                dataset,
                former,
            ));
        }
    }
    jobs
}

/// The page at `old` that sends the reader to `target`.
fn job<'j>(
    b: &'j Builder,
    old: Route,
    target: Route,
    dataset: &'j Dataset,
    former: &'j str,
) -> PageJob<'j> {
    b.job(old, "redirect.html", move |_| {
        let t = b.views.t;
        // The canonical address is the page's own.
        let meta = b.meta(&target, &dataset.title, t.ui("moved_text"), "datos");
        let data = Redirect {
            target: b.views.urls.href(&target),
            former_id: former,
        };
        b.context(meta, &data)
    })
}
