//! `{{ grafica(…) }}`: bar, line and scatter charts drawn as inline SVG at
//! build time. Rows are used as they are or grouped by a column (by month or
//! year for dates) with their sum, count or mean. Every chart has a title,
//! axis titles, numbers written the portal's way, an SVG `<title>` and
//! `<desc>` that say what it shows, and its data as a table. This file reads
//! the arguments and the points; `figure.rs` writes the figure, `bars.rs` and
//! `plot.rs` draw, `axes.rs` chooses the ticks.

mod axes;
mod bars;
mod figure;
mod plot;

use super::data::{self, Aggregate, Cells, Period};
use super::{Cx, Found, Problem, Problems, parse};
use crate::msg;
use crate::render::Translation;

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
    /// Never empty.
    points: Vec<Point>,
    /// Decimals to write values with.
    decimals: usize,
    x_decimals: usize,
}

impl Chart {
    /// The first point whose value beats every other's by `beats`, as the reader meets them.
    fn first_by(&self, beats: fn(f64, f64) -> bool) -> &Point {
        let first = &self.points[0];
        self.points
            .iter()
            .fold(first, |m, p| if beats(p.y, m.y) { p } else { m })
    }

    /// The first highest point.
    fn highest(&self) -> &Point {
        self.first_by(|a, b| a > b)
    }

    /// The first lowest point.
    fn lowest(&self) -> &Point {
        self.first_by(|a, b| a < b)
    }

    /// The lowest and highest `x`.
    fn x_range(&self) -> (f64, f64) {
        let xs = self.points.iter().map(|p| p.x);
        let low = xs.clone().fold(f64::INFINITY, f64::min);
        let high = xs.fold(f64::NEG_INFINITY, f64::max);
        (low, high)
    }
}

/// The arguments of a chart, read and checked.
struct Args {
    kind: ChartKind,
    /// The column of the labels (or of `x`, for scatter plots): index and name.
    x: (usize, String),
    y: Option<(usize, String)>,
    aggregate: Option<Aggregate>,
    period: Option<Period>,
    filter: Option<data::Filter>,
    descending: bool,
    limit: Option<usize>,
    title: Option<String>,
    x_title: Option<String>,
    y_title: Option<String>,
}

impl Args {
    /// Whether rows are grouped rather than drawn one by one.
    fn grouped(&self) -> bool {
        self.aggregate.is_some() || self.period.is_some()
    }
}

pub fn chart(cx: &Cx) -> Found<String> {
    let source = cx.source().map_err(|p| vec![p])?;
    let table = cx.table(&source).map_err(|p| vec![p])?;
    let args = chart_args(cx, &table)?;
    let rows = cx.rows(&table).map_err(|p| vec![p])?;
    let points = chart_points(cx, &args, rows)?;
    let chart = described_chart(cx, args, points);
    Ok(figure::figure(cx, &chart, &table))
}

