//! A visitor sees what each data file holds before downloading it: previews,
//! column profiles, maps; an official sees every problem of a file, with its
//! line, and a hostile file never breaks the build.

mod common;

use abierto::analyse::cache::Cache;
use abierto::analyse::{self, ColumnType, EncodingSource, FileContent, FileFacts, Request};
use common::*;
use std::path::Path;

/// A site whose one dataset (`prueba/datos`) has one resource per `(file, extra toml)`.
fn site_with(files: &[(&str, &[u8], &str)]) -> TempSite {
    let mut descriptor = String::from("title = \"Datos\"\ndescription = \"Archivos de prueba.\"\n");
    let mut site = TempSite::empty()
        .file("portal.toml", PORTAL)
        .file("participants/prueba/participant.toml", PARTICIPANT);
    for (name, bytes, extra) in files {
        descriptor.push_str(&format!(
            "\n[[resources]]\ntitle = \"{name}\"\npath = \"datos/{name}\"\n{extra}\n"
        ));
        site = site.file(&format!("participants/prueba/datos/{name}"), bytes);
    }
    site.file("participants/prueba/datos.toml", descriptor)
}

fn page_text(out: &Path) -> String {
    std::fs::read_to_string(out.join("public/datos/prueba/datos/index.html")).unwrap()
}

fn warnings_for<'a>(
    report: &'a abierto::build::BuildReport,
    file: &str,
) -> Vec<&'a abierto::diagnostics::Diagnostic> {
    report
        .diagnostics
        .iter()
        .filter(|d| !d.is_error() && d.file == format!("participants/prueba/datos/{file}"))
        .collect()
}

/// Analyses bytes written to a temporary file, as a resource of `format`.
fn analyse_bytes(name: &str, bytes: &[u8], format: &str, encoding: Option<&str>) -> FileFacts {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let cache = Cache::open(&dir.path().join("cache")).unwrap();
    analyse::analyse_file_cached(
        &Request {
            path: &path,
            declared_encoding: encoding,
            format,
            preview_rows: 20,
            explore_max_rows: 0,
        },
        &cache,
    )
    .unwrap()
}

fn csv_of(facts: &FileFacts) -> &analyse::CsvAnalysis {
    match &facts.content {
        FileContent::Csv { csv, .. } => csv,
        other => panic!("not a CSV analysis: {other:?}"),
    }
}

fn windows_1252(text: &str) -> Vec<u8> {
    encoding_rs::WINDOWS_1252.encode(text).0.into_owned()
}

#[test]
fn a_windows_1252_csv_shows_its_accents_and_gets_a_utf8_copy() {
    let original = windows_1252(
        "folio;calle;motivo\nTR-1;Álvaro Obregón;Tránsito lento\nTR-2;Juárez;Colisión\n",
    );
    let site = site_with(&[("accidentes.csv", &original, "")]);
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let html = page_text(out.path());
    assert!(
        html.contains("Álvaro Obregón"),
        "accents are wrong on the page"
    );
    assert!(html.contains("Tránsito lento"));
    assert!(html.contains("windows-1252 (detectada)"));
    assert!(html.contains("Descargar el original"));
    // The original is published byte for byte, the copy is UTF-8.
    let public = out.path().join("public/descargas/prueba/datos");
    assert_eq!(
        std::fs::read(public.join("accidentes.csv")).unwrap(),
        original
    );
    let copy = std::fs::read_to_string(public.join("utf-8/accidentes.csv")).unwrap();
    assert!(copy.contains("TR-1;Álvaro Obregón;Tránsito lento"));
    assert!(html.contains("/descargas/prueba/datos/utf-8/accidentes.csv"));
}

