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
use std::borrow::Cow;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, Deserializer};

/// A document read as far as it goes: its value, unless its syntax is
/// broken, and every problem found in it.
pub struct Read<T> {
    pub value: Option<T>,
    pub problems: Vec<Diagnostic>,
    pub dropped: Dropped,
}

/// The entries written wrong (a wrong value dropped or replaced, a missing
/// key stood in for), all reported already: what the value holds for them
/// is no further mistake.
#[derive(Default)]
pub struct Dropped(Vec<Vec<Step>>);

impl Dropped {
    /// Whether the top-level `key` is one of them.
    pub fn key(&self, key: &str) -> bool {
        self.0
            .iter()
            .any(|path| matches!(&path[..], [Step::Key(k)] if k == key))
    }
}

/// At most this many problems are reported for one file (each is found by reading it again).
const MAX_PROBLEMS: usize = 50;

/// Reads a whole TOML document into `T`, reporting every problem at once:
/// every syntax error; else each key or value that does not fit `T`, dropped
/// (a misspelt key renamed, an unknown name replaced) so that the rest is
/// still read and checked.
pub fn parse<T: DeserializeOwned>(source: &SourceText, text: &str) -> Read<T> {
    let (table, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        return Read {
            value: None,
            problems: toml_syntax::problems(source, table.get_ref(), &errors),
            dropped: Dropped::default(),
        };
    }
    let span = table.span();
    let mut mender = Mender {
        source,
        root: span.clone(),
        table: table.into_inner(),
        problems: Vec::new(),
        dropped: Vec::new(),
        renamed: Vec::new(),
        stand_ins: Vec::new(),
    };
    let mut value = None;
    while mender.problems.len() < MAX_PROBLEMS {
        let whole = Spanned::new(span.clone(), mender.table.clone());
        match T::deserialize(Deserializer::from(whole)) {
            Ok(read) => {
                value = Some(read);
                break;
            }
            Err(error) if mender.mend(&error) => {}
            Err(_) => break,
        }
    }
    Read {
        value,
        problems: mender.problems,
        dropped: Dropped(mender.dropped),
    }
}

/// A document being read past its mistakes.
struct Mender<'s, 'i> {
    source: &'s SourceText,
    /// The document's span (what an error about the document as a whole points at).
    root: Range<usize>,
    table: DeTable<'i>,
    problems: Vec<Diagnostic>,
    /// Entries dropped or replaced: written wrong, and reported.
    dropped: Vec<Vec<Step>>,
    /// Keys renamed to the key they were likely meant to be.
    renamed: Vec<Vec<Step>>,
    /// Required top-level keys that are missing, with the turn of the value standing in for each.
    stand_ins: Vec<(String, usize)>,
}

impl Mender<'_, '_> {
    /// Reports `error` (unless it follows from an earlier one) and changes
    /// the document so that reading can go on past it; false when it cannot.
    fn mend(&mut self, error: &toml::de::Error) -> bool {
        let raw = error.message().trim();
        let Some(at) = error.span() else {
            self.report(raw, 0..0);
            return false;
        };
        if let Some(key) = raw.strip_prefix("missing field ") {
            return self.mend_missing(raw, key.trim_matches('`'), at);
        }
        let Some(path) = toml_tree::entry_at(&self.table, &at) else {
            self.report(raw, at);
            return false;
        };
        if let [Step::Key(key)] = &path[..]
            && self.stand_ins.iter().any(|(k, _)| k == key)
        {
            return self.next_stand_in(key.clone(), raw);
        }
        if self.renamed.contains(&path) {
            // The value does not fit the key guessed for it: the unknown key is what was reported.
            toml_tree::remove(&mut self.table, &path);
            self.dropped.push(path);
            return true;
        }
        self.report(raw, at);
        if let Some(meant) = meant_key(&self.table, &path, raw) {
            toml_tree::rename(&mut self.table, &path, &meant);
            let mut renamed = path[..path.len() - 1].to_vec();
            renamed.push(Step::Key(meant));
            self.renamed.push(renamed);
            return true;
        }
        match allowed_value(raw) {
            // An unknown name: read on as if it were an allowed one.
            Some(allowed) => toml_tree::set_text(&mut self.table, &path, &allowed),
            None => toml_tree::remove(&mut self.table, &path),
        }
        self.dropped.push(path);
        true
    }

