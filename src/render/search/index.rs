//! The search index, built once per build into small static files so a browser
//! loads only what a query needs:
//!
//! - `buscar/indice/<xx>.json`: the terms starting with `xx` (folded, stemmed),
//!   each with its postings `[doc, score, doc gap, score, …]` (doc numbers
//!   delta-coded, best fields weigh most: title, then keywords and
//!   participant, then column names, then the text); and the terms of the
//!   values a dataset's data hold, as `~term` with `[doc, column, doc gap,
//!   column, …]` (the column's number among the document's data columns, so a
//!   result can say why it matched: «en los datos: columna municipio»). A
//!   shard that would pass [`MAX_SHARD_BYTES`] is split by the terms' first
//!   three letters (`tra.json`, `tre.json`; two-letter terms stay in
//!   `tr.json`), so a first query loads little whatever the portal's size;
//! - `buscar/docs/<n>.json`: what a result shows (kind, link, title, summary,
//!   byline, and a dataset's data columns) for documents `n × DOCS_PER_FILE`
//!   onwards, fetched only for hits.

use super::fold::{shard_of, terms};
use std::collections::{BTreeMap, BTreeSet};

/// Documents per `buscar/docs/<n>.json` file: a page of results needs a
/// file per hit at worst, so they are small.
pub const DOCS_PER_FILE: usize = 16;

/// A shard larger than this is split by three letters.
pub const MAX_SHARD_BYTES: usize = 32 * 1024;

/// The prefix of the data values' entries in a shard.
pub const DATA_PREFIX: char = '~';

/// How much a term weighs in each part of a document.
const TITLE: u32 = 8;
const KEYWORDS: u32 = 4;
const COLUMNS: u32 = 2;
const BODY: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DocKind {
    #[default]
    Dataset,
    Story,
    Participant,
    Page,
}

impl DocKind {
    /// How a result file names the kind (`search.js` labels it).
    fn code(self) -> &'static str {
        match self {
            DocKind::Dataset => "d",
            DocKind::Story => "s",
            DocKind::Participant => "p",
            DocKind::Page => "g",
        }
    }
}

/// A column of a dataset's data, with the values search finds it by.
#[derive(Debug, Clone, Default)]
pub struct DataColumn {
    pub name: String,
    pub values: Vec<String>,
}

/// One thing search can find, as plain text by part.
#[derive(Debug, Clone, Default)]
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
    /// A dataset's data: its text columns' frequent values.
    pub data: Vec<DataColumn>,
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
    let mut postings = scored_postings(documents);
    postings.extend(data_postings(documents));
    let mut shards: BTreeMap<String, BTreeMap<String, Vec<u64>>> = BTreeMap::new();
    for (term, docs) in postings {
        let mut list = Vec::with_capacity(docs.len() * 2);
        let mut previous = 0;
        for (doc, value) in docs {
            list.push((doc - previous) as u64);
            list.push(u64::from(value));
            previous = doc;
        }
        shards
            .entry(shard_of(term.trim_start_matches(DATA_PREFIX)).to_string())
            .or_default()
            .insert(term, list);
    }
    let shards = shards
        .into_iter()
        .flat_map(|(name, terms)| split_shard(name, terms))
        .collect();
    let docs = documents
        .chunks(DOCS_PER_FILE)
        .map(|chunk| {
            let rows: Vec<serde_json::Value> = chunk.iter().map(result_row).collect();
            serde_json::to_string(&rows).unwrap_or_default()
        })
        .collect();
    SearchIndex { shards, docs }
}

/// What a result shows of a document: `[kind, link, title, summary, byline]`,
/// and a dataset's data columns when it has any.
fn result_row(d: &Document) -> serde_json::Value {
    let mut row = serde_json::json!([d.kind.code(), d.href, d.title, d.summary, d.byline]);
    if !d.data.is_empty()
        && let Some(items) = row.as_array_mut()
    {
        let names: Vec<&str> = d.data.iter().map(|c| c.name.as_str()).collect();
        items.push(serde_json::json!(names));
    }
    row
}

