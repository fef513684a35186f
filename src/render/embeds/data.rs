//! The rows an embed shows, read from a resource at build time, streaming:
//! a filter on one column's value, a sort with a row limit (memory bounded
//! by the limit), and groups of rows by a column (optionally by the month or
//! year of a date) with their sum, count or mean.

use crate::analyse::profile::parse_number;
use std::collections::HashMap;

/// Groups kept at most: more distinct values than this is not a chart.
pub const MAX_GROUPS: usize = 1000;

/// Rows of a table: each cell by column index.
pub type Cells = Vec<String>;

/// `filtro="colonia=Centro"`: keep rows whose column equals the value
/// (case and accents ignored, surrounding spaces too).
pub struct Filter {
    pub column: usize,
    pub value: String,
}

impl Filter {
    pub fn keeps(&self, cells: &[String]) -> bool {
        cells
            .get(self.column)
            .is_some_and(|cell| same_text(cell, &self.value))
    }
}

fn same_text(a: &str, b: &str) -> bool {
    let fold = |s: &str| deunicode::deunicode(s.trim()).to_lowercase();
    fold(a) == fold(b)
}

/// A number written in a cell: `12`, `-3.5`, `3,5` (decimal comma), `12,345.6`, `12 345,6`.
pub fn number(cell: &str) -> Option<f64> {
    let cell = cell.trim();
    if cell.is_empty() {
        return None;
    }
    if let Some(n) = parse_number(cell) {
        return Some(n.value);
    }
    // Grouped thousands: `12,345.6`, `12 345,6`, `12.345,6`.
    let compact: String = cell
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let last_dot = compact.rfind('.');
    let last_comma = compact.rfind(',');
    let normal = match (last_dot, last_comma) {
        (Some(d), Some(c)) if d > c => compact.replace(',', ""),
        (Some(_), Some(_)) => compact.replace('.', "").replace(',', "."),
        (None, Some(_)) if compact.matches(',').count() > 1 => compact.replace(',', ""),
        (Some(_), None) if compact.matches('.').count() > 1 => compact.replace('.', ""),
        _ => compact.clone(),
    };
    parse_number(&normal).map(|n| n.value)
}

/// Compares two cells: as numbers when both are, else as text without accents.
pub fn compare_cells(a: &str, b: &str) -> std::cmp::Ordering {
    match (number(a), number(b)) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => crate::slug::slugify(a)
            .cmp(&crate::slug::slugify(b))
            .then_with(|| a.cmp(b)),
    }
}

/// Rows kept by a table embed, and how many rows matched in all.
pub struct Selection {
    pub rows: Vec<Cells>,
    pub matched: u64,
}

/// Keeps the first `limit` rows that pass `filter`, or, with `sort`
/// (column, descending), the first `limit` rows in that order.
pub fn select(
    rows: impl Iterator<Item = Cells>,
    filter: Option<&Filter>,
    sort: Option<(usize, bool)>,
    limit: usize,
) -> Selection {
    let mut kept: Vec<Cells> = Vec::new();
    let mut matched = 0u64;
    let order = |a: &Cells, b: &Cells, (column, descending): (usize, bool)| {
        let empty = String::new();
        let ordering = compare_cells(
            a.get(column).unwrap_or(&empty),
            b.get(column).unwrap_or(&empty),
        );
        if descending {
            ordering.reverse()
        } else {
            ordering
        }
    };
    for cells in rows {
        if filter.is_some_and(|f| !f.keeps(&cells)) {
            continue;
        }
        matched += 1;
        match sort {
            None if kept.len() < limit => kept.push(cells),
            None => {}
            Some(sort) => {
                kept.push(cells);
                // Bounded memory: sort and cut now and then.
                if kept.len() >= limit.max(1) * 2 + 256 {
                    kept.sort_by(|a, b| order(a, b, sort));
                    kept.truncate(limit);
                }
            }
        }
    }
    if let Some(sort) = sort {
        kept.sort_by(|a, b| order(a, b, sort));
        kept.truncate(limit);
    }
    Selection {
        rows: kept,
        matched,
    }
}

/// How rows of a group become one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aggregate {
    Sum,
    Count,
    Mean,
}

impl Aggregate {
    pub const NAMES: [&'static str; 3] = ["suma", "cuenta", "promedio"];

    pub fn from_name(name: &str) -> Option<Aggregate> {
        match name {
            "suma" | "sumar" | "total" => Some(Aggregate::Sum),
            "cuenta" | "contar" | "conteo" => Some(Aggregate::Count),
            "promedio" | "media" => Some(Aggregate::Mean),
            _ => None,
        }
    }
}

/// How the grouping column's values become groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Each value is a group.
    Value,
    /// `2014-03-25` → `2014-03`.
    Month,
    /// `2014-03-25` → `2014`.
    Year,
}

