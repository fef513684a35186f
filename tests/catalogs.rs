//! A harvester, a search engine and a developer each read the portal's catalogs:
//! every dataset and every file of the example site is in each of them, with the
//! same identifiers, URLs, sizes and checksums as on its page. (The standards'
//! own validators run in tests/catalogs/validate.sh.)

mod common;

use common::*;
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;

const BASE: &str = "https://red.example.org/red-mexico-abierto/";
const HOST: &str = "https://red.example.org";
/// The participant of the example site with a portal of its own, and its
/// address there: its datasets' identifiers in every catalog.
const OWN_PORTAL: (&str, &str) = (
    "san-pedro-garza-garcia",
    "https://datos.sanpedro.example.mx/",
);

fn built() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let report = build_into(&example_site(), &out.path().join("public"), Some(BASE));
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    out
}

fn json(public: &Path, relative: &str) -> Value {
    let text = std::fs::read_to_string(public.join(relative))
        .unwrap_or_else(|e| panic!("{relative}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{relative} is not JSON: {e}"))
}

/// A file as its dataset page shows it.
#[derive(Debug)]
struct PageResource {
    identifier: String,
    url: String,
    bytes: Option<u64>,
    sha256: Option<String>,
}

/// A dataset as its page shows it.
#[derive(Debug)]
struct PageDataset {
    id: String,
    /// Its page's address (its canonical link).
    page: String,
    /// Its identifier: its page's address, or its address on its participant's own portal.
    identifier: String,
    title: String,
    planned: bool,
    resources: Vec<PageResource>,
    json_ld: Option<Value>,
}

fn dataset_pages(public: &Path) -> Vec<PageDataset> {
    let mut datasets = Vec::new();
    for entry in walkdir::WalkDir::new(public.join("datos"))
        .min_depth(3)
        .max_depth(3)
    {
        let entry = entry.unwrap();
        if entry.file_name() != "index.html" {
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(public)
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let html = page(public, &relative);
        let identifier = select(&html, "link[rel=canonical]")[0]
            .value()
            .attr("href")
            .unwrap()
            .to_string();
        if identifier != format!("{BASE}{}", relative.trim_end_matches("index.html")) {
            continue; // the redirect of a renamed dataset
        }
        let page = identifier;
        let identifier = match relative.strip_prefix(&format!("datos/{}/", OWN_PORTAL.0)) {
            Some(_) => format!(
                "{}{}",
                OWN_PORTAL.1,
                relative.trim_end_matches("index.html")
            ),
            None => page.clone(),
        };
        let title = text_of(&select(&html, "h1")[0]);
        let planned = !select(&html, ".notice").is_empty();
        let resources = select(&html, "section.resource")
            .iter()
            .flat_map(|section| {
                let inner = scraper::Html::parse_fragment(&section.html());
                let slug = section.value().attr("aria-labelledby").unwrap();
                let href = select(&inner, "a.button")[0]
                    .value()
                    .attr("href")
                    .unwrap()
                    .to_string();
                let resource = PageResource {
                    identifier: format!("{identifier}#{slug}"),
                    url: if href.starts_with('/') {
                        format!("{HOST}{href}")
                    } else {
                        href
                    },
                    bytes: select(&inner, "data")
                        .first()
                        .map(|d| d.value().attr("value").unwrap().parse().unwrap()),
                    sha256: select(&inner, "code.checksum").first().map(text_of),
                };
                // A file made from it that catalogs list on its own (the
                // standard copy of a CSV) has its anchor, size and checksum.
                let copies: Vec<PageResource> = select(&inner, "li[id]")
                    .iter()
                    .map(|li| {
                        let item = scraper::Html::parse_fragment(&li.html());
                        let href = select(&item, "a")[0].value().attr("href").unwrap();
                        PageResource {
                            identifier: format!("{identifier}#{}", li.value().attr("id").unwrap()),
                            url: format!("{HOST}{href}"),
                            bytes: select(&item, "data")
                                .first()
                                .map(|d| d.value().attr("value").unwrap().parse().unwrap()),
                            sha256: select(&item, "code.checksum").first().map(text_of),
                        }
                    })
                    .collect();
                std::iter::once(resource).chain(copies)
            })
            .collect();
        let json_ld = select(&html, "script[type=\"application/ld+json\"]")
            .first()
            .map(|s| serde_json::from_str(&text_of(s)).expect("the page's JSON-LD parses"));
        let id = relative
            .trim_start_matches("datos/")
            .trim_end_matches("/index.html")
            .to_string();
        datasets.push(PageDataset {
            id,
            page,
            identifier,
            title,
            planned,
            resources,
            json_ld,
        });
    }
    datasets.sort_by(|a, b| a.id.cmp(&b.id));
    datasets
}

/// The size and SHA-256 of a file the portal publishes, read from the built
/// folder; `None` for a file hosted elsewhere.
fn real_file(public: &Path, url: &str) -> Option<(u64, String)> {
    let relative = url.strip_prefix(BASE)?;
    let bytes = std::fs::read(public.join(relative))
        .unwrap_or_else(|e| panic!("{url} is not in the portal: {e}"));
    let digest = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Some((bytes.len() as u64, digest))
}

fn find<'a>(list: &'a Value, key: &str, value: &str) -> Option<&'a Value> {
    list.as_array()?.iter().find(|item| item[key] == value)
}

