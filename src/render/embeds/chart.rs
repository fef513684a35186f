//! `{{ grafica(…) }}`: bar, line and scatter charts drawn as inline SVG at
//! build time. Rows are used as they are or grouped by a column (by month or
//! year for dates) with their sum, count or mean. Every chart has a title,
//! axis titles, numbers written the portal's way, an SVG `<title>` and
//! `<desc>` that say what it shows, and its data as a table.

use super::data::{self, Aggregate, Period};
use super::{Cx, Found, Problems, TableRef, escape};
use crate::render::Translation;
use std::fmt::Write;

/// Drawing width; the SVG scales to its box (`viewBox`).
const W: f64 = 360.0;
const FONT: f64 = 14.0;
const SMALL: f64 = 12.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ChartKind {
    Bars,
    Lines,
    Scatter,
}

impl ChartKind {
    const NAMES: [&'static str; 3] = ["barras", "lineas", "dispersion"];

    fn from_name(name: &str) -> Option<ChartKind> {
        match name {
            "barras" | "barra" | "bar" | "bars" => Some(ChartKind::Bars),
            "lineas" | "linea" | "line" | "lines" => Some(ChartKind::Lines),
            "dispersion" | "puntos" | "scatter" => Some(ChartKind::Scatter),
            _ => None,
        }
    }
}

/// One mark of the chart.
struct Point {
    label: String,
    x: f64,
    y: f64,
}

/// What the chart draws, in words and numbers.
struct Chart {
    kind: ChartKind,
    title: String,
    x_title: String,
    y_title: String,
    points: Vec<Point>,
    /// Decimals to write values with.
    decimals: usize,
    x_decimals: usize,
}

pub fn chart(cx: &Cx) -> Found<String> {
    let source = cx.source().map_err(|p| vec![p])?;
    let table = cx.table(&source).map_err(|p| vec![p])?;
    let mut problems = Problems::default();
    let kind = match problems.take(cx.text("tipo")).flatten() {
        None => Some(ChartKind::Bars),
        Some(name) => {
            let found = ChartKind::from_name(&super::parse::fold(&name));
            if found.is_none() {
                problems.take::<()>(Err(super::Problem::new(
                    cx.value_column("tipo"),
                    format!("`{name}` is not a kind of chart"),
                    super::parse::suggest(
                        &super::parse::fold(&name),
                        &ChartKind::NAMES,
                        "kind of chart",
                    ),
                )));
            }
            found
        }
    };
    let column = |problems: &mut Problems, name: &str| {
        problems.take(cx.text(name)).flatten().and_then(|c| {
            problems
                .take(cx.column(&table, &c, cx.value_column(name)))
                .map(|i| (i, c))
        })
    };
    let x = column(&mut problems, "x");
    let y = column(&mut problems, "y");
    let aggregate = named(
        cx,
        &mut problems,
        "agregar",
        &Aggregate::NAMES,
        Aggregate::from_name,
    );
    let period = named(
        cx,
        &mut problems,
        "agrupar",
        &Period::NAMES,
        Period::from_name,
    );
    let filter = problems.take(cx.filter(&table)).flatten();
    let descending = problems.take(cx.flag("descendente")).unwrap_or(false);
    let limit = problems.take(cx.whole_number("limite")).flatten();
    let title = problems.take(cx.text("titulo")).flatten();
    let x_title = problems.take(cx.text("eje_x")).flatten();
    let y_title = problems.take(cx.text("eje_y")).flatten();
    if y.is_none() && cx.arg("y").is_none() && aggregate != Some(Aggregate::Count) {
        problems.take::<()>(Err(super::Problem::new(
            cx.call.column,
            "this chart needs the column of its values, `y`",
            "add `y=\"column\"`, or count rows with `agregar=\"cuenta\"`",
        )));
    }
    if kind == Some(ChartKind::Scatter) && (aggregate.is_some() || period.is_some()) {
        problems.take::<()>(Err(super::Problem::new(
            cx.value_column(if aggregate.is_some() {
                "agregar"
            } else {
                "agrupar"
            }),
            "a scatter chart draws each row: it cannot group them",
            "remove `agregar`/`agrupar`, or use `tipo=\"barras\"` or `tipo=\"lineas\"`",
        )));
    }
    problems.finish()?;
    let (Some(kind), Some((x, x_name))) = (kind, x) else {
        return Err(Vec::new());
    };
    let t = cx.t();
    let rows = cx.rows(&table).map_err(|p| vec![p])?;
    let grouped = aggregate.is_some() || period.is_some();
    let mut points: Vec<Point> = Vec::new();
    if grouped {
        let aggregate = aggregate.unwrap_or(if y.is_some() {
            Aggregate::Sum
        } else {
            Aggregate::Count
        });
        let period = period.unwrap_or(Period::Value);
        let result = data::group(
            rows,
            filter.as_ref(),
            x,
            period,
            y.as_ref().map(|(i, _)| *i),
            aggregate,
        );
        if result.too_many {
            return Err(vec![super::Problem::new(
                cx.value_column("x"),
                format!(
                    "`{x_name}` has more than {} different values: too many for a chart",
                    data::MAX_GROUPS
                ),
                "group by another column, or by month or year with `agrupar=\"mes\"`",
            )]);
        }
        for (i, group) in result.groups.into_iter().enumerate() {
            points.push(Point {
                label: group_label(t, period, &group.key),
                x: i as f64,
                y: group.value,
            });
        }
    } else {
        let y_index = y.as_ref().map_or(x, |(i, _)| *i);
        for cells in rows {
            if filter.as_ref().is_some_and(|f| !f.keeps(&cells)) {
                continue;
            }
            let label = cells.get(x).cloned().unwrap_or_default();
            let Some(value) = cells.get(y_index).and_then(|c| data::number(c)) else {
                continue;
            };
            let x_value = if kind == ChartKind::Scatter {
                match data::number(&label) {
                    Some(v) => v,
                    None => continue,
                }
            } else {
                points.len() as f64
            };
            points.push(Point {
                label,
                x: x_value,
                y: value,
            });
            if points.len() >= 5000 {
                break;
            }
        }
    }
    if points.is_empty() {
        return Err(vec![super::Problem::new(
            cx.value_column(if y.is_some() { "y" } else { "x" }),
            "the chart has no data: no row gave a number",
            "check that the value column holds numbers, the date column dates, and the filter matches rows",
        )]);
    }
    if descending && kind != ChartKind::Scatter {
        points.sort_by(|a, b| b.y.total_cmp(&a.y));
    }
    let limit = limit.unwrap_or(match kind {
        ChartKind::Bars => 30,
        ChartKind::Lines => 500,
        ChartKind::Scatter => 2000,
    });
    points.truncate(limit);
    if kind != ChartKind::Scatter {
        for (i, p) in points.iter_mut().enumerate() {
            p.x = i as f64;
        }
    }
    let y_name = y.as_ref().map_or(String::new(), |(_, n)| n.clone());
    let default_y = match (grouped, aggregate, y.is_some()) {
        (_, Some(Aggregate::Count), _) | (true, None, false) => cx.ui("embed_count"),
        (_, Some(Aggregate::Sum), _) | (true, None, true) => {
            cx.fill("embed_sum", &[("column", y_name.clone())])
        }
        (_, Some(Aggregate::Mean), _) => cx.fill("embed_mean", &[("column", y_name.clone())]),
        (false, None, _) => y_name.clone(),
    };
    let y_title = y_title.unwrap_or(default_y);
    let x_title = x_title.unwrap_or_else(|| x_name.clone());
    let title = title.unwrap_or_else(|| {
        cx.fill(
            "embed_default_title",
            &[("y", y_title.clone()), ("x", x_title.clone())],
        )
    });
    let decimals = decimals_for(points.iter().map(|p| p.y));
    let x_decimals = decimals_for(points.iter().map(|p| p.x));
    let chart = Chart {
        kind,
        title,
        x_title,
        y_title,
        points,
        decimals,
        x_decimals,
    };
    Ok(figure(cx, &chart, &table))
}

/// An argument naming one of a few choices (`agregar="suma"`).
fn named<T>(
    cx: &Cx,
    problems: &mut Problems,
    arg: &str,
    names: &[&str],
    from_name: fn(&str) -> Option<T>,
) -> Option<T> {
    let written = problems.take(cx.text(arg)).flatten()?;
    let folded = super::parse::fold(&written);
    let found = from_name(&folded);
    if found.is_none() {
        problems.take::<()>(Err(super::Problem::new(
            cx.value_column(arg),
            format!("`{written}` is not a choice of `{arg}`"),
            super::parse::suggest(&folded, names, "choice"),
        )));
    }
    found
}

fn group_label(t: &Translation, period: Period, key: &str) -> String {
    match period {
        Period::Month => {
            let (year, month) = key.split_once('-').unwrap_or((key, ""));
            format!("{} {year}", t.short_month(month.parse().unwrap_or(0)))
        }
        _ => key.to_string(),
    }
}

/// 0 decimals for whole numbers, else 1 (2 below 10).
fn decimals_for(values: impl Iterator<Item = f64>) -> usize {
    let values: Vec<f64> = values.collect();
    if values.iter().all(|v| v.fract() == 0.0) {
        0
    } else if values.iter().any(|v| v.abs() >= 10.0) {
        1
    } else {
        2
    }
}

/// Round steps for an axis from `low` to `high`: (ticks, step).
fn ticks(low: f64, high: f64, count: usize) -> Vec<f64> {
    let (low, high) = if (high - low).abs() < f64::EPSILON {
        (low - 1.0, high + 1.0)
    } else {
        (low, high)
    };
    let raw = (high - low) / count.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let first = (low / step).floor() * step;
    let mut out = Vec::new();
    let mut v = first;
    while v < high + step * 0.999 && out.len() < 50 {
        out.push(if v.abs() < step * 1e-9 { 0.0 } else { v });
        v += step;
    }
    out
}

/// Ticks for a horizontal axis `width` wide: as many as fit without their
/// labels running into each other (wide numbers such as "15 000" get fewer).
fn horizontal_ticks(low: f64, high: f64, width: f64, t: &Translation) -> Vec<f64> {
    let mut axis = ticks(low, high, 4);
    for count in (1..4).rev() {
        let decimals = tick_decimals(&axis);
        let widest = axis
            .iter()
            .map(|v| t.number(*v, decimals).chars().count())
            .max()
            .unwrap_or(1) as f64
            * SMALL
            * 0.62;
        let spacing = width / (axis.len().max(2) - 1) as f64;
        if spacing >= widest + 6.0 {
            break;
        }
        axis = ticks(low, high, count);
    }
    axis
}

/// A vertical grid line at each tick of a horizontal axis, its number below
/// the plot (which spans `top` to `top + height`).
fn vertical_grid(
    svg: &mut String,
    axis: &[f64],
    scale: impl Fn(f64) -> f64,
    (top, height): (f64, f64),
    t: &Translation,
) {
    let decimals = tick_decimals(axis);
    for tick in axis {
        let x = scale(*tick);
        let _ = write!(
            svg,
            r#"<line x1="{x:.1}" y1="{top}" x2="{x:.1}" y2="{:.1}"/><text x="{x:.1}" y="{:.1}" text-anchor="middle" font-size="{SMALL}">{}</text>"#,
            top + height,
            top + height + 18.0,
            escape(&t.number(*tick, decimals))
        );
    }
}

fn tick_decimals(ticks: &[f64]) -> usize {
    let step = if ticks.len() > 1 {
        ticks[1] - ticks[0]
    } else {
        1.0
    };
    if step >= 1.0 {
        0
    } else if step >= 0.1 {
        1
    } else {
        2
    }
}

fn shorten(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_string()
    } else {
        let cut: String = label.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The figure: SVG, caption, the data as a table, the source.
fn figure(cx: &Cx, chart: &Chart, table: &TableRef) -> String {
    let t = cx.t();
    let value = |v: f64| t.number(v, chart.decimals);
    let n = chart.points.len();
    // The first highest and lowest, as the reader meets them (`points` is never empty).
    let first = &chart.points[0];
    let max = chart
        .points
        .iter()
        .fold(first, |m, p| if p.y > m.y { p } else { m });
    let min = chart
        .points
        .iter()
        .fold(first, |m, p| if p.y < m.y { p } else { m });
    let description = match chart.kind {
        ChartKind::Bars => cx.fill(
            "embed_desc_bars",
            &[
                ("n", t.integer(n as u64)),
                ("max_label", max.label.clone()),
                ("max", value(max.y)),
                ("min_label", min.label.clone()),
                ("min", value(min.y)),
            ],
        ),
        ChartKind::Lines => {
            let last = &chart.points[n - 1];
            cx.fill(
                "embed_desc_lines",
                &[
                    ("n", t.integer(n as u64)),
                    ("first_label", first.label.clone()),
                    ("first", value(first.y)),
                    ("last_label", last.label.clone()),
                    ("last", value(last.y)),
                    ("max_label", max.label.clone()),
                    ("max", value(max.y)),
                ],
            )
        }
        ChartKind::Scatter => {
            let xs = chart.points.iter().map(|p| p.x);
            let x_min = xs.clone().fold(f64::INFINITY, f64::min);
            let x_max = xs.fold(f64::NEG_INFINITY, f64::max);
            cx.fill(
                "embed_desc_scatter",
                &[
                    ("n", t.integer(n as u64)),
                    ("x", chart.x_title.clone()),
                    ("xmin", t.number(x_min, chart.x_decimals)),
                    ("xmax", t.number(x_max, chart.x_decimals)),
                    ("y", chart.y_title.clone()),
                    ("ymin", value(min.y)),
                    ("ymax", value(max.y)),
                ],
            )
        }
    };
    let id = &cx.id;
    let (body, height) = match chart.kind {
        ChartKind::Bars => bars(chart, t),
        ChartKind::Lines | ChartKind::Scatter => plot(chart, t),
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
        desc = escape(&description),
    );
    // The data, for screen readers and anyone who wants the numbers.
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
            escape(&value(p.y))
        );
    }
    html.push_str("</tbody></table></div></details>");
    html.push_str(&cx.source_line(table.source));
    html.push_str("</figure>");
    html
}

