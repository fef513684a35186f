//! Everything the program says to people, in their language: one catalog of
//! messages per language (Project Fluent files under `messages/<lang>/`, one per
//! part of the program), and [`Message`], a sentence not yet put into words: an
//! id with its arguments. Stages make messages; whoever shows them (the command
//! line, `check`'s reports, the `serve` overlay, a page) puts them into the
//! reader's language with [`Message::text`].
//!
//! A message missing from a catalog never fails a run: the other language's
//! sentence is shown, and the catalog tests fail.

use crate::model::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::sync::OnceLock;

/// The Fluent files of one language, in the order they are read.
macro_rules! catalog_files {
    ($lang:literal) => {
        &[
            ("common", include_str!(concat!($lang, "/common.ftl"))),
            ("load", include_str!(concat!($lang, "/load.ftl"))),
            ("analyse", include_str!(concat!($lang, "/analyse.ftl"))),
            ("rules", include_str!(concat!($lang, "/rules.ftl"))),
            ("render", include_str!(concat!($lang, "/render.ftl"))),
            ("output", include_str!(concat!($lang, "/output.ftl"))),
            ("check", include_str!(concat!($lang, "/check.ftl"))),
            ("cli", include_str!(concat!($lang, "/cli.ftl"))),
            ("serve", include_str!(concat!($lang, "/serve.ftl"))),
            ("scaffold", include_str!(concat!($lang, "/scaffold.ftl"))),
            ("import", include_str!(concat!($lang, "/import.ftl"))),
            ("progress", include_str!(concat!($lang, "/progress.ftl"))),
        ]
    };
}

/// The catalog files of each language: (part of the program, Fluent text).
pub const SPANISH_FILES: &[(&str, &str)] = catalog_files!("es");
pub const ENGLISH_FILES: &[(&str, &str)] = catalog_files!("en");

/// A sentence for people, not yet in a language: a catalog id and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    id: Cow<'static, str>,
    args: Vec<(Cow<'static, str>, Arg)>,
}

/// One argument of a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Arg {
    /// Text as it is (a key, a value, a path): control characters are shown escaped.
    Text(String),
    /// A count: written the language's way, and chooses plural forms.
    Count(i64),
    /// A size in bytes, written the language's way ("12,5 KB").
    Size(u64),
    /// A number with decimals, kept as written with a point ("0.25"), shown
    /// with the language's decimal separator ("0,25").
    Decimal(String),
    /// Another message, put into the same language first.
    Message(Box<Message>),
    /// Messages said one after the other, separated by semicolons.
    List(Vec<Message>),
}

impl Message {
    /// A message with no arguments yet (add them with [`Message::arg`] or use [`msg!`]).
    pub fn new(id: &'static str) -> Message {
        Message {
            id: Cow::Borrowed(id),
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((Cow::Borrowed(name), value.into()));
        self
    }

    /// The catalog id: stable across languages and versions (`check --format json` shows it).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The sentence in `language`.
    pub fn text(&self, language: Language) -> String {
        let found = [language, other_language(language)]
            .into_iter()
            .find_map(|l| {
                let bundle = bundle(l);
                let pattern = bundle.get_message(&self.id)?.value()?;
                Some((bundle, pattern))
            });
        let Some((bundle, pattern)) = found else {
            return self.id.to_string();
        };
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            args.set(name.as_ref(), value.fluent(language));
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned()
    }
}

/// `msg!("load-unknown-key", key = name, nearest = best)`: a [`Message`] with named arguments.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Message::new($id)$(.arg(stringify!($name), $value))*
    };
}

impl Arg {
    /// A size in bytes.
    pub fn size(bytes: u64) -> Arg {
        Arg::Size(bytes)
    }

    /// A number with `places` decimals ("0,25 s" in Spanish).
    pub fn decimal(value: f64, places: usize) -> Arg {
        Arg::Decimal(format!("{value:.places$}"))
    }

