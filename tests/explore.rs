//! A citizen explores every row of a table: each CSV and each sheet gets a
//! page «Explorar los datos», linked from its dataset page, whose data file
//! holds every row in each column's order; big tables say why they have none,
//! hostile cells stay text, and an unchanged file's data is reused.

mod common;

use common::*;
use std::path::Path;

const DATASET_PAGE: &str = "public/datos/prueba/datos/index.html";
const EXPLORER: &str = "public/datos/prueba/datos/explorar/tabla/index.html";
const EXPLORER_DATA: &str = "public/datos/prueba/datos/explorar/tabla/datos.bin";

/// A site whose dataset `prueba/datos` has one CSV resource, `tabla.csv`.
fn site_with_csv(csv: &[u8], portal_extra: &str) -> TempSite {
    TempSite::empty()
        .file("portal.toml", format!("{PORTAL}{portal_extra}"))
        .file("participants/prueba/participant.toml", PARTICIPANT)
        .file(
            "participants/prueba/datos.toml",
            "title = \"Datos\"\ndescription = \"Archivos de prueba.\"\n\n[[resources]]\ntitle = \"Tabla\"\npath = \"datos/tabla.csv\"\n",
        )
        .file("participants/prueba/datos/tabla.csv", csv)
}

/// A table read back from an explorer's data file, independently of the
/// program: each column's values in its order, and each row's codes.
struct Decoded {
    rows: usize,
    columns: Vec<serde_json::Value>,
    values: Vec<Vec<String>>,
    search: Vec<Option<Vec<String>>>,
    days: Vec<Option<Vec<u32>>>,
    codes: Vec<Vec<usize>>,
}

impl Decoded {
    fn read(path: &Path) -> Decoded {
        let bytes = std::fs::read(path).unwrap();
        assert_eq!(&bytes[..4], b"ABX2", "not an explorer file");
        let length = u32::from_le_bytes(bytes[4..8].try_into().unwrap()) as usize;
        let header: serde_json::Value = serde_json::from_slice(&bytes[8..8 + length]).unwrap();
        let rows = header["rows"].as_u64().unwrap() as usize;
        let base = (8 + length).div_ceil(4) * 4;
        let section = |column: &serde_json::Value, name: &str| -> Option<&[u8]> {
            let at = column.get(name)?.as_array().unwrap();
            let (at, len) = (at[0].as_u64().unwrap() as usize, at[1].as_u64().unwrap());
            assert_eq!(at % 4, 0, "{name} starts at a multiple of 4");
            Some(&bytes[base + at..base + at + len as usize])
        };
        let texts = |run: &[u8]| -> Vec<String> {
            assert_eq!(run.last(), Some(&0), "each value ends with a NUL");
            let run = std::str::from_utf8(&run[..run.len() - 1]).unwrap();
            run.split('\0').map(str::to_string).collect()
        };
        let columns = header["columns"].as_array().unwrap().clone();
        let (mut values, mut search, mut days, mut codes) = (vec![], vec![], vec![], vec![]);
        let mut end = base;
        for column in &columns {
            let width = column["width"].as_u64().unwrap() as usize;
            let run = section(column, "codes").unwrap();
            assert_eq!(run.len(), rows * width);
            codes.push(
                run.chunks(width)
                    .map(|le| {
                        let mut code = [0u8; 4];
                        code[..width].copy_from_slice(le);
                        u32::from_le_bytes(code) as usize
                    })
                    .collect(),
            );
            values.push(texts(section(column, "text").unwrap()));
            assert_eq!(
                values.last().unwrap().len(),
                column["count"].as_u64().unwrap() as usize
            );
            search.push(section(column, "search").map(texts));
            days.push(section(column, "days").map(|run| {
                run.chunks(4)
                    .map(|le| u32::from_le_bytes(le.try_into().unwrap()))
                    .collect()
            }));
            for name in ["codes", "text", "search", "days"] {
                if let Some(at) = column.get(name) {
                    let stop = at[0].as_u64().unwrap() + at[1].as_u64().unwrap();
                    end = end.max(base + (stop as usize).div_ceil(4) * 4);
                }
            }
        }
        assert_eq!(end, bytes.len(), "the file has bytes past its last section");
        Decoded {
            rows,
            columns,
            values,
            search,
            days,
            codes,
        }
    }