/// Horizontal bars, one row per category: labels on the left, values at the
/// bars' ends, the value axis below. Reads on a phone whatever the labels.
fn bars(chart: &Chart, t: &Translation) -> (String, f64) {
    let row = 30.0;
    let bar = 20.0;
    let longest = chart
        .points
        .iter()
        .map(|p| p.label.chars().count())
        .max()
        .unwrap_or(1);
    let label_w = (longest.min(16) as f64 * 7.6 + 12.0).clamp(40.0, 134.0);
    let max_chars = ((label_w - 12.0) / 7.6) as usize;
    let value_w = 70.0;
    let top = 30.0;
    let plot_w = W - label_w - value_w;
    let low = chart.points.iter().map(|p| p.y).fold(0.0, f64::min);
    let high = chart.points.iter().map(|p| p.y).fold(0.0, f64::max);
    let axis = horizontal_ticks(low, high, plot_w, t);
    let (a0, a1) = (axis[0], *axis.last().expect("ticks"));
    let scale = |v: f64| label_w + (v - a0) / (a1 - a0) * plot_w;
    let plot_h = chart.points.len() as f64 * row;
    let height = top + plot_h + 54.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<text class="axis-title" x="0" y="16" font-weight="700">{}</text>"#,
        escape(&chart.x_title)
    );
    svg.push_str(r#"<g class="grid" aria-hidden="true">"#);
    vertical_grid(&mut svg, &axis, scale, (top, plot_h), t);
    svg.push_str("</g>");
    let zero = scale(0.0_f64.clamp(a0, a1));
    for (i, p) in chart.points.iter().enumerate() {
        let y = top + i as f64 * row + (row - bar) / 2.0;
        let end = scale(p.y);
        let (x, w) = if end >= zero {
            (zero, end - zero)
        } else {
            (end, zero - end)
        };
        let value = t.number(p.y, chart.decimals);
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end">{}</text><rect class="bar" x="{x:.1}" y="{y:.1}" width="{:.1}" height="{bar}"><title>{}: {}</title></rect><text class="bar-value" x="{:.1}" y="{:.1}">{}</text>"#,
            label_w - 8.0,
            y + bar / 2.0 + 5.0,
            escape(&shorten(&p.label, max_chars)),
            w.max(0.5),
            escape(&p.label),
            escape(&value),
            x + w + 5.0,
            y + bar / 2.0 + 5.0,
            escape(&value),
        );
    }
    let _ = write!(
        svg,
        r#"<text class="axis-title" x="{:.1}" y="{:.1}" text-anchor="middle" font-weight="700">{}</text>"#,
        label_w + plot_w / 2.0,
        height - 6.0,
        escape(&chart.y_title)
    );
    (svg, height)
}

