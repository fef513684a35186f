//! A journalist puts a story's chart, or a dataset's map, on another site:
//! each figure has «Insertar», with the `<iframe>` code to copy, leading to a
//! page of its own under `/insertar/` that shows the same figure, links back
//! to its dataset and licence, and is the only kind of page `_headers` lets
//! other sites frame. (That it renders inside a frame: `tests/browser/reach.mjs`.)

mod common;

use common::*;
use std::path::Path;

const BASE: &str = "https://red.example.org/red/";

/// The `<iframe>` of each «Insertar» box of a page: (src, title), read from
/// the code a reader copies (the text of its box), parsed as HTML.
fn iframe_codes(html: &scraper::Html) -> Vec<(String, String)> {
    select(html, "details.embed-share textarea")
        .iter()
        .map(|textarea| {
            let code = scraper::Html::parse_fragment(&text_of(textarea));
            let frames = select(&code, "iframe");
            assert_eq!(frames.len(), 1, "one iframe in {}", text_of(textarea));
            assert!(select(&code, "script").is_empty());
            let attr = |name| frames[0].value().attr(name).unwrap().to_string();
            (attr("src"), attr("title"))
        })
        .collect()
}

/// The embed page an absolute `src` names, read from the built portal.
fn embed_page(public: &Path, src: &str) -> scraper::Html {
    let relative = src.strip_prefix(BASE).expect("under the portal's address");
    assert!(relative.starts_with("insertar/"), "{src}");
    page(public, &format!("{relative}index.html"))
}

/// What every embed page has: no menu, links that leave the frame, the
/// dataset and its licence, and no place in search engines.
fn assert_standalone(embed: &scraper::Html, dataset_href: &str) {
    assert!(select(embed, "nav, .site-header").is_empty(), "no menu");
    assert_eq!(select(embed, "base[target=_blank]").len(), 1);
    assert_eq!(select(embed, "meta[name=robots][content=noindex]").len(), 1);
    assert!(
        select(embed, "footer a")
            .iter()
            .any(|a| a.value().attr("href") == Some(dataset_href)),
        "a link to its dataset"
    );
    assert_eq!(select(embed, "footer a[rel=license]").len(), 1);
}

#[test]
fn a_story_chart_can_be_put_on_another_site() {
    let out = built_example(BASE);
    let public = out.path().join("public");
    let story = page(
        &public,
        "historias/morelos/movilidad-estudiantil/index.html",
    );
    let codes = iframe_codes(&story);
    let charts = select(&story, "figure.embed-chart");
    assert!(charts.len() >= 2, "the story has charts");
    assert!(
        codes.len() >= charts.len(),
        "every chart has its box: {codes:?}"
    );
    // The first chart's page shows the same chart, described the same way.
    let desc = |html: &scraper::Html| text_of(&select(html, "figure.embed-chart svg desc")[0]);
    let (src, title) = codes
        .iter()
        .find(|(src, _)| {
            let embed = embed_page(&public, src);
            !select(&embed, "figure.embed-chart").is_empty()
        })
        .expect("a chart's page");
    assert!(title.starts_with("Gráfica: "), "{title}");
    let embed = embed_page(&public, src);
    assert_eq!(desc(&embed), desc(&story));
    assert_standalone(&embed, "/red/datos/morelos/movilidad-estudiantil/");
    // The box links to the page too, and the sitemap leaves such pages out.
    let link = src.strip_prefix("https://red.example.org").unwrap();
    assert!(
        select(&story, "details.embed-share a")
            .iter()
            .any(|a| a.value().attr("href") == Some(link))
    );
    let sitemap = std::fs::read_to_string(public.join("sitemap.xml")).unwrap();
    assert!(
        !sitemap.contains("/insertar/"),
        "embed pages are not for search engines"
    );
}

#[test]
fn a_dataset_map_and_preview_can_be_put_on_another_site() {
    let out = built_example(BASE);
    let public = out.path().join("public");
    let dataset = page(&public, "datos/xalapa/semaforos/index.html");
    let codes = iframe_codes(&dataset);
    let srcs: Vec<&str> = codes.iter().map(|(src, _)| src.as_str()).collect();
    let map = format!("{BASE}insertar/datos/xalapa/semaforos/semaforos-mapa/");
    let table = format!("{BASE}insertar/datos/xalapa/semaforos/semaforos-tabla/");
    assert!(srcs.contains(&map.as_str()), "{srcs:?}");
    assert!(srcs.contains(&table.as_str()), "{srcs:?}");

    let embed = embed_page(&public, &map);
    assert_standalone(&embed, "/red/datos/xalapa/semaforos/");
    let svg = |html: &scraper::Html| select(html, "figure.map svg")[0].html();
    assert_eq!(svg(&embed), svg(&dataset), "the dataset page's map");

    let embed = embed_page(&public, &table);
    assert_standalone(&embed, "/red/datos/xalapa/semaforos/");
    let rows = |html: &scraper::Html| {
        select(html, "table.preview tbody tr")
            .iter()
            .map(text_of)
            .collect::<Vec<_>>()
    };
    assert!(!rows(&embed).is_empty());
    assert_eq!(rows(&embed), rows(&dataset), "the dataset page's preview");
}