    fn values(&self, column: usize) -> Vec<&str> {
        self.values[column].iter().map(String::as_str).collect()
    }

    fn cell(&self, row: usize, column: usize) -> &str {
        &self.values[column][self.codes[column][row]]
    }

    fn row(&self, row: usize) -> Vec<&str> {
        (0..self.columns.len()).map(|c| self.cell(row, c)).collect()
    }
}

const TABLE: &str = "municipio;monto;fecha;nota\n\
    Zapopan;10;03/02/2014;a\n\
    Ñuñoa;2,5;2014-01-15;\n\
    árbol;9;01/12/2013;<script>alert(1)</script>\n\
    Nuevo León;;2015-06-30;javascript:alert(1)\n\
    Azul;100;2016-07-01;b\n\
    Álamo;-3;2014-02-03;c\n";

#[test]
fn a_csv_gets_an_explorer_linked_from_its_dataset_page() {
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(TABLE);
    let (report, out) = site_with_csv(&latin1, "").build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let dataset = page(out.path(), DATASET_PAGE);
    let links = select(&dataset, "a.button[href$='/explorar/tabla/']");
    assert_eq!(links.len(), 1, "one «Explorar los datos» link");
    assert!(text_of(&links[0]).starts_with("Explorar los datos"));
    assert_eq!(
        links[0].value().attr("href"),
        Some("/datos/prueba/datos/explorar/tabla/")
    );

    let explorer = page(out.path(), EXPLORER);
    let headers: Vec<String> = select(&explorer, "#explorador-tabla thead th[scope=col]")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(headers, ["municipio", "monto", "fecha", "nota"]);
    assert_eq!(select(&explorer, "#explorador-tabla caption").len(), 1);
    let first: Vec<String> = select(&explorer, "#explorador-tabla tbody tr:first-child td")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(
        first,
        ["Zapopan", "10", "03/02/2014", "a"],
        "decoded from Windows-1252"
    );
    assert_eq!(select(&explorer, "#explorador-tabla tbody tr").len(), 6);
    assert_eq!(
        select(&explorer, "[role=status][aria-live=polite]").len(),
        1
    );
    assert!(select(&explorer, "script[src*='/assets/explore.']").len() == 1);
    assert!(
        select(&dataset, "script[src*='/assets/explore.']").is_empty(),
        "the explorer's script loads only on explorer pages"
    );
}

#[test]
fn hostile_cells_stay_text_on_the_explorer_page() {
    let (report, out) = site_with_csv(TABLE.as_bytes(), "").build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let html = std::fs::read_to_string(out.path().join(EXPLORER)).unwrap();
    assert!(!html.contains("<script>alert"), "a cell became markup");
    let explorer = page(out.path(), EXPLORER);
    let cells: Vec<String> = select(&explorer, "#explorador-tabla td")
        .iter()
        .map(text_of)
        .collect();
    assert!(cells.contains(&"<script>alert(1)</script>".to_string()));
    assert!(
        select(&explorer, "#explorador-tabla a").is_empty(),
        "no cell is a link"
    );
}