/// A shard's JSON; when larger than [`MAX_SHARD_BYTES`], its terms by their
/// first three letters instead (two-letter terms keep the shard's name).
fn split_shard(name: String, terms: BTreeMap<String, Vec<u64>>) -> Vec<(String, String)> {
    let json = serde_json::to_string(&terms).unwrap_or_default();
    if json.len() <= MAX_SHARD_BYTES {
        return vec![(name, json)];
    }
    let mut split: BTreeMap<String, BTreeMap<String, Vec<u64>>> = BTreeMap::new();
    for (term, list) in terms {
        let letters = term.trim_start_matches(DATA_PREFIX);
        let end = letters
            .char_indices()
            .nth(3)
            .map_or(letters.len(), |(i, _)| i);
        split
            .entry(letters[..end].to_string())
            .or_default()
            .insert(term, list);
    }
    split
        .into_iter()
        .map(|(name, terms)| (name, serde_json::to_string(&terms).unwrap_or_default()))
        .collect()
}

/// Each data value's terms: `~term` → doc → the column it is in (the
/// document's first column that holds it).
fn data_postings(documents: &[Document]) -> BTreeMap<String, BTreeMap<usize, u32>> {
    let mut postings: BTreeMap<String, BTreeMap<usize, u32>> = BTreeMap::new();
    for (number, doc) in documents.iter().enumerate() {
        let mut seen = BTreeSet::new();
        for (column, data) in doc.data.iter().enumerate() {
            for term in data.values.iter().flat_map(|v| terms(v)) {
                if seen.insert(term.clone()) {
                    postings
                        .entry(format!("{DATA_PREFIX}{term}"))
                        .or_default()
                        .insert(number, column as u32);
                }
            }
        }
    }
    postings
}

/// term → doc → score, each part of a document weighing what it is worth.
fn scored_postings(documents: &[Document]) -> BTreeMap<String, BTreeMap<usize, u32>> {
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
            let mut seen = BTreeSet::new();
            for term in terms(text) {
                if seen.insert(term.clone()) {
                    *postings.entry(term).or_default().entry(number).or_default() += weight;
                }
            }
        }
    }
    postings
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
            href: "/datos/x/".into(),
            title: title.into(),
            keywords: keywords.into(),
            body: body.into(),
            ..Document::default()
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
    fn data_values_are_found_with_their_column() {
        let mut indicadores = doc("Indicadores sociales", "", "");
        indicadores.data = vec![
            DataColumn {
                name: "region".into(),
                values: vec!["Centro".into()],
            },
            DataColumn {
                name: "municipio".into(),
                values: vec!["Guadalajara".into(), "Tala".into()],
            },
        ];
        let index = build(&[doc("Semáforos", "", ""), indicadores]);
        let gu: serde_json::Value = serde_json::from_str(&index.shards["gu"]).unwrap();
        // doc 1, column 1 (municipio); not a term of its metadata.
        assert_eq!(gu["~guadalajar"], serde_json::json!([1, 1]));
        assert!(gu.get("guadalajar").is_none());
        let docs: serde_json::Value = serde_json::from_str(&index.docs[0]).unwrap();
        assert_eq!(docs[1][5], serde_json::json!(["region", "municipio"]));
        assert_eq!(docs[0].as_array().unwrap().len(), 5, "no data, no columns");
    }

    #[test]
    fn a_large_shard_is_split_by_three_letters() {
        let many: Vec<Document> = (0..3000)
            .map(|i| doc(&format!("tramite{i} transporte{i} trigo"), "", ""))
            .collect();
        let index = build(&many);
        assert!(!index.shards.contains_key("tr"), "{:?}", index.shard_list());
        for name in ["tra", "tri"] {
            let shard: serde_json::Value = serde_json::from_str(&index.shards[name]).unwrap();
            assert!(
                shard
                    .as_object()
                    .unwrap()
                    .keys()
                    .all(|term| term.starts_with(name))
            );
        }
        let small = build(&many[..3]);
        assert!(small.shards.contains_key("tr"));
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
