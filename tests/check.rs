//! `abierto check`: an official's site with one instance of each problem, and
//! what the maintainer sees of it in text, JSON and GitHub annotations.

mod common;

use abierto::build::{BuildOptions, check};
use abierto::diagnostics::{Diagnostic, Severity};
use abierto::model::Date;
use abierto::render::RenderOptions;
use common::{DATASET, PARTICIPANT, PORTAL, TempSite};
use std::process::Command;

const CURP: &str = "GOMC850412HDFRRR03";
const CURP_WRONG_CHECK: &str = "GOMC850412HDFRRR04";
const RFC: &str = "GOMC850412AB7";
const TODAY: &str = "2026-01-15";

/// A site with one instance of each problem `check` knows.
fn troubled_site() -> TempSite {
    TempSite::empty()
        .file("portal.toml", PORTAL)
        .file("participants/prueba/participant.toml", PARTICIPANT)
        // Lacks keywords, modified, contact… (missing metadata).
        .file("participants/prueba/semaforos.toml", DATASET)
        .file("participants/prueba/datos/semaforos.csv", "id,calle\n1,Juárez\n2,Hidalgo\n")
        // Overdue: monthly, last modified years ago.
        .file(
            "participants/prueba/baches.toml",
            "title = \"Baches\"\ndescription = \"Baches reportados.\"\nmodified = 2020-01-01\nfrequency = \"monthly\"\n\n[[resources]]\ntitle = \"Baches\"\npath = \"datos/baches.csv\"\n\n[[resources.personal_data]]\ncolumn = \"telefono\"\nreason = \"Teléfonos de oficinas públicas\"\n",
        )
        .file(
            "participants/prueba/datos/baches.csv",
            format!("id,curp,rfc,telefono\n1,{CURP},{RFC},228 841 1234\n2,{CURP_WRONG_CHECK},ninguno,228 841 9999\n3,{CURP},,\n"),
        )
        // A broken promise.
        .file(
            "participants/prueba/padron.toml",
            "title = \"Padrón\"\ndescription = \"Padrón prometido.\"\nstatus = \"planned\"\nexpected = 2025-06-30\n",
        )
        // A file nobody describes, and a Git LFS pointer instead of data.
        .file("participants/prueba/datos/sobrante.csv", "a,b\n1,2\n")
        .file(
            "participants/prueba/mapa.toml",
            "title = \"Mapa\"\ndescription = \"Mapa de la ciudad.\"\n\n[[resources]]\ntitle = \"Mapa\"\npath = \"datos/mapa.geojson\"\n",
        )
        .file(
            "participants/prueba/datos/mapa.geojson",
            "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 12345\n",
        )
        // Links: an anchor that names no heading, a missing file, a page that does not exist.
        .file(
            "historias/nota.md",
            "+++\ntitle = \"Nota\"\ndate = 2025-01-01\n+++\n\n## Contexto\n\nVer [abajo](#resultados), [el anexo](anexo.pdf)\ny [el catálogo](/datos/no-existe/).\n\n[Contexto](#contexto) y [datos](/datos/).\n",
        )
}

fn run_check(site: &TempSite) -> Vec<Diagnostic> {
    check(
        &BuildOptions {
            site: site.path().to_path_buf(),
            output: None,
            base_url: None,
            render: RenderOptions::default(),
            force: false,
            portals: Default::default(),
            progress: abierto::progress::Progress::hidden(),
        },
        Date::parse(TODAY).unwrap(),
        &Default::default(),
    )
    .diagnostics
}

fn find<'a>(diagnostics: &'a [Diagnostic], code: &str, file: &str) -> &'a Diagnostic {
    diagnostics
        .iter()
        .find(|d| d.has_code(code) && d.file == file)
        .unwrap_or_else(|| panic!("no `{code}` in {file}: {diagnostics:#?}"))
}

