//! Personal data in a table, found while the analysis reads it, with the
//! evidence for each finding. Every cell goes through the
//! [`detectors`](super::detectors) (identifiers, phones and e-mail
//! addresses, inside free text too); a column's first
//! [`scanner::JUDGED_VALUES`] filled values are also judged as names,
//! addresses and dates, and the column is found to hold people's names,
//! their addresses or birth dates when enough of them look so. What the
//! column's name says (`headers.rs`) weighs in: a CURP with a wrong check
//! digit under `curp` is still a CURP, nothing under `colonia` is a
//! person. Scanning in the analysis's single pass means a data file is read
//! once per change, and the findings are cached with the rest of its facts;
//! `rules::personal_data` judges them and makes the diagnostics.

mod headers;
mod scanner;
#[cfg(test)]
mod tests;

pub use headers::{Header, People, normalise};
pub use scanner::{JUDGED_VALUES, Scanner};

use super::detectors::PersonalDataKind;
use serde::{Deserialize, Serialize};

/// How many row numbers a finding keeps.
pub const ROWS_SHOWN: usize = 5;

/// What was found in one column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnFinding {
    pub column: String,
    /// The column's place in its table, from 1.
    pub position: usize,
    /// Values found, by kind.
    pub kinds: Vec<KindFinding>,
    /// E-mail addresses found, by domain and role.
    pub emails: Vec<EmailFinding>,
    /// The column's name looks like personal data (nombre, curp, teléfono…).
    pub named_like_personal_data: bool,
}

/// Where something was found: how many rows, and the first of them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rows {
    pub count: u64,
    /// File lines (CSV, KML), sheet rows (workbooks) or feature numbers (GeoJSON).
    pub first_lines: Vec<usize>,
}

impl Rows {
    /// Counts the row at `line`.
    pub fn add(&mut self, line: usize) {
        self.count += 1;
        if self.first_lines.len() < ROWS_SHOWN {
            self.first_lines.push(line);
        }
    }

    /// Both together (their first lines in order).
    pub fn merged(&self, other: &Rows) -> Rows {
        let mut first_lines: Vec<usize> = self
            .first_lines
            .iter()
            .chain(&other.first_lines)
            .copied()
            .collect();
        first_lines.sort_unstable();
        first_lines.dedup();
        first_lines.truncate(ROWS_SHOWN);
        Rows {
            count: self.count + other.count,
            first_lines,
        }
    }
}

/// Values of one kind found in a column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindFinding {
    pub kind: PersonalDataKind,
    pub rows: Rows,
    /// The first value found, masked.
    pub example: String,
    pub evidence: Evidence,
}

/// Why values are taken for personal data: what a finding says to be judged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Evidence {
    /// Each has the kind's shape, and its check digit where it has one.
    Shape,
    /// Identifiers with a check digit: `valid` ones, and `wrong` ones
    /// counted because the column's name or a word before them names the
    /// kind, or because most of the column's are valid.
    CheckDigits { valid: u64, wrong: u64, named: bool },
    /// `hits` of the `judged` values look like people's names (or given
    /// names, or surnames, as the column's name says); `sample`: the most
    /// frequent given names among them, spelt as in the list.
    Names {
        hits: u64,
        judged: u64,
        sample: Vec<String>,
    },
    /// `hits` of the `judged` values are street addresses with a number,
    /// in a table whose column `people` holds people's names.
    Addresses {
        hits: u64,
        judged: u64,
        people: String,
    },
    /// Dates from `first_year` to `last_year` beside the names of column
    /// `people`; `named`: the column's name says birth.
    BirthDates {
        people: String,
        named: bool,
        first_year: i32,
        last_year: i32,
    },
}

/// E-mail addresses of one domain found in a column, the office ones
/// (`contacto@`, `atencion.ciudadana@`) apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailFinding {
    /// Lower case; empty for the domains past the ones kept.
    pub domain: String,
    /// The part before the `@` names an office or a role.
    pub role: bool,
    pub rows: Rows,
    /// The first address's part before the `@`, masked.
    pub local_example: String,
}
