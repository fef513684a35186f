//! Writes TOML text by hand, so that scaffolded and imported files can carry
//! comments for the people who complete them. Only values go through here;
//! keys and comments are the callers' own text.

use crate::model::Date;

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