#[test]
fn every_problem_is_reported_with_its_file_place_and_words() {
    let site = troubled_site();
    let all = run_check(&site);

    let metadata = find(
        &all,
        "missing-metadata",
        "participants/prueba/semaforos.toml",
    );
    assert_eq!(metadata.severity, Severity::Warning);
    assert!(
        metadata
            .message_text(abierto::model::Language::En)
            .contains("`keywords` (DCAT-US data.json)"),
        "{}",
        metadata.message_text(abierto::model::Language::En)
    );
    assert!(
        metadata
            .message_text(abierto::model::Language::En)
            .contains("`issued` (Perfil Regional)"),
        "{}",
        metadata.message_text(abierto::model::Language::En)
    );
    assert_eq!(
        metadata.line,
        Some(1),
        "no key to point at: the descriptor's first line"
    );

    let overdue = find(&all, "overdue", "participants/prueba/baches.toml");
    assert_eq!(overdue.line, Some(3), "points at `modified`");
    assert!(
        overdue
            .message_text(abierto::model::Language::En)
            .contains("was due on 2020-02-01"),
        "{}",
        overdue.message_text(abierto::model::Language::En)
    );

    let promise = find(&all, "promise-overdue", "participants/prueba/padron.toml");
    assert_eq!(promise.line, Some(4));
    assert!(
        promise
            .message_text(abierto::model::Language::En)
            .contains("promised for 2025-06-30 (199 days ago)"),
        "{}",
        promise.message_text(abierto::model::Language::En)
    );

    let curp = all
        .iter()
        .find(|d| {
            d.has_code("personal-data")
                && d.message_text(abierto::model::Language::En)
                    .contains("CURPs")
        })
        .expect("the CURP column is found");
    assert_eq!(curp.severity, Severity::Error);
    assert_eq!(curp.file, "participants/prueba/datos/baches.csv");
    assert_eq!(curp.line, Some(2));
    // Two valid CURPs (lines 2 and 4), and the one with a wrong check digit
    // (line 3): typed by hand, still a CURP under `curp`.
    assert!(
        curp.message_text(abierto::model::Language::En).contains(
            "column 2, `curp`: CURPs in 3 rows (lines 2, 3, 4), e.g. `GOMC******HDF****3`: 2 with a valid check digit and 1 with a wrong one, counted because the column or the word before them names them"
        ),
        "{}",
        curp.message_text(abierto::model::Language::En)
    );
    let rfc = all
        .iter()
        .find(|d| {
            d.has_code("personal-data")
                && d.message_text(abierto::model::Language::En)
                    .contains("RFCs")
        })
        .expect("the RFC column is found");
    assert!(
        rfc.message_text(abierto::model::Language::En)
            .contains("in 1 row (line 2), e.g. `GO*********B7`"),
        "{}",
        rfc.message_text(abierto::model::Language::En)
    );
    let phones = find(
        &all,
        "personal-data-accepted",
        "participants/prueba/datos/baches.csv",
    );
    assert_eq!(phones.severity, Severity::Info);
    assert!(
        phones
            .message_text(abierto::model::Language::En)
            .contains("`telefono`: phone numbers in 2 rows"),
        "{}",
        phones.message_text(abierto::model::Language::En)
    );
    assert!(
        phones
            .help_text(abierto::model::Language::En)
            .as_deref()
            .unwrap()
            .contains("Teléfonos de oficinas públicas")
    );
    for d in &all {
        assert!(
            !d.message_text(abierto::model::Language::En).contains(CURP)
                && !d.message_text(abierto::model::Language::En).contains(RFC),
            "unmasked: {d:?}"
        );
        assert!(
            !d.message_text(abierto::model::Language::En)
                .contains("841 1234"),
            "unmasked: {d:?}"
        );
    }

    let unreferenced = find(
        &all,
        "unreferenced-file",
        "participants/prueba/datos/sobrante.csv",
    );
    assert_eq!(unreferenced.severity, Severity::Warning);
    assert!(
        unreferenced
            .message_text(abierto::model::Language::En)
            .contains("no descriptor names this file")
    );
    let lfs = find(
        &all,
        "lfs-pointer",
        "participants/prueba/datos/mapa.geojson",
    );
    assert_eq!(lfs.severity, Severity::Error);
    assert!(
        lfs.message_text(abierto::model::Language::En)
            .contains("Git LFS pointer, not the data")
    );

    let links: Vec<&Diagnostic> = all.iter().filter(|d| d.has_code("broken-link")).collect();
    assert_eq!(links.len(), 3, "{links:#?}");
    assert_eq!((links[0].line, links[0].column), (Some(8), Some(13)));
    assert!(
        links[0]
            .message_text(abierto::model::Language::En)
            .contains("the anchor `#resultados` names no heading")
    );
    assert_eq!(
        links[0].help_text(abierto::model::Language::En).as_deref(),
        Some("headings here: #contexto")
    );
    assert_eq!((links[1].line, links[1].column), (Some(8), Some(38)));
    assert!(
        links[1]
            .message_text(abierto::model::Language::En)
            .contains("`anexo.pdf` names no file beside this text")
    );
    assert_eq!((links[2].line, links[2].column), (Some(9), Some(17)));
    assert!(
        links[2]
            .message_text(abierto::model::Language::En)
            .contains("`/datos/no-existe/` names no page of this portal")
    );
}

