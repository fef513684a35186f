//! Spanish first: a Spanish site that triggers every kind of problem the
//! program reports shows no English sentence of the program's catalog on any
//! page nor in any output of `build` and `check`; the same site with
//! `language = "en"` shows no Spanish one. The catalogs are the judges: every
//! phrase of three words or more of the other language's catalog is looked for.

mod common;

use abierto::messages::{ENGLISH_FILES, SPANISH_FILES};
use common::TempSite;
use fluent_syntax::ast;
use std::path::Path;
use std::process::Command;

const TODAY: &str = "2026-01-15";
const CURP: &str = "GOMC850412HDFRRR03";

/// A web server on 127.0.0.1 that answers every request `404 Not Found`: the
/// address of a broken external link.
fn broken_link() -> String {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let address = format!("http://{}/ya-no-existe", server.server_addr());
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let _ = request.respond(tiny_http::Response::empty(404));
        }
    });
    address
}

/// A site with a problem of every kind `check` names (all codes but
/// `site-too-large`, which needs a gigabyte), and the common mistakes that
/// have no code; committed to a git repository (its data committed after the
/// `modified` a descriptor declares).
fn troubled_site(language: &str) -> TempSite {
    let site = troubled_files(language);
    for args in [
        &["init", "-q", "-b", "main"][..],
        &["add", "-A"],
        &["commit", "-q", "-m", "Sitio"],
    ] {
        let status = std::process::Command::new("git")
            .args(args)
            .current_dir(site.path())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Prueba")
            .env("GIT_AUTHOR_EMAIL", "prueba@example.org")
            .env("GIT_COMMITTER_NAME", "Prueba")
            .env("GIT_COMMITTER_EMAIL", "prueba@example.org")
            .env("GIT_AUTHOR_DATE", "2025-03-01T10:00:00-06:00")
            .env("GIT_COMMITTER_DATE", "2025-03-01T10:00:00-06:00")
            .status()
            .expect("git runs");
        assert!(status.success(), "git {args:?}");
    }
    site
}

fn troubled_files(language: &str) -> TempSite {
    let portal = format!(
        "title = \"Portal de prueba\"\nbase_url = \"https://datos.example.org/\"\n{language}default_license = \"cc-by-4.0\"\n\n[build]\nmax_file_size = \"2 KB\"\n\n[[categories]]\nid = \"movilidad\"\ntitle = \"Movilidad\"\n"
    );
    TempSite::empty()
        .file("portal.toml", portal)
        .file("participants/prueba/participant.toml", common::PARTICIPANT)
        // Missing metadata, and three independent mistakes: an unknown key, an unknown category, a bad date.
        .file(
            "participants/prueba/semaforos.toml",
            "title = \"Semáforos\"\ndescription = \"Ubicación de los semáforos.\"\nlicence = \"cc-by-4.0\"\ncategories = [\"movilidd\"]\nmodified = \"2024-13-45\"\n\n[[resources]]\ntitle = \"Semáforos\"\npath = \"datos/semaforos.csv\"\n",
        )
        .file("participants/prueba/datos/semaforos.csv", "id,calle,vacia\n1,Juárez,\n2,\"Hidalgo,\n")
        // Overdue, with personal data: a CURP (an error), a phone accepted, a column named like
        // personal data, an office's e-mail address, a public servant in a column of offices, a
        // phone in the description.
        .file(
            "participants/prueba/baches.toml",
            "title = \"Baches\"\ndescription = \"Baches reportados al 228 841 1234.\"\nmodified = 2020-01-01\nfrequency = \"monthly\"\n\n[[resources]]\ntitle = \"Baches\"\npath = \"datos/baches.csv\"\n\n[[resources.fields]]\nname = \"titular\"\nholds = \"offices\"\n\n[[resources.personal_data]]\ncolumn = \"telefono\"\nreason = \"Teléfonos de oficinas públicas\"\n",
        )
        .file(
            "participants/prueba/datos/baches.csv",
            format!("id,curp,telefono,nombre,correo,titular\n1,{CURP},228 841 1234,Parque Juárez,atencion@prueba.gob.mx,Ana López Pérez\n"),
        )
        // Due soon.
        .file(
            "participants/prueba/podas.toml",
            "title = \"Podas\"\ndescription = \"Podas de árboles.\"\nmodified = 2025-12-18\nfrequency = \"monthly\"\n\n[[resources]]\ntitle = \"Podas\"\npath = \"datos/podas.csv\"\n",
        )
        .file("participants/prueba/datos/podas.csv", "id,colonia\n1,Centro\n")
        // A broken promise.
        .file(
            "participants/prueba/padron.toml",
            "title = \"Padrón\"\ndescription = \"Padrón prometido.\"\nstatus = \"planned\"\nexpected = 2025-06-30\n",
        )
        // A file nobody describes, a Git LFS pointer, a file over the limit, a KML with no placemarks.
        .file("participants/prueba/datos/sobrante.csv", "a,b\n1,2\n")
        .file(
            "participants/prueba/mapa.toml",
            "title = \"Mapa\"\ndescription = \"Mapa de la ciudad.\"\n\n[[resources]]\ntitle = \"Mapa\"\npath = \"datos/mapa.geojson\"\n\n[[resources]]\ntitle = \"Grande\"\npath = \"datos/grande.csv\"\n\n[[resources]]\ntitle = \"Vacío\"\npath = \"datos/vacio.kml\"\n",
        )
        .file(
            "participants/prueba/datos/mapa.geojson",
            "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 12345\n",
        )
        .file("participants/prueba/datos/grande.csv", "a\n".repeat(2000))
        .file(
            "participants/prueba/datos/vacio.kml",
            "<?xml version=\"1.0\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document></Document></kml>",
        )
        // A TOML syntax error in another participant's descriptor.
        .file("participants/otro/participant.toml", "name = \"Otro\"\nkind = \"municipio\"\n")
        .file("participants/otro/roto.toml", "title = \"Roto\ndescription = \"x\"\n")
        // Links: an anchor that names no heading, a missing file, a dataset that does not exist.
        .file(
            "historias/nota.md",
            format!("+++\ntitle = \"Nota\"\ndate = 2025-01-01\n+++\n\n## Contexto\n\nVer [abajo](#resultados), [el anexo](anexo.pdf),\n[los datos](dataset:prueba/no-existe) y [el informe]({}).\n", broken_link()),
        )
}

