//! `abierto import ckan|jkan`: another portal's catalog becomes participants and
//! descriptors that build, and whatever has no place in abierto is reported.

mod common;

use abierto::import::{ImportReport, import_ckan, import_jkan};
use abierto::model::Language;
use common::*;
use std::path::{Path, PathBuf};

const TARGET_PORTAL: &str = "title = \"Red\"\nbase_url = \"https://red.example.org/\"\ndefault_license = \"libre-uso-mx\"\n\n[[categories]]\nid = \"movilidad\"\ntitle = \"Movilidad\"\n\n[[categories]]\nid = \"salud\"\ntitle = \"Salud\"\n\n[[categories]]\nid = \"economia\"\ntitle = \"Economía\"\n";

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

fn read_toml(site: &TempSite, relative: &str) -> (toml::Table, String) {
    let text = std::fs::read_to_string(site.path().join(relative))
        .unwrap_or_else(|e| panic!("{relative}: {e}"));
    (toml::from_str(&text).unwrap(), text)
}

/// The notes on `subject`, in English.
fn notes_of(report: &ImportReport, subject: &str) -> Vec<String> {
    notes_in(report, subject, Language::En)
}

fn notes_in(report: &ImportReport, subject: &str, language: Language) -> Vec<String> {
    report
        .notes
        .iter()
        .filter(|(s, _)| s == subject)
        .map(|(_, n)| n.text(language))
        .collect()
}

fn str_list(value: &toml::Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}

