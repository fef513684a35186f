//! What serde says about a value that does not fit (an unknown key, a wrong
//! kind of value, a missing key), said in the catalog's words.

use super::toml_syntax::date_help;
use crate::diagnostics::{Code, Diagnostic, SourceText};
use crate::messages::Message;
use crate::msg;
use std::ops::Range;

/// A problem in the product's words, not yet placed in its file.
pub struct Explained {
    message: Message,
    help: Option<Message>,
    /// The stable kind, for the ones that have one (`unknown-key`).
    code: Option<Code>,
}

impl Explained {
    pub fn locate(self, source: &SourceText, offset: usize) -> Diagnostic {
        let mut diagnostic = source.error(offset, self.message);
        diagnostic.code = self.code;
        match self.help {
            Some(help) => diagnostic.help(help),
            None => diagnostic,
        }
    }
}

/// Explains serde's error `raw` about the value written at `at`.
pub fn explain(source: &SourceText, raw: &str, at: Range<usize>) -> Explained {
    let raw = raw.trim();
    if let Some(rest) = raw.strip_prefix("unknown field ") {
        let (unknown, help) = unknown_and_help(
            rest,
            |best, allowed| {
                msg!(
                    "load-unknown-key-nearest",
                    nearest = best,
                    allowed = allowed
                )
            },
            |allowed| msg!("load-unknown-key-allowed", allowed = allowed),
        );
        return Explained {
            code: Some(Code::UnknownKey),
            ..explained(msg!("load-unknown-key", key = unknown), help)
        };
    }
    if let Some(rest) = raw.strip_prefix("unknown variant ") {
        let (unknown, help) = unknown_and_help(
            rest,
            |best, allowed| {
                msg!(
                    "load-unknown-value-nearest",
                    nearest = best,
                    allowed = allowed
                )
            },
            |allowed| msg!("load-unknown-value-allowed", allowed = allowed),
        );
        return explained(msg!("load-unknown-value", value = unknown), help);
    }
    if let Some(rest) = raw.strip_prefix("missing field ") {
        let key = rest.trim_matches('`');
        return explained(
            msg!("load-missing-key", key = key),
            msg!("load-missing-key-help", key = key),
        );
    }
    if let Some(rest) = raw.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let written = source.text.get(at).unwrap_or("");
        return wrong_kind(kind_found(found), kind_expected(expected), written);
    }
    explained(
        msg!("load-value-not-read", detail = raw),
        msg!("load-value-not-read-help"),
    )
}

/// A value of the wrong kind; a date in quotes is told apart.
fn wrong_kind(found: &str, expected: &str, written: &str) -> Explained {
    if expected == "date" && found == "text" {
        let text = written.trim_matches(['"', '\'']);
        let is_date = text
            .parse::<toml::value::Datetime>()
            .is_ok_and(|d| d.date.is_some());
        if !is_date {
            return explained(msg!("load-invalid-date", text = text), date_help(text));
        }
    }
    if expected == "date" {
        return explained(msg!("load-not-a-date"), msg!("load-not-a-date-help"));
    }
    let expected = msg!("load-value-kind", kind = expected);
    explained(
        msg!(
            "load-wrong-kind",
            found = msg!("load-value-kind", kind = found),
            expected = expected.clone()
        ),
        msg!("load-wrong-kind-help", expected = expected),
    )
}

fn explained(message: Message, help: Message) -> Explained {
    Explained {
        message,
        help: Some(help),
        code: None,
    }
}

/// The kind of value serde found ("string \"x\"", "integer `5`"), as a catalog selector.
fn kind_found(found: &str) -> &'static str {
    let kinds = [
        ("string", "text"),
        ("integer", "integer"),
        ("floating point", "number"),
        ("boolean", "boolean"),
        ("sequence", "array"),
        ("map", "table"),
    ];
    kinds
        .iter()
        .find(|(prefix, _)| found.starts_with(prefix))
        .map_or("other", |(_, kind)| kind)
}

/// The kind of value serde expected ("a string", "i64", "struct X"), as a catalog selector.
fn kind_expected(expected: &str) -> &'static str {
    let expected = expected.trim();
    match expected {
        "a string" | "string" | "a borrowed string" => "text",
        "a sequence" | "sequence" => "array",
        "a boolean" | "bool" => "boolean",
        "i64" | "i32" | "u64" | "u32" | "usize" | "an integer" => "integer",
        "f64" | "f32" => "number",
        "a TOML datetime" | "a date" => "date",
        "a map" | "map" => "table",
        _ if expected.starts_with("struct ") => "table",
        _ if expected.starts_with("a licence id") => "license",
        _ => "other",
    }
}

/// Splits "`x`, expected one of `a`, `b`" into ("x", ["a", "b"]).
pub fn split_expected(rest: &str) -> (String, Vec<String>) {
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

/// The unknown name serde's error names (`rest`: `` `x`, expected one of `a`, `b` ``)
/// and the help: the allowed name nearest to it (`nearest_one`), else every allowed name (`allowed`).
fn unknown_and_help(
    rest: &str,
    nearest_one: impl FnOnce(&str, String) -> Message,
    allowed: impl FnOnce(String) -> Message,
) -> (String, Message) {
    let (unknown, expected) = split_expected(rest);
    let list = quote_list(&expected);
    let help = match nearest(&unknown, &expected) {
        Some(best) => nearest_one(best, list),
        None => allowed(list),
    };
    (unknown, help)
}

fn quote_list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    #[test]
    fn unknown_key_suggests_the_nearest() {
        let source = SourceText::new("x.toml", "titel = \"a\"\n");
        let explained = explain(
            &source,
            "unknown field `titel`, expected one of `title`, `description`",
            0..5,
        );
        assert_eq!(explained.message.text(Language::En), "unknown key `titel`");
        assert_eq!(
            explained.message.text(Language::Es),
            "clave desconocida `titel`"
        );
        let help = explained.help.unwrap();
        assert!(help.text(Language::En).starts_with("did you mean `title`?"));
        assert!(
            help.text(Language::Es)
                .starts_with("¿quisiste decir `title`?")
        );
    }
}
