//! `abierto import jkan|ckan|dcat` from files: another portal's catalog
//! becomes participants, categories and descriptors that pass `check`, with
//! every title, description, keyword, licence, date, frequency, category and
//! resource, no licence the source did not grant, and whatever has no place
//! in abierto said with its source file and field. Re-importing updates what
//! nobody edited and keeps the rest. (From servers: `import_remote.rs`.)

mod common;

use abierto::import::{ImportOptions, ImportReport, import_ckan, import_dcat, import_jkan};
use abierto::model::Language;
use common::*;
use std::path::{Path, PathBuf};

const TARGET_PORTAL: &str = "title = \"Red\"\nbase_url = \"https://red.example.org/\"\ndefault_license = \"libre-uso-mx\"\n\n[[categories]]\nid = \"movilidad\"\ntitle = \"Movilidad\"\n\n[[categories]]\nid = \"salud\"\ntitle = \"Salud\"\n\n[[categories]]\nid = \"economia\"\ntitle = \"Economía\"\n";

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

fn site() -> TempSite {
    TempSite::empty().file("portal.toml", TARGET_PORTAL)
}

fn jkan(site: &TempSite) -> ImportReport {
    import_jkan(&fixture("jkan"), site.path(), &ImportOptions::default()).unwrap()
}

fn ckan(site: &TempSite, file: &Path) -> Result<ImportReport, abierto::scaffold::Refusal> {
    import_ckan(
        file.to_str().unwrap(),
        site.path(),
        &ImportOptions::default(),
    )
}

fn read_toml(site: &TempSite, relative: &str) -> (toml::Table, String) {
    let text = std::fs::read_to_string(site.path().join(relative))
        .unwrap_or_else(|e| panic!("{relative}: {e}"));
    (toml::from_str(&text).unwrap(), text)
}

