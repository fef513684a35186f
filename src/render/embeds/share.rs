//! «Insertar»: a chart, table or map that another site can show. Each has a
//! page of its own under `/insertar/` made to be framed (`pages/embed.rs`),
//! and where it is shown on the portal, a box with the `<iframe>` code to
//! copy and a link to that page. The story's figures are collected here as
//! the story is rendered, so their pages show exactly what the story shows.

use super::escape;
use crate::output::urls::{Route, Urls};
use crate::render::Translation;
use crate::sync::Unpoisoned;
use std::sync::Mutex;

/// How tall the frame of each kind of figure is, in CSS pixels.
#[derive(Debug, Clone, Copy)]
pub enum Frame {
    Chart,
    Table,
    Map,
}

impl Frame {
    fn height(self) -> u32 {
        match self {
            Frame::Chart => 520,
            Frame::Table => 440,
            Frame::Map => 520,
        }
    }

    /// The kind's name in the page's language, to title the frame.
    pub fn name(self, t: &Translation) -> &str {
        t.ui(match self {
            Frame::Chart => "embed_kind_chart",
            Frame::Table => "embed_kind_table",
            Frame::Map => "embed_kind_map",
        })
    }
}

/// A story's figure, as its embed page shows it.
#[derive(Debug, Clone)]
pub struct SharedFigure {
    /// Its page under `/insertar/`.
    pub route: Route,
    /// What the frame is called («Gráfica: Movilidad estudiantil»).
    pub title: String,
    pub dataset_id: String,
    /// The figure's HTML, as the story shows it.
    pub html: String,
}

/// Where a story's figures are shared: its id, and where they are collected.
#[derive(Clone, Copy)]
pub struct Share<'a> {
    pub story_id: &'a str,
    pub figures: &'a Mutex<Vec<SharedFigure>>,
}

impl Share<'_> {
    /// Keeps the `number`-th figure of the story and gives its box to copy it from.
    pub(super) fn figure(
        &self,
        (urls, t): (&Urls, &Translation),
        number: usize,
        (frame, dataset_title, dataset_id): (Frame, &str, &str),
        html: &str,
    ) -> String {
        let route = Urls::story_embed(self.story_id, number);
        let title = format!("{}: {dataset_title}", frame.name(t));
        let id = format!("embed-{number}");
        let share = share_box(urls, t, &route, &title, frame, &id);
        self.figures.lock().unpoisoned().push(SharedFigure {
            route,
            title,
            dataset_id: dataset_id.to_string(),
            html: html.to_string(),
        });
        share
    }
}

/// The `<iframe>` code of the embed page at `route`.
pub fn iframe_code(urls: &Urls, route: &Route, title: &str, frame: Frame) -> String {
    format!(
        r#"<iframe src="{}" title="{}" width="100%" height="{}" style="border:0" loading="lazy"></iframe>"#,
        escape(&urls.absolute(route)),
        escape(title),
        frame.height()
    )
}

/// «Insertar»: the code to copy to show the figure on another site, and a
/// link to its page. `id` is unique in the page.
pub fn share_box(
    urls: &Urls,
    t: &Translation,
    route: &Route,
    title: &str,
    frame: Frame,
    id: &str,
) -> String {
    format!(
        r#"<details class="embed-share"><summary>{summary}<span class="visually-hidden">: {title}</span></summary><p>{intro}</p><label for="{id}-code">{label}</label><textarea id="{id}-code" class="embed-code" rows="3" readonly spellcheck="false" data-copy="{copy}" data-copied="{copied}">{code}</textarea><p><a href="{href}">{open}<span class="visually-hidden">: {title}</span></a></p></details>"#,
        summary = escape(t.ui("embed_share")),
        title = escape(title),
        intro = escape(t.ui("embed_share_intro")),
        label = escape(t.ui("embed_code_label")),
        copy = escape(t.ui("embed_copy")),
        copied = escape(t.ui("embed_copied")),
        code = escape(&iframe_code(urls, route, title, frame)),
        href = escape(&urls.href(route)),
        open = escape(t.ui("embed_open")),
    )
}
