//! Problems found in a site, as values: each names its file, line and column,
//! says what is wrong and how to fix it. Stages collect them; the command line
//! renders them once, at the edge.

use crate::messages::Message;
use crate::model::Language;
use crate::sync::Unpoisoned;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// How serious a problem is: errors stop `build`, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    /// Shown for information (an accepted or allowed finding); never fails a run.
    Info,
}

/// Stable names of the kinds of problem `check` reports (kebab-case in JSON,
/// GitHub titles and `[check] allow`). New kinds are added at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// A dataset a previous build published is gone (`check --previous`).
    AddressGone,
    BrokenExternalLink,
    BrokenLink,
    DueSoon,
    FileTooLarge,
    LfsPointer,
    MissingMetadata,
    /// A declared `modified` older than the last commit that changed the data.
    ModifiedBehindData,
    Overdue,
    PersonalData,
    PersonalDataAccepted,
    PersonalDataColumn,
    PromiseOverdue,
    SiteTooLarge,
    UnknownKey,
    UnreferencedFile,
    /// A problem the analysis found inside a data file (also shown on its page).
    DataFile,
    /// Data that look like a public office's (an office e-mail address, an
    /// office phone in a column the descriptor says holds offices): a warning to accept.
    PersonalDataOffice,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::AddressGone => "address-gone",
            Code::BrokenExternalLink => "broken-external-link",
            Code::BrokenLink => "broken-link",
            Code::DueSoon => "due-soon",
            Code::FileTooLarge => "file-too-large",
            Code::LfsPointer => "lfs-pointer",
            Code::MissingMetadata => "missing-metadata",
            Code::ModifiedBehindData => "modified-behind-data",
            Code::Overdue => "overdue",
            Code::PersonalData => "personal-data",
            Code::PersonalDataAccepted => "personal-data-accepted",
            Code::PersonalDataColumn => "personal-data-column",
            Code::PersonalDataOffice => "personal-data-office",
            Code::PromiseOverdue => "promise-overdue",
            Code::SiteTooLarge => "site-too-large",
            Code::UnknownKey => "unknown-key",
            Code::UnreferencedFile => "unreferenced-file",
            Code::DataFile => "data-file",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One problem, located in a file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file, relative to the site folder, with `/` separators.
    pub file: String,
    /// 1-based line, when the problem has a place inside the file.
    pub line: Option<usize>,
    /// 1-based column (in characters), when the problem has a place inside the file.
    pub column: Option<usize>,
    /// What is wrong, in one plain sentence (put into words by whoever shows it).
    pub message: Message,
    /// How to fix it (boxed: a diagnostic travels in `Result`s).
    pub help: Option<Box<Message>>,
    /// A stable name for the kind of problem (`personal-data`, `missing-metadata`…),
    /// for machines and for `[check] allow` in portal.toml.
    pub code: Option<Code>,
}

impl Diagnostic {
    pub fn error(file: impl Into<String>, message: impl Into<Message>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line: None,
            column: None,
            message: message.into(),
            help: None,
            code: None,
        }
    }

    pub fn warning(file: impl Into<String>, message: impl Into<Message>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    /// Places the problem at a byte offset of the file's text.
    pub fn at(mut self, source: &SourceText, offset: usize) -> Self {
        let (line, column) = source.line_column(offset);
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    pub fn at_position(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub fn info(file: impl Into<String>, message: impl Into<Message>) -> Self {
        Diagnostic {
            severity: Severity::Info,
            ..Diagnostic::error(file, message)
        }
    }

    /// Names the kind of problem with a stable code.
    pub fn code(mut self, code: Code) -> Self {
        self.code = Some(code);
        self
    }

    /// Whether the problem has this code (`"personal-data"`).
    pub fn has_code(&self, code: &str) -> bool {
        self.code.is_some_and(|c| c.as_str() == code)
    }

    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }

    pub fn help(mut self, help: impl Into<Message>) -> Self {
        self.help = Some(Box::new(help.into()));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl Diagnostic {
    /// What is wrong, in `language`.
    pub fn message_text(&self, language: Language) -> String {
        self.message.text(language)
    }

    /// How to fix it, in `language`.
    pub fn help_text(&self, language: Language) -> Option<String> {
        self.help.as_ref().map(|h| h.text(language))
    }

    /// The problem on one line (and its help on the next), as `serve`'s console prints it:
    /// `error: datos/x.toml:3:1: …`.
    pub fn line_text(&self, language: Language) -> String {
        let label =
            crate::msg!("diagnostic-severity", severity = self.severity.key()).text(language);
        let mut out = format!("{label}: {}", self.file);
        if let Some(line) = self.line {
            out.push_str(&format!(":{line}"));
            if let Some(column) = self.column {
                out.push_str(&format!(":{column}"));
            }
        }
        out.push_str(&format!(": {}", self.message_text(language)));
        if let Some(help) = self.help_text(language) {
            let label = crate::msg!("diagnostic-help").text(language);
            out.push_str(&format!("\n  {label}: {help}"));
        }
        out
    }
}

impl Severity {
    /// The severity's stable name (`error`, `warning`, `note`), the catalog's selector.
    pub fn key(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "note",
        }
    }
}

/// A file's text with its name, to turn byte offsets into lines and columns.
pub struct SourceText {
    pub name: String,
    /// The text without the byte-order mark Windows editors put first, so
    /// that line 1 starts at column 1 and offsets count from the first character.
    pub text: String,
}

impl SourceText {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let mut text = text.into();
        if text.starts_with(BYTE_ORDER_MARK) {
            text.drain(..BYTE_ORDER_MARK.len_utf8());
        }
        SourceText {
            name: name.into(),
            text,
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }

    pub fn error(&self, offset: usize, message: impl Into<Message>) -> Diagnostic {
        Diagnostic::error(self.name.clone(), message).at(self, offset)
    }
}

/// What Notepad and other Windows editors write at the start of a UTF-8 file.
pub const BYTE_ORDER_MARK: char = '\u{feff}';

/// The problems of one run, gathered from every stage (safe to share across threads).
#[derive(Default)]
pub struct Diagnostics {
    items: Mutex<Vec<Diagnostic>>,
}

impl Diagnostics {
    pub fn push(&self, diagnostic: Diagnostic) {
        self.items.lock().unpoisoned().push(diagnostic);
    }

    pub fn has_errors(&self) -> bool {
        self.lock().iter().any(Diagnostic::is_error)
    }

    /// All problems, sorted by file and position so a report reads top to bottom.
    pub fn into_sorted(self) -> Vec<Diagnostic> {
        let mut items = self.items.into_inner().unpoisoned();
        items.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.severity).cmp(&(&b.file, b.line, b.column, b.severity))
        });
        items.dedup();
        items
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Diagnostic>> {
        self.items.lock().unpoisoned()
    }
}

/// The site-relative name of a path, with `/` separators, for messages.
pub fn display_path(site_root: &Path, path: &Path) -> String {
    let relative: PathBuf = path.strip_prefix(site_root).unwrap_or(path).to_path_buf();
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
