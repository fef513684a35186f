//! The `abierto` command line: parses arguments, runs the pipeline, prints
//! problems and a one-line summary.

use abierto::build::{BuildOptions, BuildReport, Portals, build, check};
use abierto::check::report::{self, Format};
use abierto::check::{CheckOptions, external};
use abierto::model::Language;
use abierto::msg;
use abierto::progress::Progress;
use abierto::render::RenderOptions;
use abierto::scaffold::{self, Refusal};
use clap::{FromArgMatches, Parser, Subcommand};
use command_help::{command_line, help_language};
use command_import::{Import, print_import, run_import};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

mod command_help;
mod command_import;

// The help texts of the command line are the catalog's `cli-help-…`
// messages (src/messages/*/cli.ftl), set by [`command_line`].
#[derive(Parser)]
#[command(name = "abierto", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[arg(long, global = true, value_enum)]
    lang: Option<Lang>,
}

/// A language asked for with `--lang`.
#[derive(Clone, Copy, clap::ValueEnum)]
enum Lang {
    Es,
    En,
}

/// The language of a `build` or `check` run, with its stage timings turned on when asked.
fn run_language(asked: Option<Lang>, site: &Path, timings: bool) -> Language {
    if timings {
        abierto::timing::enable();
    }
    language(asked, site)
}

/// The language of a run: `--lang`, else the site's `language` (Spanish
/// unless set), else, outside a site, the environment's (`LANG`).
fn language(asked: Option<Lang>, site: &Path) -> Language {
    match asked {
        Some(lang) => lang.into(),
        None => {
            abierto::load::site_language(site).unwrap_or_else(abierto::messages::language_from_env)
        }
    }
}

impl From<Lang> for Language {
    fn from(lang: Lang) -> Language {
        match lang {
            Lang::Es => Language::Es,
            Lang::En => Language::En,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    Build(BuildArgs),
    Check(CheckArgs),
    #[command(subcommand)]
    New(New),
    #[command(subcommand)]
    Import(Import),
    Serve(ServeArgs),
}

// `abierto build`'s arguments (their help: the catalog's `cli-help-build-…`).
#[derive(clap::Args)]
struct BuildArgs {
    #[arg(default_value = ".")]
    site: PathBuf,
    #[arg(short, long, default_value = "public")]
    output: PathBuf,
    #[arg(long)]
    base_url: Option<String>,
    #[arg(long)]
    no_minify: bool,
    #[arg(long)]
    force: bool,
    #[arg(short, long)]
    quiet: bool,
    #[arg(long)]
    timings: bool,
    #[arg(long, value_name = "ID", conflicts_with = "all_portals")]
    participant: Option<String>,
    #[arg(long)]
    all_portals: bool,
}

// `abierto check`'s arguments.
#[derive(clap::Args)]
struct CheckArgs {
    #[arg(default_value = ".")]
    site: PathBuf,
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    #[arg(long)]
    strict: bool,
    #[arg(long)]
    external: bool,
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0)]
    external_timeout: f64,
    #[arg(long, value_name = "SECONDS", default_value_t = 120.0)]
    external_deadline: f64,
    #[arg(long, value_name = "PLACE")]
    previous: Option<String>,
    #[arg(short, long)]
    quiet: bool,
    #[arg(long)]
    timings: bool,
    #[arg(long, value_name = "ID")]
    participant: Option<String>,
}

// `abierto serve`'s arguments.
#[derive(clap::Args)]
struct ServeArgs {
    #[arg(default_value = ".")]
    site: PathBuf,
    #[arg(short, long, default_value_t = 8000)]
    port: u16,
    #[arg(long, default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    #[arg(long)]
    base_url: Option<String>,
    #[arg(long)]
    no_drafts: bool,
    #[arg(short, long)]
    quiet: bool,
    #[arg(long, value_name = "ID")]
    participant: Option<String>,
}

#[derive(Subcommand)]
enum New {
    Site {
        dir: PathBuf,
    },
    Participant {
        id: String,
        #[arg(long, default_value = ".")]
        site: PathBuf,
    },
    Story {
        participant: String,
        title: String,
        #[arg(long, default_value = ".")]
        site: PathBuf,
    },
    Dataset {
        participant: String,
        #[arg(long)]
        from: PathBuf,
        #[arg(long, default_value = ".")]
        site: PathBuf,
    },
}