#[test]
fn the_data_file_holds_every_row_with_each_column_in_its_order() {
    let (report, out) = site_with_csv(TABLE.as_bytes(), "").build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let table = Decoded::read(&out.path().join(EXPLORER_DATA));
    assert_eq!(table.rows, 6);
    let expected: Vec<Vec<&str>> = TABLE
        .lines()
        .skip(1)
        .map(|line| line.split(';').collect())
        .collect();
    for (r, row) in expected.iter().enumerate() {
        assert_eq!(&table.row(r), row, "row {r} in the file's order");
    }
    // Text as a Spanish dictionary: accents and case aside, ñ after n.
    assert_eq!(
        table.values(0),
        ["Álamo", "árbol", "Azul", "Nuevo León", "Ñuñoa", "Zapopan"]
    );
    // Numbers by value (a decimal comma read as such), the empty cell last.
    assert_eq!(table.values(1), ["-3", "2,5", "9", "10", "100", ""]);
    // The browser reads the five numbers from their text; the file says how many there are.
    assert_eq!(table.columns[1]["parsed"], 5);
    assert!(table.days[1].is_none());
    assert_eq!(table.columns[1]["empty"], true);
    // Dates by day whatever their spelling (03/02/2014 is the 3rd of February).
    assert_eq!(
        table.values(2),
        [
            "01/12/2013",
            "2014-01-15",
            "03/02/2014",
            "2014-02-03",
            "2015-06-30",
            "2016-07-01"
        ]
    );
    assert_eq!(
        table.days[2].as_deref(),
        Some(&[20131201, 20140115, 20140203, 20140203, 20150630, 20160701][..])
    );
    // What the text search compares: without accents, in lower case; a
    // column all in ASCII has none (the browser lowers its case).
    assert_eq!(
        table.search[0].as_deref(),
        Some(&["alamo", "arbol", "azul", "nuevo leon", "nunoa", "zapopan"].map(String::from)[..])
    );
    assert!(table.search[1].is_none() && table.search[2].is_none());
}

#[test]
fn every_sheet_of_a_workbook_gets_its_explorer() {
    let out = built_example("https://red.example.org/");
    let workbook =
        "public/datos/jalisco/indicadores-mide/explorar/indicadores-mide-2012-2014-hoja-";
    for sheet in [1, 2] {
        let page_file = out.path().join(format!("{workbook}{sheet}/index.html"));
        assert!(page_file.is_file(), "no explorer for sheet {sheet}");
        let table = Decoded::read(&out.path().join(format!("{workbook}{sheet}/datos.bin")));
        assert!(table.rows > 0);
    }
    let dataset = page(
        out.path(),
        "public/datos/jalisco/indicadores-mide/index.html",
    );
    assert_eq!(select(&dataset, "a.button[href*='/explorar/']").len(), 2);
}

#[test]
fn explore_max_rows_leaves_bigger_tables_without_an_explorer_and_says_why() {
    let (report, out) =
        site_with_csv(TABLE.as_bytes(), "\n[build]\nexplore_max_rows = 5\n").build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    assert!(!out.path().join(EXPLORER).exists());
    assert!(!out.path().join(EXPLORER_DATA).exists());
    let dataset = page(out.path(), DATASET_PAGE);
    assert!(select(&dataset, "a[href*='/explorar/']").is_empty());
    let notes: Vec<String> = select(&dataset, ".table-note")
        .iter()
        .map(text_of)
        .collect();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("demasiadas filas") && n.contains("hasta 5 filas")),
        "{notes:?}"
    );

    let (_, out) = site_with_csv(TABLE.as_bytes(), "\n[build]\nexplore_max_rows = 0\n").build();
    assert!(!out.path().join(EXPLORER).exists(), "0 turns explorers off");
    let dataset = page(out.path(), DATASET_PAGE);
    assert!(
        select(&dataset, ".table-note")
            .iter()
            .all(|n| !text_of(n).contains("demasiadas"))
    );

    let (_, out) = site_with_csv(TABLE.as_bytes(), "\n[build]\nexplore_max_rows = 6\n").build();
    assert!(
        out.path().join(EXPLORER).exists(),
        "a table of exactly the limit is explored"
    );
}

#[test]
fn a_wrong_explore_max_rows_is_an_error_at_its_place() {
    let site = site_with_csv(TABLE.as_bytes(), "\n[build]\nexplore_max_rows = -1\n");
    let diagnostics = site.check();
    let error = only_error(&diagnostics);
    assert_eq!(error.file, "portal.toml");
    assert_eq!(error.line, Some(10));
    assert!(
        error
            .message_text(abierto::model::Language::Es)
            .contains("explore_max_rows")
    );
}

