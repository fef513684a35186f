//! Strict TOML reading: serde does the typing, this module turns its errors into
//! diagnostics an official can act on (place, plain words, the nearest known key).

use crate::diagnostics::{Diagnostic, SourceText};
use crate::model::Date;
use serde::de::DeserializeOwned;
use toml::Spanned;

/// Parses a whole TOML document into `T`, or explains the first problem in it.
pub fn parse<T: DeserializeOwned>(source: &SourceText, text: &str) -> Result<T, Diagnostic> {
    toml::from_str(text).map_err(|error| {
        let offset = error.span().map_or(0, |span| span.start);
        explain(error.message()).locate(source, offset)
    })
}

/// A TOML date (or the date of a date-time), or an error at its place.
pub fn date(
    source: &SourceText,
    value: &Spanned<toml::value::Datetime>,
) -> Result<Date, Diagnostic> {
    Date::from_toml(value.get_ref()).ok_or_else(|| {
        source
            .error(value.span().start, "this is a time without a date")
            .help("write a date such as 2014-10-10")
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
            .error(value.span().start, format!("`{text}` is not a valid link"))
            .help(format!("write a full address starting with {list}")))
    }
}

/// An error message from serde/toml, rewritten in the product's words.
struct Explained {
    message: String,
    help: Option<String>,
}

impl Explained {
    fn locate(self, source: &SourceText, offset: usize) -> Diagnostic {
        let diagnostic = source.error(offset, self.message);
        match self.help {
            Some(help) => diagnostic.help(help),
            None => diagnostic,
        }
    }
}

fn explain(raw: &str) -> Explained {
    let raw = raw.trim();
    if let Some(rest) = raw.strip_prefix("unknown field ") {
        return unknown_name(rest, "key", "Keys allowed here", "keys allowed here");
    }
    if let Some(rest) = raw.strip_prefix("unknown variant ") {
        return unknown_name(rest, "value", "Values allowed", "values allowed");
    }
    if let Some(rest) = raw.strip_prefix("missing field ") {
        let key = rest.trim_matches('`');
        return Explained {
            message: format!("the required key `{key}` is missing"),
            help: Some(format!("add a line `{key} = …`")),
        };
    }
    if raw.contains("expected a TOML datetime") || raw.contains("expected a date") {
        return Explained {
            message: "this should be a date".to_string(),
            help: Some("write the date without quotes, as in `issued = 2014-10-10`".to_string()),
        };
    }
    if let Some(rest) = raw.strip_prefix("invalid type: ") {
        let help = rest
            .split_once(", expected ")
            .map(|(_, expected)| format!("write {expected} here"));
        return Explained {
            message: format!("wrong kind of value: {rest}"),
            help,
        };
    }
    if raw.starts_with("duplicate key") {
        return Explained {
            message: raw.to_string(),
            help: Some("keep only one of the two lines".to_string()),
        };
    }
    Explained {
        message: raw.to_string(),
        help: Some("check the TOML syntax: `key = \"text\"`, one key per line".to_string()),
    }
}

/// An unknown key or value (`what`), with the nearest allowed one and the list of them.
fn unknown_name(rest: &str, what: &str, after_guess: &str, alone: &str) -> Explained {
    let (unknown, expected) = split_expected(rest);
    let help = match nearest(&unknown, &expected) {
        Some(best) => format!(
            "did you mean `{best}`? {after_guess}: {}",
            quote_list(&expected)
        ),
        None => format!("{alone}: {}", quote_list(&expected)),
    };
    Explained {
        message: format!("unknown {what} `{unknown}`"),
        help: Some(help),
    }
}

/// Splits "`x`, expected one of `a`, `b`" into ("x", ["a", "b"]).
fn split_expected(rest: &str) -> (String, Vec<String>) {
    let (unknown, expected) = rest.split_once(", expected").unwrap_or((rest, ""));
    let names = expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    (unknown.trim().trim_matches('`').to_string(), names)
}

/// The known name closest to a misspelt one, if any is close enough to be a typo.
pub fn nearest<'a>(unknown: &str, known: impl IntoIterator<Item = &'a String>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|name| (strsim::jaro_winkler(unknown, name), name))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name.as_str())
}

fn quote_list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Checks the shape of an e-mail address (a `mailto:` prefix is accepted and removed).
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
                format!("`{text}` is not an e-mail address"),
            )
            .help("write an address such as datos@municipio.gob.mx"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_suggests_the_nearest() {
        let explained = explain("unknown field `titel`, expected one of `title`, `description`");
        assert_eq!(explained.message, "unknown key `titel`");
        assert!(explained.help.unwrap().starts_with("did you mean `title`?"));
    }
}
