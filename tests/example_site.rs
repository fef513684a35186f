//! The example site, built as a user would build it for GitHub project pages
//! (under a sub-path), has every page, every link resolves, every download is
//! the file it claims to be.

mod common;

use common::*;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::path::Path;

const BASE: &str = "https://red.example.org/red-mexico-abierto/";
const BASE_PATH: &str = "/red-mexico-abierto/";

fn built() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let report = build_into(&example_site(), &out.path().join("public"), Some(BASE));
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    assert!(report.written);
    out
}

fn html_files(root: &Path) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| e.path().to_path_buf())
        .collect()
}

#[test]
fn every_kind_of_page_is_written() {
    let out = built();
    let public = out.path().join("public");
    for page in [
        "index.html",
        "404.html",
        "datos/index.html",
        "datos/xalapa/accidentes-viales/index.html",
        "datos/zapopan/obra-publica/index.html",
        "participantes/index.html",
        "participantes/xalapa/index.html",
        "inventario/index.html",
        "historias/index.html",
        "historias/xalapa/check-bus/index.html",
        "historias/como-nacio-la-red/index.html",
        "categorias/index.html",
        "categorias/movilidad/index.html",
        "etiquetas/index.html",
        "acerca/index.html",
        ".nojekyll",
    ] {
        assert!(public.join(page).is_file(), "missing {page}");
    }
    // The about page says the data are samples.
    let about = std::fs::read_to_string(public.join("acerca/index.html")).unwrap();
    assert!(about.contains("ficticios"));
}

#[test]
fn drafts_are_not_published() {
    let out = built();
    let public = out.path().join("public");
    assert!(
        !public
            .join("historias/zapopan/inventario-zapopan/index.html")
            .exists()
    );
    let index = std::fs::read_to_string(public.join("historias/index.html")).unwrap();
    assert!(!index.contains("inventario-zapopan"));
}

#[test]
fn every_internal_link_and_asset_resolves_under_the_sub_path() {
    let out = built();
    let public = out.path().join("public");
    let mut broken = BTreeSet::new();
    for file in html_files(&public) {
        let html = page(
            &public,
            file.strip_prefix(&public).unwrap().to_str().unwrap(),
        );
        for (selector, attribute) in [
            ("a[href]", "href"),
            ("link[href]", "href"),
            ("script[src]", "src"),
            ("img[src]", "src"),
        ] {
            for element in select(&html, selector) {
                let target = element.value().attr(attribute).unwrap();
                // Canonical and alternate addresses name the portal; the browser does not load them.
                if matches!(element.value().attr("rel"), Some("canonical" | "alternate")) {
                    continue;
                }
                if target.starts_with("http://")
                    || target.starts_with("https://")
                    || target.starts_with("mailto:")
                {
                    // Only plain links may leave the portal; nothing it loads may.
                    assert_eq!(
                        selector,
                        "a[href]",
                        "{} loads {target} from another host",
                        file.display()
                    );
                    continue;
                }
                if let Some(fragment) = target.strip_prefix('#') {
                    if !fragment.is_empty()
                        && select(&html, &format!("[id=\"{fragment}\"]")).is_empty()
                    {
                        broken.insert(format!("{} -> {target}", file.display()));
                    }
                    continue;
                }
                assert!(
                    target.starts_with(BASE_PATH),
                    "{}: {target} does not carry the base path",
                    file.display()
                );
                let path = target[BASE_PATH.len()..].split(['#', '?']).next().unwrap();
                let resolved = if path.is_empty() || path.ends_with('/') {
                    public.join(path).join("index.html")
                } else {
                    public.join(path)
                };
                if !resolved.is_file() {
                    broken.insert(format!("{} -> {target}", file.display()));
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links: {broken:#?}");
}

#[test]
fn downloads_are_byte_identical_and_their_checksums_are_on_the_page() {
    let out = built();
    let public = out.path().join("public");
    let source = example_site().join("participants/xalapa/datos/accidentes-2014.csv");
    let published = public.join("descargas/xalapa/accidentes-viales/accidentes-2014.csv");
    let original = std::fs::read(&source).unwrap();
    assert_eq!(std::fs::read(&published).unwrap(), original);
    let digest: String = Sha256::digest(&original)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let html =
        std::fs::read_to_string(public.join("datos/xalapa/accidentes-viales/index.html")).unwrap();
    assert!(
        html.contains(&digest),
        "the page does not show the file's SHA-256"
    );
    assert!(html.contains(&format!(
        "{BASE_PATH}descargas/xalapa/accidentes-viales/accidentes-2014.csv"
    )));

    // Every download on every dataset page is the file it names.
    for file in html_files(&public.join("datos")) {
        let text = std::fs::read_to_string(&file).unwrap();
        let html = scraper::Html::parse_document(&text);
        for link in select(&html, "a[download]") {
            let href = link.value().attr("href").unwrap();
            let bytes = std::fs::read(public.join(&href[BASE_PATH.len()..])).unwrap();
            let digest: String = Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            assert!(
                text.contains(&digest),
                "{}: no checksum for {href}",
                file.display()
            );
        }
    }
}

#[test]
fn download_urls_do_not_change_between_builds() {
    let first = built();
    let second = built();
    let list = |root: &Path| -> BTreeSet<String> {
        walkdir::WalkDir::new(root.join("public/descargas"))
            .into_iter()
            .flatten()
            .map(|e| e.path().strip_prefix(root).unwrap().display().to_string())
            .collect()
    };
    assert_eq!(list(first.path()), list(second.path()));
}

#[test]
fn dataset_page_shows_licence_citation_and_dates_the_spanish_way() {
    let out = built();
    let html = std::fs::read_to_string(
        out.path()
            .join("public/datos/xalapa/accidentes-viales/index.html"),
    )
    .unwrap();
    assert!(html.contains("Términos de Libre Uso MX"));
    assert!(html.contains("https://datos.gob.mx/libreusomx"));
    assert!(html.contains("Cómo citar estos datos"));
    assert!(
        regex_like_spanish_date(&html),
        "no date written as '10 de octubre de 2014'"
    );
}

fn regex_like_spanish_date(html: &str) -> bool {
    [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ]
    .iter()
    .any(|month| html.contains(&format!(" de {month} de 20")))
}
