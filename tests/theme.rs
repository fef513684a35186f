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
