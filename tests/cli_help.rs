//! `abierto --help` and `abierto <command> --help` speak the language of a run
//! outside a site: `--lang` when given, else the environment's (`LANG`).

use std::process::Command;

/// `abierto ARGS` under `LANG=lang` alone (no other locale variable).
fn run(lang: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_abierto"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .output()
        .unwrap()
}

fn help(lang: &str, args: &[&str]) -> String {
    let out = run(lang, args);
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// The description of `command` in a help's list of commands.
fn described<'a>(help: &'a str, command: &str) -> &'a str {
    help.lines()
        .find_map(|line| line.trim_start().strip_prefix(command))
        .map(str::trim)
        .unwrap_or_else(|| panic!("no `{command}` in:\n{help}"))
}

#[test]
fn the_help_is_spanish_for_a_spanish_environment() {
    let text = help("es_MX.UTF-8", &["--help"]);
    assert!(text.starts_with("Generador de sitios estáticos"), "{text}");
    assert!(text.contains("Uso: abierto"), "{text}");
    assert!(text.contains("Comandos:\n"), "{text}");
    assert!(text.contains("Opciones:\n"), "{text}");
    assert!(text.contains("Muestra la ayuda"), "{text}");
    assert!(described(&text, "build ").starts_with("Construye el portal"));
    assert!(described(&text, "check ").starts_with("Revisa el sitio"));
    assert!(described(&text, "serve ").starts_with("Muestra una vista previa"));
    assert!(described(&text, "new ").starts_with("Crea un sitio"));
    assert!(described(&text, "import ").starts_with("Convierte los metadatos"));
}

#[test]
fn the_help_is_english_for_an_english_environment() {
    let text = help("en_US.UTF-8", &["--help"]);
    assert!(text.starts_with("Static-site generator"), "{text}");
    assert!(text.contains("Usage: abierto"), "{text}");
    assert!(described(&text, "build ").starts_with("Builds the portal"));
    assert!(described(&text, "check ").starts_with("Validates the site"));
    assert!(described(&text, "serve ").starts_with("Previews the portal"));
    assert!(described(&text, "new ").starts_with("Creates a site"));
    assert!(described(&text, "import ").starts_with("Turns another portal's metadata"));
}

#[test]
fn a_command_s_help_follows_lang_and_translates_its_defaults() {
    let text = help("en_US.UTF-8", &["build", "--help", "--lang", "es"]);
    assert!(text.starts_with("Construye el portal"), "{text}");
    assert!(text.contains("Argumentos:\n"), "{text}");
    assert!(
        text.contains("La carpeta de salida [predeterminado: public]"),
        "{text}"
    );
    assert!(!text.contains("default:"), "{text}");

    let text = help("es_MX.UTF-8", &["--lang=en", "check", "--help"]);
    assert!(
        text.contains("[default: text] [possible values: text, json, github]"),
        "{text}"
    );
    assert!(text.contains("Fails (exit 2) on warnings too"), "{text}");
}

/// What `abierto ARGS` says on stderr, with its exit code, under `LANG=lang`.
fn mistake(lang: &str, args: &[&str]) -> (Option<i32>, String) {
    let out = run(lang, args);
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn a_mistyped_command_line_is_explained_in_the_language_with_the_nearest_word() {
    let (code, said) = mistake("es_MX.UTF-8", &["buil", "."]);
    assert_eq!(code, Some(2), "{said}");
    assert!(said.contains("la orden `buil` no existe"), "{said}");
    assert!(said.contains("¿quisiste decir `build`?"), "{said}");
    let (_, said) = mistake("es_MX.UTF-8", &["check", "--format", "xml"]);
    assert!(
        said.contains("xml no es un valor válido para --format"),
        "{said}"
    );
    assert!(said.contains("text, json, github"), "{said}");
    let (code, said) = mistake("es_MX.UTF-8", &["--lang", "en", "build", "--quiett"]);
    assert_eq!(code, Some(2), "{said}");
    assert!(said.contains("there is no option --quiett"), "{said}");
    assert!(said.contains("did you mean `--quiet`?"), "{said}");
    assert!(
        !said.contains("unexpected argument"),
        "clap's own words: {said}"
    );
}