/// The headers a host reading `_headers` sends for `path`: on Netlify the
/// last matching rule's value of a header wins; on Cloudflare Pages every
/// matching rule's values are joined. `*` matches anything, `/` included.
fn headers_for(rules: &str, path: &str) -> (Vec<String>, Vec<String>) {
    let mut matching: Vec<Vec<(String, String)>> = Vec::new();
    let mut current: Option<Vec<(String, String)>> = None;
    for line in rules.lines().filter(|l| !l.trim_start().starts_with('#')) {
        if line.trim().is_empty() {
            continue;
        }
        if !line.starts_with(char::is_whitespace) {
            matching.extend(current.take());
            let pattern = line.trim();
            let matches = match pattern.strip_suffix('*') {
                Some(prefix) => path.starts_with(prefix),
                None => path == pattern,
            };
            current = matches.then(Vec::new);
        } else if let Some(headers) = current.as_mut() {
            let (name, value) = line.trim().split_once(": ").unwrap();
            headers.push((name.to_string(), value.to_string()));
        }
    }
    matching.extend(current);
    let csp = |headers: &Vec<(String, String)>| {
        headers
            .iter()
            .filter(|(name, _)| name == "Content-Security-Policy")
            .map(|(_, value)| value.clone())
            .collect::<Vec<_>>()
    };
    let netlify = matching
        .iter()
        .rev()
        .map(csp)
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    let cloudflare = matching.iter().flat_map(csp).collect();
    (netlify, cloudflare)
}

#[test]
fn headers_forbid_framing_every_page_but_those_made_to_be_framed() {
    let out = built_example(BASE);
    let public = out.path().join("public");
    let rules = std::fs::read_to_string(public.join("_headers")).unwrap();
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(&public) {
        let entry = entry.unwrap();
        if entry.file_name() != "index.html" {
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(&public)
            .unwrap()
            .to_string_lossy();
        let path = format!("/red/{}", relative.trim_end_matches("index.html"));
        let expected = if path.starts_with("/red/insertar/") {
            "frame-ancestors *"
        } else {
            "frame-ancestors 'none'"
        };
        let (netlify, cloudflare) = headers_for(&rules, &path);
        assert_eq!(netlify, [expected], "{path} on Netlify:\n{rules}");
        assert_eq!(
            cloudflare,
            [expected],
            "{path} on Cloudflare Pages:\n{rules}"
        );
        pages += 1;
    }
    assert!(pages > 200, "{pages} pages");
}

#[test]
fn a_hostile_title_stays_text_in_the_code_to_copy() {
    let title = "Semáforos \"><script>alert(1)</script>";
    let site = TempSite::valid()
        .file(
            "participants/prueba/semaforos.toml",
            DATASET.replace("title = \"Semáforos\"", &format!("title = '{title}'")),
        )
        .file(
            "participants/prueba/datos/semaforos.csv",
            "id,calle,latitud,longitud\n1,Juárez,19.53,-96.92\n2,Hidalgo,19.54,-96.91\n",
        )
        .file(
            "historias/cruces.md",
            "+++\ntitle = \"Cruces\"\ndate = 2025-01-01\n+++\n\n{{ tabla(datos=\"prueba/semaforos\", recurso=\"semaforos.csv\") }}\n",
        );
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let public = out.path().join("public");
    for page_path in [
        "historias/cruces/index.html",
        "datos/prueba/semaforos/index.html",
    ] {
        let html = page(&public, page_path);
        let codes = iframe_codes(&html);
        assert!(!codes.is_empty(), "{page_path}");
        for (_, frame_title) in codes {
            assert!(
                frame_title.ends_with(title) || frame_title.contains("Semáforos (CSV)"),
                "{frame_title}"
            );
        }
        assert!(select(&html, "script:not([type='application/ld+json']):not([src])").is_empty());
    }
}
