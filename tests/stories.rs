//! Stories that show what the data says: an official writes one line and the
//! built page has the table, the chart or the map, readable without
//! JavaScript and by screen readers; a mistake in that line stops the build
//! at the story's line with the nearest name; drafts stay out of `build`
//! and of the feed; the feed is valid Atom; raw HTML cannot break the page.

mod common;

use common::*;
use std::path::Path;

const BASE: &str = "https://red.example.org/red/";

fn count(html: &scraper::Html, selector: &str) -> usize {
    select(html, selector).len()
}

#[test]
fn each_embed_of_check_bus_shows_its_data() {
    let out = built_example(BASE);
    let public = out.path().join("public");
    let html = page(&public, "historias/xalapa/check-bus/index.html");

    // The bar chart: ten routes, one bar each, with words for screen readers.
    let bars = select(&html, "figure.chart-bars");
    assert_eq!(bars.len(), 1);
    let chart = scraper::Html::parse_fragment(&bars[0].html());
    assert_eq!(count(&chart, "rect.bar"), 10);
    let title = text_of(&select(&chart, "svg title")[0]);
    assert_eq!(title, "Las diez rutas con más autobuses");
    let desc = text_of(&select(&chart, "svg desc")[0]);
    assert!(
        desc.contains("10 barras") && desc.contains("R15, 32"),
        "{desc}"
    );
    assert_eq!(select(&chart, "svg")[0].value().attr("role"), Some("img"));
    // …and its data as a table: ten rows.
    assert_eq!(count(&chart, "details table tbody tr"), 10);

    // The table: five routes, sorted by frequency, the chosen columns only.
    let tables = select(&html, "figure.embed-table");
    let table = scraper::Html::parse_fragment(&tables[0].html());
    let header: Vec<String> = select(&table, "thead th").iter().map(text_of).collect();
    assert_eq!(
        header,
        ["ruta", "nombre", "frecuencia_min", "unidades", "accesible"]
    );
    let rows = select(&table, "tbody tr");
    assert_eq!(rows.len(), 5);
    assert!(text_of(&select(&table, "figcaption")[0]).contains("5 de 24 filas"));
    let frequencies: Vec<f64> = select(&table, "tbody tr td:nth-child(3)")
        .iter()
        .map(|td| text_of(td).parse().unwrap())
        .collect();
    assert!(
        frequencies.windows(2).all(|w| w[0] <= w[1]),
        "{frequencies:?}"
    );
    assert_eq!(
        select(&table, ".table-scroll")[0].value().attr("tabindex"),
        Some("0")
    );

    // The map: forty stops, forty points.
    let map = select(&html, "figure.embed-map");
    let map = scraper::Html::parse_fragment(&map[0].html());
    assert_eq!(count(&map, "svg circle"), 40);
    assert!(!select(&map, "svg desc").is_empty());

    // The line chart: accidents of 2014 counted by month, from the date column.
    let lines = select(&html, "figure.chart-lines");
    let line = scraper::Html::parse_fragment(&lines[0].html());
    assert_eq!(count(&line, "circle.point"), 10);
    assert_eq!(count(&line, "polyline.line"), 1);
    let months: Vec<String> = select(&line, "details tbody th")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(months[0], "ene 2014");

    // The download button and the dataset card.
    let download = select(&html, ".embed-download a");
    assert_eq!(
        download[0].value().attr("href"),
        Some("/red/descargas/xalapa/rutas-transporte-publico/rutas-transporte.csv")
    );
    let card = select(&html, "aside.embed-card a");
    assert_eq!(
        card[0].value().attr("href"),
        Some("/red/datos/xalapa/semaforos/")
    );

    // The YouTube video is a link, nothing is loaded from YouTube.
    let video = select(&html, "a.external-embed");
    assert_eq!(
        video[0].value().attr("href"),
        Some("https://www.youtube.com/embed/check-bus-demo")
    );
    assert_eq!(count(&html, "iframe"), 0);

    // The cover is published beside the story, with its text alternative.
    let cover = select(&html, "img.story-cover-large");
    assert_eq!(
        cover[0].value().attr("src"),
        Some("/red/historias/xalapa/check-bus/check-bus.svg")
    );
    assert!(cover[0].value().attr("alt").unwrap().contains("autobús"));
    assert!(
        public
            .join("historias/xalapa/check-bus/check-bus.svg")
            .is_file()
    );
}

