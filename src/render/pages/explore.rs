//! The explorer of each table (a CSV, or a workbook's sheet): its first rows
//! as a real table (what a browser without JavaScript shows), the controls to
//! sort and filter every row, and what `explore.js` needs to fetch the rest.

use super::Builder;
use crate::analyse::explore::{Explorer, Order, PAGE_ROWS};
use crate::analyse::{FileFacts, Table};
use crate::model::{Dataset, Resource, ResourceLocation};
use crate::output::urls::{Route, Urls};
use crate::render::PageJob;
use crate::render::cache::PageContext;
use crate::render::catalogs::script_text;
use crate::render::views::{DatasetSummary, Link};
use serde::Serialize;

/// Frequent values offered to filter a column by, at most.
const VALUE_CHOICES: usize = 30;
/// A column with more distinct values is searched, not chosen from.
const MAX_DISTINCT_FOR_CHOICES: u64 = 200;

/// `explore.html`'s data.
#[derive(Serialize)]
struct ExplorePage<'a> {
    dataset: &'a DatasetSummary,
    /// The table's name: the resource's title, and its sheet's.
    name: String,
    /// Rows and columns in words.
    summary: String,
    caption: String,
    columns: Vec<ColumnView>,
    first_rows: &'a [Vec<String>],
    /// The original file, to download it whole.
    download: Link,
    notes: Vec<String>,
    /// What `explore.js` reads: the data's address, the columns, the texts.
    config: String,
}

/// One column: its header and the filters it offers.
#[derive(Serialize)]
struct ColumnView {
    index: usize,
    name: String,
    /// `number`, `date` or `text`.
    order: Order,
    /// The column's most frequent values, to filter by one.
    values: Vec<String>,
}

pub(super) fn jobs<'j>(b: &'j Builder) -> Vec<PageJob<'j>> {
    let mut jobs = Vec::new();
    for (dataset, resource, facts) in b.analysed_resources() {
        for (sheet, table) in explored_tables(facts) {
            let route = Urls::explorer(&dataset.id, &resource.slug, sheet.map(|s| s.0));
            let sheet_name = sheet.map(|s| s.1);
            jobs.push(b.job(route, "explore.html", move |route| {
                page(b, route, dataset, resource, (sheet_name, table))
            }));
        }
    }
    jobs
}

/// The tables of a data file that have an explorer, with their sheet's index and name.
fn explored_tables(facts: &FileFacts) -> Vec<(Option<(usize, &str)>, &Table)> {
    use crate::analyse::FileContent as Data;
    match &facts.content {
        Data::Csv { csv, .. } => vec![(None, &csv.table)],
        Data::Workbook { sheets } => sheets
            .iter()
            .enumerate()
            .map(|(i, s)| (Some((i, s.name.as_str())), &s.table))
            .collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|(_, table)| table.explorer.is_some())
    .collect()
}

fn page(
    b: &Builder,
    route: &Route,
    dataset: &Dataset,
    resource: &Resource,
    (sheet, table): (Option<&str>, &Table),
) -> PageContext {
    let views = b.views;
    let t = views.t;
    let explorer = table
        .explorer
        .as_ref()
        .expect("only explored tables get a page");
    let summary = views
        .dataset_summary_of(&dataset.id)
        .expect("every dataset has a summary");
    let name = sheet.map_or(resource.title.clone(), |s| {
        format!("{} — {s}", resource.title)
    });
    let title = format!("{}: {name}", t.ui("explore_data"));
    let meta = b.meta(route, &title, &summary.summary, "datos");
    let columns = column_views(explorer, table);
    let data = ExplorePage {
        dataset: summary,
        summary: t
            .ui("explore_summary")
            .replace("{rows}", &t.integer(explorer.rows))
            .replace("{columns}", &t.integer(explorer.columns.len() as u64))
            .replace("{size}", &t.size(explorer.bytes)),
        caption: t.ui("explore_caption").replace("{name}", &name),
        first_rows: &explorer.first_rows,
        download: download_link(b, dataset, resource),
        notes: notes(b, explorer, table),
        name: name.clone(),
        config: config(b, route, explorer, &name),
        columns,
    };
    b.context(meta, &data)
}

