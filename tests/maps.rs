//! Maps with context: a participant's `boundary` drawn under its maps and on
//! the network's map on the home page, `[maps] tiles` (the only other host a
//! page may ask), a story's `color=`; and what is wrong with each, said at
//! its line.

mod common;

use common::*;

const OUTLINE: &str = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"nombre":"Prueba"},"geometry":{"type":"Polygon","coordinates":[[[-97.0,19.4],[-96.8,19.4],[-96.8,19.6],[-97.0,19.6],[-97.0,19.4]]]}}]}"#;
const POINTS_CSV: &str = "nombre,tipo,latitud,longitud\nA,vehicular,19.50,-96.90\nB,peatonal,19.52,-96.88\nC,vehicular,19.48,-96.92\n";

fn site_with_boundary(boundary_line: &str) -> TempSite {
    TempSite::valid()
        .file(
            "participants/prueba/participant.toml",
            format!("{PARTICIPANT}{boundary_line}\n"),
        )
        .file("participants/prueba/limite.geojson", OUTLINE)
        .file("participants/prueba/datos/semaforos.csv", POINTS_CSV)
}

/// The JSON `map.js` reads from a figure.
/// The valid site with `POINTS_CSV` as its data, built without an error.
fn built_points_site() -> tempfile::TempDir {
    let site = TempSite::valid().file("participants/prueba/datos/semaforos.csv", POINTS_CSV);
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    out
}

fn live(figure: &scraper::ElementRef) -> serde_json::Value {
    serde_json::from_str(figure.value().attr("data-map").expect("data-map")).unwrap()
}

#[test]
fn a_boundary_is_drawn_under_the_participants_maps_and_on_the_network_map() {
    let site = site_with_boundary("boundary = \"limite.geojson\"");
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let public = out.path().join("public");
    assert!(
        public
            .join("participantes/prueba/limite/mapa.json")
            .is_file()
    );
    let dataset = page(out.path(), "public/datos/prueba/semaforos/index.html");
    let figures = select(&dataset, "figure.map[data-map]");
    assert_eq!(figures.len(), 1);
    assert_eq!(
        live(&figures[0])["context"][0],
        "/participantes/prueba/limite/"
    );
    assert_eq!(
        select(&dataset, "figure.map svg path.map-outline").len(),
        1,
        "the static map draws the outline"
    );
    let home = page(out.path(), "public/index.html");
    let network = select(&home, "figure.network-map");
    assert_eq!(network.len(), 1, "the home page has the network's map");
    let links: Vec<&str> = select(&home, "figure.network-map svg a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(links, ["/participantes/prueba/"]);
    assert!(
        select(&home, "figure.network-map svg a")
            .iter()
            .all(|a| a.value().attr("tabindex") == Some("-1")),
        "a click leads to the page; Tab goes to the list of participants instead"
    );
    assert_eq!(
        select(&home, ".participant-grid a[href='/participantes/prueba/']").len(),
        1
    );
    assert_eq!(live(&network[0])["links"][0], "/participantes/prueba/");
    assert!(public.join("mapa/mapa.json").is_file());
    assert_eq!(
        select(&home, "script[data-leaflet]").len(),
        1,
        "the home page loads map.js"
    );
}

#[test]
fn a_participant_without_boundary_is_a_point_in_the_middle_of_its_data() {
    let out = built_points_site();
    let home = page(out.path(), "public/index.html");
    let points = select(&home, "figure.network-map svg a circle");
    assert_eq!(points.len(), 1);
    // The middle of the three points' box: longitude -96.90, latitude 19.50.
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.path().join("public/mapa/mapa.json")).unwrap(),
    )
    .unwrap();
    let bbox: Vec<f64> = manifest["bbox"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    assert!(
        (bbox[0] + 96.90).abs() < 1e-9 && (bbox[1] - 19.50).abs() < 1e-9,
        "{bbox:?}"
    );
}

#[test]
fn a_maps_caption_writes_its_coordinates_as_the_page_writes_numbers() {
    let out = built_points_site();
    let dataset = page(out.path(), "public/datos/prueba/semaforos/index.html");
    let caption = text_of(&select(&dataset, "figure.map figcaption")[0]);
    // Spanish: a decimal comma and a true minus, as in the facts table above the map.
    assert!(
        caption
            .contains("entre las latitudes 19,4800 y 19,5200 y las longitudes −96,9200 y −96,8800"),
        "{caption}"
    );
}