#[test]
fn a_ckan_package_search_becomes_a_site_that_builds() {
    let site = TempSite::empty().file("portal.toml", TARGET_PORTAL);
    let report = import_ckan(&fixture("ckan/package_search.json"), site.path()).unwrap();
    assert_eq!(report.created.len(), 6, "{:#?}", report.created);

    // Organizations become participants, their kind guessed from their name.
    let (xalapa, _) = read_toml(
        &site,
        "participants/ayuntamiento-de-xalapa/participant.toml",
    );
    assert_eq!(xalapa["name"].as_str(), Some("H. Ayuntamiento de Xalapa"));
    assert_eq!(xalapa["kind"].as_str(), Some("municipio"));
    assert_eq!(
        xalapa["description"].as_str(),
        Some("Municipio de Xalapa, Veracruz.")
    );
    let (veracruz, _) = read_toml(
        &site,
        "participants/gobierno-del-estado-de-veracruz/participant.toml",
    );
    assert_eq!(veracruz["kind"].as_str(), Some("estado"));
    let (zapopan, text) = read_toml(&site, "participants/zapopan-abierto/participant.toml");
    assert_eq!(zapopan["kind"].as_str(), Some("organizacion"));
    assert!(text.contains("# PENDIENTE"), "a defaulted kind is flagged");
    assert!(notes_of(&report, "zapopan-abierto")[0].contains("could not be told"));

    // The first package, field by field.
    let (d, text) = read_toml(
        &site,
        "participants/ayuntamiento-de-xalapa/accidentes-viales-2014.toml",
    );
    assert_eq!(d["title"].as_str(), Some("Accidentes viales 2014"));
    assert_eq!(
        d["description"].as_str(),
        Some(
            "Hechos de tránsito registrados por la **Dirección de Tránsito** en 2014.\n\nIncluye fecha, colonia y tipo de vehículo.\n"
        )
    );
    assert_eq!(
        str_list(&d["keywords"]),
        ["accidentes", "tránsito", "movilidad"]
    );
    assert_eq!(str_list(&d["categories"]), ["movilidad"]);
    assert_eq!(d["license"].as_str(), Some("cc-by-4.0"));
    assert_eq!(d["status"].as_str(), Some("published"));
    assert_eq!(d["issued"].to_string(), "2014-10-10");
    assert_eq!(d["modified"].to_string(), "2015-01-15");
    assert_eq!(d["frequency"].as_str(), Some("monthly"));
    assert_eq!(d["temporal"]["start"].to_string(), "2014-01-01");
    assert_eq!(d["temporal"]["end"].to_string(), "2014-12-31");
    assert_eq!(d["spatial"].as_str(), Some("Xalapa, Veracruz"));
    assert_eq!(
        d["contact"]["name"].as_str(),
        Some("Unidad de Gobierno Electrónico")
    );
    assert_eq!(
        d["contact"]["email"].as_str(),
        Some("datos@xalapa.example.mx")
    );
    let resources = d["resources"].as_array().unwrap();
    assert_eq!(resources.len(), 1);
    assert_eq!(
        resources[0]["title"].as_str(),
        Some("Accidentes 2014 (CSV)")
    );
    assert_eq!(
        resources[0]["url"].as_str(),
        Some(
            "https://datos.example.gob.mx/dataset/accidentes/resource/r1/download/accidentes-2014.csv"
        )
    );
    assert_eq!(resources[0]["format"].as_str(), Some("CSV"));
    assert_eq!(
        resources[0]["description"].as_str(),
        Some("Un registro por hecho de tránsito.")
    );
    let subject = "ayuntamiento-de-xalapa/accidentes-viales-2014";
    let notes = notes_of(&report, subject);
    // The descriptor keeps them as comments, in Spanish as every comment abierto writes.
    let comments = notes_in(&report, subject, Language::Es);
    assert!(
        text.contains("# - recurso `Diccionario de datos`: no tiene URL"),
        "{text}"
    );
    for expected in [
        "group `Seguridad pública`",
        "source page: https://xalapa.example.mx/transparencia/accidentes",
        "version: 1.2",
        "extra `language` = \"es\"",
        "resource `Diccionario de datos`: it has no URL",
    ] {
        let found = notes.iter().position(|n| n.starts_with(expected));
        let found = found.unwrap_or_else(|| panic!("no note {expected}: {notes:#?}"));
        assert!(
            text.contains(&format!("# - {}", comments[found])),
            "no comment {expected}:\n{text}"
        );
    }
    assert_eq!(notes.len(), 5, "{notes:#?}");

    // The second: extras override CKAN's own dates, a geometry is not a place name.
    let (d, _) = read_toml(
        &site,
        "participants/gobierno-del-estado-de-veracruz/unidades-medicas.toml",
    );
    assert_eq!(d["license"].as_str(), Some("odbl-1.0"));
    assert_eq!(str_list(&d["categories"]), ["salud"]);
    assert_eq!(d["frequency"].as_str(), Some("semiannual"));
    assert_eq!(d["issued"].to_string(), "2016-02-15");
    assert_eq!(d["modified"].to_string(), "2016-06-30");
    assert_eq!(d["temporal"]["start"].to_string(), "2016-01-01");
    assert_eq!(d["temporal"]["end"].to_string(), "2016-06-30");
    assert!(d.get("spatial").is_none());
    assert_eq!(
        d["contact"]["name"].as_str(),
        Some("Secretaría de Salud del Estado")
    );
    assert!(d["contact"].get("email").is_none());
    let resources = d["resources"].as_array().unwrap();
    assert_eq!(resources.len(), 1);
    assert_eq!(resources[0]["format"].as_str(), Some("GeoJSON"));
    let notes = notes_of(&report, "gobierno-del-estado-de-veracruz/unidades-medicas");
    assert!(notes.iter().any(|n| n.contains("a geometry")), "{notes:#?}");
    assert!(
        notes
            .iter()
            .any(|n| n.contains("`no tiene` is not an e-mail address"))
    );
    assert!(notes.iter().any(|n| {
        n.contains("`ftp://ftp.example.gob.mx/salud/unidades.xlsx` is not an http(s) address")
    }));

    // The third: a licence of its own, no resources (so planned), no description.
    let (d, text) = read_toml(
        &site,
        "participants/zapopan-abierto/presupuesto-participativo.toml",
    );
    assert_eq!(d["license"]["id"].as_str(), Some("licencia-municipal"));
    assert_eq!(
        d["license"]["name"].as_str(),
        Some("Licencia de datos de Zapopan")
    );
    assert_eq!(
        d["license"]["url"].as_str(),
        Some("https://zapopan.example.mx/licencia")
    );
    assert_eq!(d["status"].as_str(), Some("planned"));
    assert!(text.contains("# PENDIENTE: el catálogo de origen no tenía descripción."));
    assert!(
        notes_of(&report, "zapopan-abierto/presupuesto-participativo")[0]
            .starts_with("extra `frequency` = \"cuando haya convocatoria\"")
    );

    // And the whole builds.
    let (built, out) = site.build();
    assert_eq!(built.errors(), 0, "{:#?}", built.diagnostics);
    assert_eq!(built.datasets, 3);
    let public = out.path().join("public");
    let html = page(
        &public,
        "datos/ayuntamiento-de-xalapa/accidentes-viales-2014/index.html",
    );
    assert!(!select(&html, "a[href='https://datos.example.gob.mx/dataset/accidentes/resource/r1/download/accidentes-2014.csv']").is_empty());
    let inventory = std::fs::read_to_string(public.join("inventario/index.html")).unwrap();
    assert!(inventory.contains("Presupuesto participativo"));
}

