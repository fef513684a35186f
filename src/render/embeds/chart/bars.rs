//! Horizontal bar charts.

use super::axes::{bottom_title, horizontal_ticks, linear, shorten, top_title, vertical_grid};
use super::{Chart, W};
use crate::render::Translation;
use crate::render::embeds::escape;
use std::fmt::Write;

/// Horizontal bars, one row per category: labels on the left, values at the
/// bars' ends, the value axis below. Reads on a phone whatever the labels.
pub(super) fn bars(chart: &Chart, t: &Translation) -> (String, f64) {
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
    let scale = linear(&axis, label_w, plot_w);
    let plot_h = chart.points.len() as f64 * row;
    let height = top + plot_h + 54.0;
    let mut svg = String::new();
    top_title(&mut svg, &chart.x_title);
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
    bottom_title(
        &mut svg,
        &chart.y_title,
        (label_w + plot_w / 2.0, height - 6.0),
    );
    (svg, height)
}