#[test]
fn a_boundary_outside_the_site_of_another_kind_or_without_polygons_is_an_error_at_its_line() {
    for (line, file, content, words) in [
        (
            "boundary = \"../../../fuera.geojson\"",
            "participants/prueba/limite.geojson",
            OUTLINE,
            "outside the site",
        ),
        (
            "boundary = \"limite.csv\"",
            "participants/prueba/limite.csv",
            "a,b\n1,2\n",
            "not a GeoJSON",
        ),
        (
            "boundary = \"limite.geojson\"",
            "participants/prueba/limite.geojson",
            r#"{"type":"Point","coordinates":[-96.9,19.5]}"#,
            "no polygons",
        ),
    ] {
        let site = TempSite::valid()
            .file(
                "participants/prueba/participant.toml",
                format!("{PARTICIPANT}{line}\n"),
            )
            .file(file, content);
        let diagnostics = site.check();
        let error = only_error(&diagnostics);
        assert_eq!(error.file, "participants/prueba/participant.toml", "{line}");
        assert_eq!(error.line, Some(4), "{line}: {error:#?}");
        let text = error.message_text(abierto::model::Language::En);
        assert!(text.contains(words), "{line}: {text}");
    }
}

#[test]
fn a_tile_server_is_asked_only_when_the_portal_sets_it_with_its_attribution() {
    let tiles = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    let site = TempSite::valid()
        .file(
            "portal.toml",
            format!("{PORTAL}\n[maps]\ntiles = \"{tiles}\"\nattribution = \"© OpenStreetMap <contributors>\"\n"),
        )
        .file("participants/prueba/datos/semaforos.csv", POINTS_CSV);
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let dataset = page(out.path(), "public/datos/prueba/semaforos/index.html");
    let config = live(&select(&dataset, "figure.map[data-map]")[0]);
    assert_eq!(config["basemap"]["tiles"], tiles);
    assert_eq!(
        config["basemap"]["attribution"],
        "© OpenStreetMap <contributors>"
    );

    for (maps, words) in [
        (format!("tiles = \"{tiles}\""), "attribution"),
        (
            "tiles = \"https://tiles.example.org/mapa.png\"\nattribution = \"x\"".to_string(),
            "{z}",
        ),
        (
            format!(
                "tiles = \"{}\"\nattribution = \"x\"",
                tiles.replace("https", "ftp")
            ),
            "ftp",
        ),
    ] {
        let site = TempSite::valid().file("portal.toml", format!("{PORTAL}\n[maps]\n{maps}\n"));
        let diagnostics = site.check();
        let error = only_error(&diagnostics);
        assert_eq!(error.file, "portal.toml");
        assert_eq!(error.line, Some(10), "{maps}: {error:#?}");
        let text = error.message_text(abierto::model::Language::En);
        assert!(text.contains(words), "{maps}: {text}");
    }
}

#[test]
fn a_story_colours_its_map_by_a_column_and_names_the_ones_it_can_colour_by() {
    let story = |colour: &str| {
        format!(
            "+++\ntitle = \"Semáforos\"\ndate = 2024-05-01\n+++\n\n{{{{ mapa(datos=\"prueba/semaforos\", recurso=\"Semáforos (CSV)\", color=\"{colour}\") }}}}\n"
        )
    };
    let site = TempSite::valid()
        .file("participants/prueba/datos/semaforos.csv", POINTS_CSV)
        .file("participants/prueba/historias/mapa.md", story("tipo"));
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let html = page(out.path(), "public/historias/prueba/mapa/index.html");
    let legend: Vec<String> = select(&html, ".map-legend li")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(
        legend,
        ["vehicular", "peatonal"],
        "two of one kind, one of the other"
    );
    let colours: Vec<String> = select(&html, "figure.map svg g.map-point")
        .iter()
        .filter_map(|g| g.value().attr("fill").map(str::to_string))
        .collect();
    assert_eq!(colours.len(), 3);
    assert_eq!(colours[0], colours[2], "A and C are both vehicular");
    assert_ne!(colours[0], colours[1]);

    let site = TempSite::valid()
        .file("participants/prueba/datos/semaforos.csv", POINTS_CSV)
        .file("participants/prueba/historias/mapa.md", story("tipos"));
    let diagnostics = site.check();
    let error = only_error(&diagnostics);
    assert_eq!(error.line, Some(6));
    let help = error
        .help_text(abierto::model::Language::En)
        .unwrap_or_default();
    assert!(help.contains("tipo"), "{help}");
}