#[test]
fn encodings_are_detected_and_a_declared_encoding_wins() {
    let utf8 = analyse_bytes("a.csv", "a,b\nñ,1\n".as_bytes(), "CSV", None);
    assert_eq!(csv_of(&utf8).dialect.encoding, "UTF-8");
    assert_eq!(
        csv_of(&utf8).dialect.encoding_source,
        EncodingSource::Detected
    );

    let bom = analyse_bytes("b.csv", b"\xEF\xBB\xBFnombre,n\nx,1\n", "CSV", None);
    assert_eq!(csv_of(&bom).dialect.encoding_source, EncodingSource::Bom);
    assert_eq!(
        csv_of(&bom).table.header[0],
        "nombre",
        "the BOM is not part of the name"
    );

    let latin = analyse_bytes("c.csv", &windows_1252("calle\nTránsito\n"), "CSV", None);
    assert_eq!(csv_of(&latin).dialect.encoding, "windows-1252");
    assert_eq!(csv_of(&latin).table.preview[0][0], "Tránsito");

    // Declared windows-1252 on bytes that would pass as UTF-8 ("Ã©" in 1252).
    let declared = analyse_bytes("d.csv", "x\né\n".as_bytes(), "CSV", Some("windows-1252"));
    assert_eq!(
        csv_of(&declared).dialect.encoding_source,
        EncodingSource::Declared
    );
    assert_eq!(csv_of(&declared).table.preview[0][0], "Ã©");
}

#[test]
fn separators_are_detected_even_inside_quotes() {
    for (text, separator) in [
        ("a,b,c\n1,2,3\n4,5,6\n", ','),
        ("a;b;c\n\"1,5\";\"x, y, z\";3\n4;5;6\n", ';'),
        ("a\tb\n1\t2\n", '\t'),
        ("a|b|c\n1|2|3\n", '|'),
        (
            "nombre,nota\n\"Pérez; Juan\",\"a;b;c;d\"\n\"López; Ana\",x\n",
            ',',
        ),
    ] {
        let facts = analyse_bytes("s.csv", text.as_bytes(), "CSV", None);
        assert_eq!(csv_of(&facts).dialect.delimiter, separator, "{text:?}");
    }
}

#[test]
fn counts_types_and_decimal_commas_are_inferred() {
    let text = "clave;municipio;poblacion;pobreza_pct;fecha;activo;latitud;longitud;vacia\n\
                001;Xalapa;480841;42,4;2014-01-03;sí;19.54;-96.91;\n\
                002;Banderilla;24000;38,1;03/02/2014;no;19.58;-96.93;\n\
                010;Coatepec;92000;45,0;2014-03-01;sí;19.45;-96.96;\n";
    let facts = analyse_bytes("t.csv", text.as_bytes(), "CSV", None);
    let csv = csv_of(&facts);
    assert_eq!(csv.dialect.delimiter, ';');
    assert!(csv.dialect.decimal_comma);
    assert!(csv.dialect.has_header);
    assert_eq!((csv.table.rows, csv.table.columns), (3, 9));
    let types: Vec<ColumnType> = csv.table.profile.iter().map(|c| c.column_type).collect();
    use ColumnType::*;
    assert_eq!(
        types,
        [
            Text, Text, Integer, Decimal, Date, Boolean, Latitude, Longitude, Empty
        ]
    );
    let poblacion = &csv.table.profile[2];
    assert_eq!(poblacion.min.as_deref(), Some("24000"));
    assert_eq!(poblacion.max.as_deref(), Some("480841"));
    assert_eq!(csv.table.profile[4].min.as_deref(), Some("2014-01-03"));
    let points = csv.table.points.as_ref().expect("a map of the coordinates");
    assert_eq!(points.map.count, 3);
    let bbox = points.map.bbox;
    assert_eq!(
        (bbox.west, bbox.south, bbox.east, bbox.north),
        (-96.96, 19.45, -96.91, 19.58)
    );
    assert!(
        facts.notices.iter().any(|n| n
            .message
            .text(abierto::model::Language::En)
            .contains("`vacia` is empty")),
        "{:?}",
        facts.notices
    );
}