#[test]
fn unaccepted_personal_data_blocks_build_too() {
    let site = TempSite::valid().file(
        "participants/prueba/datos/semaforos.csv",
        "id,responsable\n1,juana.perez@example.org\n",
    );
    let (report, out) = site.build();
    let error = common::only_error(&report.diagnostics);
    assert!(error.has_code("personal-data"));
    assert!(
        error
            .message_text(abierto::model::Language::En)
            .contains("e-mail addresses in 1 row (line 2), e.g. `j****.*****@*******.org`"),
        "{}",
        error.message_text(abierto::model::Language::En)
    );
    assert!(!out.path().join("public").exists(), "nothing is published");
}

#[test]
fn a_metadata_warning_points_at_the_table_that_lacks_a_key() {
    let site = TempSite::valid().file(
        "participants/prueba/semaforos.toml",
        "title = \"Semáforos\"\ndescription = \"Semáforos del municipio.\"\nkeywords = [\"movilidad\"]\nmodified = 2026-01-01\nissued = 2020-01-01\nfrequency = \"annual\"\n\n[contact]\nname = \"Dirección de Movilidad\"\n\n[[resources]]\ntitle = \"Semáforos (CSV)\"\npath = \"datos/semaforos.csv\"\n",
    );
    let all = run_check(&site);
    let metadata = find(
        &all,
        "missing-metadata",
        "participants/prueba/semaforos.toml",
    );
    assert!(
        metadata
            .message_text(abierto::model::Language::En)
            .contains("`contact.email` (DCAT-US data.json)"),
        "{}",
        metadata.message_text(abierto::model::Language::En)
    );
    assert_eq!(metadata.line, Some(8), "the `[contact]` table");
}

