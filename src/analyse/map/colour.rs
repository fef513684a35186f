//! Colouring a map by a column: which columns can colour it (text with few
//! values: categories; numbers: a sequential scale in quantiles, a
//! choropleth on polygons), each feature's class in a file of the map's folder
//! (`c/<n>.json`, one character per feature), and the column a map uses when
//! nobody chose one. The colours themselves are the theme's (`render`).

use super::files::MapFiles;
use crate::analyse::profile::{ColumnProfile, ColumnType, parse_number};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io;

/// Maps of more features are drawn in one colour.
pub const MAX_COLOURED: usize = 100_000;
/// Columns offered for colouring at most.
const MAX_CANDIDATES: usize = 12;
/// A text column with more distinct values does not colour a map.
const MAX_DISTINCT: u64 = 30;
/// Classes of categories: the most frequent values, the last for the others.
pub const MAX_CATEGORIES: usize = 8;
/// Classes of a sequential scale.
const QUANTILES: usize = 5;
/// The character of a feature with no class (an empty or odd cell).
pub const NO_CLASS: char = ' ';

/// A way to colour a map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Colouring {
    pub column: String,
    pub scale: Scale,
    /// The class of each feature of the preview, in its order: `'0'`… or [`NO_CLASS`].
    pub preview: String,
    /// Every feature's class, in the map's folder (`{"c": "0120…"}`).
    pub file: String,
}

/// How values become classes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Scale {
    /// The most frequent values, one class each; with `others`, one more
    /// class for every other value.
    Categories { values: Vec<String>, others: bool },
    /// Class `i` holds values from `breaks[i]` to `breaks[i + 1]`.
    Sequential { breaks: Vec<f64> },
    /// The file's own styles (KML): each class a style's name and its CSS colour.
    Styles { styles: Vec<(String, String)> },
}

impl Scale {
    pub fn classes(&self) -> usize {
        match self {
            Scale::Categories { values, others } => values.len() + usize::from(*others),
            Scale::Sequential { breaks } => breaks.len().saturating_sub(1),
            Scale::Styles { styles } => styles.len(),
        }
    }
}

/// The most styles a map is coloured by (a legend of more is not read).
const MOST_STYLES: usize = 10;