#[test]
fn geojson_and_kml_give_counts_geometry_types_and_bounding_boxes() {
    let geojson = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"nombre":"Zona A","nivel":"alto"},"geometry":{"type":"Polygon","coordinates":[[[-101.0,22.1],[-100.9,22.1],[-100.9,22.2],[-101.0,22.1]]]}},
      {"type":"Feature","properties":{"nombre":"Refugio","nivel":"bajo"},"geometry":{"type":"Point","coordinates":[-100.95,22.15]}}]}"#;
    let facts = analyse_bytes("z.geojson", geojson.as_bytes(), "GeoJSON", None);
    let FileContent::Geo { geo, .. } = &facts.content else {
        panic!("{facts:?}")
    };
    assert_eq!(geo.features, 2);
    assert_eq!(geo.geometry_types.get("Polygon"), Some(&1));
    assert_eq!(geo.geometry_types.get("Point"), Some(&1));
    let b = geo.map.as_ref().unwrap().bbox;
    assert_eq!(
        (b.west, b.south, b.east, b.north),
        (-101.0, 22.1, -100.9, 22.2)
    );
    assert_eq!(geo.properties.header, ["nombre", "nivel"]);

    // The old Google namespace, extended data, a polygon with a hole.
    let kml = r#"<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://earth.google.com/kml/2.2"><Document>
<Placemark><name>Museo &amp; jardín</name><ExtendedData><Data name="horario"><value>9 a 17</value></Data></ExtendedData>
<Point><coordinates>-98.2,19.04,0</coordinates></Point></Placemark>
<Placemark><name>Colonia</name><Polygon><outerBoundaryIs><LinearRing><coordinates>
-99.2,19.3 -99.1,19.3 -99.1,19.4 -99.2,19.3</coordinates></LinearRing></outerBoundaryIs>
<innerBoundaryIs><LinearRing><coordinates>-99.16,19.33 -99.14,19.33 -99.15,19.35 -99.16,19.33</coordinates></LinearRing></innerBoundaryIs></Polygon></Placemark>
</Document></kml>"#;
    let facts = analyse_bytes("m.kml", kml.as_bytes(), "KML", None);
    let FileContent::Geo { geo, .. } = &facts.content else {
        panic!("{facts:?}")
    };
    assert_eq!(geo.features, 2);
    assert_eq!(geo.geometry_types.get("Polygon"), Some(&1));
    let b = geo.map.as_ref().unwrap().bbox;
    assert_eq!(
        (b.west, b.south, b.east, b.north),
        (-99.2, 19.04, -98.2, 19.4)
    );
    assert_eq!(geo.properties.preview[0][0], "Museo & jardín");
    assert_eq!(geo.properties.header, ["name", "description", "horario"]);
    let preview = &geo.map.as_ref().unwrap().preview;
    let colonia = preview.features.iter().find(|f| f.id == 1).unwrap();
    assert_eq!(colonia.name, "Colonia");
    match &colonia.shapes[..] {
        [abierto::analyse::Shape::Polygon(rings)] => assert_eq!(rings.len(), 2),
        other => panic!("{other:?}"),
    }
}

