//! The `abierto` command line: parses arguments, runs the pipeline, prints
//! problems and a one-line summary.

use abierto::build::{BuildOptions, BuildReport, build};
use abierto::render::RenderOptions;
use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "abierto",
    version,
    about = "Static-site generator for open-data portals"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Builds the portal into a folder (exit 0 only when the site has no error).
    Build {
        /// The site folder (holding portal.toml).
        #[arg(default_value = ".")]
        site: PathBuf,
        /// The output folder.
        #[arg(short, long, default_value = "public")]
        output: PathBuf,
        /// Replaces `base_url` from portal.toml (e.g. for a GitHub project page).
        #[arg(long)]
        base_url: Option<String>,
        /// Writes HTML as rendered, without minifying it.
        #[arg(long)]
        no_minify: bool,
        /// Uses the output folder even if it holds files abierto did not write.
        #[arg(long)]
        force: bool,
        /// Prints only problems and the summary.
        #[arg(short, long)]
        quiet: bool,
    },
    /// Validates the site without writing the portal.
    Check {
        #[arg(default_value = ".")]
        site: PathBuf,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build {
            site,
            output,
            base_url,
            no_minify,
            force,
            quiet,
        } => {
            let report = build(&BuildOptions {
                site,
                output: Some(output.clone()),
                base_url,
                render: RenderOptions {
                    minify: !no_minify,
                    include_drafts: false,
                },
                force,
            });
            print_report(&report);
            if report.written {
                let verbose = !quiet && std::io::stderr().is_terminal();
                if verbose {
                    eprintln!("Portal written to {}", output.display());
                }
            }
            exit_code(&report)
        }
        Command::Check { site } => {
            let report = build(&BuildOptions {
                site,
                output: None,
                base_url: None,
                render: RenderOptions::default(),
                force: false,
            });
            print_report(&report);
            exit_code(&report)
        }
    }
}

fn print_report(report: &BuildReport) {
    for diagnostic in &report.diagnostics {
        eprintln!("{diagnostic}");
    }
    eprintln!(
        "{} datasets, {} pages, {} files in {:.2} s: {} errors, {} warnings",
        report.datasets,
        report.pages,
        report.files,
        report.elapsed.as_secs_f64(),
        report.errors(),
        report.warnings()
    );
}

fn exit_code(report: &BuildReport) -> ExitCode {
    if report.errors() == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
