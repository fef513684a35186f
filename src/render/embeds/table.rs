//! `{{ tabla(…) }}`: chosen columns of a resource's rows, with a row limit,
//! an optional sort and filter, as an HTML table that scrolls in its own box.

use super::data::{self, Filter, Selection};
use super::{Cx, Found, Problems, TableRef, escape};
use crate::msg;

/// Rows shown when `filas` is not given.
const DEFAULT_ROWS: usize = 10;
/// Rows shown at most, whatever `filas` says.
const MAX_ROWS: usize = 500;

/// The arguments of a table, read and checked.
struct Args {
    /// The columns shown, in order.
    columns: Vec<usize>,
    sort: Option<usize>,
    filter: Option<Filter>,
    limit: usize,
    descending: bool,
    title: String,
}

pub fn table(cx: &Cx) -> Found<String> {
    let source = cx.source().map_err(|p| vec![p])?;
    let table = cx.table(&source).map_err(|p| vec![p])?;
    let args = table_args(cx, &table)?;
    let rows = cx.rows(&table).map_err(|p| vec![p])?;
    let sort = args.sort.map(|c| (c, args.descending));
    let selection = data::select(rows, args.filter.as_ref(), sort, args.limit);
    Ok(table_html(cx, &args, &table, &selection))
}

/// The arguments, or every problem with them.
fn table_args(cx: &Cx, table: &TableRef) -> Found<Args> {
    let mut problems = Problems::default();
    // Columns: as listed (each checked), else all of them.
    let columns: Vec<usize> = match problems.take(cx.text("columnas")).flatten() {
        Some(list) => {
            let at = cx.value_column("columnas");
            list.split(',')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .filter_map(|name| problems.take(cx.column(table, name, at)))
                .collect()
        }
        None => (0..table.table.header.len()).collect(),
    };
    let sort = problems
        .take(cx.text("orden"))
        .flatten()
        .and_then(|name| problems.take(cx.column(table, &name, cx.value_column("orden"))));
    let filter = problems.take(cx.filter(table)).flatten();
    let limit = problems
        .take(cx.whole_number("filas"))
        .flatten()
        .unwrap_or(DEFAULT_ROWS)
        .min(MAX_ROWS);
    let descending = problems.take(cx.flag("descendente")).unwrap_or(false);
    let title = problems
        .take(cx.text("titulo"))
        .flatten()
        .unwrap_or_else(|| table.source.resource.title.clone());
    problems.finish()?;
    Ok(Args {
        columns,
        sort,
        filter,
        limit,
        descending,
        title,
    })
}

/// For each shown column, whether it holds numbers (aligned right): every
/// non-empty cell is a number, and there is one.
fn numeric_columns(columns: &[usize], selection: &Selection) -> Vec<bool> {
    columns
        .iter()
        .map(|&c| {
            selection
                .rows
                .iter()
                .filter_map(|r| r.get(c))
                .filter(|v| !v.trim().is_empty())
                .all(|v| data::number(v).is_some())
                && selection
                    .rows
                    .iter()
                    .any(|r| r.get(c).is_some_and(|v| !v.trim().is_empty()))
        })
        .collect()
}

/// The figure: caption with how many rows are shown, the table, the source.
fn table_html(cx: &Cx, args: &Args, table: &TableRef, selection: &Selection) -> String {
    let header = &table.table.header;
    let caption_note = msg!(
        "render-embed-rows-of",
        shown = cx.t().integer(selection.rows.len() as u64),
        total = cx.t().integer(selection.matched),
        count = selection.matched
    )
    .text(cx.t().language);
    let numeric = numeric_columns(&args.columns, selection);
    let class = |num: bool| if num { r#" class="num""# } else { "" };
    let mut html = format!(
        r#"<figure class="embed embed-table"><figcaption class="chart-title" id="{id}-caption">{title} <span class="embed-note">({note})</span></figcaption><div class="table-scroll" role="region" aria-labelledby="{id}-caption" tabindex="0"><table aria-labelledby="{id}-caption"><thead><tr>"#,
        id = cx.id,
        title = escape(&args.title),
        note = escape(&caption_note),
    );
    for (&c, &num) in args.columns.iter().zip(&numeric) {
        html.push_str(&format!(
            r#"<th scope="col"{}>{}</th>"#,
            class(num),
            escape(&header[c])
        ));
    }
    html.push_str("</tr></thead><tbody>");
    for row in &selection.rows {
        html.push_str("<tr>");
        for (&c, &num) in args.columns.iter().zip(&numeric) {
            html.push_str(&format!(
                "<td{}>{}</td>",
                class(num),
                escape(row.get(c).map_or("", String::as_str))
            ));
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table></div>");
    html.push_str(&cx.source_line(table.source));
    html.push_str("</figure>");
    html
}
