//! The axes of a chart: round ticks, as many as fit, their grid lines and
//! labels written the portal's way.

use super::SMALL;
use crate::render::Translation;
use crate::render::embeds::escape;
use std::fmt::Write;

/// Round steps for an axis from `low` to `high`: (ticks, step).
pub(super) fn ticks(low: f64, high: f64, count: usize) -> Vec<f64> {
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
pub(super) fn horizontal_ticks(low: f64, high: f64, width: f64, t: &Translation) -> Vec<f64> {
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
pub(super) fn vertical_grid(
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

/// Where a value goes on an axis from the first to the last tick, drawn from
/// `start` over `length` (negative to go up).
pub(super) fn linear(axis: &[f64], start: f64, length: f64) -> impl Fn(f64) -> f64 + Copy + use<> {
    let (low, high) = (axis[0], *axis.last().expect("ticks"));
    move |v| start + (v - low) / (high - low) * length
}

/// The title of the axis read first, at the top left.
pub(super) fn top_title(svg: &mut String, title: &str) {
    let _ = write!(
        svg,
        r#"<text class="axis-title" x="0" y="16" font-weight="700">{}</text>"#,
        escape(title)
    );
}

/// The title of the axis below the plot, centred on `x`, its baseline at `y`.
pub(super) fn bottom_title(svg: &mut String, title: &str, (x, y): (f64, f64)) {
    let _ = write!(
        svg,
        r#"<text class="axis-title" x="{x:.1}" y="{y:.1}" text-anchor="middle" font-weight="700">{}</text>"#,
        escape(title)
    );
}

/// Decimals that tell the ticks apart.
pub(super) fn tick_decimals(ticks: &[f64]) -> usize {
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

/// A label cut to `max` characters, with an ellipsis when cut.
pub(super) fn shorten(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_string()
    } else {
        let cut: String = label.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
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
