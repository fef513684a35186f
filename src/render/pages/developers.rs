//! The page for developers: what the portal publishes for machines.

use super::Builder;
use crate::output::urls::Urls;
use crate::render::PageJob;
use crate::render::catalogs::{self, DeveloperPage};
use serde::Serialize;

/// `api.html`'s data.
#[derive(Serialize)]
struct Developers {
    files: DeveloperPage,
}

pub(super) fn jobs<'j>(b: &'j Builder) -> Vec<PageJob<'j>> {
    let t = b.views.t;
    vec![b.job(Urls::developers(), "api.html", move |route| {
        let meta = b.meta(
            route,
            t.ui("developers_title"),
            t.ui("developers_intro"),
            "api",
        );
        let files = catalogs::developer_page(b.records);
        b.context(meta, &Developers { files })
    })]
}