    /// A missing key is about its table: reading goes on without that table,
    /// or, in the document itself, with a value standing in for the key.
    fn mend_missing(&mut self, raw: &str, key: &str, at: Range<usize>) -> bool {
        let is_root = at == self.root;
        let place = toml_tree::table_at(&self.table, &at).filter(|_| !is_root);
        let mut key_path = place.clone().unwrap_or_default();
        key_path.push(Step::Key(key.to_string()));
        if !self.dropped.contains(&key_path) {
            self.report(raw, at);
        }
        match place {
            Some(path) => {
                toml_tree::remove(&mut self.table, &path);
                true
            }
            None if is_root => {
                self.dropped.push(key_path);
                // Past the end of the file, one place each: errors about it are told apart.
                let at = self.source.text.len() + 1 + self.stand_ins.len();
                let Some(value) = toml_tree::stand_in(0) else {
                    return false;
                };
                self.table.insert(
                    Spanned::new(at..at, Cow::Owned(key.to_string())),
                    Spanned::new(at..at, value),
                );
                self.stand_ins.push((key.to_string(), 0));
                true
            }
            None => false,
        }
    }

    /// The value standing in for the missing `key` does not fit: the next
    /// kind of value (or an allowed name) stands in; false past the last.
    fn next_stand_in(&mut self, key: String, raw: &str) -> bool {
        let path = [Step::Key(key.clone())];
        if let Some(allowed) = allowed_value(raw) {
            toml_tree::set_text(&mut self.table, &path, &allowed);
            return true;
        }
        let Some(turn) = self
            .stand_ins
            .iter_mut()
            .find(|(k, _)| *k == key)
            .map(|(_, turn)| {
                *turn += 1;
                *turn
            })
        else {
            return false;
        };
        match toml_tree::stand_in(turn) {
            Some(value) => {
                toml_tree::set(&mut self.table, &path, value);
                true
            }
            None => false,
        }
    }

    fn report(&mut self, raw: &str, at: Range<usize>) {
        let offset = at.start;
        let explained = explain(self.source, raw, at);
        self.problems.push(explained.locate(self.source, offset));
    }
}

/// For an unknown key, the known key it is nearest to, when its table lacks that key.
fn meant_key(table: &DeTable, path: &[Step], raw: &str) -> Option<String> {
    let rest = raw.strip_prefix("unknown field ")?;
    let (unknown, expected) = split_expected(rest);
    let best = nearest(&unknown, &expected)?;
    let present = toml_tree::keys_at(table, &path[..path.len() - 1]);
    (!present.iter().any(|k| k == best)).then(|| best.to_string())
}

/// For an unknown value, one of the values allowed.
fn allowed_value(raw: &str) -> Option<String> {
    let rest = raw.strip_prefix("unknown variant ")?;
    split_expected(rest).1.into_iter().next()
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct File {
        title: String,
        #[serde(default)]
        items: Vec<Item>,
    }

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct Item {
        name: String,
        kind: Option<Kind>,
    }

    #[derive(Deserialize, Debug)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        Csv,
        Json,
    }

    fn read(text: &str) -> (Option<File>, Vec<(String, Option<usize>)>) {
        let source = SourceText::new("x.toml", text);
        let read = parse::<File>(&source, text);
        let mut problems: Vec<(String, Option<usize>)> = read
            .problems
            .iter()
            .map(|d| (d.message_text(crate::model::Language::En), d.line))
            .collect();
        problems.sort_by_key(|(_, line)| *line);
        (read.value, problems)
    }

    #[test]
    fn reading_goes_on_past_each_mistake_of_a_table_in_an_array() {
        let (file, problems) = read(
            "title = \"a\"\n[[items]]\nnmae = \"x\"\n[[items]]\nname = \"y\"\nkind = \"xml\"\n[[items]]\nkind = \"csv\"\n",
        );
        assert_eq!(
            problems,
            [
                ("unknown key `nmae`".to_string(), Some(3)),
                ("unknown value `xml`".to_string(), Some(6)),
                ("the required key `name` is missing".to_string(), Some(7)),
            ]
        );
        let file = file.expect("the rest is read");
        assert_eq!(file.title, "a");
        let names: Vec<&str> = file.items.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["x", "y"]);
        // The unknown name is read as an allowed one, so nothing follows from it.
        assert!(matches!(file.items[1].kind, Some(Kind::Csv | Kind::Json)));
    }

    #[test]
    fn a_missing_required_key_is_reported_and_the_rest_still_read() {
        let (file, problems) = read("[[items]]\nname = \"x\"\nknd = \"csv\"\n");
        assert_eq!(
            problems,
            [
                ("the required key `title` is missing".to_string(), Some(1)),
                ("unknown key `knd`".to_string(), Some(3)),
            ]
        );
        assert_eq!(file.expect("read with a stand-in title").items.len(), 1);
        let (_, problems) = read("title = 3\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
    }

    #[test]
    fn every_syntax_error_is_reported_and_nothing_is_read() {
        let (file, problems) = read("title = \"a\nitems = [1, 2\n");
        assert!(file.is_none());
        assert_eq!(problems.len(), 2, "{problems:?}");
    }
}