/// The styles a file gives its features (KML's): each style's name and the
/// kind of its first geometry, each feature's style, and, once the whole
/// file is read, each style's colour.
#[derive(Debug, Default)]
pub struct FileStyles {
    names: Vec<(String, &'static str)>,
    /// Index into `names` by feature id (`u16::MAX`: none).
    of: Vec<u16>,
    colours: Vec<Option<String>>,
}

impl FileStyles {
    /// The style of the next feature kept: its name and geometry kind.
    pub fn note(&mut self, style: Option<(&str, &'static str)>) {
        let index = style.map_or(u16::MAX, |(name, kind)| {
            match self.names.iter().position(|(n, _)| n == name) {
                Some(i) => i as u16,
                // Past ten styles the map is not coloured by them: no more are kept.
                None if self.names.len() > MOST_STYLES => u16::MAX,
                None => {
                    self.names.push((name.to_string(), kind));
                    (self.names.len() - 1) as u16
                }
            }
        });
        self.of.push(index);
    }

    /// The styles, by name and kind, to find their colours.
    pub fn names(&self) -> impl Iterator<Item = (&str, &'static str)> {
        self.names.iter().map(|(n, k)| (n.as_str(), *k))
    }

    /// Each style's colour, in the order of [`FileStyles::names`].
    pub fn set_colours(&mut self, colours: Vec<Option<String>>) {
        self.colours = colours;
    }

    /// The colouring by the file's styles, when they are few (at most ten)
    /// and tell features apart (two colours at least: one colour for all says
    /// less than the data's own colouring); writes each feature's class.
    pub(super) fn colouring(
        &self,
        files: &mut MapFiles,
        file: String,
        preview: &[u32],
    ) -> io::Result<Option<Colouring>> {
        let distinct: std::collections::BTreeSet<&String> = self.colours.iter().flatten().collect();
        if distinct.len() < 2 || self.names.len() > MOST_STYLES {
            return Ok(None);
        }
        // Styles with a colour become classes, in order.
        let mut class = vec![None; self.names.len()];
        let mut styles = Vec::new();
        for (i, ((name, _), colour)) in self.names.iter().zip(&self.colours).enumerate() {
            if let Some(colour) = colour {
                class[i] = Some(char::from(b'0' + styles.len() as u8));
                styles.push((name.clone(), colour.clone()));
            }
        }
        let classes: String = self
            .of
            .iter()
            .map(|&i| class.get(i as usize).copied().flatten().unwrap_or(NO_CLASS))
            .collect();
        files.write(
            &file,
            serde_json::json!({ "c": classes }).to_string().as_bytes(),
        )?;
        let chars: Vec<char> = classes.chars().collect();
        Ok(Some(Colouring {
            column: "styleUrl".to_string(),
            scale: Scale::Styles { styles },
            preview: preview
                .iter()
                .map(|id| chars.get(*id as usize).copied().unwrap_or(NO_CLASS))
                .collect(),
            file,
        }))
    }
}

/// A column that may colour the map, with what its cells are read as.
enum Values {
    /// Index of each feature's value among `names` (`u16::MAX`: empty).
    Text {
        names: Vec<String>,
        index: HashMap<String, u16>,
        of: Vec<u16>,
    },
    Numbers(Vec<f64>),
}

/// The columns that may colour a map of `features` features (none past
/// [`MAX_COLOURED`]): text of 2 to [`MAX_DISTINCT`] values that not every
/// feature has its own of, and numbers that vary. `skip` is the name column.
fn candidates(profile: &[ColumnProfile], features: usize, skip: Option<usize>) -> Vec<usize> {
    if features > MAX_COLOURED {
        return Vec::new();
    }
    profile
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != skip)
        .filter(|(_, c)| match c.column_type {
            ColumnType::Text | ColumnType::Boolean => {
                c.distinct_exact
                    && (2..=MAX_DISTINCT).contains(&c.distinct)
                    && (c.distinct as usize) < features
            }
            ColumnType::Integer | ColumnType::Decimal => c.min.is_some() && c.min != c.max,
            _ => false,
        })
        .map(|(i, _)| i)
        .take(MAX_CANDIDATES)
        .collect()
}

/// Reads the properties files back and colours the map by every candidate
/// column, writing each one's classes; `preview` gives the feature ids of
/// the preview, in order.
pub(super) fn colour(
    files: &mut MapFiles,
    profile: &[ColumnProfile],
    features: usize,
    skip: Option<usize>,
    preview: &[u32],
) -> io::Result<Vec<Colouring>> {
    let columns = candidates(profile, features, skip);
    if columns.is_empty() {
        return Ok(Vec::new());
    }
    files.flush()?;
    let mut values: Vec<Values> = columns
        .iter()
        .map(|&i| match profile[i].column_type {
            ColumnType::Integer | ColumnType::Decimal => Values::Numbers(Vec::new()),
            _ => Values::Text {
                names: Vec::new(),
                index: HashMap::new(),
                of: Vec::new(),
            },
        })
        .collect();
    for chunk in 0..files.chunks() {
        let text = files.read(&format!("p/{chunk}.json"))?;
        let rows: Vec<Vec<serde_json::Value>> = serde_json::from_slice(&text)?;
        for row in &rows {
            for (k, &column) in columns.iter().enumerate() {
                let cell = row.get(column + 1).and_then(|v| v.as_str()).unwrap_or("");
                read_cell(&mut values[k], cell.trim());
            }
        }
    }
    let mut colourings = Vec::new();
    for (k, (column, values)) in columns.iter().zip(values).enumerate() {
        let (scale, classes) = classes(values);
        if scale.classes() < 2 {
            continue;
        }
        let file = format!("c/{k}.json");
        files.write(
            &file,
            serde_json::json!({ "c": classes }).to_string().as_bytes(),
        )?;
        let chars: Vec<char> = classes.chars().collect();
        colourings.push(Colouring {
            column: profile[*column].name.clone(),
            scale,
            preview: preview
                .iter()
                .map(|id| chars.get(*id as usize).copied().unwrap_or(NO_CLASS))
                .collect(),
            file,
        });
    }
    Ok(colourings)
}

fn read_cell(values: &mut Values, cell: &str) {
    match values {
        Values::Numbers(numbers) => {
            numbers.push(parse_number(cell).map_or(f64::NAN, |n| n.value));
        }
        Values::Text { names, index, of } => {
            if cell.is_empty() {
                of.push(u16::MAX);
                return;
            }
            let next = names.len() as u16;
            let i = *index.entry(cell.to_string()).or_insert_with(|| {
                names.push(cell.to_string());
                next
            });
            of.push(i);
        }
    }
}

/// The scale of a column's values and each feature's class.
fn classes(values: Values) -> (Scale, String) {
    let class = |i: Option<usize>| i.map_or(NO_CLASS, |i| char::from(b'0' + i as u8));
    match values {
        Values::Text { names, of, .. } => {
            let mut counts = vec![0u64; names.len()];
            for &i in of.iter().filter(|i| **i != u16::MAX) {
                counts[i as usize] += 1;
            }
            let mut order: Vec<usize> = (0..names.len()).collect();
            order.sort_by(|a, b| counts[*b].cmp(&counts[*a]).then(names[*a].cmp(&names[*b])));
            let others = order.len() > MAX_CATEGORIES;
            let kept = if others {
                MAX_CATEGORIES - 1
            } else {
                order.len()
            };
            let mut rank = vec![kept; names.len()];
            for (place, &i) in order.iter().take(kept).enumerate() {
                rank[i] = place;
            }
            let classes = of
                .iter()
                .map(|&i| class((i != u16::MAX).then(|| rank[i as usize])))
                .collect();
            let values = order.iter().take(kept).map(|&i| names[i].clone()).collect();
            (Scale::Categories { values, others }, classes)
        }
        Values::Numbers(numbers) => {
            let mut sorted: Vec<f64> = numbers.iter().copied().filter(|n| !n.is_nan()).collect();
            sorted.sort_by(f64::total_cmp);
            let mut breaks: Vec<f64> = (0..=QUANTILES)
                .filter_map(|q| {
                    let at = (q * sorted.len().saturating_sub(1)) / QUANTILES;
                    sorted.get(at).copied()
                })
                .collect();
            breaks.dedup();
            let classes = numbers
                .iter()
                .map(|n| {
                    class((!n.is_nan() && breaks.len() > 1).then(|| {
                        breaks[1..]
                            .iter()
                            .position(|b| n <= b)
                            .unwrap_or(breaks.len() - 2)
                    }))
                })
                .collect();
            (Scale::Sequential { breaks }, classes)
        }
    }
}

/// The colouring a map uses unless told otherwise: a column of categories;
/// else, on polygons, a scale of numbers (decimals first) that are not
/// identifiers; else none.
pub fn default_colouring(
    colourings: &[Colouring],
    profile: &[ColumnProfile],
    features: usize,
    polygons: bool,
) -> Option<usize> {
    let of = |c: &Colouring| profile.iter().find(|p| p.name == c.column);
    let categories = colourings
        .iter()
        .position(|c| matches!(c.scale, Scale::Categories { .. }));
    let numbers = |kind: ColumnType| {
        colourings
            .iter()
            .position(|c| of(c).is_some_and(|p| p.column_type == kind && !identifier(p, features)))
    };
    categories.or_else(|| {
        polygons
            .then(|| numbers(ColumnType::Decimal).or_else(|| numbers(ColumnType::Integer)))
            .flatten()
    })
}

/// Whether a column of numbers looks like identifiers: named so (`id`,
/// `CVE_MUN`, `clave`, `folio`…), or whole numbers each feature has its
/// own of, one after the other.
fn identifier(column: &ColumnProfile, features: usize) -> bool {
    const NAMES: [&str; 12] = [
        "id", "fid", "gid", "oid", "objectid", "cve", "clave", "cod", "codigo", "folio", "num",
        "numero",
    ];
    let name = deunicode::deunicode(&column.name).to_lowercase();
    let named = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|token| NAMES.contains(&token));
    let bound = |v: &Option<String>| v.as_deref().and_then(|v| v.parse::<f64>().ok());
    let consecutive = column.column_type == ColumnType::Integer
        && column.distinct_exact
        && column.distinct as usize == features
        && bound(&column.min)
            .zip(bound(&column.max))
            .is_some_and(|(min, max)| max - min + 1.0 == features as f64);
    named || consecutive
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(cells: &[&str]) -> Values {
        let mut values = Values::Text {
            names: Vec::new(),
            index: HashMap::new(),
            of: Vec::new(),
        };
        for c in cells {
            read_cell(&mut values, c);
        }
        values
    }

