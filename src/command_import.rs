//! `abierto import ckan|jkan|dcat`: its arguments, the run, and what it prints.

use abierto::import::{self, ImportReport};
use abierto::messages::Message;
use abierto::model::Language;
use abierto::msg;
use abierto::scaffold::Refusal;
use clap::Subcommand;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Subcommand)]
pub(crate) enum Import {
    Ckan {
        source: String,
        #[arg(long)]
        into: PathBuf,
        #[command(flatten)]
        fetch: FetchArgs,
    },
    Jkan {
        dir: PathBuf,
        #[arg(long)]
        into: PathBuf,
        #[command(flatten)]
        fetch: FetchArgs,
    },
    Dcat {
        source: String,
        #[arg(long)]
        into: PathBuf,
        #[command(flatten)]
        fetch: FetchArgs,
    },
}

/// `--fetch` and its limits, shared by every `import`.
#[derive(clap::Args)]
pub(crate) struct FetchArgs {
    #[arg(long)]
    fetch: bool,
    #[arg(long, default_value = "100 MB")]
    max_file_size: String,
    #[arg(long, default_value = "1 GB")]
    max_total_size: String,
}

impl Import {
    /// The site the import writes into.
    pub(crate) fn site(&self) -> &Path {
        match self {
            Import::Ckan { into, .. } | Import::Jkan { into, .. } | Import::Dcat { into, .. } => {
                into
            }
        }
    }
}

/// `abierto import …`.
pub(crate) fn run_import(import: Import) -> Result<ImportReport, Refusal> {
    match import {
        Import::Ckan {
            source,
            into,
            fetch,
        } => import::import_ckan(&source, &into, &fetch.options()?),
        Import::Jkan { dir, into, fetch } => import::import_jkan(&dir, &into, &fetch.options()?),
        Import::Dcat {
            source,
            into,
            fetch,
        } => import::import_dcat(&source, &into, &fetch.options()?),
    }
}

impl FetchArgs {
    /// The import's options; a limit that is not a size is refused.
    fn options(&self) -> Result<import::ImportOptions, Refusal> {
        let size = |text: &str| {
            abierto::load::parse_size(text).ok_or_else(|| {
                Refusal::new(
                    msg!("cli-import-bad-size", size = text),
                    msg!("cli-import-bad-size-help"),
                )
            })
        };
        let limits = import::FetchLimits {
            per_file: size(&self.max_file_size)?,
            total: size(&self.max_total_size)?,
        };
        Ok(import::ImportOptions {
            fetch: self.fetch.then_some(limits),
            http: import::HttpLimits::default(),
        })
    }
}

/// Prints what an import did: each item kept or skipped with why, the notes
/// grouped by kind, then the counts.
pub(crate) fn print_import(result: Result<ImportReport, Refusal>, language: Language) -> ExitCode {
    let report = match result {
        Ok(report) => report,
        Err(refusal) => {
            eprintln!("{}", refusal.text(language));
            return ExitCode::FAILURE;
        }
    };
    for line in items(&report).into_iter().chain(totals(&report)) {
        println!("{}", line.text(language));
    }
    ExitCode::SUCCESS
}

/// Each file kept, each item skipped and each note group, one line each.
fn items(report: &ImportReport) -> Vec<Message> {
    let mut lines = Vec::new();
    let mut say = |message: Message| lines.push(message);
    for (path, why) in &report.kept {
        let path = path.display().to_string();
        say(msg!("cli-import-kept", path = path, why = why.clone()));
    }
    for skipped in &report.skipped {
        let source = skipped.source.clone();
        say(msg!(
            "cli-import-skipped",
            source = source,
            why = skipped.message.clone()
        ));
    }
    if let Some(fetched) = &report.fetched {
        for skipped in &fetched.skipped {
            let line = msg!(
                "cli-import-fetch-skipped",
                source = skipped.source.clone(),
                field = skipped.field.clone(),
                why = skipped.message.clone()
            );
            say(line);
        }
    }
    let groups = report.note_groups();
    if !groups.is_empty() {
        say(msg!("cli-import-notes-heading", notes = report.notes.len()));
    }
    for group in groups {
        let line = msg!(
            "cli-import-note-group",
            count = group.count,
            field = group.field,
            source = group.first.source.clone(),
            note = group.first.message.clone()
        );
        say(line);
    }
    lines
}

/// The import's totals: a partial dump, categories added, files fetched, the counts.
fn totals(report: &ImportReport) -> Vec<Message> {
    let mut lines = Vec::new();
    let mut say = |message: Message| lines.push(message);
    if let Some((read, declared)) = report.partial() {
        say(msg!("cli-import-partial", read = read, declared = declared));
    }
    if !report.categories_added.is_empty() {
        let ids = report.categories_added.join(", ");
        say(msg!(
            "cli-import-categories",
            count = report.categories_added.len(),
            ids = ids
        ));
    }
    if let Some(fetched) = &report.fetched {
        let line = msg!(
            "cli-import-fetched",
            files = fetched.downloaded.len(),
            size = abierto::messages::Arg::size(fetched.bytes),
            skipped = fetched.skipped.len()
        );
        say(line);
    }
    let line = msg!(
        "cli-import-summary",
        read = report.read,
        created = report.created.len(),
        updated = report.updated.len(),
        unchanged = report.unchanged.len(),
        kept = report.kept.len(),
        skipped = report.skipped.len()
    );
    say(line);
    lines
}