/// A site that builds, with warnings shown on its pages (a broken CSV, an
/// empty column, a declared type that does not hold, an empty KML, missing
/// metadata, an overdue dataset).
fn site_with_page_warnings(language: &str) -> TempSite {
    let portal = format!(
        "title = \"Portal de prueba\"\nbase_url = \"https://datos.example.org/\"\n{language}default_license = \"cc-by-4.0\"\n\n[[categories]]\nid = \"movilidad\"\ntitle = \"Movilidad\"\n"
    );
    TempSite::empty()
        .file("portal.toml", portal)
        .file("participants/prueba/participant.toml", common::PARTICIPANT)
        .file(
            "participants/prueba/semaforos.toml",
            "title = \"Semáforos\"\ndescription = \"Ubicación de los semáforos.\"\nmodified = 2020-01-01\nfrequency = \"monthly\"\n\n[[resources]]\ntitle = \"Semáforos\"\npath = \"datos/semaforos.csv\"\n\n[[resources.fields]]\nname = \"monto\"\ntype = \"number\"\n\n[[resources]]\ntitle = \"Vacío\"\npath = \"datos/vacio.kml\"\n\n[[resources]]\ntitle = \"Puntos\"\npath = \"datos/puntos.geojson\"\n",
        )
        .file(
            "participants/prueba/datos/semaforos.csv",
            "id,monto,vacia,calle\n1,12.5,,Juárez\n2,mucho,,Hidalgo\n3,4,,\"Reforma\n",
        )
        .file(
            "participants/prueba/datos/vacio.kml",
            "<?xml version=\"1.0\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document></Document></kml>",
        )
        .file(
            "participants/prueba/datos/puntos.geojson",
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"nombre\":\"Parque\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[-96.9,19.5]}}]}",
        )
}