#[test]
fn personal_data_in_any_sheet_of_a_workbook_is_found_and_masked() {
    let email = "ana.lopez@example.org";
    let site = TempSite::valid()
        .file(
            "participants/prueba/padron.toml",
            "title = \"Padrón de apoyos\"\ndescription = \"Apoyos entregados.\"\n\n[[resources]]\ntitle = \"Padrón (XLSX)\"\npath = \"datos/padron.xlsx\"\n",
        )
        .file(
            "participants/prueba/datos/padron.xlsx",
            common::workbook(&[
                ("Resumen", &[&["colonia", "apoyos"], &["Centro", "12"]]),
                (
                    "Beneficiarios",
                    &[
                        &["folio", "clave", "contacto"],
                        &["1", "sin clave", "oficina"],
                        &["2", CURP, email],
                        &["3", CURP_WRONG_CHECK, ""],
                    ],
                ),
            ]),
        );
    let all = run_check(&site);
    let found: Vec<&Diagnostic> = all.iter().filter(|d| d.has_code("personal-data")).collect();
    assert_eq!(found.len(), 2, "{found:#?}");
    for d in &found {
        assert_eq!(d.file, "participants/prueba/datos/padron.xlsx");
        assert_eq!(d.severity, Severity::Error);
        assert_eq!(d.line, Some(3), "the sheet's row");
        assert!(
            !d.message_text(abierto::model::Language::En).contains(CURP)
                && !d.message_text(abierto::model::Language::En).contains(email)
        );
    }
    assert_eq!(
        found[0].message_text(abierto::model::Language::En),
        "sheet «Beneficiarios»: column 2, `clave`: CURPs in 1 row (row 3), e.g. `GOMC******HDF****3`: shape and check digit are valid"
    );
    assert!(
        found[1].message_text(abierto::model::Language::En).starts_with(
            "sheet «Beneficiarios»: column 3, `contacto`: e-mail addresses in 1 row (row 3), e.g. `a**.*****@*******.org`"
        ),
        "{}",
        found[1].message_text(abierto::model::Language::En)
    );
    assert!(
        found[1]
            .help_text(abierto::model::Language::En)
            .as_deref()
            .unwrap()
            .contains("participants/prueba/padron.toml")
    );
}

#[test]
fn personal_data_in_the_properties_of_map_features_is_found() {
    let site = TempSite::valid()
        .file(
            "participants/prueba/puntos.toml",
            "title = \"Puntos de reporte\"\ndescription = \"Dónde se reportaron baches.\"\n\n\
             [[resources]]\ntitle = \"Reportes (GeoJSON)\"\npath = \"datos/reportes.geojson\"\n\n\
             [[resources]]\ntitle = \"Reportes (KML)\"\npath = \"datos/reportes.kml\"\n",
        )
        .file(
            "participants/prueba/datos/reportes.geojson",
            format!(
                r#"{{"type":"FeatureCollection","features":[
{{"type":"Feature","geometry":{{"type":"Point","coordinates":[-98.2,19.0]}},"properties":{{"folio":"1","reporta":"vecinos"}}}},
{{"type":"Feature","geometry":{{"type":"Point","coordinates":[-98.3,19.1]}},"properties":{{"folio":"2","reporta":"{CURP}"}}}}]}}"#
            ),
        )
        .file(
            "participants/prueba/datos/reportes.kml",
            "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>\n\
             <Placemark><name>Bache 1</name>\n\
             <ExtendedData><Data name=\"contacto\"><value>luis.mora@example.org</value></Data></ExtendedData>\n\
             <Point><coordinates>-98.2,19.04,0</coordinates></Point></Placemark>\n</Document></kml>\n",
        );
    let all = run_check(&site);
    let found: Vec<&Diagnostic> = all.iter().filter(|d| d.has_code("personal-data")).collect();
    assert_eq!(found.len(), 2, "{all:#?}");
    let geojson = found
        .iter()
        .find(|d| d.file == "participants/prueba/datos/reportes.geojson")
        .expect("the CURP in a GeoJSON property is found");
    assert_eq!(
        geojson.message_text(abierto::model::Language::En),
        "column 2, `reporta`: CURPs in 1 row (feature 2), e.g. `GOMC******HDF****3`: shape and check digit are valid"
    );
    let kml = found
        .iter()
        .find(|d| d.file == "participants/prueba/datos/reportes.kml")
        .expect("the e-mail in a KML placemark is found");
    assert!(
        kml.message_text(abierto::model::Language::En)
            .contains("e-mail addresses"),
        "{}",
        kml.message_text(abierto::model::Language::En)
    );
    assert!(
        !kml.message_text(abierto::model::Language::En)
            .contains("luis.mora"),
        "masked: {}",
        kml.message_text(abierto::model::Language::En)
    );
}