#[test]
fn an_unchanged_file_reuses_its_explorer_data() {
    let site = site_with_csv(TABLE.as_bytes(), "");
    let (first, out) = site.build();
    assert_eq!(first.data_files_read, 1);
    let before = std::fs::read(out.path().join(EXPLORER_DATA)).unwrap();
    let (second, out) = site.build();
    assert_eq!(
        second.data_files_read, 0,
        "the explorer data was made again"
    );
    assert_eq!(
        std::fs::read(out.path().join(EXPLORER_DATA)).unwrap(),
        before
    );

    let changed = site.file(
        "participants/prueba/datos/tabla.csv",
        format!("{TABLE}Xalapa;7;2016-01-01;d\n"),
    );
    let (third, out) = changed.build();
    assert_eq!(third.data_files_read, 1);
    assert_eq!(Decoded::read(&out.path().join(EXPLORER_DATA)).rows, 7);
}

#[test]
fn broken_files_never_break_the_explorer() {
    // Ragged rows and a quote left open: what could be read is explored.
    let ragged = "a,b,c\n1,2\n3,4,5,6\n\"7,8,9\n";
    let (report, out) = site_with_csv(ragged.as_bytes(), "").build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let table = Decoded::read(&out.path().join(EXPLORER_DATA));
    assert_eq!(table.row(0), ["1", "2", ""]);
    assert_eq!(table.row(1), ["3", "4", "5"]);

    // An empty file and binary junk have no table, so no explorer; the page builds.
    for junk in [&b""[..], &[0u8, 159, 146, 150, 0, 0, 1, 2, 255, 0][..]] {
        let (report, out) = site_with_csv(junk, "").build();
        assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
        assert!(out.path().join(DATASET_PAGE).is_file());
        assert!(!out.path().join(EXPLORER).exists());
    }
}

#[test]
fn wide_tables_and_long_cells_are_cut_and_say_so() {
    let header: Vec<String> = (0..2000).map(|i| format!("c{i}")).collect();
    let row: Vec<String> = (0..2000).map(|i| i.to_string()).collect();
    let long = "x".repeat(1_000_000);
    let csv = format!("{}\n{}\nlargo,{long}\n", header.join(","), row.join(","));
    let (report, out) = site_with_csv(csv.as_bytes(), "").build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let table = Decoded::read(&out.path().join(EXPLORER_DATA));
    assert_eq!(
        table.columns.len(),
        200,
        "the profiled columns are explored"
    );
    assert_eq!(table.cell(1, 1).chars().count(), 1000, "a long cell is cut");
    let explorer = page(out.path(), EXPLORER);
    let notes: Vec<String> = select(&explorer, ".table-note")
        .iter()
        .map(text_of)
        .collect();
    assert!(
        notes.iter().any(|n| n.contains("200 de 2 000 columnas")),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("1 celdas") || n.contains("celdas tienen más de 1 000")),
        "{notes:?}"
    );
}

#[test]
fn a_nul_past_the_sniffed_start_is_shown_as_a_replacement_character() {
    // A NUL in the first 64 KB makes the file binary (no explorer, tested
    // above); one further on ends no value early in the data file.
    let mut csv = String::from("clave,nota\n");
    for i in 0..10_000 {
        csv.push_str(&format!("{i},fila normal\n"));
    }
    csv.push_str("ultima,antes\0después\n");
    let (report, out) = site_with_csv(csv.as_bytes(), "").build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let table = Decoded::read(&out.path().join(EXPLORER_DATA));
    assert_eq!(table.rows, 10_001);
    assert_eq!(table.row(10_000), ["ultima", "antes\u{FFFD}después"]);
    assert!(
        table.search[1]
            .as_ref()
            .unwrap()
            .contains(&"antes\u{FFFD}despues".to_string())
    );
}
