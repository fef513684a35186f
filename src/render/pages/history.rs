//! A dataset's history from git: the «Historial de cambios» section of its
//! page (the latest entries), its history pages (every entry, 50 a page) and
//! one page per commit that changed a table, with a sample of the rows.

use super::Builder;
use crate::history::{Entry, RowChange, SampleCell, TableDiff};
use crate::model::Dataset;
use crate::output::urls::{Route, Urls};
use crate::render::PageJob;
use crate::render::cache::PageContext;
use crate::render::changes::{Changes, EntryView};
use crate::render::views::DatasetSummary;
use serde::Serialize;

/// Entries shown on the dataset's page; the rest are on its history pages.
const ON_DATASET_PAGE: usize = 10;
/// Entries on each history page.
const PER_PAGE: usize = 50;

/// The «Historial de cambios» section of a dataset's page.
#[derive(Serialize)]
pub(super) struct HistorySection {
    entries: Vec<EntryView>,
    /// «12 cambios».
    total: String,
    /// The history page, when the section does not show every entry.
    all: Option<String>,
    feed_href: String,
    /// The repository is a shallow clone: older entries are missing.
    shallow: bool,
}

/// `history.html`'s data: one page of a dataset's history.
#[derive(Serialize)]
struct HistoryPage<'a> {
    dataset: &'a DatasetSummary,
    entries: Vec<EntryView>,
    total: String,
    /// Every page of the history (the current one without `href`).
    pages: Vec<PageLink>,
    feed_href: String,
    shallow: bool,
}

#[derive(Serialize)]
struct PageLink {
    number: usize,
    href: Option<String>,
}

/// `change.html`'s data: one commit's changes to a dataset's tables.
#[derive(Serialize)]
struct ChangePage<'a> {
    dataset: &'a DatasetSummary,
    entry: EntryView,
    history_href: String,
    tables: Vec<TableChange>,
}

/// What changed in one table, with the sampled rows.
#[derive(Serialize)]
struct TableChange {
    path: String,
    facts: Vec<String>,
    /// How rows were matched, in words.
    matched_by: String,
    header: Vec<String>,
    rows: Vec<RowView>,
    /// «Se muestran las primeras 10 filas de cada tipo.», when there are more.
    more: Option<String>,
}

#[derive(Serialize)]
struct RowView {
    /// `added`, `removed`, `changed`.
    change: RowChange,
    change_text: String,
    line: String,
    cells: Vec<SampleCell>,
}

impl Builder<'_> {
    fn changes(&self) -> Changes<'_> {
        Changes {
            site: self.views.site,
            history: self.history,
            urls: self.views.urls,
            t: self.views.t,
        }
    }
}

/// The section of the dataset's page; `None` when git knows nothing of it.
pub(super) fn section(b: &Builder, dataset: &Dataset) -> Option<HistorySection> {
    let entries = b.history.of(&dataset.id);
    if entries.is_empty() {
        return None;
    }
    let changes = b.changes();
    let urls = b.views.urls;
    Some(HistorySection {
        entries: entries
            .iter()
            .take(ON_DATASET_PAGE)
            .map(|e| changes.entry(dataset, e))
            .collect(),
        total: total(b, entries.len()),
        all: (entries.len() > ON_DATASET_PAGE)
            .then(|| urls.href(&Urls::dataset_history(&dataset.id, 1))),
        feed_href: urls.href(&Urls::dataset_history_feed(&dataset.id)),
        shallow: b.history.shallow,
    })
}

/// «1 cambio», «12 cambios».
fn total(b: &Builder, n: usize) -> String {
    let t = b.views.t;
    let words = if n == 1 {
        t.ui("history_count_one")
    } else {
        t.ui("history_count")
    };
    format!("{} {words}", t.integer(n as u64))
}

pub(super) fn jobs<'j>(b: &'j Builder) -> Vec<PageJob<'j>> {
    let mut jobs = Vec::new();
    for dataset in &b.views.site.datasets {
        let entries = b.history.of(&dataset.id);
        let pages = entries.len().div_ceil(PER_PAGE);
        for page in 1..=pages {
            let route = Urls::dataset_history(&dataset.id, page);
            jobs.push(b.job(route, "history.html", move |route| {
                history_page(b, route, dataset, page)
            }));
        }
        for entry in entries.iter().filter(|e| has_sample(e)) {
            let route = Urls::dataset_change(&dataset.id, entry.commit.short_id());
            jobs.push(b.job(route, "change.html", move |route| {
                change_page(b, route, dataset, entry)
            }));
        }
    }
    jobs
}

