//! Files as Windows and macOS save them: an official edits a descriptor in
//! Notepad (a byte-order mark, CRLF line endings), types a path with `\`, saves
//! a story on a Mac (its name decomposed), or copies `Datos.csv` beside
//! `datos.csv`. The site must mean the same on every system, and every
//! message must point at the right line and column.

mod common;

use abierto::model::Language;
use common::{DATASET, TempSite, only_error, page, select};
use std::process::Command;

/// A text as Notepad saves it: a byte-order mark, then CRLF line endings.
fn as_notepad_saves(text: &str) -> Vec<u8> {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(text.replace('\n', "\r\n").as_bytes());
    bytes
}

/// `abierto check` as an official runs it; what it prints on standard error.
fn check_output(site: &TempSite) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_abierto"))
        .args(["check", "--lang", "es"])
        .arg(site.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_descriptor_saved_by_notepad_gives_each_mistake_its_own_line_and_column() {
    // Line 1: an unknown key at column 1; line 6: an unknown frequency at column 13.
    let descriptor = "titulo = \"Semáforos\"\ntitle = \"Semáforos\"\ndescription = \"\"\"\nUbicación de los semáforos.\n\"\"\"\nfrequency = \"mensualmente\"\n\n[[resources]]\npath = \"datos/semaforos.csv\"\n";
    let site = TempSite::valid().file(
        "participants/prueba/semaforos.toml",
        as_notepad_saves(descriptor),
    );
    let diagnostics = site.check();
    let place = |d: &abierto::diagnostics::Diagnostic| (d.line, d.column);
    let errors: Vec<_> = diagnostics.iter().filter(|d| d.is_error()).collect();
    assert_eq!(
        errors.iter().map(|d| place(d)).collect::<Vec<_>>(),
        [(Some(1), Some(1)), (Some(6), Some(13))],
        "{diagnostics:#?}"
    );
    let printed = check_output(&site);
    assert!(
        printed.contains("semaforos.toml:1:1\n"),
        "the mark is no column: {printed}"
    );
    assert!(
        printed.contains("1 | titulo = \"Semáforos\"\n"),
        "the line is shown as the editor shows it, without the mark: {printed}"
    );
    assert!(
        printed.contains("6 | frequency = \"mensualmente\"\n"),
        "no carriage return in the excerpt: {printed:?}"
    );
    assert!(!printed.contains('\u{feff}') && !printed.contains('\r'));
}

#[test]
fn a_story_saved_by_notepad_loads_and_its_problems_give_the_file_s_lines() {
    let story = "+++\ntitle = \"Semáforos nuevos\"\ndate = 2024-05-01\n+++\n\nPrimer párrafo.\n\nLee [los datos](dataset:prueba/semaforo).\n";
    let site = TempSite::valid().file(
        "participants/prueba/historias/semaforos-nuevos.md",
        as_notepad_saves(story),
    );
    let diagnostics = site.check();
    let error = only_error(&diagnostics);
    assert_eq!(error.line, Some(8), "{error:#?}");
    assert!(
        error
            .message_text(Language::Es)
            .contains("dataset:prueba/semaforo"),
        "{error:#?}"
    );

    let site = TempSite::valid().file(
        "participants/prueba/historias/semaforos-nuevos.md",
        as_notepad_saves(&story.replace("semaforo)", "semaforos)")),
    );
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let html = page(
        out.path(),
        "public/historias/prueba/semaforos-nuevos/index.html",
    );
    let title: Vec<_> = select(&html, "h1").iter().map(common::text_of).collect();
    assert_eq!(title, ["Semáforos nuevos"]);
}

#[test]
fn a_path_typed_with_backslashes_publishes_the_file() {
    let site = TempSite::valid()
        .file(
            "participants/prueba/semaforos.toml",
            DATASET.replace(
                "path = \"datos/semaforos.csv\"",
                "path = 'datos\\2024\\semaforos.csv'",
            ),
        )
        .file(
            "participants/prueba/datos/2024/semaforos.csv",
            "id,calle\n1,Juárez\n",
        );
    std::fs::remove_file(site.path().join("participants/prueba/datos/semaforos.csv")).unwrap();
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let published = out
        .path()
        .join("public/descargas/prueba/semaforos/semaforos.csv");
    assert_eq!(
        std::fs::read_to_string(published).unwrap(),
        "id,calle\n1,Juárez\n"
    );
}

#[test]
fn names_saved_on_a_mac_mean_the_same_files_and_addresses() {
    // macOS writes `ñ` as `n` and a combining tilde; the descriptor and the
    // story link are typed composed, as everywhere else.
    let decomposed = "sen\u{303}ales";
    let site = TempSite::valid()
        .file(
            "participants/prueba/semaforos.toml",
            DATASET.replace("datos/semaforos.csv", "datos/señales.csv"),
        )
        .file(
            &format!("participants/prueba/datos/{decomposed}.csv"),
            "id,calle\n1,Juárez\n",
        )
        .file(
            "participants/prueba/historias/nin\u{303}ez.md",
            "+++\ntitle = \"Niñez\"\ndate = 2024-05-01\n+++\n\nTexto.\n",
        )
        .file(
            "pages/acerca.md",
            "+++\ntitle = \"Acerca\"\n+++\n\nLee [Niñez](story:prueba/ninez).\n",
        );
    std::fs::remove_file(site.path().join("participants/prueba/datos/semaforos.csv")).unwrap();
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    assert!(
        out.path()
            .join("public/descargas/prueba/semaforos/senales.csv")
            .is_file()
    );
    assert!(
        out.path()
            .join("public/historias/prueba/ninez/index.html")
            .is_file()
    );
}

#[test]
fn a_path_with_other_capitals_is_an_error_naming_the_file_as_the_disk_spells_it() {
    // Windows and macOS would open it; Linux and GitHub would not: it is
    // refused everywhere, with the exact name to write.
    let site = TempSite::valid().file(
        "participants/prueba/semaforos.toml",
        DATASET.replace("datos/semaforos.csv", "datos/Semaforos.csv"),
    );
    let diagnostics = site.check();
    let error = only_error(&diagnostics);
    assert_eq!(error.file, "participants/prueba/semaforos.toml");
    assert_eq!((error.line, error.column), (Some(7), Some(8)));
    let said = error.message_text(Language::Es);
    assert!(said.contains("`datos/Semaforos.csv`"), "{said}");
    assert!(said.contains("`datos/semaforos.csv`"), "{said}");
    assert!(
        error
            .help_text(Language::Es)
            .unwrap()
            .contains("escribe `datos/semaforos.csv`")
    );
}

#[test]
fn two_files_differing_only_in_capitals_are_an_error_naming_both() {
    let site = TempSite::valid()
        .file("static/Logo.png", "uno")
        .file("static/logo.png", "dos");
    let diagnostics = site.check();
    let error = only_error(&diagnostics);
    assert_eq!(error.file, "static/logo.png");
    let said = error.message_text(Language::Es);
    assert!(said.contains("`static/Logo.png`"), "{said}");
    assert!(said.contains("Windows y macOS"), "{said}");
}

#[test]
fn a_story_that_did_not_load_brings_no_error_to_the_pages_that_link_it() {
    // Its date is missing: that is its one error; the page linking it and
    // its cover wait on it.
    let site = TempSite::valid()
        .file(
            "participants/prueba/historias/semaforos-nuevos.md",
            "+++\ntitle = \"Semáforos nuevos\"\ncover = \"portada.svg\"\n+++\n\nTexto.\n",
        )
        .file(
            "participants/prueba/historias/portada.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        )
        .file(
            "pages/acerca.md",
            "+++\ntitle = \"Acerca\"\n+++\n\nLee [la historia](story:prueba/semaforos-nuevos) y [su página](/historias/prueba/semaforos-nuevos/).\n",
        );
    let diagnostics = site.check();
    let error = only_error(&diagnostics);
    assert_eq!(
        error.file,
        "participants/prueba/historias/semaforos-nuevos.md"
    );
    for waiting in [
        "pages/acerca.md",
        "participants/prueba/historias/portada.svg",
    ] {
        assert!(
            !diagnostics.iter().any(|d| d.file == waiting),
            "{waiting}: {diagnostics:#?}"
        );
    }
}