impl Period {
    pub const NAMES: [&'static str; 2] = ["mes", "ano"];

    pub fn from_name(name: &str) -> Option<Period> {
        match name {
            "mes" | "meses" => Some(Period::Month),
            "ano" | "anos" | "anio" => Some(Period::Year),
            _ => None,
        }
    }

    /// The group of a cell, `None` when the cell holds no date.
    pub fn key(self, cell: &str) -> Option<String> {
        let cell = cell.trim();
        match self {
            Period::Value => Some(cell.to_string()),
            Period::Month => date(cell).map(|(y, m)| format!("{y:04}-{m:02}")),
            Period::Year => date(cell).map(|(y, _)| format!("{y:04}")),
        }
    }
}

/// Year and month of `2014-03-25`, `2014-03`, `2014/03/25`, `25/03/2014` (day first).
fn date(cell: &str) -> Option<(u32, u32)> {
    let head: String = cell
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != 'T')
        .collect();
    let parts: Vec<&str> = head.split(['-', '/', '.']).collect();
    let num = |s: &str| s.parse::<u32>().ok();
    let (year, month) = match parts.as_slice() {
        [y, m, ..] if y.len() == 4 => (num(y)?, num(m)?),
        [_, m, y] if y.len() == 4 => (num(y)?, num(m)?),
        _ => return None,
    };
    ((1..=12).contains(&month) && year > 0).then_some((year, month))
}

/// One group: its key and value.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub key: String,
    pub value: f64,
}

/// What grouping found.
pub struct Grouped {
    pub groups: Vec<Group>,
    /// Rows whose grouping cell is not a date (with a period) or whose value is
    /// not a number are left out. Whether more than [`MAX_GROUPS`] distinct values were met.
    pub too_many: bool,
}

/// Groups rows by `by` (with `period`) and reduces `value` (a column; none for a count).
/// Groups come in the order of their keys (numbers as numbers, dates in time order).
pub fn group(
    rows: impl Iterator<Item = Cells>,
    filter: Option<&Filter>,
    by: usize,
    period: Period,
    value: Option<usize>,
    aggregate: Aggregate,
) -> Grouped {
    let mut sums: HashMap<String, (f64, u64)> = HashMap::new();
    let mut too_many = false;
    for cells in rows {
        if filter.is_some_and(|f| !f.keeps(&cells)) {
            continue;
        }
        let Some(key) = cells.get(by).and_then(|c| period.key(c)) else {
            continue;
        };
        let amount = match (aggregate, value) {
            (Aggregate::Count, _) | (_, None) => 1.0,
            (_, Some(column)) => match cells.get(column).and_then(|c| number(c)) {
                Some(n) => n,
                None => continue,
            },
        };
        if !sums.contains_key(&key) && sums.len() >= MAX_GROUPS {
            too_many = true;
            continue;
        }
        let entry = sums.entry(key).or_insert((0.0, 0));
        entry.0 += amount;
        entry.1 += 1;
    }
    let mut groups: Vec<Group> = sums
        .into_iter()
        .map(|(key, (sum, n))| Group {
            key,
            value: match aggregate {
                Aggregate::Sum => sum,
                Aggregate::Count => n as f64,
                Aggregate::Mean => sum / n.max(1) as f64,
            },
        })
        .collect();
    groups.sort_by(|a, b| compare_cells(&a.key, &b.key));
    Grouped { groups, too_many }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(data: &[&[&str]]) -> impl Iterator<Item = Cells> {
        data.iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect::<Vec<_>>())
            .collect::<Vec<_>>()
            .into_iter()
    }

    #[test]
    fn numbers_in_both_notations() {
        assert_eq!(number("12"), Some(12.0));
        assert_eq!(number("3,5"), Some(3.5));
        assert_eq!(number("12,345.6"), Some(12345.6));
        assert_eq!(number("12 345,6"), Some(12345.6));
        assert_eq!(number("12.345,6"), Some(12345.6));
        assert_eq!(number("abc"), None);
    }

    #[test]
    fn rows_are_filtered_sorted_and_cut() {
        let data: &[&[&str]] = &[&["a", "3"], &["b", "10"], &["a", "7"], &["c", "1"]];
        let filter = Filter {
            column: 0,
            value: "A".into(),
        };
        let s = select(rows(data), Some(&filter), Some((1, true)), 1);
        assert_eq!(s.matched, 2);
        assert_eq!(s.rows, vec![vec!["a".to_string(), "7".to_string()]]);
        let s = select(rows(data), None, Some((1, false)), 10);
        assert_eq!(s.rows[0][1], "1");
        assert_eq!(s.rows[3][1], "10");
    }

    #[test]
    fn groups_by_month_with_sum_count_and_mean() {
        let data: &[&[&str]] = &[
            &["2014-02-10", "2"],
            &["2014-01-18", "1"],
            &["2014-02-28", "4"],
            &["no es fecha", "9"],
        ];
        let g = group(rows(data), None, 0, Period::Month, Some(1), Aggregate::Sum);
        assert_eq!(
            g.groups,
            vec![
                Group {
                    key: "2014-01".into(),
                    value: 1.0
                },
                Group {
                    key: "2014-02".into(),
                    value: 6.0
                },
            ]
        );
        let g = group(rows(data), None, 0, Period::Month, None, Aggregate::Count);
        assert_eq!(g.groups[1].value, 2.0);
        let g = group(rows(data), None, 0, Period::Year, Some(1), Aggregate::Mean);
        assert_eq!(
            g.groups,
            vec![Group {
                key: "2014".into(),
                value: 7.0 / 3.0
            }]
        );
    }
}
