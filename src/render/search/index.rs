//! The search index, built once per build into small static files so a browser
//! loads only what a query needs:
//!
//! - `buscar/indice/<xx>.json`: the terms starting with `xx` (folded, stemmed),
//!   each with its postings `[doc, score, doc gap, score, …]` (doc numbers
//!   delta-coded, best fields weigh most: title, then keywords and
//!   participant, then column names, then the text);
//! - `buscar/docs/<n>.json`: what a result shows (kind, link, title, summary,
//!   byline) for documents `n × DOCS_PER_FILE` onwards, fetched only for hits.

use super::fold::{shard_of, terms};
use std::collections::BTreeMap;

/// Documents per `buscar/docs/<n>.json` file.
pub const DOCS_PER_FILE: usize = 64;

/// How much a term weighs in each part of a document.
const TITLE: u32 = 8;
const KEYWORDS: u32 = 4;
const COLUMNS: u32 = 2;
const BODY: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    Dataset,
    Story,
}

/// One thing search can find, as plain text by part.
#[derive(Debug, Clone)]
pub struct Document {
    pub kind: DocKind,
    pub href: String,
    pub title: String,
    /// Shown under the title in results.
    pub summary: String,
    /// The participant's short name, or a story's date.
    pub byline: String,
    /// Keywords, categories, participant names.
    pub keywords: String,
    /// Column names.
    pub columns: String,
    /// Descriptions and story text.
    pub body: String,
}

/// The index's files: (name, JSON) pairs.
pub struct SearchIndex {
    /// `tr` → content of `buscar/indice/tr.json`.
    pub shards: BTreeMap<String, String>,
    /// Content of `buscar/docs/<n>.json`, by n.
    pub docs: Vec<String>,
}

impl SearchIndex {
    /// The shard names, space separated, for the page that searches (it fetches
    /// only shards that exist).
    pub fn shard_list(&self) -> String {
        self.shards.keys().cloned().collect::<Vec<_>>().join(" ")
    }
}

/// Builds the index of `documents`; a document's number is its position.
pub fn build(documents: &[Document]) -> SearchIndex {
    // term → doc → score
    let mut postings: BTreeMap<String, BTreeMap<usize, u32>> = BTreeMap::new();
    for (number, doc) in documents.iter().enumerate() {
        for (text, weight) in [
            (&doc.title, TITLE),
            (&doc.keywords, KEYWORDS),
            (&doc.columns, COLUMNS),
            (&doc.body, BODY),
        ] {
            // A part counts once per term, whatever its repetitions, so long
            // texts do not outrank titles.
            let mut seen = std::collections::BTreeSet::new();
            for term in terms(text) {
                if seen.insert(term.clone()) {
                    *postings.entry(term).or_default().entry(number).or_default() += weight;
                }
            }
        }
    }
    let mut shards: BTreeMap<String, BTreeMap<String, Vec<u64>>> = BTreeMap::new();
    for (term, docs) in postings {
        let mut list = Vec::with_capacity(docs.len() * 2);
        let mut previous = 0;
        for (doc, score) in docs {
            list.push((doc - previous) as u64);
            list.push(u64::from(score));
            previous = doc;
        }
        shards
            .entry(shard_of(&term).to_string())
            .or_default()
            .insert(term, list);
    }
    let shards = shards
        .into_iter()
        .map(|(name, terms)| (name, serde_json::to_string(&terms).unwrap_or_default()))
        .collect();
    let docs = documents
        .chunks(DOCS_PER_FILE)
        .map(|chunk| {
            let rows: Vec<[&str; 5]> = chunk
                .iter()
                .map(|d| {
                    [
                        match d.kind {
                            DocKind::Dataset => "d",
                            DocKind::Story => "s",
                        },
                        &d.href,
                        &d.title,
                        &d.summary,
                        &d.byline,
                    ]
                })
                .collect();
            serde_json::to_string(&rows).unwrap_or_default()
        })
        .collect();
    SearchIndex { shards, docs }
}

/// Plain text of Markdown: every text run, links' targets left out.
pub fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    let mut text = String::new();
    for event in Parser::new(markdown) {
        if let Event::Text(t) | Event::Code(t) = event {
            text.push_str(&t);
            text.push(' ');
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(title: &str, keywords: &str, body: &str) -> Document {
        Document {
            kind: DocKind::Dataset,
            href: "/datos/x/".into(),
            title: title.into(),
            summary: String::new(),
            byline: String::new(),
            keywords: keywords.into(),
            columns: String::new(),
            body: body.into(),
        }
    }

    #[test]
    fn terms_go_to_the_shard_of_their_first_two_letters_with_weighted_postings() {
        let index = build(&[
            doc("Accidentes de tránsito", "", ""),
            doc("Semáforos", "tránsito", "Semáforos del tránsito local."),
        ]);
        let tr: serde_json::Value = serde_json::from_str(&index.shards["tr"]).unwrap();
        // doc 0 by title (8), doc 1 (gap 1) by keyword and body (4 + 1).
        assert_eq!(tr["transit"], serde_json::json!([0, 8, 1, 5]));
        assert!(index.shards.contains_key("ac"));
        assert!(
            !index.shards.contains_key("de"),
            "stop words are not indexed"
        );
        assert_eq!(index.shard_list(), "ac lo se tr");
        let docs: serde_json::Value = serde_json::from_str(&index.docs[0]).unwrap();
        assert_eq!(docs[1][2], "Semáforos");
    }

    #[test]
    fn markdown_becomes_plain_text() {
        assert_eq!(
            plain_text("Ver [los *datos*](https://x.org)")
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["Ver", "los", "datos"]
        );
    }
}
