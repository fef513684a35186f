//! A renamed dataset keeps its old address working: `former_ids` in its
//! descriptor leaves a redirect page at each old route.

mod common;

use common::*;

const RENAMED: &str = "title = \"Semáforos\"\ndescription = \"Ubicación de los semáforos.\"\nformer_ids = [\"prueba/semaforos-2014\", \"prueba/senales\"]\n\n[[resources]]\npath = \"datos/semaforos.csv\"\n";

#[test]
fn an_old_dataset_address_sends_the_reader_to_the_new_one() {
    let site = TempSite::valid().file("participants/prueba/semaforos.toml", RENAMED);
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let report = build_into(site.path(), &public, Some("https://example.github.io/red/"));
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);

    for old in ["semaforos-2014", "senales"] {
        let html = page(&public, &format!("datos/prueba/{old}/index.html"));
        let refresh = select(&html, "meta[http-equiv=refresh]");
        assert_eq!(
            refresh[0].value().attr("content"),
            Some("0; url=/red/datos/prueba/semaforos/")
        );
        let canonical = select(&html, "link[rel=canonical]");
        assert_eq!(
            canonical[0].value().attr("href"),
            Some("https://example.github.io/red/datos/prueba/semaforos/")
        );
        let links = select(&html, "main a[href='/red/datos/prueba/semaforos/']");
        assert_eq!(text_of(&links[0]), "Semáforos");
        assert_eq!(select(&html, "html[lang=es]").len(), 1);
        assert_eq!(select(&html, "meta[name=robots][content=noindex]").len(), 1);
    }
    // The dataset's own page is still there.
    page(&public, "datos/prueba/semaforos/index.html");
}

#[test]
fn a_former_id_that_is_another_dataset_is_an_error_naming_both() {
    let site = TempSite::valid()
        .file(
            "participants/prueba/semaforos.toml",
            DATASET.replace(
                "[[resources]]",
                "former_ids = [\"prueba/luminarias\"]\n\n[[resources]]",
            ),
        )
        .file(
            "participants/prueba/luminarias.toml",
            "title = \"Luminarias\"\ndescription = \"Alumbrado.\"\nstatus = \"planned\"\n",
        );
    let diagnostics = site.check();
    let error = only_error(&diagnostics);
    assert_eq!(error.file, "participants/prueba/semaforos.toml");
    assert!(
        error
            .message_text(abierto::model::Language::En)
            .contains("`prueba/luminarias`")
            && error
                .message_text(abierto::model::Language::En)
                .contains("participants/prueba/luminarias.toml"),
        "{error:?}"
    );
}

#[test]
fn two_datasets_cannot_claim_the_same_old_address() {
    let claim = "former_ids = [\"prueba/viejo\"]\n\n[[resources]]";
    let site = TempSite::valid()
        .file(
            "participants/prueba/semaforos.toml",
            DATASET.replace("[[resources]]", claim),
        )
        .file(
            "participants/prueba/senales.toml",
            DATASET.replace("[[resources]]", claim),
        );
    let diagnostics = site.check();
    let error = only_error(&diagnostics);
    assert!(
        error
            .message_text(abierto::model::Language::En)
            .contains("`prueba/viejo`"),
        "{error:?}"
    );
    let files = [
        error.file.as_str(),
        error.message_text(abierto::model::Language::En).as_str(),
    ]
    .join(" ");
    assert!(files.contains("participants/prueba/semaforos.toml"));
    assert!(files.contains("participants/prueba/senales.toml"));
}

#[test]
fn a_former_id_must_be_written_as_a_dataset_id() {
    let site = TempSite::valid().file(
        "participants/prueba/semaforos.toml",
        DATASET.replace(
            "[[resources]]",
            "former_ids = [\"Prueba/Semáforos 2014\", \"sin-participante\"]\n\n[[resources]]",
        ),
    );
    let diagnostics = site.check();
    let errors: Vec<_> = diagnostics.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 2, "{diagnostics:#?}");
    assert_eq!(errors[0].line, Some(5));
    assert_eq!(
        errors[0].help_text(abierto::model::Language::En).as_deref(),
        Some("write it as `prueba/semaforos-2014`")
    );
    assert!(
        errors[1]
            .message_text(abierto::model::Language::En)
            .contains("`sin-participante` is not a dataset id")
    );
}

