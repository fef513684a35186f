//! Writes TOML text by hand, so that the files `abierto new` and `abierto
//! import` write can carry comments for the people who complete them: the
//! one place where TOML values, comments and documents are written.

use crate::model::Date;

/// A TOML document written in order, line by line.
#[derive(Default)]
pub struct Document {
    text: String,
}

impl Document {
    /// A line `key = value`, `value` being TOML already ([`string`], [`date`], …).
    pub fn key(&mut self, key: &str, value: &str) {
        self.line(&format!("{key} = {value}"));
    }

    /// A `key = "text"` line.
    pub fn string(&mut self, key: &str, text: &str) {
        self.key(key, &string(text));
    }

    /// A comment: each line of `text` made a `#` line.
    pub fn comment(&mut self, text: &str) {
        self.line(&comment(text));
    }

    /// A line as it is (a commented-out example, a `#` alone).
    pub fn line(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
    }

    /// An empty line.
    pub fn blank(&mut self) {
        self.text.push('\n');
    }

    /// An empty line, then a table's header: `[name]`, or `[[name]]` for an array of tables.
    pub fn table(&mut self, header: &str) {
        self.blank();
        self.line(header);
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.text
    }
}

/// A TOML string: basic (`"…"`) on one line, multi-line (`"""…"""`, ending in one
/// line break) when it has line breaks.
pub fn string(text: &str) -> String {
    if text.contains('\n') {
        let body = escape(text.trim_end_matches('\n'), true);
        format!("\"\"\"\n{body}\n\"\"\"")
    } else {
        format!("\"{}\"", escape(text, false))
    }
}

/// A TOML array of strings on one line.
pub fn strings<S: AsRef<str>>(items: &[S]) -> String {
    let items: Vec<String> = items.iter().map(|s| string(s.as_ref())).collect();
    format!("[{}]", items.join(", "))
}

/// A TOML inline table of the given `key = value` pairs, values TOML already.
pub fn inline_table(pairs: &[(&str, String)]) -> String {
    let pairs: Vec<String> = pairs.iter().map(|(k, v)| format!("{k} = {v}")).collect();
    format!("{{ {} }}", pairs.join(", "))
}

/// A TOML local date.
pub fn date(date: Date) -> String {
    date.to_string()
}

/// Text made safe for a `#` comment: one line per line, each starting with `# `.
pub fn comment(text: &str) -> String {
    text.lines()
        .map(|line| format!("# {line}").trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn escape(text: &str, multi_line: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' if multi_line => out.push('\n'),
            '\t' => out.push_str("\\t"),
            '\r' if multi_line => {}
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_read_back_as_written() {
        for text in [
            "Semáforos",
            "dice \"hola\" \\ adiós",
            "línea 1\nlínea \"2\"\n\n\"\"\"fin",
            "tab\tand\u{7}bell",
        ] {
            let toml_text = format!("value = {}", string(text));
            let value: toml::Table = toml::from_str(&toml_text).unwrap();
            // A multi-line string ends with one line break, as descriptions do.
            let expected = if text.contains('\n') {
                format!("{}\n", text.trim_end_matches('\n'))
            } else {
                text.to_string()
            };
            assert_eq!(
                value["value"].as_str(),
                Some(expected.as_str()),
                "{toml_text}"
            );
        }
    }
}