/// What `build` and `check` (in every format) print for a site, stdout and stderr together.
fn everything_said(site: &Path) -> String {
    let out = tempfile::tempdir().unwrap();
    let site = site.to_str().unwrap();
    let output = out.path().join("public");
    // A previous build that published a dataset this one has lost.
    let sitemap = out.path().join("sitemap.xml");
    std::fs::write(
        &sitemap,
        "<urlset><url><loc>https://datos.example.org/</loc></url><url><loc>https://datos.example.org/datos/prueba/retirado/</loc></url></urlset>",
    )
    .unwrap();
    let previous = sitemap.to_str().unwrap();
    let runs: [&[&str]; 4] = [
        &["build", site, "-o", output.to_str().unwrap()],
        &["check", "--external", "--previous", previous, site],
        &[
            "check",
            "--external",
            "--previous",
            previous,
            "--format",
            "json",
            site,
        ],
        &[
            "check",
            "--external",
            "--previous",
            previous,
            "--format",
            "github",
            site,
        ],
    ];
    let mut said = String::new();
    for args in runs {
        let run = Command::new(env!("CARGO_BIN_EXE_abierto"))
            .args(args)
            .env("ABIERTO_TODAY", TODAY)
            .env("NO_COLOR", "1")
            .env("ABIERTO_CACHE_DIR", out.path().join("cache"))
            .output()
            .unwrap();
        said.push_str(&String::from_utf8_lossy(&run.stdout));
        said.push_str(&String::from_utf8_lossy(&run.stderr));
    }
    said
}

/// The text of every page of a built portal, as a reader sees it (entities decoded).
fn every_page(out: &Path) -> String {
    let mut text = String::new();
    for entry in walkdir::WalkDir::new(out) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "html") {
            let html =
                scraper::Html::parse_document(&std::fs::read_to_string(entry.path()).unwrap());
            text.push_str(&html.root_element().text().collect::<Vec<_>>().join(" "));
            text.push('\n');
        }
    }
    text
}

