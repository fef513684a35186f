//! How maps are coloured: the palettes (the one owner of the colours the
//! static map, the legend and `map.js` use) and a colouring's legend in the
//! page's words. Classes come from the analysis (`analyse::map::colour`).

use crate::analyse::map::{Colouring, Scale};
use crate::render::Translation;
use serde::Serialize;

/// Categories: the Okabe–Ito palette, told apart with colour blindness
/// (its yellow darkened a little to show on white).
const CATEGORIES: [&str; 8] = [
    "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#c9b200", "#7a7a7a",
];
/// A sequential scale of five classes, light to dark (ColorBrewer YlGnBu).
const SEQUENTIAL: [&str; 5] = ["#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"];

/// One entry of a map's legend.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LegendEntry {
    /// A CSS colour.
    pub colour: String,
    pub label: String,
}

/// What a map is coloured by, as a page shows and `map.js` draws it.
#[derive(Debug, Clone, Serialize)]
pub struct Legend {
    /// The column, for the legend's heading.
    pub column: String,
    /// One entry per class, in the classes' order.
    pub entries: Vec<LegendEntry>,
}

impl Legend {
    /// The colour of a class (`'0'`…), or `None` for a feature with no class.
    pub fn colour(&self, class: char) -> Option<&str> {
        let i = class.to_digit(10)? as usize;
        self.entries.get(i).map(|e| e.colour.as_str())
    }
}

/// The legend of a colouring.
pub fn legend(colouring: &Colouring, t: &Translation) -> Legend {
    let entries = match &colouring.scale {
        Scale::Categories { values, others } => {
            let mut labels: Vec<String> = values.clone();
            if *others {
                labels.push(t.ui("map_others").to_string());
            }
            labels
                .into_iter()
                .zip(CATEGORIES.iter().cycle())
                .map(|(label, colour)| LegendEntry {
                    colour: colour.to_string(),
                    label,
                })
                .collect()
        }
        Scale::Styles { styles } => styles
            .iter()
            .map(|(label, colour)| LegendEntry {
                colour: colour.clone(),
                label: label.clone(),
            })
            .collect(),
        Scale::Sequential { breaks } => {
            let decimals = decimals(breaks);
            let shades = &SEQUENTIAL[SEQUENTIAL.len() - (breaks.len() - 1).min(SEQUENTIAL.len())..];
            breaks
                .windows(2)
                .zip(shades)
                .map(|(w, colour)| LegendEntry {
                    colour: colour.to_string(),
                    label: format!(
                        "{} – {}",
                        t.number(w[0], decimals),
                        t.number(w[1], decimals)
                    ),
                })
                .collect()
        }
    };
    Legend {
        // A KML's own styles have no column: the legend names them.
        column: match colouring.scale {
            Scale::Styles { .. } => t.ui("map_kml_styles").to_string(),
            _ => colouring.column.clone(),
        },
        entries,
    }
}

/// Decimals that tell a scale's breaks apart (none for whole numbers).
fn decimals(breaks: &[f64]) -> usize {
    (0..=3)
        .find(|d| {
            let factor = 10f64.powi(*d as i32);
            let rounded: Vec<i64> = breaks.iter().map(|b| (b * factor).round() as i64).collect();
            rounded.windows(2).all(|w| w[0] != w[1])
                && breaks
                    .iter()
                    .all(|b| *d > 0 || b.fract() == 0.0 || b.abs() >= 100.0)
        })
        .unwrap_or(3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    fn colouring(scale: Scale) -> Colouring {
        Colouring {
            column: "tipo".into(),
            scale,
            preview: String::new(),
            file: "c/0.json".into(),
        }
    }

    #[test]
    fn categories_get_the_palette_and_the_others_a_last_entry() {
        let t = Translation::for_language(Language::Es);
        let legend = legend(
            &colouring(Scale::Categories {
                values: vec!["vehicular".into(), "peatonal".into()],
                others: true,
            }),
            &t,
        );
        let labels: Vec<&str> = legend.entries.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(labels, ["vehicular", "peatonal", "Otros valores"]);
        assert_eq!(legend.colour('1'), Some(CATEGORIES[1]));
        assert_eq!(legend.colour(' '), None);
    }

    #[test]
    fn a_scale_says_its_ranges_in_the_page_language_and_ends_dark() {
        let t = Translation::for_language(Language::En);
        let legend = legend(
            &colouring(Scale::Sequential {
                breaks: vec![1000.0, 25000.0, 1_500_000.0],
            }),
            &t,
        );
        let labels: Vec<&str> = legend.entries.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(labels, ["1,000 – 25,000", "25,000 – 1,500,000"]);
        assert_eq!(legend.entries[1].colour, SEQUENTIAL[4]);
    }
}