    fn fluent(&self, language: Language) -> FluentValue<'static> {
        match self {
            Arg::Text(text) => FluentValue::from(shown(text).into_owned()),
            Arg::Count(n) => FluentValue::from(*n),
            Arg::Size(bytes) => FluentValue::from(size_text(*bytes, language)),
            Arg::Decimal(text) => FluentValue::from(decimal_text(text, language)),
            Arg::Message(message) => FluentValue::from(message.text(language)),
            Arg::List(messages) => FluentValue::from(
                messages
                    .iter()
                    .map(|m| m.text(language))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        }
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Arg {
        Arg::Message(Box::new(message))
    }
}

impl From<Vec<Message>> for Arg {
    fn from(messages: Vec<Message>) -> Arg {
        Arg::List(messages)
    }
}

macro_rules! count_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
count_from!(usize, u64, u32, u16, u8, i64, i32);

/// User text as shown in a message: control characters (a terminal's escape
/// sequences, line breaks) written as `\u{1b}`, so a value cannot paint or
/// break the report it is quoted in.
fn shown(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if c.is_control() {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// A size the language's way: `850 bytes`, `12,5 KB`, `150,0 MB`.
pub fn size_text(bytes: u64, language: Language) -> String {
    const UNITS: [&str; 3] = ["KB", "MB", "GB"];
    if bytes < 1024 {
        return Message::new("size-bytes")
            .arg("count", bytes)
            .text(language);
    }
    let mut size = bytes as f64 / 1024.0;
    let mut unit = 0;
    while size >= 1024.0 && unit < UNITS.len() - 1 {
        size /= 1024.0;
        unit += 1;
    }
    format!(
        "{} {}",
        decimal_text(&format!("{size:.1}"), language),
        UNITS[unit]
    )
}

/// The language of a command run outside a site: `LC_ALL`, `LC_MESSAGES` or
/// `LANG`, whichever is set first; Spanish when it starts with `es`, and when
/// none says a language (unset, `C`, `POSIX`); English otherwise.
pub fn language_from_env() -> Language {
    let setting = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty());
    language_of_locale(setting.as_deref())
}

/// The language a locale setting (`es_MX.UTF-8`, `en_US`, `C`) asks for.
pub fn language_of_locale(setting: Option<&str>) -> Language {
    match setting {
        Some(value)
            if !value.starts_with("es")
                && !matches!(value, "C" | "POSIX")
                && !value.starts_with("C.") =>
        {
            Language::En
        }
        _ => Language::Es,
    }
}

/// A number written with a decimal point, with the language's separator instead.
fn decimal_text(number: &str, language: Language) -> String {
    match language {
        Language::Es => number.replace('.', ","),
        Language::En => number.to_string(),
    }
}

fn other_language(language: Language) -> Language {
    match language {
        Language::Es => Language::En,
        Language::En => Language::Es,
    }
}

/// The catalog of a language, read once per process.
fn bundle(language: Language) -> &'static FluentBundle<FluentResource> {
    static SPANISH: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static ENGLISH: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    match language {
        Language::Es => SPANISH.get_or_init(|| make_bundle(Language::Es)),
        Language::En => ENGLISH.get_or_init(|| make_bundle(Language::En)),
    }
}

/// The catalog files of a language.
pub fn files(language: Language) -> &'static [(&'static str, &'static str)] {
    match language {
        Language::Es => SPANISH_FILES,
        Language::En => ENGLISH_FILES,
    }
}

fn make_bundle(language: Language) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = language.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match language {
        Language::Es => format_es,
        Language::En => format_en,
    }));
    for (_, text) in files(language) {
        // A file that does not parse keeps the messages it could read; the catalog tests fail on it.
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

type Memoizer = intl_memoizer::concurrent::IntlLangMemoizer;

fn format_es(value: &FluentValue, _: &Memoizer) -> Option<String> {
    grouped(value, " ")
}

fn format_en(value: &FluentValue, _: &Memoizer) -> Option<String> {
    grouped(value, ",")
}

/// Whole numbers of five digits or more with their thousands grouped ("12 345", "12,345").
fn grouped(value: &FluentValue, separator: &str) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let n = number.value;
    if n.fract() != 0.0 || n.abs() < 10_000.0 || n.abs() > 1e15 {
        return None;
    }
    let digits = (n.abs() as u64).to_string();
    let mut out = String::new();
    if n < 0.0 {
        out.push('−');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(digit);
    }
    Some(out)
}

#[cfg(test)]
mod tests;
