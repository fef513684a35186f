//! A participant's own portal, made from the network's one source: San Pedro
//! Garza García's portal of the example site shows its data and no one
//! else's, under its own title, logo, colour and address, links everything
//! else on the network's portal, and names each dataset in its catalogs as
//! the network's catalogs do; `--all-portals` makes both from one analysis.

mod common;

use abierto::build::{BuildReport, Portals};
use common::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const SAN_PEDRO: &str = "san-pedro-garza-garcia";
/// San Pedro's `[portal] base_url` and the network's, as the example site declares them.
const SAN_PEDRO_BASE: &str = "https://datos.sanpedro.example.mx/";
const NETWORK_BASE: &str = "https://red-mexico-abierto.example.org/";
/// San Pedro's datasets: its descriptors in the example site.
const SAN_PEDRO_DATASETS: [&str; 4] = [
    "hechos-de-transito",
    "licencias-de-construccion",
    "presupuesto-participativo",
    "reportes-ciudadanos",
];

/// San Pedro's portal of the example site, built without errors into `<temp>/public`.
fn san_pedro(base_url: Option<&str>) -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let portals = Portals::Participant(SAN_PEDRO.into());
    let report = build_portals(&example_site(), &public, base_url, portals);
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    (out, public)
}

fn json(root: &Path, relative: &str) -> serde_json::Value {
    serde_json::from_str(&read(root, relative)).unwrap()
}

