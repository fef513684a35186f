//! The plain pages (from `pages/`) and the page of addresses that lead nowhere (404).

use super::Builder;
use crate::output::urls::Urls;
use crate::render::markdown::MarkdownSource;
use crate::render::{PageJob, story_markdown};
use serde::Serialize;

/// `page.html`'s data.
#[derive(Serialize)]
struct PlainPage {
    body_html: String,
}

/// `404.html`'s data: nothing but the page's title and text.
#[derive(Serialize)]
struct NotFound {}

/// One page per file of `pages/`.
pub(super) fn jobs<'j>(b: &'j Builder) -> Vec<PageJob<'j>> {
    b.views
        .site
        .pages
        .iter()
        .map(|page| {
            b.job(Urls::page(&page.slug), "page.html", move |route| {
                let source = MarkdownSource {
                    file: &page.source_file,
                    first_line: page.body_first_line,
                };
                let (body, _) =
                    story_markdown(&page.body, source, &b.links, &b.embeds, None, b.diagnostics);
                let meta = b
                    .meta(
                        route,
                        &page.title,
                        &crate::render::markdown::summary(&page.body, 200),
                        &page.slug,
                    )
                    .edited_in(b, &page.source_file);
                b.context(
                    meta,
                    &PlainPage {
                        body_html: body.html,
                    },
                )
            })
        })
        .collect()
}

/// `404.html`, which hosts serve for any address the portal does not have.
pub(super) fn not_found_jobs<'j>(b: &'j Builder) -> Vec<PageJob<'j>> {
    let texts = ["not_found_title", "not_found_text", "404"];
    vec![b.titled_job((Urls::not_found(), "404.html"), texts, || NotFound {})]
}