fn column_views(explorer: &Explorer, table: &Table) -> Vec<ColumnView> {
    explorer
        .columns
        .iter()
        .enumerate()
        .map(|(index, column)| {
            let profile = table.profile.get(index);
            let values = profile
                .filter(|p| repeats(p) && column.distinct > 1)
                .map(|p| {
                    let mut values: Vec<String> = p
                        .top
                        .iter()
                        .take(VALUE_CHOICES)
                        .map(|(value, _)| value.clone())
                        .filter(|value| !value.trim().is_empty())
                        .collect();
                    values.sort_by_cached_key(|v| crate::analyse::explore::collation_key(v));
                    values
                })
                .unwrap_or_default();
            ColumnView {
                index,
                name: column.name.clone(),
                order: column.order,
                values,
            }
        })
        .collect()
}

/// Whether a column's values repeat enough to be chosen from a list (not ids, not free text).
fn repeats(profile: &crate::analyse::ColumnProfile) -> bool {
    profile.top.first().is_some_and(|(_, count)| *count > 1)
        && profile.distinct_exact
        && profile.distinct <= MAX_DISTINCT_FOR_CHOICES
}

/// The resource's file, whole.
fn download_link(b: &Builder, dataset: &Dataset, resource: &Resource) -> Link {
    let href = match &resource.location {
        ResourceLocation::Local { file_name, .. } => {
            b.views.urls.href(&Urls::download(&dataset.id, file_name))
        }
        ResourceLocation::Remote { url } => url.clone(),
    };
    Link {
        href,
        text: b.views.t.ui("explore_download_all").to_string(),
    }
}

/// What the explorer leaves out: columns past those kept, cells cut.
fn notes(b: &Builder, explorer: &Explorer, table: &Table) -> Vec<String> {
    let t = b.views.t;
    let mut notes = Vec::new();
    if table.columns > explorer.columns.len() {
        notes.push(
            t.ui("explore_more_columns")
                .replace("{shown}", &t.integer(explorer.columns.len() as u64))
                .replace("{total}", &t.integer(table.columns as u64)),
        );
    }
    if explorer.cut_cells > 0 {
        notes.push(
            t.ui("explore_cut_cells")
                .replace("{count}", &t.integer(explorer.cut_cells))
                .replace(
                    "{chars}",
                    &t.integer(crate::analyse::explore::MAX_CELL_CHARS as u64),
                ),
        );
    }
    notes
}

/// The JSON `explore.js` starts from, safe inside a `<script>`.
fn config(b: &Builder, route: &Route, explorer: &Explorer, name: &str) -> String {
    let t = b.views.t;
    let texts: serde_json::Map<String, serde_json::Value> = EXPLORER_TEXTS
        .iter()
        .map(|key| (key.to_string(), t.ui(&format!("explore_{key}")).into()))
        .collect();
    script_text(&serde_json::json!({
        "data": b.views.urls.href(&Urls::explorer_data(route)),
        "rows": explorer.rows,
        "pageRows": PAGE_ROWS,
        "size": t.size(explorer.bytes),
        "columns": explorer.columns.iter().map(|c| &c.name).collect::<Vec<_>>(),
        "thousands": t.thousands_separator(),
        "file": format!("{}.csv", crate::slug::slugify(name)),
        "text": texts,
    }))
}

/// The texts `explore.js` shows, each `explore_<key>` in the theme's translations.
const EXPLORER_TEXTS: &[&str] = &[
    "loading",
    "failed",
    "showing",
    "matching",
    "none",
    "page",
    "sort_ascending",
    "sort_descending",
    "sorted_ascending",
    "sorted_descending",
];
