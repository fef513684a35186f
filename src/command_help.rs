//! The command line's help in the reader's language: clap's command, built
//! from the derive in `main.rs`, with every description, argument help and
//! heading set from the catalog's `cli-help-…` messages.

use crate::Cli;
use abierto::messages::Message;
use abierto::model::Language;
use abierto::msg;
use clap::CommandFactory;

/// The language of the command line's help and of clap's own words: `--lang`
/// when the command line has it, else the environment's (as for a run outside a site).
pub fn help_language() -> Language {
    let args: Vec<String> = std::env::args().collect();
    let asked = args
        .iter()
        .enumerate()
        .find_map(|(i, arg)| match arg.as_str() {
            "--lang" => args.get(i + 1).map(String::as_str),
            _ => arg.strip_prefix("--lang="),
        });
    match asked {
        Some("es") => Language::Es,
        Some("en") => Language::En,
        _ => abierto::messages::language_from_env(),
    }
}

/// The command line, its help in `language`.
pub fn command_line(language: Language) -> clap::Command {
    let mut command = Cli::command();
    // Built first, so that clap's own `--help`, `--version` and `help` exist to be translated.
    command.build();
    localized(command, "", language)
}

/// A command (`path`: its words after `abierto`, e.g. `new site`) and its
/// subcommands with the catalog's texts and headings.
fn localized(command: clap::Command, path: &str, language: Language) -> clap::Command {
    let text = |id: &'static str| Message::new(id).text(language);
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        text("cli-help-usage")
    );
    let mut command = command
        .help_template(template)
        .subcommand_help_heading(heading("cli-help-commands", language))
        .mut_args(|arg| localized_arg(arg, path, language));
    if let Some(id) = about_id(path) {
        command = command.about(text(id));
    }
    command.mut_subcommands(|sub| match sub.get_name() {
        "help" => sub.about(text("cli-help-help-command")),
        name => {
            let path = format!("{path} {name}");
            localized(sub, path.trim_start(), language)
        }
    })
}