fn main() -> ExitCode {
    let said_in = help_language();
    let matches = command_line(said_in)
        .try_get_matches()
        .unwrap_or_else(|error| command_help::exit_on(error, said_in));
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|error| error.exit());
    let asked = cli.lang;
    match cli.command {
        Command::Build(args) => run_build(args, asked),
        Command::Check(args) => run_check(args, asked),
        Command::New(new) => {
            let language = language(asked, new.site());
            print_created(run_new(new), language)
        }
        Command::Import(import) => {
            let language = language(asked, import.site());
            print_import(run_import(import), language)
        }
        Command::Serve(args) => run_serve(args, asked),
    }
}

/// `abierto build`.
fn run_build(args: BuildArgs, asked: Option<Lang>) -> ExitCode {
    let language = run_language(asked, &args.site, args.timings);
    let quiet = args.quiet;
    let options = BuildOptions {
        site: args.site,
        output: Some(args.output.clone()),
        base_url: args.base_url,
        render: RenderOptions {
            minify: !args.no_minify,
            include_drafts: false,
        },
        force: args.force,
        progress: Progress::for_terminal(quiet, language),
        portals: match (args.participant, args.all_portals) {
            (Some(id), _) => Portals::Participant(id),
            (None, true) => Portals::All,
            (None, false) => Portals::Network,
        },
    };
    let output = args.output;
    let folder = output.display().to_string();
    abierto::interrupt::stop_on_ctrl_c(
        msg!("cli-interrupted-build", folder = &folder).text(language),
    );
    let report = build(&options);
    print_report(&report, language);
    if report.written {
        let verbose = !quiet && std::io::stderr().is_terminal();
        if verbose {
            eprintln!("{}", msg!("cli-written", folder = folder).text(language));
            for (participant, folder) in &report.others {
                let folder = folder.display().to_string();
                let line = msg!(
                    "cli-written-portal",
                    participant = participant,
                    folder = folder
                );
                eprintln!("{}", line.text(language));
            }
        }
    }
    exit_code(&report)
}

