//! Diagnostics printed for people and machines (by `build` and `check`): `text` (grouped by file, with
//! the source line and a caret, coloured on a terminal), `json` (a stable
//! shape, documented in the README) and `github` (GitHub Actions workflow
//! commands, so problems show on a pull request's lines).

use crate::check::CheckSummary;
use crate::diagnostics::{BYTE_ORDER_MARK, Code, Diagnostic, Severity};
use crate::model::Language;
use crate::msg;
use std::fmt::Write;
use std::path::Path;

/// The output formats of `abierto check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Github,
}

/// Counts of a run's diagnostics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

pub fn counts(diagnostics: &[Diagnostic]) -> Counts {
    let mut c = Counts::default();
    for d in diagnostics {
        match d.severity {
            Severity::Error => c.errors += 1,
            Severity::Warning => c.warnings += 1,
            Severity::Info => c.notes += 1,
        }
    }
    c
}

/// Findings never shown with their source line: personal data's, and a data
/// file's (its line is a row of the data, which may hold anyone's).
fn hides_source(d: &Diagnostic) -> bool {
    d.code
        .is_some_and(|c| c == Code::DataFile || c.as_str().starts_with("personal-data"))
}

/// "error", "aviso", "nota": the severity in the reader's language.
fn label(severity: Severity, language: Language) -> String {
    msg!("diagnostic-severity", severity = severity.key()).text(language)
}

/// Text for people: problems grouped by file, each with its source line and a caret.
/// `site` is where the files are read from for snippets; `colour` adds ANSI colours.
pub fn text(diagnostics: &[Diagnostic], site: &Path, colour: bool, language: Language) -> String {
    let paint = |code: &str, text: &str| {
        if colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    };
    let mut out = String::new();
    let mut current_file: Option<&str> = None;
    let mut lines = SourceLines::default();
    for d in diagnostics {
        if current_file != Some(d.file.as_str()) {
            if current_file.is_some() {
                out.push('\n');
            }
            let _ = writeln!(out, "{}", paint("1;4", &d.file));
            current_file = Some(&d.file);
        }
        let colour_code = match d.severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        let name = label(d.severity, language);
        let heading = match d.code {
            Some(code) => format!("{name}[{code}]"),
            None => name,
        };
        let place = match (d.line, d.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", d.file),
            (Some(l), None) => format!("{}:{l}", d.file),
            _ => d.file.clone(),
        };
        let _ = writeln!(
            out,
            "  {}: {}",
            paint(colour_code, &heading),
            d.message_text(language)
        );
        let _ = writeln!(out, "    {} {place}", paint("34", "-->"));
        if let (Some(line), false) = (d.line, hides_source(d))
            && let Some(source) = lines.line(site, &d.file, line)
        {
            write_excerpt(&mut out, source, line, d.column, &paint, colour_code);
        }
        if let Some(help) = d.help_text(language) {
            let label = format!("{}:", msg!("diagnostic-help").text(language));
            // A help's further lines (a block to paste) stand under its first.
            let indent = format!("\n{}", " ".repeat(5 + label.chars().count()));
            let help = help.replace('\n', &indent);
            let _ = writeln!(out, "    {} {help}", paint("1;32", &label));
        }
    }
    out
}

/// The lines of the file last read, for excerpts (files come grouped, so one is enough).
#[derive(Default)]
struct SourceLines {
    file: String,
    lines: Vec<String>,
}

impl SourceLines {
    /// Line `line` (1-based) of `file` under `site`, as an editor shows it: no
    /// byte-order mark, no carriage return.
    fn line(&mut self, site: &Path, file: &str, line: usize) -> Option<&str> {
        if self.file != file {
            let text = std::fs::read(site.join(file))
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default();
            let text = text.strip_prefix(BYTE_ORDER_MARK).unwrap_or(&text);
            self.file = file.to_string();
            self.lines = text.lines().map(str::to_string).collect();
        }
        self.lines.get(line.checked_sub(1)?).map(String::as_str)
    }
}

/// The source line of a problem, numbered, with a caret under its column.
fn write_excerpt(
    out: &mut String,
    source: &str,
    line: usize,
    column: Option<usize>,
    paint: &dyn Fn(&str, &str) -> String,
    colour_code: &str,
) {
    let shown: String = source.chars().take(160).collect();
    let number = line.to_string();
    let pad = " ".repeat(number.len());
    let _ = writeln!(out, "    {pad} {}", paint("34", "|"));
    let _ = writeln!(
        out,
        "    {} {} {shown}",
        paint("34", &number),
        paint("34", "|")
    );
    if let Some(column) = column.filter(|c| *c <= shown.chars().count() + 1) {
        let indent: String = shown
            .chars()
            .take(column - 1)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let _ = writeln!(
            out,
            "    {pad} {} {indent}{}",
            paint("34", "|"),
            paint(colour_code, "^")
        );
    }
}

/// The one-line summary of a run.
pub fn summary_line(diagnostics: &[Diagnostic], language: Language) -> String {
    let c = counts(diagnostics);
    msg!(
        "report-summary",
        errors = c.errors,
        warnings = c.warnings,
        notes = c.notes
    )
    .text(language)
}