#[test]
fn every_dataset_and_file_is_in_every_catalog_as_on_its_page() {
    let out = built();
    let public = out.path().join("public");
    let pages = dataset_pages(&public);
    assert_eq!(
        pages.len(),
        28,
        "every dataset of the example site has a page"
    );
    let published: Vec<&PageDataset> = pages.iter().filter(|d| !d.planned).collect();
    let files = published.iter().map(|d| d.resources.len()).sum::<usize>();
    assert!(files > published.len(), "some datasets have several files");

    let dcat = json(&public, "catalog.jsonld");
    let graph = &dcat["@graph"];
    let data_json = json(&public, "data.json");
    let api_index = json(&public, "api/v1/datasets.json");
    let csv_text = std::fs::read_to_string(public.join("catalogo.csv")).unwrap();
    let mut csv_reader =
        csv::Reader::from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = csv_reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows: Vec<BTreeMap<String, String>> = csv_reader
        .records()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(str::to_string))
                .collect()
        })
        .collect();

    let mut local_files = 0;
    for dataset in &pages {
        let id = &dataset.identifier;
        let page = &dataset.page;
        assert!(
            page.starts_with(BASE),
            "{page} is absolute, under the base URL"
        );
        // data.json and the API list planned datasets too (the inventory).
        let pod = find(&data_json["dataset"], "identifier", id)
            .unwrap_or_else(|| panic!("{id} not in data.json"));
        assert_eq!(pod["title"], dataset.title.as_str());
        let listed = find(&api_index["datasets"], "identifier", id)
            .unwrap_or_else(|| panic!("{id} not in the API"));
        let api = json(&public, &format!("api/v1/datasets/{}.json", dataset.id));
        assert_eq!(api["identifier"], id.as_str());
        assert_eq!(
            listed["api_url"],
            format!("{BASE}api/v1/datasets/{}.json", dataset.id)
        );
        let dataset_rows: Vec<_> = rows.iter().filter(|r| r["conjunto_url"] == *id).collect();
        assert!(!dataset_rows.is_empty(), "{id} not in the catalog CSV");

        if dataset.planned {
            continue;
        }
        let node = find(graph, "@id", &format!("{id}#dataset"))
            .unwrap_or_else(|| panic!("{id} not in catalog.jsonld"));
        assert_eq!(node["dct:identifier"][0]["@value"], id.as_str());
        assert_eq!(node["dcat:landingPage"][0]["@id"], page.as_str());
        let participant = dataset.id.split('/').next().unwrap();
        let own = json(
            &public,
            &format!("participantes/{participant}/catalog.jsonld"),
        );
        assert!(
            find(&own["@graph"], "@id", &format!("{id}#dataset")).is_some(),
            "{id} not in its participant's catalog"
        );
        let package = json(&public, &format!("datos/{}/datapackage.json", dataset.id));
        assert_eq!(package["id"], id.as_str());
        let schema = dataset
            .json_ld
            .as_ref()
            .unwrap_or_else(|| panic!("{id} has no schema.org JSON-LD"));
        assert_eq!(schema["@type"], "Dataset");
        assert_eq!(schema["identifier"], id.as_str());
        assert_eq!(schema["url"], page.as_str());
        assert_eq!(schema["name"], dataset.title.as_str());

        assert_eq!(
            node["dcat:distribution"].as_array().unwrap().len(),
            dataset.resources.len()
        );
        for resource in &dataset.resources {
            let rid = &resource.identifier;
            // What the page shows is the file itself: its real size and hash.
            if let Some((bytes, sha256)) = real_file(&public, &resource.url) {
                assert_eq!(resource.bytes, Some(bytes), "{rid}: size on the page");
                assert_eq!(
                    resource.sha256.as_deref(),
                    Some(sha256.as_str()),
                    "{rid}: checksum on the page"
                );
                local_files += 1;
            }
            let distribution =
                find(graph, "@id", rid).unwrap_or_else(|| panic!("{rid} not in catalog.jsonld"));
            assert_eq!(
                distribution["dcat:downloadURL"][0]["@id"],
                resource.url.as_str()
            );
            assert_eq!(
                distribution["dcat:byteSize"].get(0).map(|b| b["@value"]
                    .as_str()
                    .unwrap()
                    .parse::<u64>()
                    .unwrap()),
                resource.bytes,
                "{rid}: size"
            );
            assert_eq!(
                distribution["spdx:checksum"]
                    .get(0)
                    .map(|c| c["spdx:checksumValue"][0]["@value"]
                        .as_str()
                        .unwrap()
                        .to_string()),
                resource.sha256,
                "{rid}: checksum"
            );

            let pod_distribution = find(&pod["distribution"], "identifier", rid)
                .unwrap_or_else(|| panic!("{rid} not in data.json"));
            assert_eq!(pod_distribution["downloadURL"], resource.url.as_str());
            assert!(
                pod_distribution["mediaType"]
                    .as_str()
                    .unwrap()
                    .contains('/')
            );

            let packaged = find(&package["resources"], "path", &resource.url)
                .unwrap_or_else(|| panic!("{rid} not in datapackage.json"));
            assert_eq!(
                packaged["bytes"].as_u64(),
                resource.bytes,
                "{rid}: datapackage bytes"
            );
            assert_eq!(
                packaged["hash"].as_str().map(str::to_string),
                resource.sha256.as_ref().map(|h| format!("sha256:{h}"))
            );

            let row = dataset_rows
                .iter()
                .find(|r| r["recurso_id"] == *rid)
                .unwrap_or_else(|| panic!("{rid} not in the catalog CSV"));
            assert_eq!(row["url_descarga"], resource.url);
            assert_eq!(
                row["bytes"],
                resource.bytes.map(|b| b.to_string()).unwrap_or_default()
            );
            assert_eq!(row["sha256"], resource.sha256.clone().unwrap_or_default());

            let in_api = find(&api["resources"], "identifier", rid)
                .unwrap_or_else(|| panic!("{rid} not in the API"));
            assert_eq!(in_api["url"], resource.url.as_str());
            assert_eq!(in_api["bytes"].as_u64(), resource.bytes);
            assert_eq!(
                in_api["sha256"].as_str().map(str::to_string),
                resource.sha256
            );

            let download = find(&schema["distribution"], "contentUrl", &resource.url)
                .unwrap_or_else(|| panic!("{rid} not in the page's schema.org"));
            assert_eq!(download["@type"], "DataDownload");
            assert_eq!(
                download["contentSize"].as_str().map(str::to_string),
                resource.bytes.map(|b| format!("{b} B"))
            );
            assert_eq!(
                download["sha256"].as_str().map(str::to_string),
                resource.sha256
            );
        }
    }
    assert!(
        local_files >= files / 2,
        "{local_files} of {files} files checked against the real file"
    );
}

