//! Column statistics in bounded memory: the inferred type, empty cells,
//! distinct values (exact up to a bound, then estimated), min and max, and the
//! most frequent values. One [`ColumnProfiler`] per column sees every cell once.

use crate::messages::Message;
use crate::msg;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// Distinct values counted exactly (and their frequencies kept) up to this many.
pub const DISTINCT_BOUND: usize = 1000;
/// Longest value kept for counting, in bytes; longer values are cut (at a character boundary).
const VALUE_CAP: usize = 80;
/// How many frequent values a profile lists.
const TOP_VALUES: usize = 5;
/// How many values of a text column search finds its file by, at most.
const SEARCH_VALUES: usize = 50;
/// A text column with at most this many distinct values is searched by all of
/// them; one with more, by the values it repeats.
const FEW_DISTINCT: usize = 100;

/// The type of a column's values, as the data show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColumnType {
    /// No value at all.
    Empty,
    Boolean,
    Integer,
    Decimal,
    Date,
    Latitude,
    Longitude,
    Text,
}

impl ColumnType {
    /// The Table Schema type (frictionless) of this inferred type.
    pub fn table_schema_type(self) -> &'static str {
        match self {
            ColumnType::Empty | ColumnType::Text => "string",
            ColumnType::Boolean => "boolean",
            ColumnType::Integer => "integer",
            ColumnType::Decimal | ColumnType::Latitude | ColumnType::Longitude => "number",
            ColumnType::Date => "date",
        }
    }

    /// The Table Schema type's name as a message says it: in words where the language has them.
    pub fn schema_type_name(self) -> Message {
        msg!("analyse-schema-type", kind = self.table_schema_type())
    }

    /// The key of this type's name in the interface texts (`type_integer`…).
    pub fn key(self) -> &'static str {
        match self {
            ColumnType::Empty => "type_empty",
            ColumnType::Boolean => "type_boolean",
            ColumnType::Integer => "type_integer",
            ColumnType::Decimal => "type_decimal",
            ColumnType::Date => "type_date",
            ColumnType::Latitude => "type_latitude",
            ColumnType::Longitude => "type_longitude",
            ColumnType::Text => "type_text",
        }
    }

    /// Whether data of this type fit a type a descriptor declares (Table Schema names).
    /// Unknown declared types are not judged.
    pub fn fits_declared(self, declared: &str) -> bool {
        let numeric = matches!(
            self,
            ColumnType::Integer
                | ColumnType::Decimal
                | ColumnType::Latitude
                | ColumnType::Longitude
        );
        match declared.trim().to_lowercase().as_str() {
            "integer" | "year" => matches!(self, ColumnType::Integer | ColumnType::Empty),
            "number" => numeric || self == ColumnType::Empty,
            "boolean" => matches!(
                self,
                ColumnType::Boolean | ColumnType::Integer | ColumnType::Empty
            ),
            "date" | "datetime" => matches!(self, ColumnType::Date | ColumnType::Empty),
            _ => true,
        }
    }
}

/// What one column holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnProfile {
    pub name: String,
    pub column_type: ColumnType,
    /// Numbers written with a decimal comma (`42,4`).
    pub decimal_comma: bool,
    pub empty: u64,
    pub distinct: u64,
    /// `false` when `distinct` is an estimate (more than [`DISTINCT_BOUND`] values).
    pub distinct_exact: bool,
    /// Smallest and largest value, for numbers and dates (dates as `YYYY-MM-DD`).
    pub min: Option<String>,
    pub max: Option<String>,
    /// Most frequent values with their counts, most frequent first (approximate when `distinct_exact` is false).
    pub top: Vec<(String, u64)>,
    /// What search finds the file by (a place name, a category): for a text
    /// column, all its values when they are few (at most 100), else those it
    /// repeats; at most 50, most frequent first. Empty for other types.
    pub search_values: Vec<String>,
    /// Values that do not fit the column's type (at most 5% of them), and the first of them.
    pub misfits: u64,
    pub misfit_example: Option<String>,
}

/// Share of filled cells that must fit a type for the column to have it; the
/// others are reported as values that do not fit (real data have typos).
const TOLERANCE: f64 = 0.95;