#[test]
fn importing_again_keeps_every_existing_file() {
    let site = TempSite::empty().file("portal.toml", TARGET_PORTAL);
    import_ckan(&fixture("ckan/package_search.json"), site.path()).unwrap();
    let path = site
        .path()
        .join("participants/ayuntamiento-de-xalapa/accidentes-viales-2014.toml");
    std::fs::write(&path, "# editado a mano\n").unwrap();
    let again = import_ckan(&fixture("ckan/package_search.json"), site.path()).unwrap();
    assert!(again.created.is_empty(), "{:#?}", again.created);
    assert_eq!(again.kept.len(), 3);
    assert!(
        notes_of(&again, "ayuntamiento-de-xalapa/accidentes-viales-2014")[0]
            .starts_with("not imported")
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "# editado a mano\n"
    );
}

#[test]
fn package_show_and_a_bare_list_are_read_too() {
    let package = r#"{"name": "semaforos", "title": "Semáforos", "notes": "Semáforos.",
        "organization": {"name": "xalapa", "title": "Municipio de Xalapa"},
        "resources": [{"name": "CSV", "url": "https://x.example.mx/s.csv", "format": "CSV"}]}"#;
    for answer in [
        format!("{{\"success\": true, \"result\": {package}}}"),
        format!("[{package}]"),
    ] {
        let site = TempSite::empty()
            .file("portal.toml", TARGET_PORTAL)
            .file("ckan.json", answer);
        let report = import_ckan(&site.path().join("ckan.json"), site.path()).unwrap();
        assert_eq!(report.created.len(), 2);
        let (d, _) = read_toml(&site, "participants/xalapa/semaforos.toml");
        assert!(d.get("license").is_none(), "the site's default applies");
        assert_eq!(site.check().iter().filter(|d| d.is_error()).count(), 0);
    }
}