/// An argument with its help, default and possible values in `language`, under a translated heading.
fn localized_arg(arg: clap::Arg, path: &str, language: Language) -> clap::Arg {
    let heading = if arg.is_positional() {
        "cli-help-arguments"
    } else {
        "cli-help-options"
    };
    let arg = arg.help_heading(self::heading(heading, language));
    let Some(id) = help_id(path, arg.get_id().as_str()) else {
        return arg;
    };
    let mut help = Message::new(id);
    let takes_values = arg.get_action().takes_values();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_values && !defaults.is_empty() {
        help = msg!(
            "cli-help-default",
            help = help,
            default = defaults.join(" ")
        );
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if takes_values && !values.is_empty() {
        help = msg!(
            "cli-help-possible-values",
            help = help,
            values = values.join(", ")
        );
    }
    arg.help(help.text(language))
        .hide_default_value(true)
        .hide_possible_values(true)
}

/// A help heading in `language`. Clap keeps headings as `&'static str` (without
/// its `string` feature): the few of one run are kept for the run.
fn heading(id: &'static str, language: Language) -> &'static str {
    Message::new(id).text(language).leak()
}

/// The catalog id of a command's description.
fn about_id(path: &str) -> Option<&'static str> {
    Some(match path {
        "" => "cli-help-about",
        "build" => "cli-help-build",
        "check" => "cli-help-check",
        "new" => "cli-help-new",
        "new site" => "cli-help-new-site",
        "new participant" => "cli-help-new-participant",
        "new story" => "cli-help-new-story",
        "new dataset" => "cli-help-new-dataset",
        "import" => "cli-help-import",
        "import ckan" => "cli-help-import-ckan",
        "import jkan" => "cli-help-import-jkan",
        "import dcat" => "cli-help-import-dcat",
        "serve" => "cli-help-serve",
        _ => return None,
    })
}

/// The catalog id of an argument's help in the command at `path`.
fn help_id(path: &str, arg: &str) -> Option<&'static str> {
    Some(match (path, arg) {
        (_, "help") => "cli-help-help",
        (_, "version") => "cli-help-version",
        (_, "lang") => "cli-help-lang",
        ("new site", "dir") => "cli-help-new-site-dir",
        ("new participant" | "new story" | "new dataset", "site") => "cli-help-new-site-folder",
        (_, "site") => "cli-help-site",
        ("build", "base_url") => "cli-help-build-base-url",
        (_, "base_url") => "cli-help-base-url",
        ("build", "output") => "cli-help-build-output",
        ("build", "no_minify") => "cli-help-build-no-minify",
        ("build", "force") => "cli-help-build-force",
        ("build" | "check", "quiet") => "cli-help-build-quiet",
        (_, "timings") => "cli-help-timings",
        ("check", "format") => "cli-help-check-format",
        ("check", "strict") => "cli-help-check-strict",
        ("check", "external") => "cli-help-check-external",
        ("check", "external_timeout") => "cli-help-check-external-timeout",
        ("check", "external_deadline") => "cli-help-check-external-deadline",
        ("check", "previous") => "cli-help-check-previous",
        ("new participant", "id") => "cli-help-new-participant-id",
        ("build" | "check" | "serve", "participant") => "cli-help-portal-participant",
        ("build", "all_portals") => "cli-help-build-all-portals",
        (_, "participant") => "cli-help-new-participant-of",
        ("new story", "title") => "cli-help-new-story-title",
        ("new dataset", "from") => "cli-help-new-dataset-from",
        ("import ckan", "source") => "cli-help-import-ckan-source",
        ("import dcat", "source") => "cli-help-import-dcat-source",
        ("import jkan", "dir") => "cli-help-import-jkan-dir",
        (_, "into") => "cli-help-import-into",
        (_, "fetch") => "cli-help-import-fetch",
        (_, "max_file_size") => "cli-help-import-max-file-size",
        (_, "max_total_size") => "cli-help-import-max-total-size",
        ("serve", "port") => "cli-help-serve-port",
        ("serve", "bind") => "cli-help-serve-bind",
        ("serve", "no_drafts") => "cli-help-serve-no-drafts",
        ("serve", "quiet") => "cli-help-serve-quiet",
        _ => return None,
    })
}

/// Ends the process on a command line clap could not parse: `--help` and
/// `--version` as clap prints them, a mistake in `language` with what to do.
pub fn exit_on(error: clap::Error, language: Language) -> ! {
    use clap::error::{ContextKind, ErrorKind};
    // `--help`, `--version`, and `abierto` alone (its help, already in `language`).
    if !error.use_stderr() || error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        error.exit();
    }
    let said = |kind: ContextKind| error.get(kind).map(ToString::to_string).unwrap_or_default();
    let mistake = match error.kind() {
        ErrorKind::UnknownArgument => msg!(
            "cli-error-unknown-argument",
            arg = said(ContextKind::InvalidArg)
        ),
        ErrorKind::InvalidSubcommand => {
            msg!(
                "cli-error-unknown-command",
                command = said(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => msg!(
            "cli-error-invalid-value",
            value = said(ContextKind::InvalidValue),
            arg = said(ContextKind::InvalidArg)
        ),
        ErrorKind::MissingRequiredArgument => {
            msg!(
                "cli-error-missing-argument",
                arg = said(ContextKind::InvalidArg)
            )
        }
        ErrorKind::MissingSubcommand => msg!("cli-error-missing-command"),
        ErrorKind::ArgumentConflict => msg!(
            "cli-error-conflict",
            arg = said(ContextKind::InvalidArg),
            other = said(ContextKind::PriorArg)
        ),
        _ => msg!("cli-error-other"),
    };
    let suggestion = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .map(said)
    .find(|s| !s.is_empty());
    let valid = said(ContextKind::ValidValue);
    let help = match suggestion {
        Some(suggestion) => msg!("cli-error-help-nearest", nearest = suggestion),
        None if !valid.is_empty() => msg!("cli-error-help-valid", values = valid),
        None => msg!("cli-error-help"),
    };
    eprintln!(
        "{}",
        msg!("refusal", message = mistake, help = help).text(language)
    );
    std::process::exit(2)
}