#[test]
fn every_kind_of_embed_is_in_the_example_stories() {
    let out = built_example(BASE);
    let public = out.path().join("public");
    let mut kinds = std::collections::BTreeSet::new();
    for story in [
        "xalapa/check-bus",
        "xalapa/salud-xalapa",
        "san-pedro-garza-garcia/mi-colonia",
        "morelos/movilidad-estudiantil",
        "puebla/mapas-de-puebla",
    ] {
        let html = page(&public, &format!("historias/{story}/index.html"));
        for class in [
            "embed-card",
            "embed-table",
            "chart-bars",
            "chart-lines",
            "chart-scatter",
            "embed-map",
            "embed-download",
        ] {
            if count(&html, &format!(".{class}")) > 0 {
                kinds.insert(class);
            }
        }
    }
    assert_eq!(kinds.len(), 7, "{kinds:?}");

    // Morelos: the scatter has a point per flow; the filter keeps higher education only.
    let html = page(
        &public,
        "historias/morelos/movilidad-estudiantil/index.html",
    );
    assert_eq!(count(&html, ".chart-scatter circle.point"), 50);
    let table = select(&html, "figure.embed-table")[0].html();
    assert!(table.contains("6 de 26 filas"), "{table}");
    // Numbers are written the Spanish way.
    let bars = select(&html, ".chart-bars")[0].html();
    assert!(bars.contains("Estudiantes por medio de transporte principal"));
    assert!(
        select(&html, ".chart-bars details td")
            .iter()
            .any(|td| text_of(td).contains(' ')),
        "thousands are grouped with a space: {bars}"
    );
}

const STORY_HEAD: &str = "+++\ntitle = \"Historia\"\ndate = 2015-01-01\n+++\n\n";

fn site_with_story(body: &str) -> TempSite {
    TempSite::valid().file(
        "participants/prueba/historias/historia.md",
        format!("{STORY_HEAD}{body}"),
    )
}

#[test]
fn a_wrong_embed_stops_the_build_at_its_line_with_the_nearest_name() {
    let site = site_with_story(
        "Texto.\n\n\
         {{ tabla(datos=\"prueba/semaforo\", recurso=\"semaforos.csv\") }}\n\n\
         {{ tabla(datos=\"prueba/semaforos\", recurso=\"semaforo.csv\") }}\n\n\
         {{ tabla(datos=\"prueba/semaforos\", recurso=\"semaforos.csv\", columnas=\"id, cale\") }}\n\n\
         {{ grafico(datos=\"prueba/semaforos\") }}\n\n\
         {{ mapa(datos=\"prueba/semaforos\", recurso=\"semaforos.csv\", titlo=\"x\") }}\n",
    );
    let (report, _out) = site.build();
    assert!(!report.written);
    let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 5, "{errors:#?}");
    let file = "participants/prueba/historias/historia.md";
    let expect = |line: usize, message: &str, help: &str| {
        let d = errors
            .iter()
            .find(|d| d.line == Some(line))
            .unwrap_or_else(|| panic!("no error at line {line}: {errors:#?}"));
        assert_eq!(d.file, file);
        assert!(
            d.message_text(abierto::model::Language::En)
                .contains(message),
            "{d:?}"
        );
        assert!(
            d.help_text(abierto::model::Language::En)
                .as_deref()
                .unwrap_or("")
                .contains(help),
            "{d:?}"
        );
        assert!(d.column.is_some_and(|c| c > 1), "{d:?}");
    };
    expect(
        8,
        "no dataset has the id `prueba/semaforo`",
        "`prueba/semaforos`",
    );
    expect(10, "no resource `semaforo.csv`", "`semaforos.csv`");
    expect(12, "no column `cale`", "`calle`");
    expect(14, "`grafico` is not a kind of embed", "`grafica`");
    expect(16, "no argument `titlo`", "`titulo`");
}

#[test]
fn embeds_in_code_stay_literal_and_an_embed_inside_a_paragraph_is_an_error() {
    let site = site_with_story(
        "```\n{{ tabla(datos=\"no/existe\") }}\n```\n\nEn código: `{{ tabla(datos=\"no/existe\") }}`.\n",
    );
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let html = page(
        &out.path().join("public"),
        "historias/prueba/historia/index.html",
    );
    assert_eq!(count(&html, "pre code"), 1);
    assert!(text_of(&select(&html, "pre code")[0]).contains("{{ tabla("));

    let site = site_with_story(
        "Una línea.\n{{ tabla(datos=\"prueba/semaforos\", recurso=\"semaforos.csv\") }}\n",
    );
    let d = only_error(&site.check()).clone();
    assert_eq!(d.line, Some(7));
    assert!(
        d.help_text(abierto::model::Language::En)
            .unwrap()
            .contains("line of its own")
    );
}