fn has_sample(entry: &Entry) -> bool {
    entry
        .files
        .iter()
        .any(|f| f.table.as_ref().is_some_and(|t| !t.sample.is_empty()))
}

fn history_page(b: &Builder, route: &Route, dataset: &Dataset, page: usize) -> PageContext {
    let views = b.views;
    let summary = views
        .dataset_summary_of(&dataset.id)
        .expect("every dataset has a summary");
    let entries = b.history.of(&dataset.id);
    let title = format!("{}: {}", views.t.ui("history"), dataset.title);
    let meta = b.meta(route, &title, &summary.summary, "datos");
    let changes = b.changes();
    let pages = entries.len().div_ceil(PER_PAGE);
    let data = HistoryPage {
        dataset: summary,
        entries: entries
            .iter()
            .skip((page - 1) * PER_PAGE)
            .take(PER_PAGE)
            .map(|e| changes.entry(dataset, e))
            .collect(),
        total: total(b, entries.len()),
        pages: (1..=pages)
            .filter(|_| pages > 1)
            .map(|number| PageLink {
                number,
                href: (number != page)
                    .then(|| views.urls.href(&Urls::dataset_history(&dataset.id, number))),
            })
            .collect(),
        feed_href: views.urls.href(&Urls::dataset_history_feed(&dataset.id)),
        shallow: b.history.shallow,
    };
    b.context(meta, &data)
}

fn change_page(b: &Builder, route: &Route, dataset: &Dataset, entry: &Entry) -> PageContext {
    let views = b.views;
    let t = views.t;
    let summary = views
        .dataset_summary_of(&dataset.id)
        .expect("every dataset has a summary");
    let changes = b.changes();
    let view = changes.entry(dataset, entry);
    let title = format!(
        "{} {}: {}",
        t.ui("history_change_of"),
        view.date.text,
        dataset.title
    );
    let meta = b.meta(route, &title, &entry.commit.title, "datos");
    let tables = entry
        .files
        .iter()
        .filter_map(|file| {
            let table = file.table.as_ref().filter(|t| !t.sample.is_empty())?;
            Some(table_change(b, &changes, &file.path, table))
        })
        .collect();
    let data = ChangePage {
        dataset: summary,
        entry: view,
        history_href: views.urls.href(&Urls::dataset_history(&dataset.id, 1)),
        tables,
    };
    b.context(meta, &data)
}

/// The sample's columns, so that what changed is seen without scrolling:
/// the key first, then the columns a sampled row changed, then the rest.
fn column_order(table: &TableDiff) -> Vec<usize> {
    let key = table
        .keyed_by
        .as_ref()
        .and_then(|k| table.header.iter().position(|h| h == k));
    let changed = |i: usize| {
        table
            .sample
            .iter()
            .any(|r| r.cells.get(i).is_some_and(|c| c.before.is_some()))
    };
    let mut order: Vec<usize> = key.into_iter().collect();
    order.extend((0..table.header.len()).filter(|&i| Some(i) != key && changed(i)));
    order.extend((0..table.header.len()).filter(|&i| Some(i) != key && !changed(i)));
    order
}

fn table_change(b: &Builder, changes: &Changes, path: &str, table: &TableDiff) -> TableChange {
    let t = b.views.t;
    let matched_by = match &table.keyed_by {
        Some(key) => format!("{} {key}", t.ui("history_matched_by_key")),
        None => t.ui("history_matched_by_content").to_string(),
    };
    let sample = crate::history::table_diff::SAMPLE_ROWS as u64;
    let more = (table.added > sample || table.removed > sample || table.changed > sample)
        .then(|| t.ui("history_sample_note").to_string());
    let order = column_order(table);
    let rows = table
        .sample
        .iter()
        .map(|row| {
            let (key, line) = match row.change {
                RowChange::Added => ("history_row_added", row.line_after),
                RowChange::Removed => ("history_row_removed", row.line_before),
                RowChange::Changed => ("history_row_changed", row.line_after),
            };
            RowView {
                change: row.change,
                change_text: t.ui(key).to_string(),
                line: line.map(|l| t.integer(l as u64)).unwrap_or_default(),
                cells: order
                    .iter()
                    .filter_map(|&i| row.cells.get(i).cloned())
                    .collect(),
            }
        })
        .collect();
    TableChange {
        path: path.to_string(),
        facts: changes.table_facts(table),
        matched_by,
        header: order
            .iter()
            .filter_map(|&i| table.header.get(i).cloned())
            .collect(),
        rows,
        more,
    }
}