#[test]
fn planned_datasets_are_in_the_inventory_but_not_published_as_datasets() {
    let out = built();
    let public = out.path().join("public");
    let id = format!("{BASE}datos/zapopan/obra-publica/");
    let data_json = json(&public, "data.json");
    let pod =
        find(&data_json["dataset"], "identifier", &id).expect("a planned dataset is in data.json");
    assert_eq!(pod["accessLevel"], "public");
    assert!(pod.get("distribution").is_none(), "nothing to download yet");
    let api = json(&public, "api/v1/datasets/zapopan/obra-publica.json");
    assert_eq!(api["status"], "planned");
    assert_eq!(api["expected"], "2027-03-31");
    let csv = std::fs::read_to_string(public.join("catalogo.csv")).unwrap();
    assert!(
        csv.lines()
            .any(|l| l.contains(&id) && l.contains(",planeado,"))
    );

    let dcat = std::fs::read_to_string(public.join("catalog.ttl")).unwrap();
    assert!(
        !dcat.contains("datos/zapopan/"),
        "no planned dataset is a dcat:Dataset"
    );
    let zapopan = json(&public, "participantes/zapopan/catalog.jsonld");
    assert!(zapopan["@graph"][0].get("dcat:dataset").is_none());
    assert!(
        !public
            .join("datos/zapopan/obra-publica/datapackage.json")
            .exists()
    );
    let html = page(&public, "datos/zapopan/obra-publica/index.html");
    assert!(select(&html, "script[type=\"application/ld+json\"]").is_empty());
}