#[test]
fn a_table_and_a_chart_of_a_small_site() {
    let site = site_with_story(
        "{{ tabla(datos=\"prueba/semaforos\", recurso=\"Semáforos (CSV)\", filtro=\"calle=juarez\") }}\n\n\
         {{ grafica(datos=\"prueba/semaforos\", recurso=\"semaforos.csv\", x=\"calle\", agregar=\"cuenta\") }}\n",
    );
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let html = page(
        &out.path().join("public"),
        "historias/prueba/historia/index.html",
    );
    let cells: Vec<String> = select(&html, ".embed-table tbody td")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(cells, ["1", "Juárez"]);
    assert_eq!(count(&html, ".chart-bars rect.bar"), 2);
    // Titles and ids are unique in the page.
    assert_eq!(count(&html, "#embed-2-title"), 1);
}

#[test]
fn drafts_are_built_by_serve_only_and_never_in_the_feed() {
    let site = TempSite::valid()
        .file(
            "historias/publicada.md",
            "+++\ntitle = \"Publicada\"\ndate = 2015-01-01\nsummary = \"Ya salió.\"\ntags = [\"movilidad\"]\n+++\nTexto.\n",
        )
        .file(
            "historias/borrador.md",
            "+++\ntitle = \"Borrador\"\ndate = 2016-01-01\ndraft = true\n+++\nTexto.\n",
        );
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let public = out.path().join("public");
    assert!(public.join("historias/publicada/index.html").is_file());
    assert!(!public.join("historias/borrador/index.html").exists());
    let feed = std::fs::read_to_string(public.join("historias/novedades.xml")).unwrap();
    assert!(
        feed.contains("Publicada") && !feed.contains("Borrador"),
        "{feed}"
    );

    // `serve` renders drafts (in memory); its feed still leaves them out.
    let server = abierto::serve::Server::start(&abierto::serve::ServeOptions {
        site: site.path().to_path_buf(),
        port: 0,
        bind: std::net::Ipv4Addr::LOCALHOST.into(),
        base_url: None,
        participant: None,
        include_drafts: true,
        verbose: false,
        language: None,
    })
    .unwrap();
    let get = |path: &str| {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(server.address()).unwrap();
        write!(stream, "GET {path} HTTP/1.0\r\nHost: x\r\n\r\n").unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer
    };
    let draft = get("/historias/borrador/");
    assert!(
        draft.starts_with("HTTP/1.1 200") || draft.starts_with("HTTP/1.0 200"),
        "{draft}"
    );
    assert!(draft.contains("Borrador"), "{draft}");
    let feed = get("/historias/novedades.xml");
    assert!(
        feed.contains(" 200 ") && feed.contains("Publicada"),
        "{feed}"
    );
    assert!(!feed.contains("Borrador"), "{feed}");
    server.stop();
}

