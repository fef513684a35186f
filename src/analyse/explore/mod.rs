//! The explorer's data: every cell of a table (up to `[build]
//! explore_max_rows` rows), column by column. Each column is a dictionary of
//! its distinct values in the column's own order (numbers by value, dates by
//! day, text alphabetically as Spanish sorts it, empty cells last) and one code
//! per row, a value's place in that order: the browser sorts and filters a
//! million rows by comparing small integers, and shows a row by looking its
//! codes up. Built during the analysis' single read ([`ExplorerBuilder`] is fed
//! by `TableBuilder`), written as one file (its format: [`file`]).

use super::profile::{ColumnProfile, ColumnType, parse_date, parse_number};
mod file;

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::io;
use std::path::PathBuf;

/// Cells (rows × columns) past which no explorer is made, whatever the rows:
/// what the build holds in memory and a browser downloads.
pub const MAX_CELLS: u64 = 30_000_000;
/// Characters of a cell the explorer keeps; longer cells are cut (and said).
pub const MAX_CELL_CHARS: usize = 1_000;
/// Rows on the explorer's first screen (and on each of its pages).
pub const PAGE_ROWS: usize = 25;

/// What a page needs to know of a table's explorer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Explorer {
    /// The data file's name in the cache.
    pub file: String,
    /// Its size.
    pub bytes: u64,
    pub rows: u64,
    pub columns: Vec<ExplorerColumn>,
    /// The first [`PAGE_ROWS`] rows, for the first screen.
    pub first_rows: Vec<Vec<String>>,
    /// Cells cut at [`MAX_CELL_CHARS`].
    pub cut_cells: u64,
}

/// One column of an explorer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExplorerColumn {
    pub name: String,
    pub order: Order,
    pub distinct: u64,
}

/// How a column's values are ordered, and filtered by range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    Number,
    Date,
    Text,
}

impl Order {
    fn of(column: &ColumnProfile) -> Order {
        match column.column_type {
            ColumnType::Integer
            | ColumnType::Decimal
            | ColumnType::Latitude
            | ColumnType::Longitude => Order::Number,
            ColumnType::Date => Order::Date,
            ColumnType::Empty | ColumnType::Boolean | ColumnType::Text => Order::Text,
        }
    }
}

/// Collects a table's cells, row by row, while the analysis reads it.
pub struct ExplorerBuilder {
    target: PathBuf,
    max_rows: u64,
    /// Per column: each distinct value and its code (the order it was first seen).
    values: Vec<HashMap<Box<str>, u32>>,
    /// Per column: the code of each row's cell.
    codes: Vec<Vec<u32>>,
    first_rows: Vec<Vec<String>>,
    rows: u64,
    cut_cells: u64,
    /// Too many rows or cells: nothing more is kept.
    given_up: bool,
}

impl ExplorerBuilder {
    /// A builder writing to `target` when the table has at most `max_rows` rows.
    pub fn new(target: PathBuf, max_rows: u64) -> ExplorerBuilder {
        ExplorerBuilder {
            target,
            max_rows,
            values: Vec::new(),
            codes: Vec::new(),
            first_rows: Vec::new(),
            rows: 0,
            cut_cells: 0,
            given_up: false,
        }
    }

    /// Adds a data row's first `columns` cells (missing cells are empty;
    /// spaces around a value are not kept, as the profile does not count them).
    pub fn row(&mut self, cells: &[&str], columns: usize) {
        if self.given_up {
            return;
        }
        if self.values.is_empty() {
            self.values = (0..columns).map(|_| HashMap::new()).collect();
            self.codes = (0..columns).map(|_| Vec::new()).collect();
        }
        self.rows += 1;
        if self.rows > self.max_rows || self.rows * self.values.len() as u64 > MAX_CELLS {
            self.give_up();
            return;
        }
        let keep_row = self.first_rows.len() < PAGE_ROWS;
        let mut shown = Vec::new();
        for (i, (values, codes)) in self.values.iter_mut().zip(&mut self.codes).enumerate() {
            let cell = cut(cells.get(i).map_or("", |c| c.trim()), &mut self.cut_cells);
            let code = match values.get(cell.as_ref()) {
                Some(&code) => code,
                None => {
                    let code = values.len() as u32;
                    values.insert(cell.as_ref().into(), code);
                    code
                }
            };
            codes.push(code);
            if keep_row {
                shown.push(cell.into_owned());
            }
        }
        if keep_row {
            self.first_rows.push(shown);
        }
    }

    /// Drops what was kept: the table is too big to explore.
    fn give_up(&mut self) {
        self.given_up = true;
        self.values = Vec::new();
        self.codes = Vec::new();
    }

    /// Orders each column's values by its profile and writes the file; the
    /// explorer, or `None` when the table has no rows or is too big.
    pub fn finish(
        self,
        header: &[String],
        profile: &[ColumnProfile],
    ) -> io::Result<Option<Explorer>> {
        if self.given_up || self.rows == 0 {
            let _ = std::fs::remove_file(&self.target);
            return Ok(None);
        }
        let rows = self.rows;
        let mut columns = Vec::new();
        let mut data = Vec::new();
        for (i, (values, mut codes)) in self.values.into_iter().zip(self.codes).enumerate() {
            let order = profile.get(i).map_or(Order::Text, Order::of);
            let column = ordered_column(values, &mut codes, order);
            columns.push(ExplorerColumn {
                name: header.get(i).cloned().unwrap_or_default(),
                order,
                distinct: column.values.len() as u64,
            });
            data.push((column, codes));
        }
        let bytes = file::write(&self.target, rows, &data)?;
        Ok(Some(Explorer {
            file: String::new(),
            bytes,
            rows,
            columns,
            first_rows: self.first_rows,
            cut_cells: self.cut_cells,
        }))
    }
}

