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
    let texts = ["developers_title", "developers_intro", "api"];
    vec![
        b.titled_job((Urls::developers(), "api.html"), texts, || Developers {
            files: catalogs::developer_page(b.records),
        }),
    ]
}