/// The text of each child element named `name` of the Atom element at `path`.
fn atom(feed: &str) -> Vec<(String, String)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(feed);
    let mut path: Vec<String> = Vec::new();
    let mut found = Vec::new();
    loop {
        match reader.read_event().expect("the feed is well-formed XML") {
            Event::Start(e) => path.push(e.name().as_ref().to_string()),
            Event::Empty(e) => {
                let name = e.name().as_ref().to_string();
                let href = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.as_ref() == "href")
                    .map(|a| a.value.to_string())
                    .unwrap_or_default();
                found.push((format!("{}/{name}", path.join("/")), href));
            }
            Event::Text(t) => {
                let text = t.xml10_content().to_string();
                if !text.trim().is_empty() {
                    found.push((path.join("/"), text));
                }
            }
            Event::End(_) => {
                path.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    found
}

#[test]
fn the_stories_feed_is_valid_atom_linked_from_the_index() {
    let out = built_example(BASE);
    let public = out.path().join("public");
    let feed = std::fs::read_to_string(public.join("historias/novedades.xml")).unwrap();
    assert!(feed.contains("xmlns=\"http://www.w3.org/2005/Atom\""));
    let items = atom(&feed);
    let get = |path: &str| -> Vec<&str> {
        items
            .iter()
            .filter(|(p, _)| p == path)
            .map(|(_, v)| v.as_str())
            .collect()
    };
    assert_eq!(
        get("feed/id"),
        ["https://red.example.org/red/historias/novedades.xml"]
    );
    assert_eq!(get("feed/title").len(), 1);
    assert_eq!(get("feed/updated"), ["2016-09-01T00:00:00Z"]);
    let entries = get("feed/entry/id");
    // Seven published stories; the Zapopan draft is not in the feed.
    assert_eq!(entries.len(), 7, "{feed}");
    assert!(!feed.contains("inventario-zapopan"));
    assert_eq!(get("feed/entry/title").len(), 7);
    assert_eq!(get("feed/entry/updated").len(), 7);
    let links = get("feed/entry/link");
    assert_eq!(links.len(), 7);
    for (id, link) in entries.iter().zip(&links) {
        assert_eq!(id, link);
        assert!(link.starts_with("https://red.example.org/red/historias/"));
        let page = link.trim_start_matches("https://red.example.org/red/");
        assert!(public.join(page).join("index.html").is_file(), "{page}");
    }
    // Newest first.
    assert!(
        entries[0].ends_with("/jalisco/midiendo-el-desarrollo/"),
        "{entries:?}"
    );

    let index = page(&public, "historias/index.html");
    let alternate = select(
        &index,
        "link[rel=alternate][type=\"application/atom+xml\"][href=\"/red/historias/novedades.xml\"]",
    );
    assert_eq!(alternate.len(), 1);
    // The index shows covers (decorative or described) and summaries.
    let covers = select(&index, ".story-card img.story-cover");
    assert_eq!(covers.len(), 3);
    assert!(covers.iter().all(|c| c.value().attr("alt").is_some()));
}

#[test]
fn raw_html_is_sanitized_and_cannot_break_the_page() {
    let site = site_with_story(
        "Antes.\n\n<div class=\"aviso\"><p>Abierto <strong>sin cerrar\n\n\
         <script>alert(1)</script>\n\n<img src=\"x.png\" onerror=\"alert(1)\" alt=\"x\">\n\n\
         <a href=\"javascript:alert(1)\">clic</a>\n\n\
         <iframe src=\"https://www.youtube.com/embed/abc\" title=\"Video del datatón\"></iframe>\n\n\
         <style>body { display: none }</style>\n",
    );
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let html = page(
        &out.path().join("public"),
        "historias/prueba/historia/index.html",
    );
    let prose = select(&html, ".prose");
    assert_eq!(prose.len(), 1);
    let inner = prose[0].html();
    for bad in [
        "<script",
        "onerror",
        "javascript:",
        "<iframe",
        "<style",
        "display: none",
    ] {
        assert!(!inner.contains(bad), "{bad} in {inner}");
    }
    // The open <div> and <strong> closed inside the story: the page around it is intact.
    assert!(count(&html, ".prose .aviso strong") >= 1);
    assert_eq!(count(&html, "article.story .prose"), 1);
    assert_eq!(count(&html, "footer.site-footer"), 1);
    assert!(select(&html, "footer.site-footer")[0].ancestors().all(|a| {
        a.value()
            .as_element()
            .is_none_or(|e| !e.classes().any(|c| c == "prose"))
    }));
    let link = select(&html, ".prose a.external-embed");
    assert_eq!(
        link[0].value().attr("href"),
        Some("https://www.youtube.com/embed/abc")
    );
    assert_eq!(text_of(&link[0]), "Video del datatón");
}

#[test]
fn files_beside_a_story_are_published_and_a_missing_cover_is_an_error() {
    let site = TempSite::valid()
        .file(
            "participants/prueba/historias/historia.md",
            "+++\ntitle = \"Historia\"\ndate = 2015-01-01\ncover = \"portada.png\"\n+++\n\n![Foto del cruce](fotos/cruce.png)\n\n[El informe](informe.pdf)\n",
        )
        .file("participants/prueba/historias/portada.png", b"\x89PNG\r\n\x1a\n")
        .file("participants/prueba/historias/fotos/cruce.png", b"\x89PNG\r\n\x1a\n")
        .file("participants/prueba/historias/informe.pdf", b"%PDF-1.4\n");
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let report = build_into(site.path(), &public, Some(BASE));
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    for file in ["portada.png", "fotos/cruce.png", "informe.pdf"] {
        assert!(
            public
                .join("historias/prueba/historia")
                .join(file)
                .is_file(),
            "{file}"
        );
    }
    let html = page(&public, "historias/prueba/historia/index.html");
    assert_eq!(
        select(&html, ".prose img")[0].value().attr("src"),
        Some("/red/historias/prueba/historia/fotos/cruce.png")
    );
    assert_eq!(
        select(&html, ".prose a")[0].value().attr("href"),
        Some("/red/historias/prueba/historia/informe.pdf")
    );
    // `check` does not call the cover an unreferenced file.
    assert!(
        site.check()
            .iter()
            .all(|d| !d.file.ends_with("portada.png")),
        "{:#?}",
        site.check()
    );

    let site = TempSite::valid().file(
        "participants/prueba/historias/historia.md",
        "+++\ntitle = \"Historia\"\ndate = 2015-01-01\ncover = \"portda.png\"\n+++\nTexto.\n",
    );
    let d = only_error(&site.check()).clone();
    assert_eq!(d.file, "participants/prueba/historias/historia.md");
    assert_eq!(d.line, Some(4));
    assert!(
        d.message_text(abierto::model::Language::En)
            .contains("portda.png"),
        "{d:?}"
    );
    let _ = Path::new("");
}
