//! Real files published by Mexican municipalities (../shared/realdata, see its
//! SOURCES.md) are understood as a person reading them would: encodings,
//! BOMs, empty headers, leading-zero codes, embedded newlines, coordinates,
//! both KML namespaces. They need ../shared (or ABIERTO_SHARED), which a fresh
//! clone lacks, so `cargo test` leaves them out (`#[ignore]`); `.ci/run` runs
//! them with `cargo test --test realdata -- --ignored`, and they fail, never
//! skip, when the files are absent.

use abierto::analyse::cache::Cache;
use abierto::analyse::{self, ColumnType, EncodingSource, FileContent, FileFacts, Request};
use std::path::PathBuf;

fn realdata() -> PathBuf {
    let shared = std::env::var_os("ABIERTO_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let dir = shared.join("realdata");
    assert!(
        dir.is_dir(),
        "{} is absent: put the shared files beside the repository or set ABIERTO_SHARED",
        dir.display()
    );
    dir
}

fn analyse(name: &str, format: &str) -> FileFacts {
    let path = realdata().join(name);
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = Cache::open(cache_dir.path()).unwrap();
    analyse::analyse_file_cached(
        &Request {
            path: &path,
            declared_encoding: None,
            format,
            preview_rows: 20,
            explore_max_rows: 0,
        },
        &cache,
    )
    .unwrap()
}

fn csv(facts: &FileFacts) -> &analyse::CsvAnalysis {
    match &facts.content {
        FileContent::Csv { csv, .. } => csv,
        other => panic!("{other:?}"),
    }
}

fn column<'a>(csv: &'a analyse::CsvAnalysis, name: &str) -> &'a analyse::ColumnProfile {
    csv.table
        .profile
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no column {name}: {:?}", csv.table.header))
}

#[test]
#[ignore = "needs ../shared/realdata; run by .ci/run with --ignored"]
fn a_windows_1252_index_keeps_its_codes_as_text_and_names_its_empty_header() {
    let facts = analyse("indice_geoestadistico.csv", "CSV");
    let table = csv(&facts);
    assert_eq!(table.dialect.encoding, "windows-1252");
    assert_eq!(table.dialect.delimiter, ',');
    assert_eq!(table.table.header[0], "columna_1");
    assert!(facts.notices.iter().any(|n| {
        n.message
            .text(abierto::model::Language::En)
            .contains("no name")
            && n.line == Some(1)
    }));
    assert_eq!(column(table, "CVE_ENT").column_type, ColumnType::Text);
    assert_eq!(column(table, "CVE_MUN").column_type, ColumnType::Text);
    assert!(
        column(table, "CVE_MUN")
            .top
            .iter()
            .any(|(v, _)| v.starts_with("00")),
        "leading zeros are kept"
    );
    assert!(
        table
            .table
            .preview
            .iter()
            .any(|row| row.iter().any(|c| c == "Rincón de Romos"))
    );
    assert!(
        !facts.notices.iter().any(|n| n
            .message
            .text(abierto::model::Language::En)
            .contains("not valid")),
        "{:?}",
        facts.notices
    );
}

#[test]
#[ignore = "needs ../shared/realdata; run by .ci/run with --ignored"]
fn a_utf8_file_with_a_bom_and_a_geometry_column() {
    let facts = analyse("procesados_col_bj.csv", "CSV");
    let table = csv(&facts);
    assert_eq!(table.dialect.encoding_source, EncodingSource::Bom);
    assert_eq!(table.table.header[0], "the_geom");
    assert!(table.table.rows > 0);
}

#[test]
#[ignore = "needs ../shared/realdata; run by .ci/run with --ignored"]
fn quoted_cells_with_newlines_stay_one_row() {
    let facts = analyse("inspecciones_toluca.csv", "CSV");
    let table = csv(&facts);
    assert_eq!(table.table.columns, 11);
    let ragged = facts
        .notices
        .iter()
        .filter(|n| {
            n.message
                .text(abierto::model::Language::En)
                .contains("cells where the header has")
        })
        .count();
    assert_eq!(ragged, 0, "{:?}", facts.notices);
    let path = realdata().join("inspecciones_toluca.csv");
    let rows: Vec<_> = analyse::rows(&path, &facts, None)
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len() as u64, table.table.rows);
    assert!(rows.iter().all(|r| r.cells.len() == 11));
    assert!(
        rows.iter()
            .any(|r| r.cells.iter().any(|c| c.contains('\n')))
    );
}

