//! TOML syntax errors in words: where the mistake is and what should be
//! there (closing quotes, an `=`, a value), in the catalog's language rather
//! than the parser's English.

use super::toml_tree;
use crate::diagnostics::{Diagnostic, SourceText};
use crate::messages::Message;
use crate::model::Date;
use crate::msg;
use std::collections::BTreeSet;
use std::ops::Range;
use toml::de::DeTable;

/// The syntax errors of a document (`table`: what the parser made of it),
/// the first of each line (the others on a line usually follow from it). A
/// list or table never closed is reported where it opens, and the errors
/// the parser found in the rest of the file, read as its content, are not.
pub fn problems(
    source: &SourceText,
    table: &DeTable,
    errors: &[toml::de::Error],
) -> Vec<Diagnostic> {
    let unclosed: Vec<Range<usize>> = errors
        .iter()
        .filter(|e| is_unclosed(e.message()))
        .filter_map(|e| toml_tree::container_ending_at(table, e.span()?.start))
        .collect();
    let mut lines = BTreeSet::new();
    errors
        .iter()
        .filter_map(|error| {
            let mut at = error.span().unwrap_or(0..0);
            if unclosed
                .iter()
                .any(|c| c.start <= at.start && at.start < c.end)
            {
                return None;
            }
            if let Some(container) = unclosed.iter().find(|c| c.end == at.start) {
                at = container.start..container.start;
            }
            let (line, _) = source.line_column(at.start);
            lines
                .insert(line)
                .then(|| problem(source, error.message(), at))
        })
        .collect()
}

fn is_unclosed(raw: &str) -> bool {
    raw.starts_with("unclosed array,") || raw.starts_with("unclosed inline table,")
}

/// One syntax error: the parser's `raw` description, at `at`.
fn problem(source: &SourceText, raw: &str, at: Range<usize>) -> Diagnostic {
    let (description, _) = raw.split_once(", expected").unwrap_or((raw, ""));
    let written = source.text.get(at.clone()).unwrap_or("").trim();
    let (message, help) = words(description, raw, written);
    source.error(at.start, message).help(help)
}

/// The message and help for a parser's description of a mistake.
fn words(description: &str, raw: &str, written: &str) -> (Message, Message) {
    let closing = |what: &str, close: &str| {
        (
            msg!("load-toml-unclosed", what = what),
            msg!("load-toml-unclosed-help", close = close),
        )
    };
    match description {
        d if d.starts_with("invalid") && d.ends_with(" string") && raw.contains("expected `") => {
            unclosed_string(d)
        }
        "missing escaped value" | "too few unicode value digits" => {
            (msg!("load-toml-escape"), msg!("load-toml-escape-help"))
        }
        "key with no value" | "missing assignment between key-value pairs" => (
            msg!("load-toml-missing-equals"),
            msg!("load-toml-missing-equals-help"),
        ),
        "string values must be quoted" if !written.is_empty() => (
            msg!("load-toml-unquoted", text = written),
            msg!("load-toml-unquoted-help", text = written),
        ),
        "string values must be quoted" | "missing value" | "missing value for key" => (
            msg!("load-toml-missing-value"),
            msg!("load-toml-missing-value-help"),
        ),
        "duplicate key" => (
            msg!("load-toml-duplicate-key", key = written),
            msg!("load-toml-duplicate-key-help"),
        ),
        "unclosed table" | "unclosed array table" => (
            msg!(
                "load-toml-header",
                close = if description == "unclosed table" {
                    "]"
                } else {
                    "]]"
                }
            ),
            msg!("load-toml-header-help"),
        ),
        "invalid unquoted key" | "unquoted keys cannot be empty" => {
            (msg!("load-toml-key"), msg!("load-toml-key-help"))
        }
        "unclosed array" => closing("array", "]"),
        "unclosed inline table" => closing("table", "}"),
        "missing comma between array elements" | "missing comma between key-value pairs" => (
            msg!("load-toml-missing-comma"),
            msg!("load-toml-missing-comma-help"),
        ),
        "extra comma in array" | "extra comma in inline table" => (
            msg!("load-toml-extra-comma"),
            msg!("load-toml-extra-comma-help"),
        ),
        "unexpected key or value"
        | "unexpected content"
        | "unexpected content between comment and newline"
        | "extra assignment between key-value pairs"
        | "extra `=`" => (msg!("load-toml-trailing"), msg!("load-toml-trailing-help")),
        d if d.starts_with("invalid date") => (
            msg!("load-invalid-date", text = written),
            date_help(written),
        ),
        d if is_number_mistake(d) => (msg!("load-toml-number"), msg!("load-toml-number-help")),
        _ => (
            msg!("load-toml-syntax", detail = raw),
            msg!("load-toml-syntax-help"),
        ),
    }
}