/// `abierto check`.
fn run_check(args: CheckArgs, asked: Option<Lang>) -> ExitCode {
    let language = run_language(asked, &args.site, args.timings);
    let options = BuildOptions {
        site: args.site,
        output: None,
        base_url: None,
        render: RenderOptions::default(),
        force: false,
        progress: Progress::for_terminal(args.quiet, language),
        portals: args
            .participant
            .map_or(Portals::Network, Portals::Participant),
    };
    abierto::interrupt::stop_on_ctrl_c(msg!("cli-interrupted-check").text(language));
    let seconds = |s: f64| Duration::from_secs_f64(s.clamp(0.05, 86_400.0));
    let external = args.external.then(|| external::Settings {
        timeout: seconds(args.external_timeout),
        deadline: seconds(args.external_deadline),
        ..external::Settings::default()
    });
    let extra = CheckOptions {
        external,
        previous: args.previous,
    };
    let report = check(&options, abierto::clock::today_or_epoch(), &extra);
    print_check(&report, &options.site, args.format, language);
    if report.errors() > 0 {
        ExitCode::FAILURE
    } else if args.strict && report.warnings() > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

impl New {
    /// The folder the new files go into (the site, or the new site itself).
    fn site(&self) -> &Path {
        match self {
            New::Site { dir } => dir,
            New::Participant { site, .. } | New::Story { site, .. } | New::Dataset { site, .. } => {
                site
            }
        }
    }
}

/// `abierto new …`.
fn run_new(new: New) -> Result<Vec<PathBuf>, Refusal> {
    match new {
        New::Site { dir } => scaffold::new_site(&dir),
        New::Participant { id, site } => scaffold::new_participant(&site, &id),
        New::Story {
            participant,
            title,
            site,
        } => scaffold::new_story(&site, &participant, &title),
        New::Dataset {
            participant,
            from,
            site,
        } => scaffold::new_dataset(&site, &participant, &from),
    }
}

/// `abierto serve`.
fn run_serve(args: ServeArgs, asked: Option<Lang>) -> ExitCode {
    let options = abierto::serve::ServeOptions {
        site: args.site,
        port: args.port,
        bind: args.bind,
        base_url: args.base_url,
        participant: args.participant,
        include_drafts: !args.no_drafts,
        verbose: !args.quiet,
        language: asked.map(Language::from),
    };
    match abierto::serve::run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn print_check(report: &BuildReport, site: &Path, format: Format, language: Language) {
    match format {
        Format::Text => {
            let colour = abierto::platform::colours_on_stderr();
            eprint!(
                "{}",
                report::text(&report.diagnostics, site, colour, language)
            );
            if !report.diagnostics.is_empty() {
                eprintln!();
            }
            if let Some(external) = report.check.as_ref().and_then(|c| c.external.as_ref()) {
                let line = msg!(
                    "cli-external-summary",
                    links = external.links,
                    addresses = external.addresses,
                    asked = external.checked,
                    broken = external.broken,
                    seconds = seconds(external.seconds)
                );
                eprintln!("{}", line.text(language));
            }
            let line = msg!(
                "cli-check-summary",
                datasets = report.datasets,
                pages = report.pages,
                seconds = seconds(report.elapsed.as_secs_f64()),
                problems = report::summary_line(&report.diagnostics, language)
            );
            eprintln!("{}", line.text(language));
        }
        Format::Json => println!(
            "{}",
            report::json(&report.diagnostics, report.check.as_ref(), language)
        ),
        Format::Github => {
            let prefix = site.to_string_lossy().replace('\\', "/");
            let prefix = prefix.trim_start_matches("./").trim_end_matches('/');
            let prefix = if prefix == "." { "" } else { prefix };
            print!("{}", report::github(&report.diagnostics, prefix, language));
            eprintln!("{}", report::summary_line(&report.diagnostics, language));
        }
    }
}

/// Seconds as the summaries show them: two decimals.
fn seconds(value: f64) -> abierto::messages::Arg {
    abierto::messages::Arg::decimal(value, 2)
}

fn print_created(result: Result<Vec<PathBuf>, Refusal>, language: Language) -> ExitCode {
    match result {
        Ok(created) => {
            print_paths(&created, language);
            ExitCode::SUCCESS
        }
        Err(refusal) => {
            eprintln!("{}", refusal.text(language));
            ExitCode::FAILURE
        }
    }
}

/// "creado participants/…" for each file made.
fn print_paths(created: &[PathBuf], language: Language) {
    for path in created {
        let path = path.display().to_string();
        println!("{}", msg!("cli-created", path = path).text(language));
    }
}

fn print_report(report: &BuildReport, language: Language) {
    for diagnostic in &report.diagnostics {
        eprintln!("{}", diagnostic.line_text(language));
    }
    for line in what_the_run_did(report) {
        eprintln!("{}", line.text(language));
    }
    if let Some(kinds) = report::warnings_by_kind(&report.diagnostics, language) {
        eprintln!("{kinds}");
    }
    let line = msg!(
        "cli-build-summary",
        datasets = report.datasets,
        pages = report.pages,
        files = report.files,
        seconds = seconds(report.elapsed.as_secs_f64()),
        problems = report::summary_line(&report.diagnostics, language)
    );
    eprintln!("{}", line.text(language));
}

/// The summary's account of the work: files written, reused and removed;
/// pages rendered and reused; data files read from disk and from the cache.
fn what_the_run_did(report: &BuildReport) -> Vec<abierto::messages::Message> {
    let mut lines = Vec::new();
    if let Some(wrote) = report.wrote {
        lines.push(msg!(
            "summary-files",
            written = wrote.written,
            reused = wrote.reused,
            removed = wrote.removed
        ));
    }
    lines.push(msg!(
        "summary-pages",
        rendered = report.pages_rendered,
        reused = report.pages.saturating_sub(report.pages_rendered)
    ));
    if report.data_files > 0 {
        lines.push(msg!(
            "summary-data",
            read = report.data_files_read,
            cached = report.data_files.saturating_sub(report.data_files_read)
        ));
    }
    lines
}

fn exit_code(report: &BuildReport) -> ExitCode {
    if report.errors() == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