#[test]
fn maps_previews_and_conversions_are_on_the_page() {
    let kml = "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Placemark><name>Catedral</name>\
               <Point><coordinates>-98.19,19.04</coordinates></Point></Placemark></kml>";
    let csv = "id,latitud,longitud\n1,19.5,-96.9\n2,19.6,-96.8\n";
    let site = site_with(&[
        ("museos.kml", kml.as_bytes(), ""),
        ("puntos.csv", csv.as_bytes(), ""),
    ]);
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let html = page(out.path(), "public/datos/prueba/datos/index.html");
    let maps = select(&html, "figure.map svg[role=img]");
    assert_eq!(
        maps.len(),
        2,
        "a map for the KML and one for the coordinates"
    );
    for map in &maps {
        assert_eq!(select_in(map, "title[id]").len(), 1);
        assert_eq!(select_in(map, "desc").len(), 1);
        assert_eq!(select_in(map, "rect.map-frame").len(), 1);
    }
    let names: Vec<String> = select_in(&maps[0], "g.map-point title")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(names, ["Catedral"], "each place named by its <title>");
    let previews = select(
        &html,
        ".table-scroll[role=region][tabindex='0'] table.preview",
    );
    assert_eq!(previews.len(), 2);
    let geojson = out
        .path()
        .join("public/descargas/prueba/datos/geojson/museos.geojson");
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(geojson).unwrap()).unwrap();
    assert_eq!(value["features"][0]["geometry"]["coordinates"][0], -98.19);
    assert_eq!(value["features"][0]["properties"]["name"], "Catedral");
}

fn select_in<'a>(
    element: &scraper::ElementRef<'a>,
    selector: &str,
) -> Vec<scraper::ElementRef<'a>> {
    element
        .select(&scraper::Selector::parse(selector).unwrap())
        .collect()
}

#[test]
fn cells_are_escaped_in_previews() {
    let site = site_with(&[(
        "x.csv",
        b"nombre,nota\n<script>alert(1)</script>,<b>negrita</b>\n",
        "",
    )]);
    let (_, out) = site.build();
    let html = page(out.path(), "public/datos/prueba/datos/index.html");
    let cells: Vec<String> = select(&html, "table.preview td")
        .iter()
        .map(text_of)
        .collect();
    assert!(
        cells.contains(&"<script>alert(1)</script>".to_string()),
        "{cells:?}"
    );
    assert!(cells.contains(&"<b>negrita</b>".to_string()));
    assert!(
        select(&html, "script")
            .iter()
            .all(|s| !text_of(s).contains("alert"))
    );
    assert!(select(&html, "table.preview b").is_empty());
}

#[test]
fn problems_of_a_csv_are_reported_with_their_lines() {
    let mut bytes = b"id,id,nota\n1,2,a\n2,3\n3,4,c\n".to_vec();
    bytes.extend_from_slice(b"4,5,caf\xe9\n");
    let site = site_with(&[("datos.csv", &bytes, "encoding = \"utf-8\"")]);
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0);
    let warnings = warnings_for(&report, "datos.csv");
    let at = |line: usize, words: &str| {
        assert!(
            warnings.iter().any(|d| d.line == Some(line)
                && d.message_text(abierto::model::Language::En).contains(words)),
            "no warning at line {line} about {words:?}: {warnings:#?}"
        )
    };
    at(1, "appears twice");
    at(3, "2 cells where the header has 3");
    at(5, "not valid UTF-8");
    assert!(page_text(out.path()).contains("Avisos sobre este archivo"));
}

#[test]
fn a_declared_type_that_does_not_fit_the_data_is_a_warning() {
    let site = site_with(&[(
        "t.csv",
        b"anio,monto\n2014,12.5\n2015,abc\n",
        "\n[[resources.fields]]\nname = \"monto\"\ntype = \"number\"\ndescription = \"Monto\"\n\n[[resources.fields]]\nname = \"colonia\"\ndescription = \"Colonia\"\n",
    )]);
    let (report, out) = site.build();
    let descriptor: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.file == "participants/prueba/datos.toml")
        .collect();
    assert!(
        descriptor.iter().any(|d| d
            .message_text(abierto::model::Language::En)
            .contains("`monto` is declared `number`")),
        "{descriptor:#?}"
    );
    assert!(descriptor.iter().any(|d| {
        d.message_text(abierto::model::Language::En)
            .contains("`colonia`")
    }));
    let html = page_text(out.path());
    assert!(html.contains("no coincide con los datos"));
    assert!(
        html.contains("Monto"),
        "the documentation is merged into the dictionary"
    );
}

