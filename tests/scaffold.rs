//! `abierto new …`: from nothing to a site that builds, and new participants,
//! stories and datasets that build as they are.

mod common;

use abierto::clock::today;
use abierto::scaffold::{new_dataset, new_participant, new_site, new_story};
use common::*;
use std::path::Path;

/// Runs the real `check` (as `abierto check` does) on the day the files were
/// made, and fails on any error and on any finding whose code `expected`
/// does not name.
fn check_clean(site: &Path, expected: &[&str]) {
    let report = abierto::build::check(
        &abierto::build::BuildOptions {
            site: site.to_path_buf(),
            output: None,
            base_url: None,
            render: abierto::render::RenderOptions::default(),
            force: false,
            portals: Default::default(),
            progress: abierto::progress::Progress::hidden(),
        },
        abierto::clock::today_or_epoch(),
        &Default::default(),
    );
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let unexpected: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| !d.code.is_some_and(|c| expected.contains(&c.as_str())))
        .collect();
    assert!(
        unexpected.is_empty(),
        "check found problems: {unexpected:#?}"
    );
}

/// What `check` says of a site made from `TempSite::valid()` and new files:
/// the descriptors (the fixture's, and those made from a file) lack the
/// metadata only the official can give (keywords, frequency, contact).
const TO_FILL_IN: &[&str] = &["missing-metadata"];

#[test]
fn a_new_site_builds_and_checks_clean_without_any_edit() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("mi-portal");
    let created = new_site(&site).unwrap();
    assert!(created.contains(&site.join("portal.toml")));
    assert!(created.contains(&site.join(".github/workflows/portal.yml")));

    // The real `check` finds nothing to fix: the dataset names its contact,
    // and its `nombre` column (parks' names) only gets a note.
    check_clean(&site, &["personal-data-column"]);
    let public = dir.path().join("public");
    let report = build_into(
        &site,
        &public,
        Some("https://municipio.github.io/mi-portal/"),
    );
    assert_eq!(report.diagnostics, vec![], "{:#?}", report.diagnostics);
    assert_eq!(report.datasets, 1);

    let dataset = page(&public, "datos/mi-municipio/parques/index.html");
    let columns: Vec<String> = select(&dataset, "tbody th[scope=row] code")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(columns[0], "id_parque");
    let download = select(
        &dataset,
        "a[href='/mi-portal/descargas/mi-municipio/parques/parques.csv']",
    );
    assert!(!download.is_empty(), "the CSV is offered for download");
    let story = page(&public, "historias/mi-municipio/bienvenida/index.html");
    assert_eq!(
        select(&story, "a[href='/mi-portal/datos/mi-municipio/parques/']").len(),
        2
    );
    let about = page(&public, "acerca/index.html");
    assert_eq!(text_of(&select(&about, "h1")[0]), "Acerca de");
}

#[test]
fn the_new_portal_toml_explains_every_key_the_loader_accepts() {
    let dir = tempfile::tempdir().unwrap();
    new_site(dir.path()).unwrap();
    let text = std::fs::read_to_string(dir.path().join("portal.toml")).unwrap();
    for key in [
        "title",
        "description",
        "base_url",
        "language",
        "theme",
        "default_license",
        "accent_color",
        "logo",
        "repository",
        "branch",
        "preview_rows",
        "[[categories]]",
        "[[licenses]]",
    ] {
        let line = text
            .lines()
            .position(|l| l.trim_start_matches("# ").starts_with(key))
            .unwrap_or_else(|| panic!("portal.toml does not mention `{key}`"));
        let before = text.lines().nth(line - 1).unwrap_or_default();
        assert!(before.starts_with('#'), "`{key}` has no comment above it");
    }
}

#[test]
fn the_workflow_checks_pull_requests_and_deploys_main_to_pages() {
    let dir = tempfile::tempdir().unwrap();
    new_site(dir.path()).unwrap();
    let workflow =
        std::fs::read_to_string(dir.path().join(".github/workflows/portal.yml")).unwrap();
    let action = format!(
        "uses: red-mexico-abierto/abierto@v{}",
        env!("CARGO_PKG_VERSION")
    );
    for needed in [
        "pull_request:",
        "branches: [main]",
        "cron: \"0 6 * * *\"",
        "fetch-depth: 0",
        action.as_str(),
        "command: check",
        "args: --format github .",
        "command: build",
        "--base-url ${{ steps.pages.outputs.base_url }}",
        "pages: write",
        "id-token: write",
        "Settings → Pages",
    ] {
        assert!(workflow.contains(needed), "the workflow lacks {needed}");
    }
    assert!(
        !workflow.contains("__") && !workflow.contains("cargo install"),
        "nothing is left to edit and nothing is compiled"
    );
    let ignored = std::fs::read_to_string(dir.path().join(".gitignore")).unwrap();
    assert!(ignored.contains("/public/"));
}