/// The `identifier` of each dataset of a `data.json`.
fn identifiers(data_json: &serde_json::Value) -> BTreeSet<String> {
    data_json["dataset"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["identifier"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn san_pedros_portal_has_its_datasets_and_no_other_participants() {
    let (_out, public) = san_pedro(None);
    for dataset in SAN_PEDRO_DATASETS {
        let page = format!("datos/{SAN_PEDRO}/{dataset}/index.html");
        assert!(public.join(&page).is_file(), "missing {page}");
    }
    for folder in [
        "datos",
        "descargas",
        "participantes",
        "historias",
        "api/v1/datasets",
    ] {
        let entries: BTreeSet<String> = std::fs::read_dir(public.join(folder))
            .unwrap()
            .flatten()
            .filter(|e| e.file_type().unwrap().is_dir())
            .map(|e| e.file_name().to_string_lossy().to_string())
            .collect();
        // `datos/f/` holds the facet pages.
        let others: Vec<&String> = entries
            .iter()
            .filter(|e| *e != SAN_PEDRO && !(folder == "datos" && *e == "f"))
            .collect();
        assert!(others.is_empty(), "{folder}/ holds {others:?}");
    }
    // The catalog lists its four datasets, the machine-readable catalogs too.
    let catalog = page(&public, "datos/index.html");
    assert_eq!(select(&catalog, "[data-doc]").len(), 4);
    let expected: BTreeSet<String> = SAN_PEDRO_DATASETS
        .iter()
        .map(|d| format!("{SAN_PEDRO_BASE}datos/{SAN_PEDRO}/{d}/"))
        .collect();
    assert_eq!(identifiers(&json(&public, "data.json")), expected);
    let csv = read(&public, "catalogo.csv");
    for line in csv.lines().skip(1) {
        assert!(line.contains(&format!("datos/{SAN_PEDRO}/")), "{line}");
    }
    let sitemap = read(&public, "sitemap.xml");
    assert!(sitemap.contains(&format!("<loc>{SAN_PEDRO_BASE}datos/{SAN_PEDRO}/")));
    assert!(!sitemap.contains("xalapa") && !sitemap.contains(NETWORK_BASE));
    let feed = read(&public, "novedades.xml");
    assert!(!feed.contains("xalapa") && feed.contains("Datos Abiertos San Pedro"));
    let search: String = files_ending(&public.join("buscar"), ".json")
        .iter()
        .map(|f| read(&public.join("buscar"), f))
        .collect();
    assert!(search.contains("Obras del presupuesto participativo"));
    assert!(!search.contains("Semáforos") && !search.contains("xalapa"));
    // Its own story; the network's and others' are not its.
    assert!(
        public
            .join(format!("historias/{SAN_PEDRO}/mi-colonia/index.html"))
            .is_file()
    );
    assert!(!public.join("historias/como-nacio-la-red").exists());
    // Downloads are the source files, byte for byte.
    let source = example_site().join(format!(
        "participants/{SAN_PEDRO}/datos/presupuesto-participativo.csv"
    ));
    let published = public.join(format!(
        "descargas/{SAN_PEDRO}/presupuesto-participativo/presupuesto-participativo.csv"
    ));
    assert_eq!(
        std::fs::read(source).unwrap(),
        std::fs::read(published).unwrap()
    );
}

#[test]
fn every_page_shows_san_pedros_title_logo_colour_and_the_network() {
    let (_out, public) = san_pedro(None);
    let logo = format!("/participantes/{SAN_PEDRO}/logo.svg");
    let pages = files_ending(&public, ".html");
    assert!(pages.len() > 20, "{pages:?}");
    // Figures made to be framed by other sites (`insertar/`) carry no header.
    for file in pages.iter().filter(|f| !f.starts_with("insertar/")) {
        let html = page(&public, file);
        let brand = select(&html, "header .brand");
        assert_eq!(brand.len(), 1, "{file}");
        assert_eq!(
            text_of(&brand[0]).trim(),
            "Datos Abiertos San Pedro",
            "{file}"
        );
        let img = select(&html, "header .brand img");
        assert_eq!(
            img.first().and_then(|i| i.value().attr("src")),
            Some(logo.as_str()),
            "{file}"
        );
        let styles: String = select(&html, "style").iter().map(text_of).collect();
        assert!(styles.contains("--accent:#0b5e7a"), "{file}: {styles}");
        let network = select(&html, "header .network-bar a");
        assert_eq!(network.len(), 1, "{file}");
        assert_eq!(
            network[0].value().attr("href"),
            Some(NETWORK_BASE),
            "{file}"
        );
        assert_eq!(text_of(&network[0]), "Red México Abierto", "{file}");
        let title = text_of(&select(&html, "title")[0]);
        assert!(
            title.ends_with("Datos Abiertos San Pedro"),
            "{file}: {title}"
        );
    }
    let source = example_site().join(format!("participants/{SAN_PEDRO}/logo.svg"));
    assert_eq!(
        std::fs::read(source).unwrap(),
        std::fs::read(public.join(&logo[1..])).unwrap()
    );
    // Its home says what its `[portal] description` says.
    let home = read(&public, "index.html");
    assert!(home.contains("El portal de datos abiertos del"), "{home}");
}

#[test]
fn every_internal_link_resolves_under_its_own_base_url() {
    let base = "https://sanpedro.example.org/datos-abiertos/";
    let base_path = "/datos-abiertos/";
    let (_out, public) = san_pedro(Some(base));
    let mut broken = BTreeSet::new();
    let mut to_network = BTreeSet::new();
    for file in files_ending(&public, ".html") {
        let html = page(&public, &file);
        for (selector, attribute) in [
            ("a[href]", "href"),
            ("link[href]", "href"),
            ("script[src]", "src"),
            ("img[src]", "src"),
        ] {
            for element in select(&html, selector) {
                let target = element.value().attr(attribute).unwrap();
                let path = if let Some(path) = target.strip_prefix(base) {
                    path
                } else if let Some(path) = target.strip_prefix(base_path) {
                    path
                } else if let Some(rest) = target.strip_prefix(NETWORK_BASE) {
                    assert_eq!(selector, "a[href]", "{file} loads {target}");
                    to_network.insert(rest.to_string());
                    continue;
                } else if target.starts_with('#') || target.contains(':') {
                    continue;
                } else {
                    panic!("{file}: {target} is neither under {base_path} nor absolute");
                };
                let path = path.split(['#', '?']).next().unwrap();
                let resolved = if path.is_empty() || path.ends_with('/') {
                    public.join(path).join("index.html")
                } else {
                    public.join(path)
                };
                if !resolved.is_file() {
                    broken.insert(format!("{file} -> {target}"));
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links: {broken:#?}");
    // What it does not hold is linked on the network's portal: its home and
    // the network story that cites San Pedro's data.
    assert!(to_network.contains(""), "{to_network:?}");
    assert!(
        to_network.contains("historias/como-nacio-la-red/"),
        "{to_network:?}"
    );
}

#[test]
fn a_network_story_about_its_data_is_linked_on_the_networks_portal() {
    let (_out, public) = san_pedro(None);
    let html = page(
        &public,
        &format!("datos/{SAN_PEDRO}/presupuesto-participativo/index.html"),
    );
    let hrefs: Vec<&str> = select(&html, "a[href]")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(hrefs.contains(&"https://red-mexico-abierto.example.org/historias/como-nacio-la-red/"));
    assert!(hrefs.contains(&"/historias/san-pedro-garza-garcia/mi-colonia/"));
}

#[test]
fn its_pages_are_the_network_pages_it_keeps_and_its_own() {
    let (_out, public) = san_pedro(None);
    // `pages = ["licencias", "preguntas"]`, and its own `pages/acerca.md`.
    let licences = read(&public, "licencias/index.html");
    assert!(licences.contains("licencia de libre uso MX"), "{licences}");
    assert!(public.join("preguntas/index.html").is_file());
    let about = read(&public, "acerca/index.html");
    assert!(about.contains("es el portal de datos abiertos del Municipio de San Pedro"));
    assert!(!about.contains("reúne, en un solo catálogo"));
    let home = page(&public, "index.html");
    let footer: Vec<&str> = select(&home, "footer a")
        .iter()
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert_eq!(footer, ["/acerca/", "/licencias/", "/preguntas/", "/api/"]);
}

/// The example site copied into a fresh folder (so its analysis cache is its own).
fn example_copy() -> tempfile::TempDir {
    let copy = tempfile::tempdir().unwrap();
    let from = example_site();
    for entry in walkdir::WalkDir::new(&from).into_iter().flatten() {
        let to = copy.path().join(entry.path().strip_prefix(&from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    copy
}

/// `--all-portals` of the example site: the network's portal in `public/`, San Pedro's beside it.
fn all_portals() -> (tempfile::TempDir, PathBuf, PathBuf, BuildReport) {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let report = build_portals(&example_site(), &public, None, Portals::All);
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let own = out.path().join(format!("public-{SAN_PEDRO}"));
    (out, public, own, report)
}

#[test]
fn all_portals_writes_the_networks_and_san_pedros_side_by_side() {
    let (_out, network, own, report) = all_portals();
    assert_eq!(report.others, [(SAN_PEDRO.to_string(), own.clone())]);
    assert!(network.join("datos/xalapa/semaforos/index.html").is_file());
    assert!(
        own.join(format!("datos/{SAN_PEDRO}/hechos-de-transito/index.html"))
            .is_file()
    );
    assert!(!own.join("datos/xalapa").exists());
    // Only the network's portal shows a network bar.
    assert!(!read(&network, "index.html").contains("network-bar"));
    assert!(read(&own, "index.html").contains("network-bar"));
    // What San Pedro's portal links on the network's portal is there.
    for file in files_ending(&own, ".html") {
        for a in select(&page(&own, &file), "a[href]") {
            let Some(rest) = a.value().attr("href").unwrap().strip_prefix(NETWORK_BASE) else {
                continue;
            };
            let path = rest.split('#').next().unwrap();
            let target = if path.is_empty() || path.ends_with('/') {
                network.join(path).join("index.html")
            } else {
                network.join(path)
            };
            assert!(target.is_file(), "{file} -> {NETWORK_BASE}{rest}");
        }
    }
}

#[test]
fn the_network_portal_links_to_san_pedros_own() {
    let (_out, network, _own, _) = all_portals();
    let html = page(&network, &format!("participantes/{SAN_PEDRO}/index.html"));
    let own: Vec<_> = select(&html, "a[href]")
        .into_iter()
        .filter(|a| a.value().attr("href") == Some(SAN_PEDRO_BASE))
        .collect();
    assert_eq!(own.len(), 1, "no link to {SAN_PEDRO_BASE}");
    assert_eq!(text_of(&own[0]), "Datos Abiertos San Pedro");
    // A participant without a portal of its own has no such link.
    let xalapa = read(&network, "participantes/xalapa/index.html");
    assert!(!xalapa.contains("Portal propio"));
}

#[test]
fn both_catalogs_name_san_pedros_datasets_with_one_identifier() {
    let (_out, network, own, _) = all_portals();
    let expected: BTreeSet<String> = SAN_PEDRO_DATASETS
        .iter()
        .map(|d| format!("{SAN_PEDRO_BASE}datos/{SAN_PEDRO}/{d}/"))
        .collect();
    let in_network: BTreeSet<String> = identifiers(&json(&network, "data.json"))
        .into_iter()
        .filter(|id| id.starts_with(SAN_PEDRO_BASE))
        .collect();
    assert_eq!(in_network, expected);
    assert_eq!(identifiers(&json(&own, "data.json")), expected);
    // Others keep the network's address.
    assert!(
        identifiers(&json(&network, "data.json"))
            .contains(&format!("{NETWORK_BASE}datos/xalapa/semaforos/"))
    );
    // DCAT: the same dataset nodes; the network's catalog lists San
    // Pedro's, which says it is part of the network's.
    let network_dcat = read(&network, "catalog.jsonld");
    let own_dcat = read(&own, "catalog.jsonld");
    for dataset in SAN_PEDRO_DATASETS {
        let node = format!("\"{SAN_PEDRO_BASE}datos/{SAN_PEDRO}/{dataset}/#dataset\"");
        assert!(network_dcat.contains(&node), "network catalog lacks {node}");
        assert!(own_dcat.contains(&node), "San Pedro's catalog lacks {node}");
    }
    let graph: serde_json::Value = serde_json::from_str(&network_dcat).unwrap();
    let nodes = graph["@graph"].as_array().unwrap();
    let network_catalog = format!("{NETWORK_BASE}#catalogo");
    let own_catalog = format!("{SAN_PEDRO_BASE}#catalogo");
    let catalog = nodes.iter().find(|n| n["@id"] == network_catalog).unwrap();
    assert!(
        catalog["dcat:catalog"].to_string().contains(&own_catalog),
        "{catalog}"
    );
    let listed = nodes.iter().find(|n| n["@id"] == own_catalog).unwrap();
    assert!(
        listed["@type"].to_string().contains("dcat:Catalog"),
        "{listed}"
    );
    let graph: serde_json::Value = serde_json::from_str(&own_dcat).unwrap();
    let catalog = graph["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["@id"] == own_catalog)
        .unwrap();
    assert!(
        catalog["dct:isPartOf"]
            .to_string()
            .contains(&network_catalog),
        "{catalog}"
    );
    // The schema.org description of a dataset page names it alike on both portals.
    let page = format!("datos/{SAN_PEDRO}/hechos-de-transito/index.html");
    let id = format!("\"@id\":\"{SAN_PEDRO_BASE}datos/{SAN_PEDRO}/hechos-de-transito/#dataset\"");
    assert!(read(&network, &page).contains(&id));
    assert!(read(&own, &page).contains(&id));
}

#[test]
fn all_portals_analyses_each_data_file_once() {
    let site = example_copy();
    let out = tempfile::tempdir().unwrap();
    let report = build_portals(site.path(), &out.path().join("public"), None, Portals::All);
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    // Two portals rendered; each local data file of the site read once.
    let local_files: BTreeSet<PathBuf> = files_ending(&site.path().join("participants"), "")
        .into_iter()
        .filter(|f| !f.ends_with(".toml") && !f.ends_with(".md") && !f.ends_with(".svg"))
        .map(PathBuf::from)
        .collect();
    assert_eq!(report.others.len(), 1);
    assert_eq!(report.data_files, local_files.len(), "{local_files:?}");
    assert_eq!(report.data_files_read, report.data_files);
}

#[test]
fn a_participant_without_a_portal_of_its_own_is_built_with_the_networks_look() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let report = build_portals(
        &example_site(),
        &public,
        None,
        Portals::Participant("xalapa".into()),
    );
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let home = page(&public, "index.html");
    assert_eq!(
        text_of(&select(&home, "header .brand")[0]).trim(),
        "H. Ayuntamiento de Xalapa"
    );
    assert_eq!(
        select(&home, "header .brand img")[0].value().attr("src"),
        Some("/logo.svg")
    );
    assert!(read(&public, "index.html").contains("--accent:#0b5e55"));
    // Its identifiers stay the network's addresses: it declares no other.
    assert!(
        identifiers(&json(&public, "data.json"))
            .contains(&format!("{NETWORK_BASE}datos/xalapa/semaforos/"))
    );
    assert!(!public.join(format!("datos/{SAN_PEDRO}")).exists());
}

#[test]
fn an_unknown_participant_names_the_nearest() {
    let out = tempfile::tempdir().unwrap();
    let report = build_portals(
        &example_site(),
        &out.path().join("public"),
        None,
        Portals::Participant("san-pedro".into()),
    );
    let error = only_error(&report.diagnostics);
    assert_eq!(
        en(&error.message),
        "the site has no participant `san-pedro`"
    );
    assert!(
        en(error.help.as_deref().unwrap()).starts_with("did you mean `san-pedro-garza-garcia`?"),
        "{error:?}"
    );
    assert!(!out.path().join("public").exists(), "nothing is written");
}

#[test]
fn a_foreign_folder_beside_the_output_keeps_every_portal_unwritten() {
    let out = tempfile::tempdir().unwrap();
    let own = out.path().join(format!("public-{SAN_PEDRO}"));
    std::fs::create_dir_all(&own).unwrap();
    std::fs::write(own.join("notas.txt"), "mías").unwrap();
    let report = build_portals(
        &example_site(),
        &out.path().join("public"),
        None,
        Portals::All,
    );
    let error = only_error(&report.diagnostics);
    assert!(
        error.file.ends_with(&format!("public-{SAN_PEDRO}")),
        "{error:?}"
    );
    assert!(!out.path().join("public").exists());
    assert_eq!(
        std::fs::read_to_string(own.join("notas.txt")).unwrap(),
        "mías"
    );
}