#[test]
fn hostile_files_give_warnings_and_never_break_the_build() {
    let wide: String = (0..10_000)
        .map(|i| format!("c{i}"))
        .collect::<Vec<_>>()
        .join(",")
        + "\n"
        + &"1,".repeat(9_999)
        + "1\n";
    let single_line = vec![b'x'; 24 * 1024 * 1024];
    let lfs = b"version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n";
    let site = site_with(&[
        ("vacio.csv", b"", ""),
        ("binario.csv", b"PK\x03\x04\x00\x00\x08\x00binary\x00\xff\xfe", ""),
        ("ancho.csv", wide.as_bytes(), ""),
        ("una-linea.csv", &single_line, ""),
        ("comilla.csv", b"a,b\n1,\"sin cerrar\n2,3\n4,5\n", ""),
        ("roto.kml", b"<kml><Placemark><name>A</name>\n<Point><coordinates>1,2</coordinates></Point></Placemark>\n<Placemark><name>B</nombre></Placemark></kml>", ""),
        ("lfs.csv", lfs, ""),
    ]);
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    assert!(report.written);
    let has = |file: &str, words: &str, line: Option<usize>| {
        let warnings = warnings_for(&report, file);
        assert!(
            warnings.iter().any(
                |d| d.message_text(abierto::model::Language::En).contains(words)
                    && (line.is_none() || d.line == line)
            ),
            "{file}: no warning about {words:?} at {line:?}: {warnings:#?}"
        );
    };
    has("vacio.csv", "empty", None);
    has("binario.csv", "not text", None);
    has("ancho.csv", "only the first 200 are described", None);
    has("una-linea.csv", "longer than 1 MB", Some(1));
    has("comilla.csv", "never closed", None);
    has("roto.kml", "not well-formed", Some(3));
    has("lfs.csv", "Git LFS pointer", None);
    let html = page_text(out.path());
    assert!(
        html.contains("este archivo es un puntero de Git LFS"),
        "the page says so too, in the portal's language"
    );
    // The wide file's preview is bounded.
    assert!(html.contains("La vista previa muestra 40 de 10 000 columnas."));
}

#[test]
fn an_unchanged_file_is_not_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.csv");
    std::fs::write(&path, "n\n1\n2\n").unwrap();
    let cache = Cache::open(&dir.path().join("cache")).unwrap();
    let request = Request {
        path: &path,
        declared_encoding: None,
        format: "CSV",
        preview_rows: 20,
        explore_max_rows: 0,
    };
    let first = analyse::analyse_file_cached(&request, &cache).unwrap();
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    // Same size, same modification time: the cache answers without reading.
    std::fs::write(&path, "n\n7\n8\n").unwrap();
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    assert_eq!(
        analyse::analyse_file_cached(&request, &cache).unwrap(),
        first
    );
    // A new modification time: the content is compared and found changed.
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(modified + std::time::Duration::from_secs(5))
        .unwrap();
    let second = analyse::analyse_file_cached(&request, &cache).unwrap();
    assert_ne!(second.sha256, first.sha256);
    assert_eq!(csv_of(&second).table.preview[0][0], "7");
}

#[test]
fn rows_of_a_tabular_resource_stream_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.csv");
    std::fs::write(
        &path,
        windows_1252("calle;n\n\"Álvaro\nObregón\";1\nJuárez;2\n"),
    )
    .unwrap();
    let cache = Cache::open(&dir.path().join("cache")).unwrap();
    let facts = analyse::analyse_file_cached(
        &Request {
            path: &path,
            declared_encoding: None,
            format: "CSV",
            preview_rows: 20,
            explore_max_rows: 0,
        },
        &cache,
    )
    .unwrap();
    let rows: Vec<analyse::Row> = analyse::rows(&path, &facts, None)
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].cells, ["Álvaro\nObregón", "1"]);
    assert_eq!((rows[0].line, rows[1].line), (2, 4));
}