/// A string whose closing quotes are missing (`"…`, `'…`, `"""…`, `'''…`).
fn unclosed_string(description: &str) -> (Message, Message) {
    let quote = if description.contains("literal") {
        "'"
    } else {
        "\""
    };
    if description.contains("multi-line") {
        let quotes = quote.repeat(3);
        (
            msg!("load-toml-unclosed-text", quotes = quotes.as_str()),
            msg!("load-toml-unclosed-text-help", quotes = quotes),
        )
    } else {
        (
            msg!("load-toml-unclosed-string"),
            msg!("load-toml-unclosed-string-help", quote = quote),
        )
    }
}

fn is_number_mistake(description: &str) -> bool {
    description.starts_with("invalid integer")
        || description.starts_with("invalid float")
        || description.starts_with("invalid hexadecimal")
        || description.starts_with("invalid octal")
        || description.starts_with("invalid binary")
        || matches!(
            description,
            "unexpected leading zero"
                | "`_` may only go between digits"
                | "redundant numeric sign"
                | "unexpected sign"
        )
}

/// How to write a date, for a `text` that is none: the month or the day out
/// of range, or the form `YYYY-MM-DD`.
pub fn date_help(text: &str) -> Message {
    let parts: Vec<Option<u32>> = text
        .split(['T', ' '])
        .next()
        .unwrap_or("")
        .split('-')
        .map(|p| p.parse().ok())
        .collect();
    match parts[..] {
        [Some(_), Some(month), Some(_)] if !(1..=12).contains(&month) => {
            msg!("load-date-month-help")
        }
        [Some(year), Some(month), Some(day)] if day < 1 || day > days_in_month(year, month) => {
            msg!("load-date-day-help", days = days_in_month(year, month))
        }
        _ => msg!("load-date-format-help"),
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    let first = |year: u32, month: u32| Date {
        year: u16::try_from(year).unwrap_or(u16::MAX),
        month: month as u8,
        day: 1,
    };
    let next = if month == 12 {
        first(year.saturating_add(1), 1)
    } else {
        first(year, month + 1)
    };
    (next.days_since_epoch() - first(year, month).days_since_epoch()) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    #[test]
    fn a_mistake_without_words_of_its_own_keeps_the_parsers_words_in_english_only() {
        let (message, _) = words(
            "invalid comment character",
            "invalid comment character, expected printable characters",
            "",
        );
        assert_eq!(message.text(Language::Es), "aquí el TOML no se puede leer");
        assert_eq!(
            message.text(Language::En),
            "TOML cannot read this: invalid comment character, expected printable characters"
        );
    }

    #[test]
    fn a_date_out_of_range_says_which_part() {
        assert_eq!(date_help("2024-13-01"), msg!("load-date-month-help"));
        assert_eq!(
            date_help("2023-02-29").text(Language::Es),
            "ese mes tiene 28 días: escribe la fecha como año-mes-día, como en `2014-10-10`"
        );
        assert_eq!(date_help("2024-02-29"), msg!("load-date-format-help"));
        assert_eq!(date_help("ayer"), msg!("load-date-format-help"));
    }
}