/// The notes about `source` (a file or item of the source), in English: (field, text).
fn notes_of(report: &ImportReport, source: &str) -> Vec<(String, String)> {
    report
        .notes
        .iter()
        .filter(|n| n.source == source)
        .map(|n| (n.field.clone(), n.message.text(Language::En)))
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

fn assert_checks_clean(site: &TempSite) {
    let errors: Vec<String> = site
        .check()
        .iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{d:?}"))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn a_jkan_portal_arrives_whole_and_checks_clean() {
    let site = site();
    let report = jkan(&site);
    assert_eq!(report.read, 5);
    // Three participants (two files, one for datasets without organization) and five descriptors.
    assert_eq!(report.created.len(), 8, "{:#?}", report.created);

    let (d, text) = read_toml(&site, "participants/movilidad-urbana/ciclovias.toml");
    assert_eq!(d["title"].as_str(), Some("Ciclovías"));
    // Tags as strings and as `{name: …}`.
    assert_eq!(str_list(&d["keywords"]), ["bicicleta", "movilidad activa"]);
    // A category portal.toml had, and one it gets from the dataset.
    assert_eq!(
        str_list(&d["categories"]),
        ["movilidad", "parques-y-recreacion"]
    );
    // "Creative Commons 4.0" is a name of _data/licenses.yml whose address is CC BY 4.0.
    assert_eq!(d["license"].as_str(), Some("cc-by-4.0"));
    // A YAML time with its zone keeps its day; `modified` a quoted string.
    assert_eq!(d["issued"].to_string(), "2016-02-29");
    assert_eq!(d["modified"].to_string(), "2024-08-03");
    assert_eq!(d["frequency"].as_str(), Some("monthly"));
    assert_eq!(d["temporal"]["start"].to_string(), "2015-01-01");
    assert!(
        d["temporal"].get("end").is_none(),
        "«Present» leaves it open"
    );
    assert_eq!(d["spatial"].as_str(), Some("Puebla, Puebla"));
    let urls: Vec<&str> = d["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["url"].as_str().unwrap())
        .collect();
    assert_eq!(
        urls,
        [
            "https://datos.puebla.example.mx/ciclovias.csv",
            "https://carto.example.mx/api/v2/sql?q=SELECT%20*%20FROM%20ciclovias%20WHERE%20tipo%20=%20'confinada'&format=geojson",
            "https://datos.puebla.example.mx/ciclovias.kml",
        ]
    );
    assert!(text.contains(
        "# Página de origen: https://datos.puebla.example.mx/portal/datasets/ciclovias/"
    ));
    let notes = notes_of(&report, "_datasets/ciclovias.md");
    assert_eq!(notes.len(), 1, "{notes:#?}");
    assert_eq!(notes[0].0, "resources[2].url");
    assert!(notes[0].1.contains("percent-encoded"));

    // Tags in flow form; a frequency written in `modified`; a day-first date.
    let (d, _) = read_toml(&site, "participants/municipio-de-puebla/mercados.toml");
    assert_eq!(str_list(&d["keywords"]), ["abasto", "comercio"]);
    assert_eq!(str_list(&d["categories"]), ["economia"]);
    assert_eq!(d["license"].as_str(), Some("odbl-1.0"));
    assert_eq!(d["frequency"].as_str(), Some("daily"));
    assert_eq!(d["modified"].to_string(), "2024-08-03");
    assert_eq!(
        notes_of(&report, "_datasets/mercados.md"),
        [(
            "modified".to_string(),
            "«R/P1D» is a frequency, not a date: it went to `frequency`".to_string()
        )]
    );

    // HTML made Markdown; a key written twice keeps its last value; "License Not Specified".
    let (d, text) = read_toml(
        &site,
        "participants/municipio-de-puebla/calidad-del-aire.toml",
    );
    assert_eq!(d["title"].as_str(), Some("Calidad del aire (estaciones)"));
    assert_eq!(
        d["description"].as_str(),
        Some(
            "**Mediciones** horarias de [las estaciones](https://aire.example.mx).\n\n- PM10\n- Ozono\n"
        )
    );
    assert_eq!(d["temporal"]["start"].to_string(), "2024-03-01");
    assert_eq!(d["temporal"]["end"].to_string(), "2024-03-31");
    assert_eq!(d["license"]["id"].as_str(), Some("no-declarada"));
    assert_eq!(
        d["license"]["url"].as_str(),
        Some("https://datos.puebla.example.mx/portal/licenses/other")
    );
    assert!(text.contains("# PENDIENTE: el catálogo de origen no declara licencia"));
    let resources = d["resources"].as_array().unwrap();
    assert_eq!(
        resources[0]["url"].as_str(),
        Some("https://datos.puebla.example.mx/aire.csv")
    );
    let fields: Vec<String> = notes_of(&report, "_datasets/calidad-del-aire.md")
        .into_iter()
        .map(|n| n.0)
        .collect();
    assert_eq!(fields, ["title", "notes", "license"]);

    // A licence of the portal's own, by its address in _data/licenses.yml; a spelled-out date.
    let (d, _) = read_toml(&site, "participants/municipio-de-puebla/arbolado.toml");
    assert_eq!(
        d["license"]["name"].as_str(),
        Some("Licencia Municipal de Puebla")
    );
    assert_eq!(
        d["license"]["url"].as_str(),
        Some("https://datos.puebla.example.mx/licencia")
    );
    assert_eq!(d["issued"].to_string(), "2019-03-05");
    assert!(d.get("keywords").is_none());

    // No licence at all: said, never the portal's default.
    let (d, _) = read_toml(&site, "participants/sin-organizacion/baches.toml");
    assert_eq!(d["license"]["id"].as_str(), Some("no-declarada"));
    assert_eq!(
        d["license"]["name"].as_str(),
        Some("Licencia no declarada por el publicador")
    );
    assert_eq!(d["resources"].as_array().unwrap().len(), 1);
    let baches = notes_of(&report, "_datasets/baches.md");
    assert!(
        baches
            .iter()
            .any(|(f, n)| f == "resources[2].url" && n.contains("is not an http(s) address"))
    );

    // The categories of _dataset_categories/ and of datasets, declared in portal.toml.
    assert_eq!(
        report.categories_added,
        ["medio-ambiente", "parques-y-recreacion"]
    );
    let (portal, _) = read_toml(&site, "portal.toml");
    let medio = &portal["categories"].as_array().unwrap()[3];
    assert_eq!(
        medio["description"].as_str(),
        Some("Aire, agua y áreas verdes.")
    );

    // The file without front matter is named among the skipped, with the reason.
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(report.skipped[0].source, "_datasets/sin-front-matter.md");
    assert_eq!(
        report.skipped[0].message.text(Language::En),
        "it has no `---` front matter"
    );

    assert_checks_clean(&site);
    let (built, out) = site.build();
    assert_eq!(built.errors(), 0, "{:#?}", built.diagnostics);
    let html = page(
        &out.path().join("public"),
        "datos/sin-organizacion/baches/index.html",
    );
    let licence = select(&html, "a[rel='license']");
    assert_eq!(
        licence[0].text().collect::<String>(),
        "Licencia no declarada por el publicador"
    );
    let public = std::fs::read_to_string(
        out.path()
            .join("public/datos/municipio-de-puebla/calidad-del-aire/index.html"),
    )
    .unwrap();
    assert!(!public.contains("&lt;p"), "no HTML shows as text");
    assert!(!public.contains("Términos de Libre Uso MX"));
}

#[test]
fn organisation_kinds_are_deduced_and_reported_for_review() {
    let site = site();
    let report = jkan(&site);
    let (puebla, text) = read_toml(&site, "participants/municipio-de-puebla/participant.toml");
    assert_eq!(puebla["kind"].as_str(), Some("municipio"));
    assert!(text.contains("# Tipo deducido del nombre: revísalo."));
    assert_eq!(
        notes_of(&report, "_organizations/municipio-de-puebla.md"),
        [(
            "title".to_string(),
            "kind `municipio` deduced from the name «Municipio de Puebla» (from «municipio»): check it".to_string()
        )]
    );
    let (movilidad, text) = read_toml(&site, "participants/movilidad-urbana/participant.toml");
    assert_eq!(movilidad["kind"].as_str(), Some("organizacion"));
    assert!(text.contains("# PENDIENTE"));
}

#[test]
fn a_reimport_updates_what_nobody_edited_and_keeps_the_rest() {
    let site = site();
    jkan(&site);
    let again = jkan(&site);
    assert!(again.created.is_empty() && again.updated.is_empty() && again.kept.is_empty());
    assert_eq!(again.unchanged.len(), 8);
    assert!(again.categories_added.is_empty());

    // The source changes one dataset; people edit another.
    let source = tempfile::tempdir().unwrap();
    copy_tree(&fixture("jkan"), source.path());
    let mercados = source.path().join("_datasets/mercados.md");
    let text = std::fs::read_to_string(&mercados).unwrap();
    std::fs::write(
        &mercados,
        text.replace("Mercados municipales", "Mercados públicos"),
    )
    .unwrap();
    let edited = site
        .path()
        .join("participants/movilidad-urbana/ciclovias.toml");
    let text = std::fs::read_to_string(&edited).unwrap();
    std::fs::write(
        &edited,
        text.replace("title = \"Ciclovías\"", "title = \"Ciclovías de Puebla\""),
    )
    .unwrap();
    // A dataset's file made by people where the import would write a new one.
    std::fs::remove_file(
        site.path()
            .join("participants/municipio-de-puebla/arbolado.toml"),
    )
    .unwrap();
    std::fs::write(
        site.path()
            .join("participants/municipio-de-puebla/arbolado.toml"),
        "# a mano\n",
    )
    .unwrap();

    let third = import_jkan(source.path(), site.path(), &ImportOptions::default()).unwrap();
    let name = |p: &PathBuf| p.file_name().unwrap().to_string_lossy().to_string();
    assert_eq!(
        third.updated.iter().map(name).collect::<Vec<_>>(),
        ["mercados.toml"]
    );
    let kept: Vec<(String, String)> = third
        .kept
        .iter()
        .map(|(p, why)| (name(p), why.text(Language::En)))
        .collect();
    assert_eq!(
        kept,
        [
            (
                "arbolado.toml".to_string(),
                "it exists and no import wrote it: left as it is".to_string()
            ),
            (
                "ciclovias.toml".to_string(),
                "edited since it was imported: left as it is".to_string()
            ),
        ]
    );
    assert_eq!(third.unchanged.len(), 5);
    let (d, _) = read_toml(&site, "participants/municipio-de-puebla/mercados.toml");
    assert_eq!(d["title"].as_str(), Some("Mercados públicos"));
    let (d, _) = read_toml(&site, "participants/movilidad-urbana/ciclovias.toml");
    assert_eq!(d["title"].as_str(), Some("Ciclovías de Puebla"));
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn a_ckan_package_search_arrives_whole_and_checks_clean() {
    let site = site();
    let report = ckan(&site, &fixture("ckan/package_search.json")).unwrap();
    assert_eq!(
        (report.read, report.created.len()),
        (3, 6),
        "{:#?}",
        report.created
    );
    assert_eq!(report.partial(), None);
    let (xalapa, _) = read_toml(
        &site,
        "participants/ayuntamiento-de-xalapa/participant.toml",
    );
    assert_eq!(xalapa["kind"].as_str(), Some("municipio"));
    let (veracruz, _) = read_toml(
        &site,
        "participants/gobierno-del-estado-de-veracruz/participant.toml",
    );
    assert_eq!(veracruz["kind"].as_str(), Some("estado"));

    let (d, text) = read_toml(
        &site,
        "participants/ayuntamiento-de-xalapa/accidentes-viales-2014.toml",
    );
    assert_eq!(d["title"].as_str(), Some("Accidentes viales 2014"));
    assert_eq!(
        str_list(&d["keywords"]),
        ["accidentes", "tránsito", "movilidad"]
    );
    // Groups are categories: one portal.toml had, one added.
    assert_eq!(
        str_list(&d["categories"]),
        ["movilidad", "seguridad-publica"]
    );
    assert_eq!(d["license"].as_str(), Some("cc-by-4.0"));
    assert_eq!(d["issued"].to_string(), "2014-10-10");
    assert_eq!(d["modified"].to_string(), "2015-01-15");
    assert_eq!(d["frequency"].as_str(), Some("monthly"));
    assert_eq!(d["temporal"]["end"].to_string(), "2014-12-31");
    assert_eq!(d["spatial"].as_str(), Some("Xalapa, Veracruz"));
    assert_eq!(d["resources"].as_array().unwrap().len(), 1);
    assert!(text.contains("# - `extras.language`:"), "{text}");
    let subject = "package_search.json › accidentes-viales-2014";
    let fields: Vec<String> = notes_of(&report, subject)
        .into_iter()
        .map(|n| n.0)
        .collect();
    assert_eq!(
        fields,
        ["url", "version", "extras.language", "resources[2]"]
    );

    // A licence of its own, kept with its address.
    let (d, _) = read_toml(
        &site,
        "participants/zapopan-abierto/presupuesto-participativo.toml",
    );
    assert_eq!(
        d["license"]["name"].as_str(),
        Some("Licencia de datos de Zapopan")
    );
    assert_eq!(
        d["license"]["url"].as_str(),
        Some("https://zapopan.example.mx/licencia")
    );
    assert_checks_clean(&site);
}

/// A package whose `license_id` is `notspecified`, as one `ckanapi dump` line.
const DUMP_LINE: &str = r#"{"id": "a1", "name": "semaforos", "title": "Semáforos", "notes": "<p>Semáforos <b>activos</b>.</p>", "license_id": "notspecified", "license_title": "License not specified", "organization": {"name": "sec-movilidad-ver", "title": "Secretaría de Movilidad del Estado de Veracruz"}, "resources": [{"name": "CSV", "url": "https://x.example.mx/s.csv", "format": "CSV"}]}"#;

#[test]
fn every_saving_of_a_ckan_answer_reads_the_same() {
    let search =
        format!("{{\"success\": true, \"result\": {{\"count\": 1, \"results\": [{DUMP_LINE}]}}}}");
    let utf16 = |text: &str, bom: bool| -> Vec<u8> {
        let body = text.encode_utf16().flat_map(|u| u.to_le_bytes());
        if bom {
            [0xFF, 0xFE].into_iter().chain(body).collect()
        } else {
            body.collect()
        }
    };
    let savings: Vec<(&str, Vec<u8>)> = vec![
        ("package_search.json", search.clone().into_bytes()),
        (
            "bom.json",
            [&[0xEF, 0xBB, 0xBF][..], search.as_bytes()].concat(),
        ),
        ("utf16.json", utf16(&search, true)),
        ("utf16-sin-bom.json", utf16(&search, false)),
        (
            "package_show.json",
            format!("{{\"success\": true, \"result\": {DUMP_LINE}}}").into_bytes(),
        ),
        (
            "dump.jsonl",
            format!("{DUMP_LINE}\n{}\n", DUMP_LINE.replace("semaforos", "topes")).into_bytes(),
        ),
    ];
    for (name, bytes) in savings {
        let site = site().file(name, bytes);
        let report = ckan(&site, &site.path().join(name))
            .unwrap_or_else(|r| panic!("{name}: {}", r.text(Language::En)));
        let (d, _) = read_toml(&site, "participants/sec-movilidad-ver/semaforos.toml");
        assert_eq!(d["title"].as_str(), Some("Semáforos"), "{name}");
        assert_eq!(
            d["description"].as_str(),
            Some("Semáforos **activos**."),
            "{name}"
        );
        // "License not specified" is no licence: said, not replaced by the portal's.
        assert_eq!(d["license"]["id"].as_str(), Some("no-declarada"), "{name}");
        let (p, _) = read_toml(&site, "participants/sec-movilidad-ver/participant.toml");
        assert_eq!(p["kind"].as_str(), Some("estado"), "{name}");
        assert_eq!(report.read, if name == "dump.jsonl" { 2 } else { 1 });
        assert_checks_clean(&site);
    }
}

#[test]
fn a_partial_dump_says_how_much_of_the_portal_it_holds() {
    let search = format!(
        "{{\"success\": true, \"result\": {{\"count\": 1266, \"results\": [{DUMP_LINE}]}}}}"
    );
    let site = site().file("parcial.json", search);
    let report = ckan(&site, &site.path().join("parcial.json")).unwrap();
    assert_eq!(report.partial(), Some((1, 1266)));
}

#[test]
fn what_is_not_a_catalog_is_refused_for_what_it_looks_like() {
    let site = site()
        .file(
            "challenge.json",
            "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body></body></html>",
        )
        .file(
            "error.json",
            r#"{"success": false, "error": {"message": "Not found"}}"#,
        )
        .file("broken.json", "{ no es json")
        .file("other.json", r#"{"success": true, "result": {"count": 0}}"#)
        .file("<script>.json", "<script>alert(1)</script>");
    let refused = |name: &str| {
        ckan(&site, &site.path().join(name))
            .unwrap_err()
            .message_text(Language::En)
    };
    assert!(
        refused("challenge.json")
            .starts_with("this is not JSON: it looks like a bot-check page («Just a moment...»)")
    );
    assert_eq!(
        refused("error.json"),
        "the CKAN API answered with an error: Not found"
    );
    assert!(refused("broken.json").starts_with("this is not JSON: "));
    assert_eq!(refused("other.json"), "this JSON holds no CKAN packages");
    assert!(
        refused("<script>.json")
            .starts_with("this is not JSON: it looks like text starting «<script>")
    );
    assert!(refused("nada.json").starts_with("cannot read"));
    let dcat = import_dcat(
        site.path().join("challenge.json").to_str().unwrap(),
        site.path(),
        &ImportOptions::default(),
    );
    assert!(
        dcat.unwrap_err()
            .message_text(Language::En)
            .contains("bot-check page")
    );
    assert!(
        !site.path().join("participants").exists(),
        "nothing was written"
    );
}

#[test]
fn a_folder_without_datasets_is_not_a_jkan_site() {
    let site = site();
    let refusal = import_jkan(site.path(), site.path(), &ImportOptions::default()).unwrap_err();
    assert!(
        refusal
            .message_text(Language::En)
            .ends_with("has no _datasets folder")
    );
    assert!(
        refusal
            .message_text(Language::Es)
            .ends_with("no tiene carpeta _datasets")
    );
}

/// A DCAT-US data.json: two datasets of one publisher.
const DATA_JSON: &str = r#"{"conformsTo": "https://project-open-data.cio.gov/v1.1/schema", "dataset": [
 {"identifier": "https://datos.example.mx/d/agua", "title": "Pozos de agua", "description": "Pozos <b>activos</b>.",
  "keyword": ["agua", "pozos"], "theme": ["Medio ambiente"], "modified": "2023-05-01", "issued": "2020-01-15",
  "accrualPeriodicity": "R/P3M", "temporal": "2020-01-01/2022-12-31", "spatial": "Hermosillo, Sonora",
  "publisher": {"name": "Gobierno del Estado de Sonora"}, "contactPoint": {"fn": "Datos", "hasEmail": "mailto:datos@sonora.example.mx"},
  "license": "https://creativecommons.org/publicdomain/zero/1.0/",
  "distribution": [{"title": "CSV", "downloadURL": "https://datos.example.mx/agua.csv", "mediaType": "text/csv"}]},
 {"identifier": "presas", "title": "Presas", "description": "Nivel de presas.", "publisher": {"name": "Gobierno del Estado de Sonora"},
  "distribution": [{"title": "Portal", "accessURL": "https://datos.example.mx/presas"}]}]}"#;

#[test]
fn a_data_json_arrives_whole_and_checks_clean() {
    let site = site().file("data.json", DATA_JSON);
    let report = import_dcat(
        site.path().join("data.json").to_str().unwrap(),
        site.path(),
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(report.read, 2);
    let (d, _) = read_toml(
        &site,
        "participants/gobierno-del-estado-de-sonora/agua.toml",
    );
    assert_eq!(d["description"].as_str(), Some("Pozos **activos**."));
    assert_eq!(str_list(&d["keywords"]), ["agua", "pozos"]);
    assert_eq!(str_list(&d["categories"]), ["medio-ambiente"]);
    assert_eq!(d["license"].as_str(), Some("cc0-1.0"));
    assert_eq!(
        (d["issued"].to_string(), d["modified"].to_string()),
        ("2020-01-15".into(), "2023-05-01".into())
    );
    assert_eq!(d["frequency"].as_str(), Some("quarterly"));
    assert_eq!(
        d["contact"]["email"].as_str(),
        Some("datos@sonora.example.mx")
    );
    assert_eq!(d["resources"][0]["format"].as_str(), Some("CSV"));
    let (d, _) = read_toml(
        &site,
        "participants/gobierno-del-estado-de-sonora/presas.toml",
    );
    assert_eq!(d["license"]["id"].as_str(), Some("no-declarada"));
    assert_eq!(
        d["resources"][0]["url"].as_str(),
        Some("https://datos.example.mx/presas")
    );
    assert_checks_clean(&site);
}

#[test]
fn an_abierto_portals_own_dcat_catalog_imports_back() {
    let out = tempfile::tempdir().unwrap();
    let built = build_into(&example_site(), &out.path().join("public"), None);
    assert_eq!(built.errors(), 0);
    let catalog = out.path().join("public/catalog.jsonld");
    let site = site();
    let report = import_dcat(
        catalog.to_str().unwrap(),
        site.path(),
        &ImportOptions::default(),
    )
    .unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&catalog).unwrap()).unwrap();
    let published = json["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|node| {
            node["@type"] == "dcat:Dataset"
                || node["@type"]
                    .as_array()
                    .is_some_and(|t| t.contains(&"dcat:Dataset".into()))
        })
        .count();
    assert!(published > 10);
    assert_eq!(report.read, published, "every dataset of the catalog");
    let resources: usize = walkdir::WalkDir::new(site.path().join("participants"))
        .into_iter()
        .flatten()
        .filter(|e| {
            e.path().extension().is_some_and(|x| x == "toml") && e.file_name() != "participant.toml"
        })
        .map(|e| {
            toml::from_str::<toml::Table>(&std::fs::read_to_string(e.path()).unwrap()).unwrap()
        })
        .map(|d| {
            d.get("resources")
                .and_then(|r| r.as_array())
                .map_or(0, Vec::len)
        })
        .sum();
    assert!(resources >= published, "{resources} resources");
    assert_checks_clean(&site);
}