#[test]
fn personal_data_found_once_blocks_every_later_build_without_reading_the_file_again() {
    use abierto::build::Session;
    let site = TempSite::valid().file(
        "participants/prueba/datos/semaforos.csv",
        "id,responsable\n1,juana.perez@example.org\n",
    );
    let cache = tempfile::tempdir().unwrap();
    // Two builds one after the other: each its own session, sharing the cache on disk.
    let build = || {
        let mut session = Session::new(BuildOptions {
            site: site.path().to_path_buf(),
            output: None,
            base_url: None,
            render: Default::default(),
            force: false,
            portals: Default::default(),
            progress: abierto::progress::Progress::hidden(),
        });
        session.set_cache_dir(cache.path().to_path_buf());
        session.run(&[])
    };
    let first = build();
    assert_eq!(first.data_files_read, 1);
    let second = build();
    assert_eq!(
        second.data_files_read, 0,
        "the unchanged file is not read again"
    );
    assert_eq!(first.diagnostics, second.diagnostics);
    assert!(common::only_error(&second.diagnostics).has_code("personal-data"));

    // Cleaned, the file is scanned again and the build goes through.
    std::fs::write(
        site.path().join("participants/prueba/datos/semaforos.csv"),
        "id,responsable\n1,Dirección de Tránsito\n",
    )
    .unwrap();
    let cleaned = build();
    assert_eq!(cleaned.data_files_read, 1);
    assert_eq!(cleaned.errors(), 0, "{:#?}", cleaned.diagnostics);
}

#[test]
fn a_big_file_and_a_portal_over_a_gigabyte_are_errors() {
    let site = TempSite::valid();
    let big = site.path().join("participants/prueba/datos/enorme.csv");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(101 * 1024 * 1024)
        .unwrap(); // sparse
    let all = run_check(&site);
    let too_big = find(
        &all,
        "file-too-large",
        "participants/prueba/datos/enorme.csv",
    );
    assert_eq!(too_big.severity, Severity::Error);
    assert!(
        too_big
            .message_text(abierto::model::Language::En)
            .contains("101 MB: git and GitHub refuse files over 100 MB")
    );

    let huge = site.path().join("huge.bin");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(1100 * 1024 * 1024)
        .unwrap();
    let files = vec![abierto::output::OutputFile {
        route: abierto::output::urls::Urls::download("prueba/semaforos", "huge.bin"),
        content: abierto::output::Content::CopyOf(huge),
        origin: abierto::output::Origin::Site("huge.bin".into()),
    }];
    let (bytes, problem) = abierto::check::files::output_size(&files);
    assert_eq!(bytes, 1100 * 1024 * 1024);
    assert!(
        problem
            .unwrap()
            .message_text(abierto::model::Language::En)
            .contains("1100 MB: GitHub Pages serves sites up to 1 GB")
    );
}

