//! The stories: their list, and each story's page with the files beside it.

use super::Builder;
use crate::model::Story;
use crate::output::urls::{Route, Urls};
use crate::output::{Content, Origin, OutputFile};
use crate::render::catalogs::Alternate;
use crate::render::embeds::Embeds;
use crate::render::embeds::share::Share;
use crate::render::markdown::{Heading, MarkdownSource, Rendered};
use crate::render::views::{DatasetSummary, StorySummary, Views};
use crate::render::{PageJob, cache::PageContext, story_markdown};
use crate::sync::Unpoisoned;
use serde::Serialize;

/// `stories.html`'s data.
#[derive(Serialize)]
struct Stories<'a> {
    stories: &'a [StorySummary],
    feed: Alternate,
}

/// `story.html`'s data.
#[derive(Serialize)]
struct StoryPage<'a> {
    story: &'a StorySummary,
    feed: Alternate,
    body_html: String,
    reading_minutes: usize,
    /// The second-level headings, for a table of contents.
    headings: Vec<&'a Heading>,
    /// The datasets the story uses (another participant's too, on the network's portal).
    datasets: Vec<std::borrow::Cow<'a, DatasetSummary>>,
}

/// The stories' page, then one page per story built.
pub(super) fn jobs<'j>(b: &'j Builder) -> Vec<PageJob<'j>> {
    let views = b.views;
    let texts = ["stories", "stories_intro", "historias"];
    let index = b.titled_job((Urls::stories(), "stories.html"), texts, move || Stories {
        stories: &views.stories,
        feed: stories_feed_link(views),
    });
    let pages = views
        .built_stories(b.options.include_drafts)
        .zip(&views.stories)
        .map(|(story, summary)| {
            b.job(Urls::story(&story.id), "story.html", move |route| {
                page(b, route, story, summary)
            })
        });
    std::iter::once(index).chain(pages).collect()
}

fn page(b: &Builder, route: &Route, story: &Story, summary: &StorySummary) -> PageContext {
    let Rendered { html, headings, .. } = body(b, story);
    let words = story.body.split_whitespace().count();
    // A `mapa` embed that becomes interactive (ammonia keeps no `data-`
    // attribute of a story's own HTML, so only an embed has one).
    let live_map = html.contains(" data-map=\"");
    let meta = b
        .meta(route, &story.title, &summary.summary, "historias")
        .edited_in(b, &story.source_file)
        .with_map(live_map);
    let data = StoryPage {
        story: summary,
        feed: stories_feed_link(b.views),
        body_html: html,
        reading_minutes: words.div_ceil(200).max(1),
        headings: headings.iter().filter(|h| h.level == 2).collect(),
        datasets: story
            .datasets
            .iter()
            .filter_map(|id| b.views.cited_dataset(id))
            .collect(),
    };
    b.context(meta, &data)
}

/// The story's text rendered; the files it shows (and its cover) join the
/// files beside the stories.
fn body(b: &Builder, story: &Story) -> Rendered {
    let folder = |relative: &str| Urls::story_file(&story.id, relative);
    let source = MarkdownSource {
        file: &story.source_file,
        first_line: story.body_first_line,
    };
    // Its charts, tables and maps can be put on other sites («Insertar»).
    let embeds = Embeds {
        share: Some(Share {
            story_id: &story.id,
            figures: &b.story_figures,
        }),
        ..b.embeds
    };
    let (body, mut files) = story_markdown(
        &story.body,
        source,
        &b.links,
        &embeds,
        Some(&folder),
        b.diagnostics,
    );
    if let Some(cover) = &story.cover {
        files.push(OutputFile {
            route: Urls::story_file(&story.id, &cover.relative),
            content: Content::CopyOf(cover.path.clone()),
            origin: Origin::Site(story.source_file.clone()),
        });
    }
    // The files a story shows are found while its text is rendered,
    // so every run makes each story's data, even when the page is unchanged.
    b.story_files
        .lock()
        .unpoisoned()
        .extend(files.into_iter().map(|file| (file.route.clone(), file)));
    body
}

/// The stories' Atom feed, for `<link rel="alternate">`.
fn stories_feed_link(views: &Views) -> Alternate {
    Alternate {
        href: views.urls.href(&Urls::stories_feed()),
        media_type: "application/atom+xml",
        title: format!(
            "{}: {}",
            views.site.portal.title,
            views.t.ui("stories_feed")
        ),
    }
}