/// Every phrase of three words or more a catalog writes (text between its
/// placeables and punctuation, code in backticks left out).
fn phrases(files: &[(&str, &str)]) -> Vec<String> {
    let mut found = Vec::new();
    for (_, text) in files {
        let resource = match fluent_syntax::parser::parse(*text) {
            Ok(resource) => resource,
            Err((resource, _)) => resource,
        };
        for entry in &resource.body {
            if let ast::Entry::Message(ast::Message {
                value: Some(pattern),
                ..
            }) = entry
            {
                pattern_phrases(pattern, &mut found);
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

fn pattern_phrases(pattern: &ast::Pattern<&str>, out: &mut Vec<String>) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => {
                let without_code: String = value
                    .split('`')
                    .enumerate()
                    .map(|(i, part)| if i % 2 == 0 { part } else { " | " })
                    .collect();
                for phrase in without_code.split(|c: char| ":;,.()«»|?¿!¡\"—[]".contains(c)) {
                    let words: Vec<&str> = phrase.split_whitespace().collect();
                    let letters = words
                        .iter()
                        .filter(|w| w.chars().any(char::is_alphabetic))
                        .count();
                    if letters >= 3 {
                        out.push(words.join(" "));
                    }
                }
            }
            ast::PatternElement::Placeable { expression } => {
                if let ast::Expression::Select { variants, .. } = expression {
                    for variant in variants {
                        pattern_phrases(&variant.value, out);
                    }
                }
            }
        }
    }
}

/// The phrases of `catalog` found in `text`, with a little context each.
fn foreign_phrases(text: &str, catalog: &[String]) -> Vec<String> {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    catalog
        .iter()
        .filter_map(|phrase| {
            let at = flat.find(phrase.as_str())?;
            let start = flat.floor_char_boundary(at.saturating_sub(40));
            let end = flat.ceil_char_boundary((at + phrase.len() + 40).min(flat.len()));
            Some(format!("«{phrase}» in …{}…", &flat[start..end]))
        })
        .collect()
}

#[test]
fn a_spanish_site_hears_no_english_from_the_program() {
    let troubled = troubled_site("");
    let said = everything_said(troubled.path());
    assert!(said.contains("error[personal-data]"), "{said}");
    let english = phrases(ENGLISH_FILES);
    let found = foreign_phrases(&said, &english);
    assert!(
        found.is_empty(),
        "English in Spanish output:\n{}",
        found.join("\n")
    );

    let warned = site_with_page_warnings("");
    let (report, out) = warned.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let pages = every_page(&out.path().join("public"));
    let found = foreign_phrases(&pages, &english);
    assert!(
        found.is_empty(),
        "English on Spanish pages:\n{}",
        found.join("\n")
    );
}

#[test]
fn an_english_site_hears_no_spanish_from_the_program() {
    let troubled = troubled_site("language = \"en\"\n");
    let said = everything_said(troubled.path());
    assert!(said.contains("error[personal-data]"), "{said}");
    let spanish = phrases(SPANISH_FILES);
    let found = foreign_phrases(&said, &spanish);
    assert!(
        found.is_empty(),
        "Spanish in English output:\n{}",
        found.join("\n")
    );

    let warned = site_with_page_warnings("language = \"en\"\n");
    let (report, out) = warned.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let pages = every_page(&out.path().join("public"));
    let found = foreign_phrases(&pages, &spanish);
    assert!(
        found.is_empty(),
        "Spanish on English pages:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_troubled_site_reports_every_kind_of_problem() {
    let troubled = troubled_site("");
    let said = everything_said(troubled.path());
    let json_start = said.find("{\n  \"version\"").expect("the JSON report");
    let json: serde_json::Value = serde_json::Deserializer::from_str(&said[json_start..])
        .into_iter()
        .next()
        .unwrap()
        .unwrap();
    let codes: std::collections::BTreeSet<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    for code in [
        "address-gone",
        "broken-external-link",
        "broken-link",
        "data-file",
        "due-soon",
        "file-too-large",
        "lfs-pointer",
        "missing-metadata",
        "modified-behind-data",
        "overdue",
        "personal-data",
        "personal-data-accepted",
        "personal-data-column",
        "personal-data-office",
        "promise-overdue",
        "unknown-key",
        "unreferenced-file",
    ] {
        assert!(codes.contains(code), "no `{code}` in {codes:?}");
    }
}

#[test]
fn the_judge_finds_a_sentence_of_the_other_language() {
    let english = phrases(ENGLISH_FILES);
    assert!(english.len() > 20, "{english:?}");
    let spanish = phrases(SPANISH_FILES);
    let sentence = abierto::msg!("serve-overlay-intro").text(abierto::model::Language::En);
    assert!(!foreign_phrases(&sentence, &english).is_empty());
    assert!(foreign_phrases(&sentence, &spanish).is_empty());
}

/// Every source file of the crate, with its path under `src/`.
fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| {
            let file = e.path().strip_prefix(&root).unwrap().display().to_string();
            (file, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect()
}

/// The ids the sources name: `msg!("id"` and `Message::new("id"`.
fn ids_in_sources(sources: &[(String, String)]) -> std::collections::BTreeMap<String, String> {
    let mut ids = std::collections::BTreeMap::new();
    for (file, text) in sources {
        // The catalog's own tests name a message that does not exist, on purpose.
        if file.ends_with("messages/tests.rs") {
            continue;
        }
        for opener in ["msg!(", "Message::new("] {
            for (at, _) in text.match_indices(opener) {
                let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                if text[line_start..at].trim_start().starts_with("//") {
                    continue;
                }
                let rest = text[at + opener.len()..].trim_start();
                let Some(rest) = rest.strip_prefix('"') else {
                    continue;
                };
                let id: String = rest.chars().take_while(|c| *c != '"').collect();
                ids.entry(id).or_insert_with(|| file.clone());
            }
        }
    }
    ids
}

fn ids_in_catalog(files: &[(&str, &str)]) -> std::collections::BTreeSet<String> {
    files
        .iter()
        .flat_map(|(_, text)| {
            let resource = match fluent_syntax::parser::parse(*text) {
                Ok(resource) => resource,
                Err((resource, _)) => resource,
            };
            resource
                .body
                .into_iter()
                .filter_map(|entry| match entry {
                    ast::Entry::Message(m) => Some(m.id.name.to_string()),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn every_message_the_program_says_is_in_the_catalog_and_every_entry_is_said() {
    let sources = sources();
    let used = ids_in_sources(&sources);
    let catalog = ids_in_catalog(SPANISH_FILES);
    let missing: Vec<String> = used
        .iter()
        .filter(|(id, _)| !catalog.contains(*id))
        .map(|(id, file)| format!("{file}: `{id}`"))
        .collect();
    assert!(
        missing.is_empty(),
        "not in the catalog:\n{}",
        missing.join("\n")
    );
    // An id may also be named in a table (`"build" => "cli-help-build"`).
    let named = |id: &str| {
        sources
            .iter()
            .any(|(_, text)| text.contains(&format!("\"{id}\"")))
    };
    let unused: Vec<&String> = catalog
        .iter()
        .filter(|id| !used.contains_key(*id) && !named(id))
        .collect();
    assert!(unused.is_empty(), "never said: {unused:?}");
}