/// The arguments, or every problem with them.
fn chart_args(cx: &Cx, table: &super::TableRef) -> Found<Args> {
    let mut problems = Problems::default();
    let kind = named(
        cx,
        &mut problems,
        "tipo",
        &ChartKind::NAMES,
        ChartKind::from_name,
        Some("chart-kind"),
    )
    .or(cx.arg("tipo").is_none().then_some(ChartKind::Bars));
    let column = |problems: &mut Problems, name: &str| {
        problems.take(cx.text(name)).flatten().and_then(|c| {
            problems
                .take(cx.column(table, &c, cx.value_column(name)))
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
        None,
    );
    let period = named(
        cx,
        &mut problems,
        "agrupar",
        &Period::NAMES,
        Period::from_name,
        None,
    );
    let filter = problems.take(cx.filter(table)).flatten();
    let descending = problems.take(cx.flag("descendente")).unwrap_or(false);
    let limit = problems.take(cx.whole_number("limite")).flatten();
    let title = problems.take(cx.text("titulo")).flatten();
    let x_title = problems.take(cx.text("eje_x")).flatten();
    let y_title = problems.take(cx.text("eje_y")).flatten();
    if y.is_none() && cx.arg("y").is_none() && aggregate != Some(Aggregate::Count) {
        problems.take::<()>(Err(Problem::new(
            cx.call.column,
            msg!("render-chart-needs-y"),
            msg!("render-chart-needs-y-help"),
        )));
    }
    if kind == Some(ChartKind::Scatter) && (aggregate.is_some() || period.is_some()) {
        problems.take::<()>(Err(Problem::new(
            cx.value_column(if aggregate.is_some() {
                "agregar"
            } else {
                "agrupar"
            }),
            msg!("render-chart-scatter-grouped"),
            msg!("render-chart-scatter-grouped-help"),
        )));
    }
    problems.finish()?;
    let (Some(kind), Some(x)) = (kind, x) else {
        return Err(Vec::new());
    };
    Ok(Args {
        kind,
        x,
        y,
        aggregate,
        period,
        filter,
        descending,
        limit,
        title,
        x_title,
        y_title,
    })
}

/// An argument naming one of a few choices (`agregar="suma"`). Problems call
/// them `what` (`chart-kind`, see [`parse::suggestion`]), or else choices of the argument.
fn named<T>(
    cx: &Cx,
    problems: &mut Problems,
    arg: &str,
    names: &[&str],
    from_name: fn(&str) -> Option<T>,
    what: Option<&str>,
) -> Option<T> {
    let written = problems.take(cx.text(arg)).flatten()?;
    let folded = parse::fold(&written);
    let found = from_name(&folded);
    if found.is_none() {
        let (message, what) = match what {
            Some(what) => (msg!("render-chart-unknown-kind", name = &written), what),
            None => (
                msg!(
                    "render-chart-unknown-choice",
                    name = &written,
                    argument = arg
                ),
                "choice",
            ),
        };
        problems.take::<()>(Err(Problem::new(
            cx.value_column(arg),
            message,
            parse::suggestion(&folded, names, what),
        )));
    }
    found
}

/// The points to draw, in order, at most `limite`; an error when no row gave one.
fn chart_points(cx: &Cx, args: &Args, rows: impl Iterator<Item = Cells>) -> Found<Vec<Point>> {
    let mut points = if args.grouped() {
        grouped_points(cx, args, rows)?
    } else {
        row_points(args, rows)
    };
    if points.is_empty() {
        return Err(vec![Problem::new(
            cx.value_column(if args.y.is_some() { "y" } else { "x" }),
            msg!("render-chart-no-data"),
            msg!("render-chart-no-data-help"),
        )]);
    }
    let kind = args.kind;
    if args.descending && kind != ChartKind::Scatter {
        points.sort_by(|a, b| b.y.total_cmp(&a.y));
    }
    let limit = args.limit.unwrap_or(match kind {
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
    Ok(points)
}

/// One point per group of rows, with the sum, count or mean of the group.
fn grouped_points(cx: &Cx, args: &Args, rows: impl Iterator<Item = Cells>) -> Found<Vec<Point>> {
    let (x, x_name) = &args.x;
    let aggregate = args.aggregate.unwrap_or(if args.y.is_some() {
        Aggregate::Sum
    } else {
        Aggregate::Count
    });
    let period = args.period.unwrap_or(Period::Value);
    let result = data::group(
        rows,
        args.filter.as_ref(),
        *x,
        period,
        args.y.as_ref().map(|(i, _)| *i),
        aggregate,
    );
    if result.too_many {
        return Err(vec![Problem::new(
            cx.value_column("x"),
            msg!(
                "render-chart-too-many-groups",
                column = x_name,
                max = data::MAX_GROUPS
            ),
            msg!("render-chart-too-many-groups-help"),
        )]);
    }
    let t = cx.t();
    Ok(result
        .groups
        .into_iter()
        .enumerate()
        .map(|(i, group)| Point {
            label: group_label(t, period, &group.key),
            x: i as f64,
            y: group.value,
        })
        .collect())
}

/// One point per row that passes the filter and gives a number (at most 5 000).
fn row_points(args: &Args, rows: impl Iterator<Item = Cells>) -> Vec<Point> {
    let x = args.x.0;
    let y_index = args.y.as_ref().map_or(x, |(i, _)| *i);
    let mut points: Vec<Point> = Vec::new();
    for cells in rows {
        if args.filter.as_ref().is_some_and(|f| !f.keeps(&cells)) {
            continue;
        }
        let label = cells.get(x).cloned().unwrap_or_default();
        let Some(value) = cells.get(y_index).and_then(|c| data::number(c)) else {
            continue;
        };
        let x_value = if args.kind == ChartKind::Scatter {
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
    points
}

/// The chart with its titles (given, or said from the columns) and decimals.
fn described_chart(cx: &Cx, args: Args, points: Vec<Point>) -> Chart {
    let y_name = args.y.as_ref().map_or(String::new(), |(_, n)| n.clone());
    let default_y = match (args.grouped(), args.aggregate, args.y.is_some()) {
        (_, Some(Aggregate::Count), _) | (true, None, false) => cx.ui("embed_count"),
        (_, Some(Aggregate::Sum), _) | (true, None, true) => {
            cx.fill("embed_sum", &[("column", y_name.clone())])
        }
        (_, Some(Aggregate::Mean), _) => cx.fill("embed_mean", &[("column", y_name.clone())]),
        (false, None, _) => y_name.clone(),
    };
    let y_title = args.y_title.unwrap_or(default_y);
    let x_title = args.x_title.unwrap_or_else(|| args.x.1.clone());
    let title = args.title.unwrap_or_else(|| {
        cx.fill(
            "embed_default_title",
            &[("y", y_title.clone()), ("x", x_title.clone())],
        )
    });
    let decimals = decimals_for(points.iter().map(|p| p.y));
    let x_decimals = decimals_for(points.iter().map(|p| p.x));
    Chart {
        kind: args.kind,
        title,
        x_title,
        y_title,
        points,
        decimals,
        x_decimals,
    }
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