/// Lines (categories evenly spaced, in order) and scatter plots (two numeric axes).
fn plot(chart: &Chart, t: &Translation) -> (String, f64) {
    let height = 320.0;
    let (left, right, top, bottom) = (52.0, 14.0, 34.0, 58.0);
    let plot_w = W - left - right;
    let plot_h = height - top - bottom;
    let ys: Vec<f64> = chart.points.iter().map(|p| p.y).collect();
    let y_low = ys.iter().copied().fold(f64::INFINITY, f64::min);
    let y_high = ys.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let y_axis = if chart.kind == ChartKind::Lines {
        ticks(y_low.min(0.0), y_high.max(0.0), 4)
    } else {
        ticks(y_low, y_high, 4)
    };
    let (y0, y1) = (y_axis[0], *y_axis.last().expect("ticks"));
    let sy = |v: f64| top + plot_h - (v - y0) / (y1 - y0) * plot_h;
    let n = chart.points.len();
    let (x_axis, sx): (Vec<f64>, Box<dyn Fn(f64) -> f64>) = if chart.kind == ChartKind::Scatter {
        let xs = chart.points.iter().map(|p| p.x);
        let lo = xs.clone().fold(f64::INFINITY, f64::min);
        let hi = xs.fold(f64::NEG_INFINITY, f64::max);
        let axis = horizontal_ticks(lo, hi, plot_w, t);
        let (x0, x1) = (axis[0], *axis.last().expect("ticks"));
        (
            axis,
            Box::new(move |v| left + (v - x0) / (x1 - x0) * plot_w),
        )
    } else {
        let step = if n > 1 { plot_w / (n - 1) as f64 } else { 0.0 };
        (
            Vec::new(),
            Box::new(move |v| {
                if n > 1 {
                    left + v * step
                } else {
                    left + plot_w / 2.0
                }
            }),
        )
    };
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<text class="axis-title" x="0" y="16" font-weight="700">{}</text>"#,
        escape(&chart.y_title)
    );
    svg.push_str(r#"<g class="grid" aria-hidden="true">"#);
    let decimals = tick_decimals(&y_axis);
    for tick in &y_axis {
        let y = sy(*tick);
        let _ = write!(
            svg,
            r#"<line x1="{left}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}"/><text x="{:.1}" y="{:.1}" text-anchor="end" font-size="{SMALL}">{}</text>"#,
            left + plot_w,
            left - 6.0,
            y + 4.0,
            escape(&t.number(*tick, decimals))
        );
    }
    if chart.kind == ChartKind::Scatter {
        vertical_grid(&mut svg, &x_axis, &sx, (top, plot_h), t);
    } else {
        // At most five labels along the bottom, evenly chosen.
        let every = n.div_ceil(5).max(1);
        for (i, p) in chart.points.iter().enumerate() {
            if i % every != 0 && i != n - 1 {
                continue;
            }
            if i == n - 1 && i % every != 0 && n > 1 && (i % every) * 2 < every {
                continue;
            }
            let _ = write!(
                svg,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="{SMALL}">{}</text>"#,
                sx(p.x),
                top + plot_h + 18.0,
                escape(&shorten(&p.label, 9))
            );
        }
    }
    svg.push_str("</g>");
    let _ = write!(
        svg,
        r#"<path class="axis" d="M{left} {top}V{:.1}H{:.1}"/>"#,
        top + plot_h,
        left + plot_w
    );
    if chart.kind == ChartKind::Lines && n > 1 {
        let points: Vec<String> = chart
            .points
            .iter()
            .map(|p| format!("{:.1},{:.1}", sx(p.x), sy(p.y)))
            .collect();
        let _ = write!(
            svg,
            r#"<polyline class="line" points="{}"/>"#,
            points.join(" ")
        );
    }
    svg.push_str(r#"<g class="points">"#);
    for p in &chart.points {
        let text = if chart.kind == ChartKind::Scatter {
            format!(
                "{} {}, {} {}",
                chart.x_title,
                t.number(p.x, chart.x_decimals),
                chart.y_title,
                t.number(p.y, chart.decimals)
            )
        } else {
            format!("{}: {}", p.label, t.number(p.y, chart.decimals))
        };
        let _ = write!(
            svg,
            r#"<circle class="point" cx="{:.1}" cy="{:.1}" r="4"><title>{}</title></circle>"#,
            sx(p.x),
            sy(p.y),
            escape(&text)
        );
    }
    svg.push_str("</g>");
    let _ = write!(
        svg,
        r#"<text class="axis-title" x="{:.1}" y="{:.1}" text-anchor="middle" font-weight="700">{}</text>"#,
        left + plot_w / 2.0,
        height - 8.0,
        escape(&chart.x_title)
    );
    (svg, height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round() {
        assert_eq!(ticks(0.0, 45.0, 4), vec![0.0, 20.0, 40.0, 60.0]);
        assert_eq!(ticks(0.0, 1.0, 4), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
        assert_eq!(ticks(5.0, 5.0, 4).len(), 5);
    }

    #[test]
    fn wide_tick_labels_get_fewer_ticks() {
        let t = Translation::for_language(crate::model::Language::Es);
        assert_eq!(horizontal_ticks(0.0, 45.0, 150.0, &t).len(), 4);
        let wide = horizontal_ticks(0.0, 18_869.0, 150.0, &t);
        assert!(wide.len() < 5, "{wide:?}");
        assert!(wide.last().is_some_and(|v| *v >= 18_869.0));
    }
}