#[test]
fn new_never_overwrites_and_writes_nothing_when_one_file_exists() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".gitignore"), "mío\n").unwrap();
    let refusal = new_site(dir.path()).unwrap_err();
    assert!(
        refusal
            .message_text(abierto::model::Language::En)
            .contains(".gitignore"),
        "{refusal:?}"
    );
    assert!(
        refusal
            .help_text(abierto::model::Language::En)
            .contains("never overwrites")
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".gitignore")).unwrap(),
        "mío\n"
    );
    assert!(!dir.path().join("portal.toml").exists());

    std::fs::remove_file(dir.path().join(".gitignore")).unwrap();
    new_site(dir.path()).unwrap();
    let again = new_site(dir.path()).unwrap_err();
    assert!(
        again
            .message_text(abierto::model::Language::En)
            .contains("already holds a site"),
        "{again:?}"
    );
}

#[test]
fn a_new_site_goes_only_into_a_new_or_empty_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notas.txt"), "mías\n").unwrap();
    std::fs::write(dir.path().join("otra.txt"), "también\n").unwrap();
    let refusal = new_site(dir.path()).unwrap_err();
    assert!(
        refusal
            .message_text(abierto::model::Language::En)
            .contains(&dir.path().display().to_string()),
        "{refusal:?}"
    );
    assert!(
        refusal
            .message_text(abierto::model::Language::En)
            .contains("is not empty: it holds `notas.txt` and 1 more"),
        "{refusal:?}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        2,
        "nothing was written"
    );

    // A fresh clone of an empty repository holds only `.git`.
    let clone = tempfile::tempdir().unwrap();
    std::fs::create_dir(clone.path().join(".git")).unwrap();
    assert!(new_site(clone.path()).is_ok());
}

#[test]
fn a_new_participant_builds_and_its_id_must_be_a_url_segment() {
    let site = TempSite::empty().file("portal.toml", PORTAL);
    let created = new_participant(site.path(), "san-pedro").unwrap();
    assert_eq!(
        created,
        vec![site.path().join("participants/san-pedro/participant.toml")]
    );
    let text = std::fs::read_to_string(&created[0]).unwrap();
    assert!(text.contains("name = \"San pedro\""));
    check_clean(site.path(), TO_FILL_IN);

    let refusal = new_participant(site.path(), "San Pedro").unwrap_err();
    assert_eq!(
        refusal.help_text(abierto::model::Language::En),
        "ids are lower-case, without accents or spaces: use `san-pedro`"
    );
    assert_eq!(
        refusal.help_text(abierto::model::Language::Es),
        "los ids van en minúsculas, sin acentos ni espacios: usa `san-pedro`"
    );
    let refusal = new_participant(site.path(), "san-pedro").unwrap_err();
    assert!(
        refusal
            .message_text(abierto::model::Language::En)
            .contains("already exists")
    );
    let outside = tempfile::tempdir().unwrap();
    let refusal = new_participant(outside.path(), "xalapa").unwrap_err();
    assert!(
        refusal
            .message_text(abierto::model::Language::En)
            .contains("has no portal.toml")
    );
}

#[test]
fn a_new_story_is_named_after_its_title_and_dated_today() {
    let site = TempSite::valid();
    let created = new_story(site.path(), "prueba", "Cómo usamos los semáforos").unwrap();
    assert_eq!(
        created,
        vec![
            site.path()
                .join("participants/prueba/historias/como-usamos-los-semaforos.md")
        ]
    );
    let text = std::fs::read_to_string(&created[0]).unwrap();
    let today = today().expect("the test machine has a working clock");
    assert!(text.contains(&format!("date = {today}")), "{text}");
    assert!(text.contains("title = \"Cómo usamos los semáforos\""));
    assert!(text.contains("authors = [\"H. Ayuntamiento de Prueba\"]"));
    check_clean(site.path(), TO_FILL_IN);

    let refusal = new_story(site.path(), "nadie", "Hola").unwrap_err();
    assert!(
        refusal
            .message_text(abierto::model::Language::En)
            .contains("no participant `nadie`")
    );
    assert!(
        refusal
            .help_text(abierto::model::Language::En)
            .contains("prueba")
    );
    assert!(new_story(site.path(), "prueba", "Cómo usamos los semáforos").is_err());
}