/// Collects one column's statistics, value by value.
#[derive(Debug)]
pub struct ColumnProfiler {
    name: String,
    seen: u64,
    empty: u64,
    booleans: u64,
    numbers: u64,
    integers: u64,
    dates: u64,
    decimal_comma: bool,
    not_number: Option<String>,
    not_date: Option<String>,
    /// A digit string with a leading zero (`01`) was seen: the column holds codes.
    leading_zero: bool,
    /// Exact counts while there are at most DISTINCT_BOUND values; after that a
    /// Misra–Gries summary of the frequent ones.
    counts: HashMap<Box<str>, u64>,
    overflowed: bool,
    sketch: Sketch,
    min_number: f64,
    max_number: f64,
    min_date: Option<String>,
    max_date: Option<String>,
}

impl ColumnProfiler {
    pub fn new(name: &str) -> ColumnProfiler {
        ColumnProfiler {
            name: name.to_string(),
            seen: 0,
            empty: 0,
            booleans: 0,
            numbers: 0,
            integers: 0,
            dates: 0,
            decimal_comma: false,
            not_number: None,
            not_date: None,
            leading_zero: false,
            counts: HashMap::new(),
            overflowed: false,
            sketch: Sketch::new(),
            min_number: f64::INFINITY,
            max_number: f64::NEG_INFINITY,
            min_date: None,
            max_date: None,
        }
    }

    pub fn add(&mut self, value: &str) {
        self.seen += 1;
        let value = value.trim();
        if value.is_empty() {
            self.empty += 1;
            return;
        }
        let value = cut(value, VALUE_CAP);
        self.infer(value);
        self.count(value);
    }

    fn infer(&mut self, value: &str) {
        if is_boolean(value) {
            self.booleans += 1;
        }
        match parse_number(value) {
            Some(number) => {
                self.numbers += 1;
                if number.integer {
                    self.integers += 1;
                }
                self.decimal_comma |= number.comma;
                self.min_number = self.min_number.min(number.value);
                self.max_number = self.max_number.max(number.value);
            }
            None => {
                self.leading_zero |= value.len() > 1
                    && value.starts_with('0')
                    && value.bytes().all(|b| b.is_ascii_digit());
                if self.not_number.is_none() {
                    self.not_number = Some(value.to_string());
                }
            }
        }
        match parse_date(value) {
            Some(iso) => {
                self.dates += 1;
                if self.min_date.as_deref().is_none_or(|m| iso.as_str() < m) {
                    self.min_date = Some(iso.clone());
                }
                if self.max_date.as_deref().is_none_or(|m| iso.as_str() > m) {
                    self.max_date = Some(iso);
                }
            }
            None => {
                if self.not_date.is_none() {
                    self.not_date = Some(value.to_string());
                }
            }
        }
    }

    fn count(&mut self, value: &str) {
        self.sketch.add(value);
        if let Some(n) = self.counts.get_mut(value) {
            *n += 1;
        } else if self.counts.len() < DISTINCT_BOUND {
            self.counts.insert(value.into(), 1);
        } else {
            // Misra–Gries: a new value when the summary is full lowers every count by one.
            self.overflowed = true;
            self.counts.retain(|_, n| {
                *n -= 1;
                *n > 0
            });
        }
    }

    pub fn finish(self) -> ColumnProfile {
        let (column_type, numeric, (misfit_count, misfit_example)) = self.column_type();
        let (min, max) = if numeric && column_type != ColumnType::Boolean {
            (
                Some(format_number(self.min_number)),
                Some(format_number(self.max_number)),
            )
        } else if column_type == ColumnType::Date {
            (self.min_date, self.max_date)
        } else {
            (None, None)
        };
        let distinct_exact = !self.overflowed;
        let distinct = if distinct_exact {
            self.counts.len() as u64
        } else {
            self.sketch.estimate().max(DISTINCT_BOUND as u64)
        };
        let mut top = most_frequent(self.counts, distinct_exact);
        let search_values = if column_type == ColumnType::Text {
            search_values(&top, distinct_exact)
        } else {
            Vec::new()
        };
        top.truncate(TOP_VALUES);
        // Facts of every file stay in memory for the whole build: without
        // this, each column would keep room for its 1,000 distinct values.
        top.shrink_to_fit();
        ColumnProfile {
            name: self.name,
            column_type,
            decimal_comma: self.decimal_comma && numeric,
            empty: self.empty,
            distinct,
            distinct_exact,
            min,
            max,
            top,
            search_values,
            misfits: misfit_count,
            misfit_example: if misfit_count > 0 {
                misfit_example
            } else {
                None
            },
        }
    }