/// A square polygon placemark at `x` degrees west, with `style` inside it.
fn kml_square(name: &str, x: f64, style: &str) -> String {
    let (w, e) = (-x, -x + 0.1);
    format!(
        "<Placemark><name>{name}</name>{style}<Polygon><outerBoundaryIs><LinearRing><coordinates>{w},19.4 {e},19.4 {e},19.5 {w},19.5 {w},19.4</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>\n"
    )
}

/// The page of a dataset whose one resource is `kml`, built without errors.
fn kml_dataset_page(kml: String) -> scraper::Html {
    let site = TempSite::valid()
        .file(
            "participants/prueba/zonas.toml",
            "title = \"Zonas\"\ndescription = \"Zonas de prueba.\"\n\n[[resources]]\ntitle = \"Zonas (KML)\"\npath = \"datos/zonas.kml\"\n",
        )
        .file("participants/prueba/datos/zonas.kml", kml);
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    page(out.path(), "public/datos/prueba/zonas/index.html")
}

#[test]
fn a_kmls_own_colours_colour_its_map_and_its_legend() {
    // KML colours are aabbggrr: 7f00ff00 is green, ff0000ff red, ff00ffff yellow.
    let kml = [
        "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>\n".to_string(),
        "<Style id=\"verde\"><PolyStyle><color>7f00ff00</color></PolyStyle></Style>\n".into(),
        "<Style id=\"rojo\"><PolyStyle><color>ff0000ff</color></PolyStyle></Style>\n".into(),
        "<StyleMap id=\"rojoMapa\"><Pair><key>normal</key><styleUrl>#rojo</styleUrl></Pair></StyleMap>\n".into(),
        kml_square("Uno &lt;script&gt;", 97.0, "<styleUrl>#verde</styleUrl>"),
        kml_square("Dos", 96.8, "<styleUrl>#rojoMapa</styleUrl>"),
        kml_square("Tres", 96.6, "<Style><PolyStyle><color>ff00ffff</color></PolyStyle></Style>"),
        kml_square("Cuatro", 96.4, "<styleUrl>#verde</styleUrl>"),
        kml_square("Cinco", 96.2, "<styleUrl>#tarde</styleUrl>"),
        "<Style id=\"tarde\"><PolyStyle><color>ffff0000</color></PolyStyle></Style>\n".into(),
        "</Document></kml>\n".into(),
    ]
    .concat();
    let html = kml_dataset_page(kml);
    let legend: Vec<String> = select(&html, ".map-legend li")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(
        legend,
        ["verde", "rojoMapa", "#ffff00", "tarde"],
        "each style in the order placemarks use it (an inline one by its colour, one defined late too)"
    );
    let heading = select(&html, ".map-legend-title");
    assert_eq!(text_of(&heading[0]), "Colores según «estilo del KML»");
    let fills: Vec<&str> = select(&html, "figure.map svg path[fill]")
        .iter()
        .filter_map(|p| p.value().attr("fill"))
        .collect();
    assert_eq!(
        fills,
        ["#00ff00", "#ff0000", "#ffff00", "#00ff00", "#0000ff"]
    );
    let titles: Vec<String> = select(&html, "figure.map svg path title")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(titles[0], "Uno <script>", "a name stays text");
    assert!(select(&html, "figure.map script").is_empty());
}

#[test]
fn a_kml_whose_styles_are_all_one_colour_keeps_its_datas_colouring() {
    let style = "<styleUrl>#uno</styleUrl>";
    let kml = [
        "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>\n".to_string(),
        "<Style id=\"uno\"><PolyStyle><color>ff00ff00</color></PolyStyle></Style>\n".into(),
        kml_square("Uno", 97.0, style),
        kml_square("Dos", 96.8, style),
        "</Document></kml>\n".into(),
    ]
    .concat();
    let html = kml_dataset_page(kml);
    let headings: Vec<String> = select(&html, ".map-legend-title")
        .iter()
        .map(text_of)
        .collect();
    assert!(
        !headings.iter().any(|h| h.contains("estilo del KML")),
        "one colour for all is no legend: {headings:?}"
    );
}