#[test]
fn the_example_site_shows_previews_profiles_maps_and_sheets() {
    let out = tempfile::tempdir().unwrap();
    let report = build_into(&example_site(), &out.path().join("public"), None);
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let public = out.path().join("public");
    let read = |p: &str| std::fs::read_to_string(public.join(p)).unwrap();
    let accidentes = read("datos/xalapa/accidentes-viales/index.html");
    assert!(accidentes.contains("Álvaro Obregón"));
    assert!(accidentes.contains("windows-1252 (declarada en la descripción)"));
    assert!(accidentes.contains("windows-1252 (detectada)"));
    assert!(
        public
            .join("descargas/xalapa/accidentes-viales/utf-8/accidentes-2015.csv")
            .is_file()
    );
    let jalisco = read("datos/jalisco/indicadores-sociales-municipales/index.html");
    assert!(jalisco.contains("con coma (42,4)"));
    let mide = read("datos/jalisco/indicadores-mide/index.html");
    assert!(mide.contains("Hoja «Indicadores»") && mide.contains("Hoja «Diccionario»"));
    assert!(
        public
            .join(
                "descargas/jalisco/indicadores-mide/csv/indicadores-mide-2012-2014-indicadores.csv"
            )
            .is_file()
    );
    for (page, shapes) in [
        ("datos/puebla/museos/index.html", "<circle"),
        (
            "datos/san-luis-potosi/atlas-de-riesgo/index.html",
            "map-polygon",
        ),
        ("datos/xalapa/semaforos/index.html", "<circle"),
        (
            "datos/morelos/centros-de-investigacion/index.html",
            "<circle",
        ),
    ] {
        let html = read(page);
        let document = scraper::Html::parse_document(&html);
        assert!(
            !select(&document, "figure.map svg[role=img]").is_empty() && html.contains(shapes),
            "{page} has no map"
        );
    }
}

#[test]
fn a_notice_shows_names_as_code_and_never_runs_what_they_hold() {
    let site = TempSite::valid().file(
        "participants/prueba/datos/semaforos.csv",
        "id,<script>alert(1)</script>\n1,\n2,\n",
    );
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let html = std::fs::read_to_string(out.path().join("public/datos/prueba/semaforos/index.html"))
        .unwrap();
    assert!(!html.contains("<script>alert"), "a header is text");
    let notices = common::page(
        &out.path().join("public"),
        "datos/prueba/semaforos/index.html",
    );
    let code: Vec<String> = common::select(&notices, ".notice-warning li code")
        .iter()
        .map(common::text_of)
        .collect();
    assert!(
        code.contains(&"<script>alert(1)</script>".to_string()),
        "{code:?}"
    );
}