#[test]
fn text_in_a_descriptor_cannot_break_the_page_or_the_catalogs() {
    let hostile = "Semáforos </script><script>alert(1)</script> \\\"comillas\" <!--";
    let site = TempSite::valid().file(
        "participants/prueba/semaforos.toml",
        format!(
            "title = {hostile:?}\ndescription = \"Ubicación de los semáforos del municipio, con su calle, cruce y tipo de control.\"\n\n[[resources]]\ntitle = \"Semáforos (CSV)\"\npath = \"datos/semaforos.csv\"\n"
        ),
    );
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let public = out.path().join("public");
    let html = page(&public, "datos/prueba/semaforos/index.html");
    let scripts = select(&html, "script[type=\"application/ld+json\"]");
    assert_eq!(scripts.len(), 1, "the title did not open another script");
    let json_ld: Value = serde_json::from_str(&text_of(&scripts[0])).unwrap();
    assert_eq!(json_ld["name"], hostile);
    assert!(
        select(&html, "script")
            .iter()
            .all(|s| s.value().attr("src").is_some()
                || s.value().attr("type") == Some("application/ld+json")),
        "no script element comes out of the title"
    );

    let turtle = std::fs::read_to_string(public.join("catalog.ttl")).unwrap();
    assert!(turtle.contains(
        r#"dct:title "Semáforos </script><script>alert(1)</script> \\\"comillas\" <!--"@es"#
    ));
    let feed = std::fs::read_to_string(public.join("novedades.xml")).unwrap();
    assert!(!feed.contains("<script>"));
    let dcat = json(&public, "catalog.jsonld");
    assert!(
        dcat["@graph"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["dct:title"][0]["@value"] == hostile)
    );
}