    /// The column's type, whether most of its values are numbers, and its
    /// misfits: how many values are not of the type, and the first of them.
    fn column_type(&self) -> (ColumnType, bool, (u64, Option<String>)) {
        let filled = self.seen - self.empty;
        let lower = self.name.trim().to_lowercase();
        let enough = |n: u64| n > 0 && n as f64 >= TOLERANCE * filled as f64;
        let numeric = enough(self.numbers) && self.booleans < filled && !self.leading_zero;
        let mut misfits = (0, None);
        let column_type = if filled == 0 {
            ColumnType::Empty
        } else if self.booleans == filled {
            ColumnType::Boolean
        } else if numeric {
            misfits = (filled - self.numbers, self.not_number.clone());
            let integer = self.integers == self.numbers;
            let within = |limit: f64| self.min_number >= -limit && self.max_number <= limit;
            if !integer && is_latitude_name(&lower) && within(90.0) {
                ColumnType::Latitude
            } else if !integer && is_longitude_name(&lower) && within(180.0) {
                ColumnType::Longitude
            } else if integer {
                ColumnType::Integer
            } else {
                ColumnType::Decimal
            }
        } else if enough(self.dates) {
            misfits = (filled - self.dates, self.not_date.clone());
            ColumnType::Date
        } else {
            ColumnType::Text
        };
        (column_type, numeric, misfits)
    }
}

/// The values counted, most frequent first (ties in text order); when the
/// count overflowed, only those seen more than once are sure.
fn most_frequent(counts: HashMap<Box<str>, u64>, distinct_exact: bool) -> Vec<(String, u64)> {
    let mut top: Vec<(String, u64)> = counts
        .into_iter()
        .filter(|(_, n)| distinct_exact || *n > 1)
        .map(|(v, n)| (super::printable(&v), n))
        .collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    top
}

/// The values of a text column the search finds it by: all of a column with
/// few distinct values, else those repeated.
fn search_values(top: &[(String, u64)], distinct_exact: bool) -> Vec<String> {
    let few = distinct_exact && top.len() <= FEW_DISTINCT;
    top.iter()
        .filter(|(_, n)| few || *n > 1)
        .take(SEARCH_VALUES)
        .map(|(v, _)| v.clone())
        .collect()
}

fn cut(value: &str, cap: usize) -> &str {
    if value.len() <= cap {
        return value;
    }
    let mut end = cap;
    while !value.is_char_boundary(end) {
        end -= 1;
    }
    &value[..end]
}

fn is_boolean(value: &str) -> bool {
    if value.len() > 9 {
        return false;
    }
    ["true", "false", "verdadero", "falso", "si", "no", "yes"]
        .iter()
        .any(|word| value.eq_ignore_ascii_case(word))
        || (!value.is_ascii() && value.to_lowercase() == "sí")
}

fn is_latitude_name(name: &str) -> bool {
    matches!(name, "lat" | "latitud" | "latitude" | "y_lat" | "y")
}

fn is_longitude_name(name: &str) -> bool {
    matches!(
        name,
        "lon" | "lng" | "long" | "longitud" | "longitude" | "x_lon" | "x"
    )
}

/// Which columns of a header hold latitude and longitude, by name.
pub fn coordinate_columns(header: &[String]) -> Option<(usize, usize)> {
    let find = |test: fn(&str) -> bool| {
        header
            .iter()
            .position(|h| test(h.trim().to_lowercase().as_str()))
    };
    Some((find(is_latitude_name)?, find(is_longitude_name)?))
}

/// A number as a cell writes it.
pub struct Number {
    pub value: f64,
    pub integer: bool,
    /// Written with a decimal comma.
    pub comma: bool,
}