    #[test]
    fn categories_are_the_most_frequent_values_then_the_others() {
        let (scale, of) = classes(text(&["b", "a", "b", "", "c"]));
        // b twice, then a and c once each (alphabetical).
        assert_eq!(
            scale,
            Scale::Categories {
                values: vec!["b".into(), "a".into(), "c".into()],
                others: false
            }
        );
        assert_eq!(of, "010 2");
        let many: Vec<String> = (0..12).map(|i| format!("v{i:02}")).collect();
        let cells: Vec<&str> = many.iter().map(String::as_str).collect();
        let (scale, of) = classes(text(&cells));
        assert_eq!(scale.classes(), MAX_CATEGORIES);
        assert_eq!(&of[..8], "01234567");
        assert_eq!(&of[8..], "7777");
    }

    #[test]
    fn numbers_fall_in_quantiles() {
        let numbers: Vec<f64> = (1..=10).map(f64::from).chain([f64::NAN]).collect();
        let (scale, of) = classes(Values::Numbers(numbers));
        // Breaks at the values of rank 0, 1, 3, 5, 7, 9 of ten (0-based).
        assert_eq!(
            scale,
            Scale::Sequential {
                breaks: vec![1.0, 2.0, 4.0, 6.0, 8.0, 10.0]
            }
        );
        assert_eq!(of, "0011223344 ");
    }
}
