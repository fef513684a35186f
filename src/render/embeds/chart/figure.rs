//! The figure of a chart: its caption, the SVG with a `<title>` and a
//! `<desc>` that says what it shows, the data as a table, the source.

use super::{Chart, ChartKind, FONT, W, bars, plot};
use crate::msg;
use crate::render::embeds::{Cx, TableRef, escape};
use std::fmt::Write;

/// The figure: SVG, caption, the data as a table, the source.
pub(super) fn figure(cx: &Cx, chart: &Chart, table: &TableRef) -> String {
    let t = cx.t();
    let id = &cx.id;
    let (body, height) = match chart.kind {
        ChartKind::Bars => bars::bars(chart, t),
        ChartKind::Lines | ChartKind::Scatter => plot::plot(chart, t),
    };
    let class = match chart.kind {
        ChartKind::Bars => "chart-bars",
        ChartKind::Lines => "chart-lines",
        ChartKind::Scatter => "chart-scatter",
    };
    let mut html = String::new();
    let _ = write!(
        html,
        r#"<figure class="embed embed-chart {class}"><figcaption class="chart-title" id="{id}-caption">{title}</figcaption><svg class="chart-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {height:.0}" role="img" aria-labelledby="{id}-title {id}-desc" font-size="{FONT}"><title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{body}</svg>"#,
        title = escape(&chart.title),
        desc = escape(&description(cx, chart)),
    );
    html.push_str(&data_table(cx, chart));
    html.push_str(&cx.source_line(table.source));
    html.push_str("</figure>");
    html
}

/// What the chart shows, in a sentence: how many points, the highest and
/// lowest (the first and last for lines, the ranges for scatter plots).
fn description(cx: &Cx, chart: &Chart) -> String {
    let t = cx.t();
    let value = |v: f64| t.number(v, chart.decimals);
    let n = chart.points.len();
    let first = &chart.points[0];
    let (max, min) = (chart.highest(), chart.lowest());
    let description = match chart.kind {
        ChartKind::Bars => msg!(
            "render-chart-bars-description",
            count = n,
            n = t.integer(n as u64),
            max_label = &max.label,
            max = value(max.y),
            min_label = &min.label,
            min = value(min.y)
        ),
        ChartKind::Lines => {
            let last = &chart.points[n - 1];
            msg!(
                "render-chart-lines-description",
                count = n,
                n = t.integer(n as u64),
                first_label = &first.label,
                first = value(first.y),
                last_label = &last.label,
                last = value(last.y),
                max_label = &max.label,
                max = value(max.y)
            )
        }
        ChartKind::Scatter => {
            let (x_min, x_max) = chart.x_range();
            msg!(
                "render-chart-scatter-description",
                count = n,
                n = t.integer(n as u64),
                x = &chart.x_title,
                xmin = t.number(x_min, chart.x_decimals),
                xmax = t.number(x_max, chart.x_decimals),
                y = &chart.y_title,
                ymin = value(min.y),
                ymax = value(max.y)
            )
        }
    };
    description.text(t.language)
}

/// The data, for screen readers and anyone who wants the numbers.
fn data_table(cx: &Cx, chart: &Chart) -> String {
    let t = cx.t();
    let id = &cx.id;
    let mut html = String::new();
    let _ = write!(
        html,
        r#"<details class="chart-data"><summary>{summary}</summary><div class="table-scroll" role="region" aria-labelledby="{id}-data" tabindex="0"><table><caption id="{id}-data">{title}</caption><thead><tr><th scope="col">{x}</th><th scope="col" class="num">{y}</th></tr></thead><tbody>"#,
        summary = escape(&cx.ui("embed_chart_data")),
        title = escape(&chart.title),
        x = escape(&chart.x_title),
        y = escape(&chart.y_title),
    );
    for p in &chart.points {
        let label = if chart.kind == ChartKind::Scatter {
            t.number(p.x, chart.x_decimals)
        } else {
            p.label.clone()
        };
        let _ = write!(
            html,
            r#"<tr><th scope="row">{}</th><td class="num">{}</td></tr>"#,
            escape(&label),
            escape(&t.number(p.y, chart.decimals))
        );
    }
    html.push_str("</tbody></table></div></details>");
    html
}
