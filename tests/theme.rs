//! The look and language of the portal: a site may override any theme
//! template by name, and an English portal speaks English.

mod common;

use common::*;

#[test]
fn a_site_template_overrides_the_theme_template_of_the_same_name() {
    let site = TempSite::valid().file(
        "templates/partials/dataset_item.html",
        "<li class=\"mi-tarjeta\"><a href=\"{{ dataset.href }}\">{{ dataset.title | upper }}</a></li>",
    );
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let html = page(out.path(), "public/datos/index.html");
    let cards = select(&html, "li.mi-tarjeta a");
    assert_eq!(cards.len(), 1);
    assert_eq!(text_of(&cards[0]), "SEMÁFOROS");
}

#[test]
fn a_site_overrides_the_feed_sitemap_and_robots_templates_by_name() {
    let site = TempSite::valid()
        .file(
            "templates/robots.txt",
            "User-agent: *\nDisallow: /borradores/\nSitemap: {{ sitemap }}\n",
        )
        .file(
            "templates/atom.xml",
            "<feed>{% for entry in entries %}<t>{{ entry.title | xml }}</t>{% endfor %}</feed>",
        );
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let robots = std::fs::read_to_string(out.path().join("public/robots.txt")).unwrap();
    assert!(
        robots.contains("Disallow: /borradores/\nSitemap: http"),
        "{robots}"
    );
    let feed = std::fs::read_to_string(out.path().join("public/novedades.xml")).unwrap();
    assert!(feed.starts_with("<feed>"), "{feed}");
    let sitemap = std::fs::read_to_string(out.path().join("public/sitemap.xml")).unwrap();
    assert!(sitemap.contains("<urlset"), "{sitemap}");
}

#[test]
fn a_broken_template_override_is_reported_and_nothing_is_written() {
    let site = TempSite::valid().file("templates/page.html", "{% if %}");
    let (report, out) = site.build();
    assert!(report.errors() > 0);
    assert!(
        report.diagnostics.iter().any(|d| d
            .message_text(abierto::model::Language::En)
            .contains("template")),
        "{:#?}",
        report.diagnostics
    );
    assert!(!out.path().join("public").exists());
}

#[test]
fn an_english_portal_writes_its_interface_and_dates_in_english() {
    let site = TempSite::valid()
        .file("portal.toml", format!("language = \"en\"\n{PORTAL}"))
        .file(
            "participants/prueba/semaforos.toml",
            DATASET.replace("categories", "issued = 2014-10-10\ncategories"),
        );
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let html = page(out.path(), "public/datos/prueba/semaforos/index.html");
    assert_eq!(select(&html, "html")[0].value().attr("lang"), Some("en"));
    let text = text_of(&select(&html, "main")[0]);
    assert!(text.contains("October 10, 2014"), "{text}");
    assert!(text.contains("Download"), "{text}");
}

#[test]
fn spanish_is_the_default_and_dates_read_the_spanish_way() {
    let site = TempSite::valid().file(
        "participants/prueba/semaforos.toml",
        DATASET.replace("categories", "issued = 2014-10-10\ncategories"),
    );
    let (_, out) = site.build();
    let html = page(out.path(), "public/datos/prueba/semaforos/index.html");
    assert_eq!(select(&html, "html")[0].value().attr("lang"), Some("es"));
    assert!(text_of(&select(&html, "main")[0]).contains("10 de octubre de 2014"));
}

#[test]
fn stories_render_tables_footnotes_and_heading_anchors() {
    let site = TempSite::valid().file(
        "participants/prueba/historias/cruces.md",
        "+++\ntitle = \"Cruces peligrosos\"\ndate = 2015-03-01\ndatasets = [\"prueba/semaforos\"]\n+++\n\n\
         ## Dónde\n\nTexto con nota.[^1]\n\n| Cruce | Accidentes |\n|---|---|\n| Juárez | 12 |\n\n\
         Ver [los semáforos](dataset:prueba/semaforos).\n\n[^1]: Datos de prueba.\n",
    );
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let html = page(out.path(), "public/historias/prueba/cruces/index.html");
    assert_eq!(select(&html, "h2#donde").len(), 1);
    assert_eq!(select(&html, ".prose table td").len(), 2);
    assert!(
        !select(
            &html,
            ".footnote-definition, [id^=\"fn\"], .footnote-reference"
        )
        .is_empty()
    );
    let link = select(&html, ".prose a[href=\"/datos/prueba/semaforos/\"]");
    assert_eq!(
        link.len(),
        1,
        "the dataset: link resolves to the dataset page"
    );
    // The dataset page lists the story that uses it.
    let dataset = page(out.path(), "public/datos/prueba/semaforos/index.html");
    assert!(text_of(&select(&dataset, "main")[0]).contains("Cruces peligrosos"));
}

#[test]
fn leaflet_is_vendored_unchanged_and_only_pages_with_a_map_load_the_map_script() {
    use sha2::{Digest, Sha256};
    // Each file against the hash its README lists (taken from the npm package).
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("themes/default/static/vendor/leaflet");
    let readme = std::fs::read_to_string(folder.join("README.md")).unwrap();
    let mut checked = 0;
    for line in readme.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line
            .split('|')
            .map(|c| c.trim().trim_matches('`'))
            .collect();
        let (file, sha) = (cells[1], cells[3]);
        let bytes = std::fs::read(folder.join(file)).unwrap();
        let digest: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(digest, sha, "{file} differs from the npm package");
        checked += 1;
    }
    assert_eq!(checked, 6);
    let site = TempSite::valid()
        .file(
            "participants/prueba/datos/puntos.csv",
            "nombre,latitud,longitud\nA,19.5,-96.9\nB,19.6,-96.8\n",
        )
        .file(
            "participants/prueba/puntos.toml",
            "title = \"Puntos\"\ndescription = \"Dos puntos de prueba.\"\n\n[[resources]]\ntitle = \"Puntos\"\npath = \"datos/puntos.csv\"\n",
        );
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let public = out.path().join("public");
    let assets: Vec<String> = std::fs::read_dir(public.join("assets"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        assets
            .iter()
            .any(|a| a.starts_with("leaflet.") && a.ends_with(".js")),
        "{assets:?}"
    );
    assert!(public.join("assets/images/layers.png").is_file());
    let with_map = page(out.path(), "public/datos/prueba/puntos/index.html");
    let scripts = select(&with_map, "script[data-leaflet]");
    assert_eq!(scripts.len(), 1, "the map page loads map.js");
    let leaflet = scripts[0].value().attr("data-leaflet").unwrap();
    let published = leaflet.rsplit('/').next().unwrap();
    assert!(public.join("assets").join(published).is_file(), "{leaflet}");
    assert!(
        select(&with_map, "script[src*=leaflet]").is_empty(),
        "Leaflet waits for map.js"
    );
    let without = page(out.path(), "public/datos/prueba/semaforos/index.html");
    assert!(select(&without, "script[data-leaflet]").is_empty());
}