/// Parses `12`, `-3.5`, `42,4`. An integer with a leading zero (`01`, `002`)
/// is a code, not a number: it stays text.
pub fn parse_number(value: &str) -> Option<Number> {
    let digits = value.strip_prefix(['-', '+']).unwrap_or(value);
    let (whole, fraction, comma) = match digits.find(['.', ',']) {
        Some(i) => (
            &digits[..i],
            Some(&digits[i + 1..]),
            digits.as_bytes()[i] == b',',
        ),
        None => (digits, None, false),
    };
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if whole.len() > 1 && whole.starts_with('0') {
        return None;
    }
    if let Some(fraction) = fraction
        && (fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let parsed: f64 = if comma {
        value.replace(',', ".").parse().ok()?
    } else {
        value.parse().ok()?
    };
    Some(Number {
        value: parsed,
        integer: fraction.is_none(),
        comma,
    })
}

/// Parses a date (`2014-03-01`, `01/03/2014`, `2014/03/01`, optionally followed by a time) to `YYYY-MM-DD`.
pub fn parse_date(value: &str) -> Option<String> {
    if value.len() < 8 || !value.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let date = value.split([' ', 'T']).next()?;
    let parts: Vec<&str> = date.split(['-', '/']).collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let (year, month, day) = if parts[0].len() == 4 {
        (parts[0], parts[1], parts[2])
    } else if parts[2].len() == 4 {
        (parts[2], parts[1], parts[0])
    } else {
        return None;
    };
    let (y, m, d): (u32, u32, u32) = (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || month.len() > 2 || day.len() > 2 {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

fn format_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        let text = format!("{value}");
        text
    }
}

/// A HyperLogLog sketch (1,024 registers): estimates how many distinct values
/// a column has once there are too many to count exactly.
#[derive(Debug)]
struct Sketch {
    registers: Box<[u8; 1024]>,
}

impl Sketch {
    fn new() -> Sketch {
        Sketch {
            registers: Box::new([0; 1024]),
        }
    }

    fn add(&mut self, value: &str) {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        value.hash(&mut hasher);
        let hash = hasher.finish();
        let index = (hash & 1023) as usize;
        let rank = ((hash >> 10).trailing_zeros() + 1).min(54) as u8;
        if rank > self.registers[index] {
            self.registers[index] = rank;
        }
    }

    fn estimate(&self) -> u64 {
        let m = 1024.0_f64;
        let alpha = 0.7213 / (1.0 + 1.079 / m);
        let sum: f64 = self.registers.iter().map(|&r| 2f64.powi(-(r as i32))).sum();
        let raw = alpha * m * m / sum;
        let zeros = self.registers.iter().filter(|&&r| r == 0).count();
        let estimate = if raw <= 2.5 * m && zeros > 0 {
            m * (m / zeros as f64).ln()
        } else {
            raw
        };
        estimate.round() as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(name: &str, values: &[&str]) -> ColumnProfile {
        let mut p = ColumnProfiler::new(name);
        values.iter().for_each(|v| p.add(v));
        p.finish()
    }

    #[test]
    fn types_are_inferred_from_the_values() {
        let cases: [(&str, &[&str], ColumnType); 8] = [
            ("n", &["1", "22", ""], ColumnType::Integer),
            ("n", &["1", "2,5"], ColumnType::Decimal),
            ("clave", &["01", "002"], ColumnType::Text),
            ("f", &["2014-01-03", "05/02/2014"], ColumnType::Date),
            ("b", &["sí", "no"], ColumnType::Boolean),
            ("latitud", &["19.5", "19.6"], ColumnType::Latitude),
            ("lng", &["-96.9", "-96.1"], ColumnType::Longitude),
            ("x", &["", " "], ColumnType::Empty),
        ];
        for (name, values, expected) in cases {
            assert_eq!(profile(name, values).column_type, expected, "{values:?}");
        }
        assert!(profile("n", &["1", "2,5"]).decimal_comma);
        let dates = profile("f", &["2014-03-01", "2014-01-03"]);
        assert_eq!(dates.min.as_deref(), Some("2014-01-03"));
    }

    #[test]
    fn search_finds_a_text_column_by_its_few_values_or_those_it_repeats() {
        let places: Vec<String> = (0..60).map(|i| format!("Lugar {i:02}")).collect();
        let few: Vec<&str> = places.iter().map(String::as_str).collect();
        let values = profile("municipio", &few).search_values;
        assert_eq!(values.len(), 50, "at most 50");
        assert_eq!(values[0], "Lugar 00");
        // Many distinct values: only those seen twice.
        let mut many: Vec<String> = (0..500).map(|i| format!("folio {i}")).collect();
        many.extend(["Guadalajara".into(), "Guadalajara".into(), "Tala".into()]);
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(profile("municipio", &many).search_values, ["Guadalajara"]);
        assert!(
            profile("n", &["1", "2", "2"]).search_values.is_empty(),
            "numbers are not searched by"
        );
    }

    #[test]
    fn distinct_values_are_exact_then_estimated() {
        let mut p = ColumnProfiler::new("id");
        for i in 0..50_000 {
            p.add(&format!("valor-{i}"));
            p.add("frecuente");
        }
        let profile = p.finish();
        assert!(!profile.distinct_exact);
        let error = (profile.distinct as f64 - 50_001.0).abs() / 50_001.0;
        assert!(error < 0.1, "estimate {}", profile.distinct);
        assert_eq!(profile.top[0].0, "frecuente");
    }
}