#[test]
fn what_is_not_a_ckan_answer_is_refused_with_the_reason() {
    let site = TempSite::empty()
        .file("portal.toml", TARGET_PORTAL)
        .file(
            "error.json",
            r#"{"success": false, "error": {"message": "Not found", "__type": "Not Found Error"}}"#,
        )
        .file("broken.json", "{ no es json")
        .file("other.json", r#"{"success": true, "result": {"count": 0}}"#);
    let error = import_ckan(&site.path().join("error.json"), site.path()).unwrap_err();
    assert_eq!(
        error.message_text(abierto::model::Language::En),
        "the CKAN API answered with an error: Not found"
    );
    let broken = import_ckan(&site.path().join("broken.json"), site.path()).unwrap_err();
    assert!(
        broken
            .message_text(abierto::model::Language::En)
            .starts_with("this is not JSON from the CKAN API")
    );
    let other = import_ckan(&site.path().join("other.json"), site.path()).unwrap_err();
    assert_eq!(
        other.message_text(abierto::model::Language::En),
        "this JSON holds no CKAN packages"
    );
    let missing = import_ckan(&site.path().join("nada.json"), site.path()).unwrap_err();
    assert!(
        missing
            .message_text(abierto::model::Language::En)
            .starts_with("cannot read")
    );
    let no_site = tempfile::tempdir().unwrap();
    let refused = import_ckan(&fixture("ckan/package_search.json"), no_site.path()).unwrap_err();
    assert!(
        refused
            .message_text(abierto::model::Language::En)
            .contains("has no portal.toml")
    );
    assert!(
        !site.path().join("participants").exists(),
        "nothing was written"
    );
}

#[test]
fn a_jkan_site_becomes_a_site_that_builds() {
    let site = TempSite::empty().file("portal.toml", TARGET_PORTAL);
    let report = import_jkan(&fixture("jkan"), site.path()).unwrap();
    assert_eq!(report.created.len(), 4, "{:#?}", report.created);

    let (movilidad, _) = read_toml(&site, "participants/movilidad-urbana/participant.toml");
    assert_eq!(
        movilidad["name"].as_str(),
        Some("Dirección de Movilidad Urbana")
    );
    assert_eq!(movilidad["kind"].as_str(), Some("organizacion"));
    assert_eq!(
        movilidad["description"].as_str(),
        Some("Dirección de Movilidad Urbana del Municipio de Puebla")
    );
    let (puebla, _) = read_toml(&site, "participants/municipio-de-puebla/participant.toml");
    assert_eq!(puebla["kind"].as_str(), Some("municipio"));

    let (d, text) = read_toml(&site, "participants/movilidad-urbana/ciclovias.toml");
    assert_eq!(d["title"].as_str(), Some("Ciclovías"));
    assert_eq!(
        d["description"].as_str(),
        Some("Red de ciclovías y carriles compartidos de la ciudad, con su longitud y tipo.")
    );
    assert_eq!(str_list(&d["categories"]), ["movilidad"]);
    assert_eq!(d["license"].as_str(), Some("cc-by-4.0"));
    assert_eq!(
        d["contact"]["name"].as_str(),
        Some("Dirección de Movilidad Urbana")
    );
    assert_eq!(
        d["contact"]["email"].as_str(),
        Some("movilidad@puebla.example.mx")
    );
    let resources = d["resources"].as_array().unwrap();
    let summary: Vec<(&str, &str, &str)> = resources
        .iter()
        .map(|r| {
            (
                r["title"].as_str().unwrap(),
                r["url"].as_str().unwrap(),
                r["format"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "Ciclovías (CSV)",
                "https://datos.puebla.example.mx/ciclovias.csv",
                "CSV"
            ),
            (
                "Ciclovías (KML)",
                "https://datos.puebla.example.mx/ciclovias.kml",
                "KML"
            ),
        ]
    );
    assert_eq!(
        resources[0]["description"].as_str(),
        Some("Un tramo por fila.")
    );
    let notes = notes_of(&report, "movilidad-urbana/ciclovias");
    assert_eq!(notes.len(), 2, "{notes:#?}");
    assert!(notes[0].starts_with("category `Parques y recreación`"));
    assert_eq!(notes[1], "`update_frequency` = \"Mensual\"");
    assert!(text.contains("# - `update_frequency` = \"Mensual\""));

    let (d, _) = read_toml(&site, "participants/municipio-de-puebla/mercados.toml");
    assert_eq!(
        d["description"].as_str(),
        Some("Mercados públicos del municipio.\n\nCon horario y número de locales.\n")
    );
    assert_eq!(str_list(&d["categories"]), ["economia"]);
    assert_eq!(d["license"].as_str(), Some("odbl-1.0"));

    let skipped = report
        .notes
        .iter()
        .find(|(s, _)| s.ends_with("sin-front-matter.md"))
        .unwrap();
    assert_eq!(
        skipped.1.text(Language::En),
        "not imported: no `---` front matter"
    );

    let (built, _out) = site.build();
    assert_eq!(built.errors(), 0, "{:#?}", built.diagnostics);
    assert_eq!(built.datasets, 2);
}

#[test]
fn a_folder_without_datasets_is_not_a_jkan_site() {
    let site = TempSite::empty().file("portal.toml", TARGET_PORTAL);
    let refusal = import_jkan(site.path(), site.path()).unwrap_err();
    assert!(
        refusal
            .message_text(abierto::model::Language::En)
            .ends_with("has no _datasets folder")
    );
    assert!(
        refusal
            .message_text(Language::Es)
            .ends_with("no tiene carpeta _datasets")
    );
}