fn abierto(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_abierto"))
        .args(args)
        .env("ABIERTO_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn exit_codes_say_clean_errors_or_strict_warnings() {
    let clean = TempSite::valid().file(
        "participants/prueba/semaforos.toml",
        "title = \"Semáforos\"\ndescription = \"Ubicación de los semáforos.\"\nkeywords = [\"tránsito\"]\nissued = 2025-01-01\nmodified = 2025-12-01\nfrequency = \"annual\"\ncontact = { name = \"Tránsito\", email = \"transito@example.org\" }\n\n[[resources]]\ntitle = \"Semáforos (CSV)\"\npath = \"datos/semaforos.csv\"\n",
    );
    let path = clean.path().to_str().unwrap();
    assert_eq!(abierto(&["check", path]).0, 0);
    assert_eq!(abierto(&["check", "--strict", path]).0, 0);

    let warned = TempSite::valid();
    let path = warned.path().to_str().unwrap();
    assert_eq!(abierto(&["check", path]).0, 0, "warnings alone pass");
    let (code, _, stderr) = abierto(&["check", "--strict", path]);
    assert_eq!(code, 2, "{stderr}");

    let troubled = troubled_site();
    let path = troubled.path().to_str().unwrap();
    let (code, _, stderr) = abierto(&["check", "--lang", "en", path]);
    assert_eq!(code, 1);
    // Grouped by file, with the source line and a caret under the column.
    assert!(
        stderr.contains("historias/nota.md\n  error[broken-link]: the anchor `#resultados`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("8 | Ver [abajo](#resultados), [el anexo](anexo.pdf)\n"),
        "{stderr}"
    );
    // The source line between two gutter lines, the caret right below it,
    // under the 13th column (`#resultados`).
    assert!(
        stderr.contains(
            "      |\n    8 | Ver [abajo](#resultados), [el anexo](anexo.pdf)\n      |             ^\n"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("|             ^\n"), "{stderr}");
    // Personal data is never shown, not even in the source line.
    assert!(!stderr.contains(CURP), "{stderr}");
}

#[test]
fn json_has_a_stable_shape() {
    let site = troubled_site();
    let (code, stdout, _) = abierto(&["check", "--format", "json", site.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["version"], 1);
    let first = &json["diagnostics"][0];
    for key in [
        "severity", "file", "line", "column", "message", "help", "code",
    ] {
        assert!(first.get(key).is_some(), "{key} in {first}");
    }
    // Two personal-data columns, the LFS pointer and three links.
    assert_eq!(json["summary"]["errors"], 6);
    assert!(json["summary"]["warnings"].as_u64().unwrap() >= 4);
    let baches = json["datasets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "prueba/baches")
        .unwrap();
    assert_eq!(baches["freshness"]["state"], "overdue");
    assert_eq!(baches["freshness"]["due"], "2020-02-01");
    assert!(baches["completeness"]["score"].as_u64().unwrap() < 100);
    assert!(baches["completeness"]["missing"][0]["field"].is_string());
    let padron = json["datasets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "prueba/padron")
        .unwrap();
    assert_eq!(padron["freshness"]["state"], "promise-overdue");
    assert!(padron["completeness"].is_null());
    assert_eq!(json["participants"][0]["id"], "prueba");
    assert_eq!(json["today"], TODAY);
}

/// The `check --format json` report of `site` in `lang`.
fn json_report(site: &TempSite, lang: &str) -> serde_json::Value {
    let path = site.path().to_str().unwrap();
    let (_, stdout, _) = abierto(&["check", "--format", "json", "--lang", lang, path]);
    serde_json::from_str(&stdout).unwrap()
}

#[test]
fn json_keeps_its_keys_codes_and_message_ids_in_every_language() {
    let site = troubled_site();
    let spanish = json_report(&site, "es");
    let english = json_report(&site, "en");
    let diagnostics = |json: &serde_json::Value| json["diagnostics"].as_array().unwrap().clone();
    let (spanish, english) = (diagnostics(&spanish), diagnostics(&english));
    assert_eq!(spanish.len(), english.len());
    let keys = |d: &serde_json::Value| d.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    for (es, en) in spanish.iter().zip(&english) {
        assert_eq!(keys(es), keys(en));
        for key in ["severity", "file", "line", "column", "code", "message_id"] {
            assert_eq!(es[key], en[key], "{key}: {es} / {en}");
        }
        assert!(es["message_id"].is_string(), "{es}");
        assert_ne!(es["message"], en["message"], "{es} / {en}");
    }
    let anchor = |list: &[serde_json::Value]| {
        list.iter()
            .find(|d| d["message_id"] == "check-anchor-missing")
            .map(|d| d["message"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(
        anchor(&spanish),
        "el ancla `#resultados` no corresponde a ningún encabezado de este texto"
    );
    assert_eq!(
        anchor(&english),
        "the anchor `#resultados` names no heading of this text"
    );
}

#[test]
fn github_annotations_carry_the_message_in_the_run_s_language() {
    let site = troubled_site();
    let path = site.path().to_str().unwrap();
    let (code, stdout, _) = abierto(&["check", "--format", "github", "--lang", "es", path]);
    assert_eq!(code, 1);
    let line = stdout
        .lines()
        .find(|l| l.contains("historias/nota.md,line=8,col=13"))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(
        line.ends_with("title=abierto error%3A broken-link::el ancla `#resultados` no corresponde a ningún encabezado de este texto%0Aayuda: encabezados de este texto: #contexto"),
        "{line}"
    );
}

#[test]
fn github_format_annotates_the_lines_of_a_pull_request() {
    let site = troubled_site();
    let (code, stdout, _) = abierto(&[
        "check",
        "--format",
        "github",
        "--lang",
        "en",
        site.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    let prefix = site
        .path()
        .to_str()
        .unwrap()
        .trim_start_matches('/')
        .replace(':', "%3A")
        .replace(',', "%2C");
    let expected = format!(
        "::error file=/{prefix}/historias/nota.md,line=8,col=13,title=abierto error%3A broken-link::the anchor `#resultados` names no heading of this text%0Ahelp: headings here: #contexto\n"
    );
    assert!(stdout.contains(&expected), "{stdout}");
    assert!(
        stdout.contains("::notice file="),
        "accepted findings are notices: {stdout}"
    );
}

#[test]
fn the_example_site_passes_strict_check_except_what_it_allows_on_purpose() {
    let site = common::example_site();
    let (code, _, stderr) = abierto(&["check", "--strict", site.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    // Its intentional findings stay visible, as notes.
    assert!(stderr.contains("nota[promise-overdue]"), "{stderr}");
    assert!(
        stderr.contains("(permitido por [check] en portal.toml)"),
        "{stderr}"
    );
    assert!(stderr.contains("nota[personal-data-accepted]:"), "{stderr}");
}

#[test]
fn check_allow_quiets_only_the_warnings_it_names_and_never_an_error() {
    let planned = "title = \"Prometido\"\ndescription = \"Prometido.\"\nstatus = \"planned\"\nexpected = 2025-06-30\n";
    let site = TempSite::valid()
        .file(
            "portal.toml",
            format!(
                "{PORTAL}\n[check]\nallow = [\n  \"promise-overdue:participants/prueba/padron.toml\",\n  \"broken-link\",\n]\n"
            ),
        )
        .file("participants/prueba/padron.toml", planned)
        .file("participants/prueba/obras.toml", planned)
        .file(
            "historias/nota.md",
            "+++\ntitle = \"Nota\"\ndate = 2025-01-01\n+++\n\nVer [abajo](#resultados).\n",
        );
    let all = site.check();
    let allowed = find(&all, "promise-overdue", "participants/prueba/padron.toml");
    assert_eq!(allowed.severity, Severity::Info, "{allowed:?}");
    assert!(
        allowed
            .message_text(abierto::model::Language::En)
            .ends_with(" (allowed by [check] in portal.toml)"),
        "{allowed:?}"
    );
    // `code:file` names one file: the same finding elsewhere stays a warning.
    let other = find(&all, "promise-overdue", "participants/prueba/obras.toml");
    assert_eq!(other.severity, Severity::Warning, "{other:?}");
    assert!(
        !other
            .message_text(abierto::model::Language::En)
            .contains("allowed"),
        "{other:?}"
    );
    // An error cannot be allowed, even by its code.
    let error = find(&all, "broken-link", "historias/nota.md");
    assert_eq!(error.severity, Severity::Error, "{error:?}");
    assert!(
        !error
            .message_text(abierto::model::Language::En)
            .contains("allowed"),
        "{error:?}"
    );
    assert_eq!(site.check_report().errors(), 1);
}