/// A cell as the explorer keeps it: at most [`MAX_CELL_CHARS`] characters,
/// and no NUL (which ends each value in the data file; shown as `�`).
fn cut<'c>(cell: &'c str, cut_cells: &mut u64) -> Cow<'c, str> {
    let kept = match cell.char_indices().nth(MAX_CELL_CHARS) {
        Some((end, _)) => {
            *cut_cells += 1;
            &cell[..end]
        }
        None => cell,
    };
    if kept.contains('\0') {
        Cow::Owned(kept.replace('\0', "\u{FFFD}"))
    } else {
        Cow::Borrowed(kept)
    }
}

/// One column's dictionary, in the column's order.
pub(super) struct OrderedColumn {
    /// The distinct values: those that parse in the column's order first
    /// (by value), then the others alphabetically, then the empty cell.
    pub values: Vec<Box<str>>,
    /// How many of the first values parse in the column's order.
    pub parsed: usize,
    /// The day of each of them as the number `YYYYMMDD`, for dates (numbers
    /// are their values, so the browser reads them from the text).
    pub days: Option<Vec<u32>>,
    /// Whether the last value is the empty cell.
    pub empty: bool,
}

/// What a value is sorted by.
enum SortKey {
    Number(f64),
    /// `YYYYMMDD`.
    Day(u32),
    /// Not a value of the column's kind.
    Other,
    Empty,
}

impl SortKey {
    fn of(value: &str, order: Order) -> SortKey {
        let value = value.trim();
        if value.is_empty() {
            return SortKey::Empty;
        }
        let parsed = match order {
            Order::Number => parse_number(value)
                .map(|n| n.value)
                .filter(|n| n.is_finite())
                .map(SortKey::Number),
            Order::Date => parse_date(value)
                .and_then(|day| day.replace('-', "").parse().ok())
                .map(SortKey::Day),
            Order::Text => None,
        };
        parsed.unwrap_or(SortKey::Other)
    }

    fn rank(&self) -> u8 {
        match self {
            SortKey::Number(_) | SortKey::Day(_) => 0,
            SortKey::Other => 1,
            SortKey::Empty => 2,
        }
    }

    fn cmp(&self, other: &SortKey) -> Ordering {
        match (self, other) {
            (SortKey::Number(a), SortKey::Number(b)) => a.total_cmp(b),
            (SortKey::Day(a), SortKey::Day(b)) => a.cmp(b),
            _ => self.rank().cmp(&other.rank()),
        }
    }
}

/// Sorts a column's values in its order and rewrites `codes` as places in it.
fn ordered_column(
    values: HashMap<Box<str>, u32>,
    codes: &mut [u32],
    order: Order,
) -> OrderedColumn {
    let mut entries: Vec<(SortKey, String, Box<str>, u32)> = values
        .into_iter()
        .map(|(value, code)| {
            (
                SortKey::of(&value, order),
                collation_key(&value),
                value,
                code,
            )
        })
        .collect();
    entries.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| a.1.cmp(&b.1))
            .then_with(|| a.2.cmp(&b.2))
    });
    let mut place = vec![0u32; entries.len()];
    for (new, entry) in entries.iter().enumerate() {
        place[entry.3 as usize] = new as u32;
    }
    for code in codes.iter_mut() {
        *code = place[*code as usize];
    }
    let empty = entries.last().is_some_and(|e| e.0.rank() == 2);
    let parsed = entries.iter().filter(|e| e.0.rank() == 0).count();
    let days = (order == Order::Date).then(|| {
        entries
            .iter()
            .filter_map(|e| match e.0 {
                SortKey::Day(day) => Some(day),
                _ => None,
            })
            .collect()
    });
    OrderedColumn {
        values: entries.into_iter().map(|e| e.2).collect(),
        parsed,
        days,
        empty,
    }
}

/// What text sorts by, as a Spanish dictionary orders words: case and accents
/// do not count (`Árbol` beside `arbol`), `ñ` comes after `n`, digits before
/// letters. Ties are broken by the text itself, so the order is total.
pub fn collation_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' => key.push('a'),
            'é' | 'è' | 'ê' | 'ë' => key.push('e'),
            'í' | 'ì' | 'î' | 'ï' => key.push('i'),
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => key.push('o'),
            'ú' | 'ù' | 'û' | 'ü' => key.push('u'),
            'ç' => key.push('c'),
            // After every other n…: `n` then a character past `z`.
            'ñ' => key.push_str("n\u{7f}"),
            c => key.push(c),
        }
    }
    key
}

/// What the explorer's text search compares a value with: lower case, and an
/// accented Latin letter as its plain letter (`Tonalá` → `tonalá` → `tonala`,
/// `Ñ` → `n`), as `explore.js` folds what the reader types (NFD, marks
/// removed, lower case); other characters are kept.
pub fn search_fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let plain = deunicode::deunicode_char(c).unwrap_or("");
        let mut letters = plain.chars();
        match (letters.next(), letters.next()) {
            (Some(l), None) if l.is_ascii_alphabetic() && c.is_alphabetic() => {
                out.push(l.to_ascii_lowercase())
            }
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}
