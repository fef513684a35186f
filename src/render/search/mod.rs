//! Full-text search: Spanish-aware word folding (`fold`) and the static,
//! sharded index the theme's `search.js` queries (`index`).

pub mod fold;
pub mod index;

use super::views::Views;
use crate::model::Site;
use index::{DocKind, Document, plain_text};

/// What search finds: every dataset (document `i` is `site.datasets[i]`), then
/// the built stories, newest first.
pub fn documents(views: &Views, include_drafts: bool) -> Vec<Document> {
    let site: &Site = views.site;
    let mut docs: Vec<Document> = site
        .datasets
        .iter()
        .zip(&views.datasets)
        .map(|(d, summary)| {
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
                href: summary.href.clone(),
                title: d.title.clone(),
                summary: summary.summary.clone(),
                byline: summary.participant.text.clone(),
                keywords,
                columns,
                body,
            }
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
            columns: String::new(),
            body: format!("{} {}", summary.summary, plain_text(&story.body)),
        });
    }
    docs
}