#[test]
fn pages_point_to_the_catalogs_and_the_developer_page_explains_them() {
    let out = built();
    let public = out.path().join("public");
    let home = page(&public, "index.html");
    let alternates: Vec<_> = select(&home, "link[rel=alternate]")
        .iter()
        .map(|l| l.value().attr("href").unwrap().to_string())
        .collect();
    for file in [
        "novedades.xml",
        "catalog.jsonld",
        "catalog.ttl",
        "data.json",
        "catalogo.csv",
    ] {
        assert!(
            alternates.contains(&format!("/red-mexico-abierto/{file}")),
            "home lacks {file}"
        );
        assert!(public.join(file).is_file());
    }
    let dataset = page(&public, "datos/xalapa/semaforos/index.html");
    let hrefs: Vec<_> = select(&dataset, "link[rel=alternate]")
        .iter()
        .map(|l| l.value().attr("href").unwrap().to_string())
        .collect();
    assert!(
        hrefs.contains(&"/red-mexico-abierto/datos/xalapa/semaforos/datapackage.json".to_string())
    );
    assert!(
        hrefs.contains(&"/red-mexico-abierto/api/v1/datasets/xalapa/semaforos.json".to_string())
    );

    let footer: Vec<_> = select(&home, "footer a")
        .iter()
        .map(|a| text_of(a))
        .collect();
    assert!(footer.contains(&"API y datos abiertos".to_string()));
    let developers = page(&public, "api/index.html");
    assert_eq!(
        text_of(&select(&developers, "h1")[0]),
        "API y datos abiertos"
    );
    let links: Vec<_> = select(&developers, "main a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    for file in [
        "data.json",
        "catalog.jsonld",
        "catalogo.csv",
        "novedades.xml",
        "sitemap.xml",
        "api/v1/datasets.json",
        "participantes/xalapa/catalog.ttl",
    ] {
        assert!(
            links.contains(&format!("/red-mexico-abierto/{file}")),
            "the developer page lacks {file}"
        );
    }
}

#[test]
fn search_engines_find_every_page_from_robots_txt() {
    let out = built();
    let public = out.path().join("public");
    let robots = std::fs::read_to_string(public.join("robots.txt")).unwrap();
    assert!(robots.contains(&format!("Sitemap: {BASE}sitemap.xml")));
    let sitemap = std::fs::read_to_string(public.join("sitemap.xml")).unwrap();
    let locations: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|s| s.split("</loc>").next().unwrap())
        .collect();
    for page in [
        "",
        "datos/",
        "datos/xalapa/semaforos/",
        "participantes/zapopan/",
        "api/",
        "acerca/",
    ] {
        assert!(
            locations.contains(&format!("{BASE}{page}").as_str()),
            "sitemap lacks {page}"
        );
    }
    assert!(!locations.iter().any(|l| l.ends_with("404.html")));
    assert!(
        !locations.contains(&format!("{BASE}datos/xalapa/semaforos-2014/").as_str()),
        "the redirect of a renamed dataset is not a page to index"
    );
    assert!(sitemap.contains(&format!(
        "<loc>{BASE}datos/xalapa/semaforos/</loc><lastmod>2015-01-15</lastmod>"
    )));
    let feed = std::fs::read_to_string(public.join("novedades.xml")).unwrap();
    assert!(feed.contains(&format!("<id>{BASE}datos/xalapa/accidentes-viales/</id>")));
}

#[test]
fn a_csv_with_semicolons_and_decimal_commas_is_described_as_it_is() {
    let out = built();
    let public = out.path().join("public");
    let package = json(
        &public,
        "datos/jalisco/indicadores-sociales-municipales/datapackage.json",
    );
    let resource = &package["resources"][0];
    assert_eq!(resource["dialect"]["delimiter"], ";");
    assert_eq!(resource["mediatype"], "text/csv");
    let fields = &resource["schema"]["fields"];
    let pobreza = find(fields, "name", "pobreza_pct").unwrap();
    assert_eq!(pobreza["type"], "number");
    assert_eq!(pobreza["decimalChar"], ",");
}