#[test]
fn bad_geometries_are_reported_by_feature_and_line_and_the_valid_ones_drawn() {
    // Line 2: fine. 3: null geometry. 4: latitude, longitude swapped.
    // 5: metres (UTM), out of range. 6: an unknown type. 7: a polygon whose
    // ring has two positions. 8: a broken JSON: the features before it stay.
    let geojson = "{\"type\":\"FeatureCollection\",\"features\":[\n\
{\"type\":\"Feature\",\"properties\":{\"nombre\":\"Bien\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[-96.92,19.53]}},\n\
{\"type\":\"Feature\",\"properties\":{\"nombre\":\"Sin lugar\"},\"geometry\":null},\n\
{\"type\":\"Feature\",\"properties\":{\"nombre\":\"Al revés\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[19.53,-96.92]}},\n\
{\"type\":\"Feature\",\"properties\":{\"nombre\":\"En metros\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[703000,2160000]}},\n\
{\"type\":\"Feature\",\"properties\":{\"nombre\":\"Raro\"},\"geometry\":{\"type\":\"Circle\",\"coordinates\":[-96.9,19.5]}},\n\
{\"type\":\"Feature\",\"properties\":{\"nombre\":\"Corto\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-96.9,19.5],[-96.8,19.5]]]}},\n\
{\"type\":\"Feature\",\"properties\":{\"nombre\":\"Otro\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[-96.90,19.50]}},\n\
{\"type\":\"Feature\",\"geometry\":{";
    let facts = analyse_bytes("malos.geojson", geojson.as_bytes(), "GeoJSON", None);
    let FileContent::Geo { geo, .. } = &facts.content else {
        panic!("{facts:?}")
    };
    let said: Vec<(Option<usize>, String)> = facts
        .notices
        .iter()
        .map(|n| (n.line, n.message.text(abierto::model::Language::En)))
        .collect();
    let has = |line: usize, words: &[&str]| {
        assert!(
            said.iter()
                .any(|(l, m)| *l == Some(line) && words.iter().all(|w| m.contains(w))),
            "nothing at line {line} saying {words:?}: {said:#?}"
        );
    };
    has(3, &["feature 2", "no geometry"]);
    has(4, &["feature 3", "swapped"]);
    has(5, &["feature 4", "not longitude and latitude"]);
    has(6, &["feature 5", "not valid"]);
    has(7, &["feature 6", "not valid"]);
    has(9, &["not valid JSON"]);
    assert_eq!(
        geo.features, 7,
        "every feature read before the break is in the table"
    );
    let map = geo.map.as_ref().expect("the valid features are drawn");
    assert_eq!(map.count, 2);
    assert_eq!(
        (map.bbox.west, map.bbox.north),
        (-96.92, 19.53),
        "only valid positions make the box"
    );
}

#[test]
fn a_geojson_in_utm_is_drawn_where_it_is_and_an_unknown_system_is_said() {
    // EPSG:32614 (UTM 14 N): 703,000 E, 2,160,000 N is -97.06540, 19.52441
    // (computed with PROJ).
    let utm = "{\"type\":\"FeatureCollection\",\n\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::32614\"}},\n\"features\":[\n\
{\"type\":\"Feature\",\"properties\":{\"nombre\":\"Semáforo\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[703000,2160000]}}]}";
    let facts = analyse_bytes("utm.geojson", utm.as_bytes(), "GeoJSON", None);
    let FileContent::Geo { geo, .. } = &facts.content else {
        panic!("{facts:?}")
    };
    assert!(facts.notices.is_empty(), "{:#?}", facts.notices);
    let bbox = geo.map.as_ref().expect("drawn").bbox;
    assert!((bbox.west + 97.065_402).abs() < 1e-5, "{bbox:?}");
    assert!((bbox.north - 19.524_414).abs() < 1e-5, "{bbox:?}");

    let unknown = utm.replace("32614", "2154");
    let facts = analyse_bytes("lambert.geojson", unknown.as_bytes(), "GeoJSON", None);
    let said: Vec<(Option<usize>, String)> = facts
        .notices
        .iter()
        .map(|n| (n.line, n.message.text(abierto::model::Language::En)))
        .collect();
    assert!(
        said.iter()
            .any(|(line, m)| *line == Some(2) && m.contains("urn:ogc:def:crs:EPSG::2154")),
        "{said:#?}"
    );
    // A `crs` after the features comes too late for them: said, with the fix.
    let late = "{\"type\":\"FeatureCollection\",\n\"features\":[\n\
{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[703000,2160000]}}],\n\
\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:32614\"}}}";
    let facts = analyse_bytes("tarde.geojson", late.as_bytes(), "GeoJSON", None);
    let late: Vec<(Option<usize>, String)> = facts
        .notices
        .iter()
        .map(|n| (n.line, n.message.text(abierto::model::Language::Es)))
        .collect();
    assert!(
        late.iter()
            .any(|(line, m)| *line == Some(4) && m.contains("después de sus elementos")),
        "{late:#?}"
    );
}