/// The warnings of a run counted by kind, most frequent first:
/// "Avisos: 12 × atrasado, 3 × faltan metadatos"; `None` without warnings.
pub fn warnings_by_kind(diagnostics: &[Diagnostic], language: Language) -> Option<String> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for d in diagnostics.iter().filter(|d| d.is_warning()) {
        *counts
            .entry(d.code.map_or("other", |c| c.as_str()))
            .or_default() += 1;
    }
    let mut counts: Vec<(&str, usize)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let kinds: Vec<String> = counts
        .iter()
        .map(|(code, n)| msg!("summary-kind", count = *n, code = *code).text(language))
        .collect();
    (!kinds.is_empty()).then(|| msg!("summary-warnings", kinds = kinds.join(", ")).text(language))
}

/// One diagnostic for programs: stable keys and codes, the message in `language`.
fn diagnostic_json(d: &Diagnostic, language: Language) -> serde_json::Value {
    serde_json::json!({
        "severity": d.severity,
        "file": d.file,
        "line": d.line,
        "column": d.column,
        "message": d.message_text(language),
        "help": d.help_text(language),
        "code": d.code,
        "message_id": d.message.id(),
    })
}

/// The JSON report (shape documented in the README; `version` changes if it ever breaks).
pub fn json(
    diagnostics: &[Diagnostic],
    summary: Option<&CheckSummary>,
    language: Language,
) -> String {
    let datasets: Vec<serde_json::Value> = summary
        .map(|s| {
            s.datasets
                .iter()
                .map(|d| {
                    serde_json::json!({
                        "id": d.id,
                        "file": d.file,
                        "completeness": d.completeness.as_ref().map(|c| serde_json::json!({
                            "score": c.score,
                            "missing": c.missing().map(|f| serde_json::json!({
                                "field": f.field,
                                "required_by": f.required_by,
                                "recommended_by": f.recommended_by,
                            })).collect::<Vec<_>>(),
                        })),
                        "freshness": {
                            "state": d.freshness.state.key(),
                            "due": d.freshness.due,
                            "days_late": d.freshness.days_late,
                        },
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let value = serde_json::json!({
        "version": 1,
        "diagnostics": diagnostics.iter().map(|d| diagnostic_json(d, language)).collect::<Vec<_>>(),
        "summary": counts(diagnostics),
        "datasets": datasets,
        "participants": summary.map(|s| &s.participants),
        "output_bytes": summary.map(|s| s.output_bytes),
        "external": summary.and_then(|s| s.external.as_ref()),
        "today": summary.and_then(|s| s.today),
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// GitHub Actions workflow commands, one per diagnostic. `prefix` is the site
/// folder relative to the repository root (`""` when the site is the root).
pub fn github(diagnostics: &[Diagnostic], prefix: &str, language: Language) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let file = if prefix.is_empty() {
            d.file.clone()
        } else {
            format!("{}/{}", prefix.trim_end_matches('/'), d.file)
        };
        let mut properties = vec![format!("file={}", escape_property(&file))];
        if let Some(line) = d.line {
            properties.push(format!("line={line}"));
        }
        if let Some(column) = d.column {
            properties.push(format!("col={column}"));
        }
        let title = match d.code {
            Some(code) => format!("abierto {}: {code}", label(d.severity, language)),
            None => format!("abierto {}", label(d.severity, language)),
        };
        properties.push(format!("title={}", escape_property(&title)));
        let mut message = d.message_text(language);
        if let Some(help) = d.help_text(language) {
            message.push_str(&format!(
                "\n{}: {help}",
                msg!("diagnostic-help").text(language)
            ));
        }
        let _ = writeln!(
            out,
            "::{command} {}::{}",
            properties.join(","),
            escape_data(&message)
        );
    }
    out
}

/// Escapes a workflow command's message.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_commands_escape_their_properties_and_message() {
        let wrong = msg!(
            "check-missing-metadata",
            title = "A",
            missing = "`license`",
            score = 90u8
        );
        let d = Diagnostic::error("a,b:c.toml", wrong)
            .help(msg!("check-lfs-pointer"))
            .at_position(3, 7)
            .code(Code::UnknownKey);
        let out = github(&[d], "site", Language::En);
        assert_eq!(
            out,
            "::error file=site/a%2Cb%3Ac.toml,line=3,col=7,title=abierto error%3A unknown-key::`A` lacks metadata that catalogs require: `license` (completeness 90%25)%0Ahelp: this is a Git LFS pointer, not the data: GitHub Pages would publish the pointer's text\n"
        );
    }

    #[test]
    fn text_shows_the_line_and_a_caret_under_the_column() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.toml"), "title = \"a\"\nlicnse = \"b\"\n").unwrap();
        let d = Diagnostic::error("x.toml", msg!("check-lfs-pointer")).at_position(2, 1);
        let out = text(&[d], dir.path(), false, Language::En);
        assert!(out.contains("2 | licnse = \"b\"\n"), "{out}");
        assert!(out.contains("  | ^\n"), "{out}");
    }

    #[test]
    fn a_data_file_s_rows_are_never_quoted() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.csv"),
            "id,curp\n1,GOMC850412HDFRRR03,de más\n",
        )
        .unwrap();
        let ragged = msg!("analyse-ragged-row", width = 3usize, columns = 2usize);
        let d = Diagnostic::warning("a.csv", ragged)
            .at_line(2)
            .code(Code::DataFile);
        let out = text(&[d], dir.path(), false, Language::En);
        assert!(out.contains("a.csv:2"), "{out}");
        assert!(!out.contains("GOMC"), "{out}");
    }
}
