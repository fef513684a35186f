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