#[test]
#[ignore = "needs ../shared/realdata; run by .ci/run with --ignored"]
fn latitude_and_longitude_columns_make_a_map() {
    let facts = analyse("LicenciasMetepec.csv", "CSV");
    let table = csv(&facts);
    assert_eq!(column(table, "latitud").column_type, ColumnType::Latitude);
    assert_eq!(column(table, "longitud").column_type, ColumnType::Longitude);
    // Three latitudes end in a stray dot: reported, not fatal.
    assert!(facts.notices.iter().any(|n| {
        n.message
            .text(abierto::model::Language::En)
            .contains("`latitud`")
            && n.message
                .text(abierto::model::Language::En)
                .contains("19.26068.")
    }));
    let points = table.table.points.as_ref().expect("points");
    let bbox = points.map.bbox;
    // Metepec, State of Mexico.
    assert!(bbox.south > 18.5 && bbox.north < 20.0, "{bbox:?}");
    assert!(bbox.west > -100.5, "{bbox:?}");
    // One longitude lost its minus sign (99.61): the box shows it, as the data say.
    assert!(bbox.east > 99.0, "{bbox:?}");
}

#[test]
#[ignore = "needs ../shared/realdata; run by .ci/run with --ignored"]
fn upper_case_headers_with_units_are_profiled() {
    let facts = analyse("xalapa_ResumenDeActividadPorVehiculoAbr2016.csv", "CSV");
    let table = csv(&facts);
    assert_eq!(
        column(table, "DISTANCIA DE VIAJE (km)").column_type,
        ColumnType::Decimal
    );
    let facts = analyse("tramites_toluca.csv", "CSV");
    // Nine procedures with long text cells.
    assert_eq!(csv(&facts).table.rows, 9);
    assert_eq!(csv(&facts).table.columns, 12);
}

#[test]
#[ignore = "needs ../shared/realdata; run by .ci/run with --ignored"]
fn both_kml_namespaces_are_read() {
    for (name, polygons) in [("colonias_benito_juarez.kml", 64), ("miniAgebs.kml", 0)] {
        let facts = analyse(name, "KML");
        let FileContent::Geo {
            geo, geojson_copy, ..
        } = &facts.content
        else {
            panic!("{facts:?}")
        };
        assert!(
            geo.features > 0,
            "{name}: no features ({:?})",
            facts.notices
        );
        assert!(geojson_copy.is_some());
        if polygons > 0 {
            assert_eq!(geo.features, polygons);
            assert_eq!(geo.geometry_types.get("Polygon"), Some(&polygons));
        }
        let map = geo.map.as_ref().expect("a map");
        let bbox = map.bbox;
        // Mexico City and around.
        assert!(bbox.south > 14.0 && bbox.north < 33.0, "{name}: {bbox:?}");
        assert!(bbox.west > -118.0 && bbox.east < -86.0, "{name}: {bbox:?}");
        assert!(!map.preview.features.is_empty());
    }
}

/// The columns of a real file where the gate finds personal data, with what it found.
fn personal_findings(facts: &FileFacts) -> Vec<(String, Vec<&'static str>)> {
    facts
        .tables()
        .iter()
        .flat_map(|(_, table)| &table.personal_data)
        .filter(|f| !f.kinds.is_empty() || !f.emails.is_empty())
        .map(|f| {
            let kinds = f.kinds.iter().map(|k| k.kind.key());
            let emails = f.emails.iter().map(|_| "email");
            (f.column.clone(), kinds.chain(emails).collect())
        })
        .collect()
}

#[test]
#[ignore = "needs ../shared/realdata; run by .ci/run with --ignored"]
fn real_procedures_and_registers_hold_no_personal_data_for_the_gate() {
    // Toluca's procedures name each office's head with his post ("Lic. …,
    // Jefe del Departamento de Licencias"), an office's seven-digit phone with
    // its extension and the procedures in capitals under `nombre`: none of it
    // is a private person's. Metepec's licences name businesses and streets
    // called after heroes (`BENITO JUÁREZ # 1435`), in a table of no people.
    for (name, format) in [
        ("tramites_toluca.csv", "CSV"),
        ("inspecciones_toluca.csv", "CSV"),
        ("LicenciasMetepec.csv", "CSV"),
        ("indice_geoestadistico.csv", "CSV"),
        ("xalapa_ResumenDeActividadPorVehiculoAbr2016.csv", "CSV"),
        ("xalapa_VistaViajePorVehiculoResumenAbr2016.csv", "CSV"),
        ("procesados_col_bj.csv", "CSV"),
        ("colonias_benito_juarez.kml", "KML"),
        ("municipios_yucatan.geojson", "GeoJSON"),
    ] {
        let facts = analyse(name, format);
        assert_eq!(personal_findings(&facts), vec![], "{name}");
    }
    // The columns named like personal data are only noted.
    let toluca = analyse("tramites_toluca.csv", "CSV");
    let named: Vec<&str> = csv(&toluca)
        .table
        .personal_data
        .iter()
        .filter(|f| f.named_like_personal_data)
        .map(|f| f.column.as_str())
        .collect();
    assert_eq!(named, ["nombre", "contacto", "telefono", "domicilio"]);
}