#[test]
fn a_dataset_cannot_list_its_own_id_as_former() {
    let site = TempSite::valid().file(
        "participants/prueba/semaforos.toml",
        DATASET.replace(
            "[[resources]]",
            "former_ids = [\"prueba/semaforos\"]\n\n[[resources]]",
        ),
    );
    let diagnostics = site.check();
    assert!(
        only_error(&diagnostics)
            .message_text(abierto::model::Language::En)
            .contains("the dataset's own id")
    );
}

/// Every file under `folder` of the portal, by its path relative to it.
fn files_under(public: &std::path::Path, folder: &str) -> Vec<String> {
    let root = public.join(folder);
    let mut files: Vec<String> = walkdir::WalkDir::new(&root)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_old_address_of_a_renamed_dataset_leads_to_the_new_one() {
    // Windows-1252 and `;`: the dataset has its original, a UTF-8 copy and a standard copy.
    let csv = encoding_rs::WINDOWS_1252
        .encode("id;calle;altura\n1;Juárez;3,5\n2;Hidalgo;4,25\n")
        .0;
    let site = TempSite::valid()
        .file("participants/prueba/semaforos.toml", RENAMED)
        .file("participants/prueba/datos/semaforos.csv", csv);
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let report = build_into(site.path(), &public, Some("https://example.github.io/red/"));
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);

    let downloads = files_under(&public, "descargas/prueba/semaforos");
    assert_eq!(
        downloads,
        [
            "estandar/semaforos.csv",
            "semaforos.csv",
            "utf-8/semaforos.csv"
        ]
    );
    for old in ["semaforos-2014", "senales"] {
        // Files: the same bytes at the old address, so scripts keep working.
        assert_eq!(
            files_under(&public, &format!("descargas/prueba/{old}")),
            downloads
        );
        let same = |new: String, former: String| {
            let a = std::fs::read(public.join(&new)).unwrap();
            let b = std::fs::read(public.join(&former)).unwrap_or_else(|e| panic!("{former}: {e}"));
            assert_eq!(a, b, "{former} is a copy of {new}");
        };
        for file in &downloads {
            same(
                format!("descargas/prueba/semaforos/{file}"),
                format!("descargas/prueba/{old}/{file}"),
            );
        }
        same(
            "datos/prueba/semaforos/datapackage.json".into(),
            format!("datos/prueba/{old}/datapackage.json"),
        );
        same(
            "api/v1/datasets/prueba/semaforos.json".into(),
            format!("api/v1/datasets/prueba/{old}.json"),
        );
        // Pages: the table's explorer redirects to its new address.
        let html = page(
            &public,
            &format!("datos/prueba/{old}/explorar/semaforos/index.html"),
        );
        let refresh = select(&html, "meta[http-equiv=refresh]");
        assert_eq!(
            refresh[0].value().attr("content"),
            Some("0; url=/red/datos/prueba/semaforos/explorar/semaforos/")
        );
        assert!(
            !public
                .join(format!("datos/prueba/{old}/explorar/semaforos/datos.bin"))
                .exists(),
            "only the explorer page reads its data"
        );
    }
}

/// `abierto ARGS…` on a fixed day, its exit code and its JSON report when it printed one.
fn abierto(args: &[&str]) -> (i32, serde_json::Value) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_abierto"))
        .args(args)
        .env("ABIERTO_TODAY", CHECK_TODAY)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    (out.status.code().unwrap_or(-1), json)
}

/// The `address-gone` findings of `check --previous PLACE` on `site`, with the exit code.
fn gone(site: &TempSite, place: &str) -> (i32, Vec<serde_json::Value>) {
    let site = site.path().to_str().unwrap();
    let (code, json) = abierto(&[
        "check",
        "--format",
        "json",
        "--lang",
        "en",
        "--previous",
        place,
        site,
    ]);
    let found = json["diagnostics"]
        .as_array()
        .unwrap_or_else(|| panic!("no JSON report: {json}"))
        .iter()
        .filter(|d| {
            d["code"] == "address-gone"
                || d["message_id"]
                    .as_str()
                    .is_some_and(|m| m.starts_with("check-previous"))
        })
        .cloned()
        .collect();
    (code, found)
}

const OLD_NAME: &str = "title = \"Semáforos\"\ndescription = \"Ubicación de los semáforos.\"\n\n[[resources]]\npath = \"datos/semaforos.csv\"\n";

