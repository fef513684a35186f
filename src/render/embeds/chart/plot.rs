//! Line charts (categories evenly spaced, in order) and scatter plots (two
//! numeric axes): the value axis on the left, labels or numbers below.

use super::axes::{
    bottom_title, horizontal_ticks, linear, shorten, tick_decimals, ticks, top_title, vertical_grid,
};
use super::{Chart, ChartKind, SMALL, W};
use crate::render::Translation;
use crate::render::embeds::escape;
use std::fmt::Write;

const HEIGHT: f64 = 320.0;
const LEFT: f64 = 52.0;
const RIGHT: f64 = 14.0;
const TOP: f64 = 34.0;
const BOTTOM: f64 = 58.0;
const PLOT_W: f64 = W - LEFT - RIGHT;
const PLOT_H: f64 = HEIGHT - TOP - BOTTOM;

/// Where a value goes on an axis of the drawing.
type Scale = Box<dyn Fn(f64) -> f64>;

/// Lines (categories evenly spaced, in order) and scatter plots (two numeric axes).
pub(super) fn plot(chart: &Chart, t: &Translation) -> (String, f64) {
    let y_axis = value_ticks(chart);
    let sy = linear(&y_axis, TOP + PLOT_H, -PLOT_H);
    let (x_axis, sx) = horizontal_scale(chart, t);
    let mut svg = String::new();
    top_title(&mut svg, &chart.y_title);
    svg.push_str(r#"<g class="grid" aria-hidden="true">"#);
    horizontal_grid(&mut svg, &y_axis, sy, t);
    if chart.kind == ChartKind::Scatter {
        vertical_grid(&mut svg, &x_axis, &sx, (TOP, PLOT_H), t);
    } else {
        category_labels(&mut svg, chart, &sx);
    }
    svg.push_str("</g>");
    let _ = write!(
        svg,
        r#"<path class="axis" d="M{LEFT} {TOP}V{:.1}H{:.1}"/>"#,
        TOP + PLOT_H,
        LEFT + PLOT_W
    );
    if chart.kind == ChartKind::Lines && chart.points.len() > 1 {
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
    marks(&mut svg, chart, (&sx, &sy), t);
    bottom_title(
        &mut svg,
        &chart.x_title,
        (LEFT + PLOT_W / 2.0, HEIGHT - 8.0),
    );
    (svg, HEIGHT)
}

/// The ticks of the value axis (from zero, for lines).
fn value_ticks(chart: &Chart) -> Vec<f64> {
    let ys: Vec<f64> = chart.points.iter().map(|p| p.y).collect();
    let y_low = ys.iter().copied().fold(f64::INFINITY, f64::min);
    let y_high = ys.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if chart.kind == ChartKind::Lines {
        ticks(y_low.min(0.0), y_high.max(0.0), 4)
    } else {
        ticks(y_low, y_high, 4)
    }
}

/// The ticks and scale of the horizontal axis: numbers for scatter plots,
/// evenly spaced categories (no ticks) for lines.
fn horizontal_scale(chart: &Chart, t: &Translation) -> (Vec<f64>, Scale) {
    if chart.kind == ChartKind::Scatter {
        let (lo, hi) = chart.x_range();
        let axis = horizontal_ticks(lo, hi, PLOT_W, t);
        let scale = linear(&axis, LEFT, PLOT_W);
        (axis, Box::new(scale))
    } else {
        let n = chart.points.len();
        let step = if n > 1 { PLOT_W / (n - 1) as f64 } else { 0.0 };
        (
            Vec::new(),
            Box::new(move |v| {
                if n > 1 {
                    LEFT + v * step
                } else {
                    LEFT + PLOT_W / 2.0
                }
            }),
        )
    }
}

/// A horizontal grid line at each tick of the value axis, its number on the left.
fn horizontal_grid(svg: &mut String, axis: &[f64], sy: impl Fn(f64) -> f64, t: &Translation) {
    let decimals = tick_decimals(axis);
    for tick in axis {
        let y = sy(*tick);
        let _ = write!(
            svg,
            r#"<line x1="{LEFT}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}"/><text x="{:.1}" y="{:.1}" text-anchor="end" font-size="{SMALL}">{}</text>"#,
            LEFT + PLOT_W,
            LEFT - 6.0,
            y + 4.0,
            escape(&t.number(*tick, decimals))
        );
    }
}

/// At most five labels along the bottom, evenly chosen.
fn category_labels(svg: &mut String, chart: &Chart, sx: impl Fn(f64) -> f64) {
    let n = chart.points.len();
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
            TOP + PLOT_H + 18.0,
            escape(&shorten(&p.label, 9))
        );
    }
}

/// A circle at each point, with what it is as its title.
fn marks(
    svg: &mut String,
    chart: &Chart,
    (sx, sy): (impl Fn(f64) -> f64, impl Fn(f64) -> f64),
    t: &Translation,
) {
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
}