/// A CSV as a municipal spreadsheet exports it: Windows-1252, `;` separated.
fn windows_1252_csv() -> Vec<u8> {
    let text = "Folio;Colonia;Año;Monto pagado;Fecha;¿Pagado?\n\
                007;Tránsito Norte;2016;1250.50;2016-04-01;Sí\n\
                12;Centro;2016;300;2016-04-02;No\n\
                13;Ánimas;2015;75.25;2016-04-03;Sí\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

#[test]
fn a_windows_1252_csv_becomes_a_descriptor_that_builds_and_documents_each_column() {
    let site = TempSite::valid();
    let downloads = tempfile::tempdir().unwrap();
    let file = downloads.path().join("Multas de Tránsito 2016.csv");
    std::fs::write(&file, windows_1252_csv()).unwrap();

    let created = new_dataset(site.path(), "prueba", &file).unwrap();
    let descriptor = site
        .path()
        .join("participants/prueba/multas-de-transito-2016.toml");
    let copy = site
        .path()
        .join("participants/prueba/datos/Multas de Tránsito 2016.csv");
    assert_eq!(created, vec![descriptor.clone(), copy.clone()]);
    assert_eq!(
        std::fs::read(&copy).unwrap(),
        windows_1252_csv(),
        "copied byte for byte"
    );

    let text = std::fs::read_to_string(&descriptor).unwrap();
    let table: toml::Table = toml::from_str(&text).unwrap();
    assert_eq!(table["title"].as_str(), Some("Multas de Tránsito 2016"));
    assert_eq!(
        table["license"].as_str(),
        Some("cc-by-4.0"),
        "the site's default"
    );
    let today = today().unwrap().to_string();
    assert_eq!(table["issued"].to_string(), today);
    assert_eq!(table["modified"].to_string(), today);
    assert!(text.contains("# Separador de columnas detectado: punto y coma (;)"));
    assert!(
        text.contains("PENDIENTE"),
        "it says what an official must complete"
    );
    let resource = &table["resources"][0];
    assert_eq!(
        resource["path"].as_str(),
        Some("datos/Multas de Tránsito 2016.csv")
    );
    assert_eq!(resource["format"].as_str(), Some("CSV"));
    assert_eq!(resource["encoding"].as_str(), Some("windows-1252"));
    let fields: Vec<(&str, &str)> = resource["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["name"].as_str().unwrap(), f["type"].as_str().unwrap()))
        .collect();
    assert_eq!(
        fields,
        [
            ("Folio", "string"),
            ("Colonia", "string"),
            ("Año", "integer"),
            ("Monto pagado", "number"),
            ("Fecha", "date"),
            ("¿Pagado?", "boolean"),
        ]
    );
    assert!(text.contains("# Ejemplos: “Tránsito Norte”, “Centro”, “Ánimas”"));

    let (report, out) = site.build();
    assert_eq!(report.diagnostics, vec![], "{:#?}", report.diagnostics);
    let html = page(
        &out.path().join("public"),
        "datos/prueba/multas-de-transito-2016/index.html",
    );
    let documented: Vec<String> = select(&html, "tbody th[scope=row] code")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(
        documented,
        [
            "Folio",
            "Colonia",
            "Año",
            "Monto pagado",
            "Fecha",
            "¿Pagado?"
        ]
    );
    assert!(
        out.path()
            .join("public/descargas/prueba/multas-de-transito-2016/multas-de-transito-2016.csv")
            .is_file()
    );

    let refusal = new_dataset(site.path(), "prueba", &file).unwrap_err();
    assert!(
        refusal
            .message_text(abierto::model::Language::En)
            .contains("multas-de-transito-2016.toml"),
        "{refusal:?}"
    );
}

#[test]
fn a_file_already_in_datos_is_described_where_it_is() {
    let site = TempSite::valid();
    let file = site.path().join("participants/prueba/datos/semaforos.csv");
    std::fs::remove_file(site.path().join("participants/prueba/semaforos.toml")).unwrap();
    let created = new_dataset(site.path(), "prueba", &file).unwrap();
    assert_eq!(
        created,
        vec![site.path().join("participants/prueba/semaforos.toml")]
    );
    check_clean(site.path(), TO_FILL_IN);
}

#[test]
fn a_file_that_is_not_a_table_still_gets_a_descriptor() {
    let site = TempSite::valid();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("limites.geojson");
    std::fs::write(&file, "{\"type\":\"FeatureCollection\",\"features\":[]}").unwrap();
    new_dataset(site.path(), "prueba", &file).unwrap();
    let text =
        std::fs::read_to_string(site.path().join("participants/prueba/limites.toml")).unwrap();
    assert!(text.contains("format = \"GeoJSON\""));
    assert!(!text.contains("[[resources.fields]]"));
    check_clean(site.path(), TO_FILL_IN);

    let refusal =
        new_dataset(site.path(), "prueba", &dir.path().join("no-existe.csv")).unwrap_err();
    assert!(
        refusal
            .message_text(abierto::model::Language::En)
            .contains("is not a file")
    );
}

#[test]
fn the_command_line_prints_what_it_created_in_the_language_of_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let abierto = |lang: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_abierto"))
            .args(["new", "site", "portal"])
            .current_dir(dir.path())
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .output()
            .unwrap()
    };
    let output = abierto("es_MX.UTF-8");
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("creado portal/portal.toml"), "{stdout}");

    // Once the site exists, its language (Spanish unless set) wins over LANG.
    let again = abierto("en_US.UTF-8");
    assert!(!again.status.success());
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(stderr.contains("portal.toml"), "{stderr}");
    assert!(!stderr.contains("already holds a site"), "{stderr}");
    assert!(stderr.contains("ayuda:"), "{stderr}");
}
