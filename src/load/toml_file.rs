//! Strict TOML reading: serde does the typing, this module reads past each
//! mistake so that one run reports them all, and turns them into diagnostics
//! an official can act on (place, plain words, the nearest known key).

pub use super::toml_explain::nearest;
use super::toml_explain::{explain, split_expected};
use super::toml_syntax;
use super::toml_tree::{self, Step};
use crate::diagnostics::{Diagnostic, SourceText};
use crate::model::Date;
use crate::msg;
use serde::de::DeserializeOwned;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, Deserializer};

/// A document read as far as it goes: its value, unless its syntax is
/// broken or a required key is missing, and every problem found in it.
pub struct Read<T> {
    pub value: Option<T>,
    pub problems: Vec<Diagnostic>,
    /// The paths of the entries dropped for a wrong value (already reported).
    dropped: Vec<Vec<Step>>,
}

impl<T> Read<T> {
    /// Whether the top-level `key` was written but dropped for its problem:
    /// its absence is no further mistake.
    pub fn dropped(&self, key: &str) -> bool {
        self.dropped
            .iter()
            .any(|path| matches!(&path[..], [Step::Key(k)] if k == key))
    }
}

/// At most this many problems are reported for one file (each is found by reading it again).
const MAX_PROBLEMS: usize = 50;

/// Reads a whole TOML document into `T`, reporting every problem at once:
/// every syntax error; else each key or value that does not fit `T`, dropped
/// (a misspelt key renamed) so that the rest is still read and checked.
pub fn parse<T: DeserializeOwned>(source: &SourceText, text: &str) -> Read<T> {
    let (table, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        return Read {
            value: None,
            problems: toml_syntax::problems(source, &errors),
            dropped: Vec::new(),
        };
    }
    let span = table.span();
    let mut table = table.into_inner();
    let mut problems = Vec::new();
    let mut dropped: Vec<Vec<Step>> = Vec::new();
    while problems.len() < MAX_PROBLEMS {
        let whole = Spanned::new(span.clone(), table.clone());
        let error = match T::deserialize(Deserializer::from(whole)) {
            Ok(value) => {
                return Read {
                    value: Some(value),
                    problems,
                    dropped,
                };
            }
            Err(error) => error,
        };
        let Some(at) = error.span() else {
            problems.push(explain(source, error.message(), 0..0).locate(source, 0));
            break;
        };
        let mended = mend(source, &mut table, &error, &at, &mut dropped, &mut problems);
        if !mended {
            break;
        }
    }
    Read {
        value: None,
        problems,
        dropped,
    }
}

/// Reports `error` (unless it follows from a value already dropped) and
/// changes `table` so that reading can go on past it; false when it cannot.
fn mend(
    source: &SourceText,
    table: &mut DeTable,
    error: &toml::de::Error,
    at: &Range<usize>,
    dropped: &mut Vec<Vec<Step>>,
    problems: &mut Vec<Diagnostic>,
) -> bool {
    let raw = error.message().trim();
    if let Some(key) = raw.strip_prefix("missing field ") {
        // A missing key is about its table: reading goes on without that table.
        let place = toml_tree::table_at(table, at);
        let mut key_path = place.clone().unwrap_or_default();
        key_path.push(Step::Key(key.trim_matches('`').to_string()));
        if !dropped.contains(&key_path) {
            problems.push(explain(source, raw, at.clone()).locate(source, at.start));
        }
        return match place {
            Some(path) => {
                toml_tree::remove(table, &path);
                true
            }
            None => false,
        };
    }
    problems.push(explain(source, raw, at.clone()).locate(source, at.start));
    let Some(path) = toml_tree::entry_at(table, at) else {
        return false;
    };
    if let Some(meant) = meant_key(table, &path, raw) {
        toml_tree::rename(table, &path, &meant);
    } else {
        toml_tree::remove(table, &path);
        dropped.push(path);
    }
    true
}

/// For an unknown key, the known key it is nearest to, when its table lacks that key.
fn meant_key(table: &DeTable, path: &[Step], raw: &str) -> Option<String> {
    let rest = raw.strip_prefix("unknown field ")?;
    let (unknown, expected) = split_expected(rest);
    let best = nearest(&unknown, &expected)?;
    let present = toml_tree::keys_at(table, &path[..path.len() - 1]);
    (!present.iter().any(|k| k == best)).then(|| best.to_string())
}

/// A TOML date (or the date of a date-time), or an error at its place.
pub fn date(
    source: &SourceText,
    value: &Spanned<toml::value::Datetime>,
) -> Result<Date, Diagnostic> {
    Date::from_toml(value.get_ref()).ok_or_else(|| {
        source
            .error(value.span().start, msg!("load-time-without-date"))
            .help(msg!("load-time-without-date-help"))
    })
}

/// Checks that a URL uses one of the allowed schemes.
pub fn url(
    source: &SourceText,
    value: &Spanned<String>,
    schemes: &[&str],
) -> Result<String, Diagnostic> {
    let text = value.get_ref().trim();
    let allowed = schemes.iter().any(|scheme| {
        text.len() > scheme.len() + 1
            && text[..scheme.len()].eq_ignore_ascii_case(scheme)
            && text[scheme.len()..].starts_with(':')
    });
    if allowed && !text.contains(char::is_whitespace) {
        Ok(text.to_string())
    } else {
        let list = schemes
            .iter()
            .map(|s| format!("{s}:"))
            .collect::<Vec<_>>()
            .join(", ");
        Err(source
            .error(value.span().start, msg!("load-invalid-link", link = text))
            .help(msg!("load-invalid-link-help", schemes = list)))
    }
}

/// A Markdown text from a TOML string (a description) and the line of the
/// file where its text begins, so problems in it give the file's line: the
/// line of the opening quotes, or the next one when a multi-line string
/// starts with a line break (TOML drops that break).
pub fn markdown_text(source: &SourceText, value: Spanned<String>) -> (String, usize) {
    let start = value.span().start;
    let (line, _) = source.line_column(start);
    let rest = source.text.get(start..).unwrap_or("");
    let opens_with_break = ["\"\"\"", "'''"].iter().any(|quotes| {
        rest.strip_prefix(quotes)
            .is_some_and(|r| r.starts_with(['\n', '\r']))
    });
    (value.into_inner(), line + usize::from(opens_with_break))
}

/// Checks the shape of an e-mail address (a `mailto:` prefix is accepted and removed).
pub fn email(source: &SourceText, value: &Spanned<String>) -> Result<String, Diagnostic> {
    let text = value.get_ref().trim();
    let address = text.strip_prefix("mailto:").unwrap_or(text);
    let valid = address.split_once('@').is_some_and(|(user, domain)| {
        !user.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
    }) && !address.contains(char::is_whitespace);
    if valid {
        Ok(address.to_string())
    } else {
        Err(source
            .error(
                value.span().start,
                msg!("load-invalid-email", address = text),
            )
            .help(msg!("load-invalid-email-help")))
    }
}