#[test]
fn check_fails_when_a_published_dataset_disappears_without_former_ids() {
    // The portal as published: the dataset under its old name.
    let before = TempSite::valid()
        .file("participants/prueba/semaforos.toml", "")
        .file("participants/prueba/semaforos-2014.toml", OLD_NAME);
    std::fs::remove_file(before.path().join("participants/prueba/semaforos.toml")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let report = build_into(
        before.path(),
        &public,
        Some("https://example.github.io/red/"),
    );
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);

    // Renamed without a word: every old address would answer 404.
    let renamed = TempSite::valid().file("participants/prueba/semaforos.toml", OLD_NAME);
    let previous = public.to_str().unwrap();
    let (code, found) = gone(&renamed, previous);
    assert_eq!(code, 1, "{found:#?}");
    assert_eq!(found.len(), 1, "{found:#?}");
    let error = &found[0];
    assert_eq!(error["severity"], "error");
    assert_eq!(
        error["file"], "participants/prueba/semaforos.toml",
        "the dataset it became, by its file"
    );
    let message = error["message"].as_str().unwrap();
    assert!(message.contains("`prueba/semaforos-2014`"), "{message}");
    assert!(
        message.contains("https://datos.example.org/datos/prueba/semaforos-2014/"),
        "{message}"
    );
    assert!(
        error["help"]
            .as_str()
            .unwrap()
            .contains("former_ids = [\"prueba/semaforos-2014\"]"),
        "{error}"
    );

    // The published sitemap says the same, as a file and at its address.
    let sitemap = public.join("sitemap.xml");
    let (code, found) = gone(&renamed, sitemap.to_str().unwrap());
    assert_eq!((code, found.len()), (1, 1), "{found:#?}");
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let address = format!("http://{}/red/sitemap.xml", server.server_addr());
    let text = std::fs::read(&sitemap).unwrap();
    std::thread::spawn(move || {
        if let Ok(request) = server.recv() {
            let _ = request.respond(tiny_http::Response::from_data(text));
        }
    });
    let (code, found) = gone(&renamed, &address);
    assert_eq!((code, found.len()), (1, 1), "{found:#?}");

    // Renamed to an id nothing like the old one: the output folder's
    // manifest lists the downloads, and the shared data file names the
    // dataset it became; a sitemap lists pages only, so it cannot.
    let far = TempSite::valid()
        .file("participants/prueba/semaforos.toml", "")
        .file("participants/prueba/cruces-viales.toml", OLD_NAME);
    std::fs::remove_file(far.path().join("participants/prueba/semaforos.toml")).unwrap();
    let (_, found) = gone(&far, previous);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["file"], "participants/prueba/cruces-viales.toml");
    let (_, found) = gone(&far, sitemap.to_str().unwrap());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["file"], "participants/prueba/semaforos-2014.toml");

    // Said in `former_ids`, the old addresses live on: nothing to report.
    let declared = TempSite::valid().file(
        "participants/prueba/semaforos.toml",
        OLD_NAME.replace(
            "\n\n[[resources]]",
            "\nformer_ids = [\"prueba/semaforos-2014\"]\n\n[[resources]]",
        ),
    );
    let (code, found) = gone(&declared, previous);
    assert_eq!((code, found.len()), (0, 0), "{found:#?}");

    // A dataset removed, with nothing like it left, is named at the file it had.
    let removed = TempSite::empty()
        .file("portal.toml", PORTAL)
        .file("participants/prueba/participant.toml", PARTICIPANT)
        .file(
            "participants/prueba/luminarias.toml",
            DATASET.replace("datos/semaforos.csv", "datos/luminarias.csv"),
        )
        .file("participants/prueba/datos/luminarias.csv", "a\n1\n");
    let (_, found) = gone(&removed, previous);
    let files: Vec<&str> = found.iter().map(|d| d["file"].as_str().unwrap()).collect();
    assert!(
        files.contains(&"participants/prueba/semaforos-2014.toml"),
        "{found:#?}"
    );
}

#[test]
fn a_previous_build_that_cannot_be_read_is_an_error_not_a_pass() {
    let site = TempSite::valid();
    let missing = site.path().join("no-such-folder");
    let (code, found) = gone(&site, missing.to_str().unwrap());
    assert_eq!(code, 1);
    assert_eq!(
        found[0]["message_id"], "check-previous-unreadable",
        "{found:#?}"
    );
    let empty = tempfile::tempdir().unwrap();
    std::fs::write(empty.path().join("sitemap.xml"), "<urlset></urlset>").unwrap();
    let (code, found) = gone(&site, empty.path().to_str().unwrap());
    assert_eq!(code, 1);
    assert_eq!(
        found[0]["message_id"], "check-previous-no-datasets",
        "{found:#?}"
    );
}
