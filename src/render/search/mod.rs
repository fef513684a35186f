//! Full-text search: Spanish-aware word folding (`fold`) and the static,
//! sharded index the theme's `search.js` queries (`index`), of everything a
//! reader may look for: datasets (by their metadata and by the values their
//! data hold), stories, participants and pages.

pub mod fold;
pub mod index;

use super::markdown;
use super::views::Views;
use crate::analyse::{Analysis, ColumnType};
use crate::model::{Dataset, ResourceLocation, Site};
use crate::output::urls::Urls;
use index::{DataColumn, DocKind, Document, plain_text};

/// How many documents of each kind the index holds, in the order they are
/// numbered: datasets first (document `i` is `site.datasets[i]`), then
/// stories, participants and pages.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub datasets: usize,
    pub stories: usize,
    pub participants: usize,
    pub pages: usize,
}

/// What search finds: every dataset (document `i` is `site.datasets[i]`),
/// then the built stories, newest first, then the participants and the pages.
pub fn documents(views: &Views, analysis: &Analysis, include_drafts: bool) -> Vec<Document> {
    let site: &Site = views.site;
    let mut docs: Vec<Document> = site
        .datasets
        .iter()
        .zip(&views.datasets)
        .map(|(d, summary)| {
            let mut doc = dataset_document(site, d, analysis);
            doc.href = summary.href.clone();
            doc.summary = summary.summary.clone();
            doc.byline = summary.participant.text.clone();
            doc
        })
        .collect();
    for (story, summary) in views.built_stories(include_drafts).zip(&views.stories) {
        let mut keywords = story.tags.join(" ");
        if let Some(p) = story
            .participant
            .as_deref()
            .and_then(|p| site.participant(p))
        {
            keywords.push_str(&format!(" {} {}", p.name, p.short_name));
        }
        docs.push(Document {
            kind: DocKind::Story,
            href: summary.href.clone(),
            title: story.title.clone(),
            summary: summary.summary.clone(),
            byline: summary.date.text.clone(),
            keywords,
            body: format!("{} {}", summary.summary, plain_text(&story.body)),
            ..Document::default()
        });
    }
    docs.extend(site.participants.iter().map(|p| {
        let summary = views.participant_summary(p);
        Document {
            kind: DocKind::Participant,
            href: summary.href,
            title: p.name.clone(),
            summary: markdown::summary(&p.description, 220),
            byline: [Some(summary.kind), p.state.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · "),
            keywords: format!("{} {}", p.short_name, p.state.as_deref().unwrap_or("")),
            body: plain_text(&p.description),
            ..Document::default()
        }
    }));
    docs.extend(site.pages.iter().map(|page| Document {
        kind: DocKind::Page,
        href: views.urls.href(&Urls::page(&page.slug)),
        title: page.title.clone(),
        summary: markdown::summary(&page.body, 220),
        body: plain_text(&page.body),
        ..Document::default()
    }));
    docs
}

/// The search index of the documents of `views` and how many there are of each kind.
pub fn index_and_counts(
    views: &Views,
    analysis: &Analysis,
    include_drafts: bool,
) -> (index::SearchIndex, Counts) {
    let documents = documents(views, analysis, include_drafts);
    (index::build(&documents), counts(&documents))
}

/// How many documents of each kind `documents` holds.
pub fn counts(docs: &[Document]) -> Counts {
    let count = |kind: DocKind| docs.iter().filter(|d| d.kind == kind).count();
    Counts {
        datasets: count(DocKind::Dataset),
        stories: count(DocKind::Story),
        participants: count(DocKind::Participant),
        pages: count(DocKind::Page),
    }
}

/// A dataset as search reads it: its metadata, and the frequent values of
/// the text columns of its data (those that may hold personal data left out).
fn dataset_document(site: &Site, d: &Dataset, analysis: &Analysis) -> Document {
    let participant = site.participant(&d.participant);
    let mut keywords = d.keywords.join(" ");
    for c in d.categories.iter().filter_map(|id| site.category(id)) {
        keywords.push(' ');
        keywords.push_str(&c.title);
    }
    if let Some(p) = participant {
        keywords.push_str(&format!(" {} {}", p.name, p.short_name));
    }
    let mut columns = String::new();
    let mut body = plain_text(&d.description);
    for r in &d.resources {
        body.push_str(&format!(" {} {}", r.title, plain_text(&r.description)));
        for f in &r.fields {
            columns.push_str(&format!("{} ", f.name));
            body.push_str(&format!(" {}", plain_text(&f.description)));
        }
    }
    Document {
        kind: DocKind::Dataset,
        title: d.title.clone(),
        keywords,
        columns,
        body,
        data: data_columns(d, analysis),
        ..Document::default()
    }
}

/// The text columns of a dataset's tables with the values search finds it
/// by, a column met in several tables once.
fn data_columns(d: &Dataset, analysis: &Analysis) -> Vec<DataColumn> {
    let mut columns: Vec<DataColumn> = Vec::new();
    let files = d.resources.iter().filter_map(|r| match &r.location {
        ResourceLocation::Local { path, .. } => analysis.facts(path),
        ResourceLocation::Remote { .. } => None,
    });
    for facts in files {
        for (_, table) in facts.tables() {
            let personal = |name: &str| table.personal_data.iter().any(|f| f.column == name);
            let text = table
                .profile
                .iter()
                .filter(|p| p.column_type == ColumnType::Text && !p.search_values.is_empty())
                .filter(|p| !personal(&p.name));
            for profile in text {
                match columns.iter_mut().find(|c| c.name == profile.name) {
                    Some(column) => column.values.extend(profile.search_values.iter().cloned()),
                    None => columns.push(DataColumn {
                        name: profile.name.clone(),
                        values: profile.search_values.clone(),
                    }),
                }
            }
        }
    }
    columns
}
