//! A reuser's tools expect a CSV in UTF-8, separated by commas, with decimal
//! points. Every CSV that is not written that way gets a standard copy under
//! `descargas/<dataset>/estandar/`: read here with the `csv` crate's standard
//! reader and compared, value by value, with the original read with its own
//! separator and encoding. The expected value of a cell is worked out here:
//! the original's text, with the comma of a `-12,5`-shaped number in a
//! numeric column made a point.

mod common;

use common::*;
use std::path::Path;

/// Every record of a CSV, read with the `csv` crate.
fn records(bytes: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// `12,5`, `-0,25`: a number written with a decimal comma.
fn decimal_comma(cell: &str) -> bool {
    let digits = cell.trim().trim_start_matches(['-', '+']);
    let Some((whole, fraction)) = digits.split_once(',') else {
        return false;
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && all_digits(fraction) && !(whole.len() > 1 && whole.starts_with('0'))
}

/// Compares the standard copy with the original, cell by cell; `numeric`
/// names the columns whose decimal commas become points.
fn assert_same_values(original: &[Vec<String>], copy: &[Vec<String>], numeric: &[usize]) {
    assert_eq!(original.len(), copy.len(), "same number of records");
    for (line, (a, b)) in original.iter().zip(copy).enumerate() {
        assert_eq!(a.len(), b.len(), "record {line}: same number of cells");
        for (column, (cell, copied)) in a.iter().zip(b).enumerate() {
            let expected = if line > 0 && numeric.contains(&column) && decimal_comma(cell) {
                cell.replacen(',', ".", 1)
            } else {
                cell.clone()
            };
            assert_eq!(copied, &expected, "record {line}, column {column}");
        }
    }
}

fn standard_copy(public: &Path, dataset: &str, file: &str) -> Vec<u8> {
    let path = public.join(format!("descargas/{dataset}/estandar/{file}"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_windows_1252_semicolon_file_of_the_example_site_has_a_standard_copy() {
    let out = built_example("https://red.example.org/red/");
    let public = out.path().join("public");
    let original =
        std::fs::read(example_site().join("participants/xalapa/datos/accidentes-2014.csv"))
            .unwrap();
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&original);
    let copy = standard_copy(&public, "xalapa/accidentes-viales", "accidentes-2014.csv");
    let copy_text = std::str::from_utf8(&copy).expect("the copy is UTF-8");
    assert!(copy_text.contains("Colisión"), "decoded from Windows-1252");
    let original = records(text.as_bytes(), b';');
    assert!(original.len() > 20);
    assert_same_values(&original, &records(&copy, b','), &[]);
}

#[test]
fn decimal_commas_become_points_in_the_standard_copy() {
    let out = built_example("https://red.example.org/red/");
    let public = out.path().join("public");
    let original = std::fs::read(
        example_site().join("participants/jalisco/datos/indicadores-sociales-municipales.csv"),
    )
    .unwrap();
    let copy = standard_copy(
        &public,
        "jalisco/indicadores-sociales-municipales",
        "indicadores-sociales-municipales.csv",
    );
    let original = records(&original, b';');
    let copy = records(&copy, b',');
    // The percentages and the Gini index: every column after the population.
    assert_same_values(&original, &copy, &[4, 5, 6, 7, 8, 9]);
    assert_eq!(copy[1][4], "42.4", "{:?}", copy[1]);
    // A comma-separated file with decimal points needs no copy.
    assert!(
        !public
            .join("descargas/morelos/cobertura-educativa/estandar")
            .exists()
    );
}

#[test]
fn the_dataset_page_and_the_catalogs_list_the_standard_copy_with_its_own_size_and_checksum() {
    let out = built_example("https://red.example.org/red/");
    let public = out.path().join("public");
    let copy = standard_copy(&public, "xalapa/accidentes-viales", "accidentes-2014.csv");
    let sha256 = {
        use sha2::Digest;
        sha2::Sha256::digest(&copy)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    let html = page(&public, "datos/xalapa/accidentes-viales/index.html");
    let anchor = "recurso-accidentes-2014-estandar";
    let item = select(&html, &format!("li#{anchor}"));
    assert_eq!(item.len(), 1, "an anchor for the copy");
    let text = text_of(&item[0]);
    assert!(text.contains("copia estándar"), "{text}");
    assert!(text.contains(&sha256), "its own checksum: {text}");
    let link = select(&html, &format!("li#{anchor} a"));
    assert_eq!(
        link[0].value().attr("href"),
        Some("/red/descargas/xalapa/accidentes-viales/estandar/accidentes-2014.csv")
    );
    // A few kilobytes, written the Spanish way: «4,8 KB».
    let size = format!("{:.1} KB", copy.len() as f64 / 1000.0).replace('.', ",");
    assert!(text.contains(&size), "its own size ({size}): {text}");

    let url = "https://red.example.org/red/descargas/xalapa/accidentes-viales/estandar/accidentes-2014.csv";
    let datapackage: serde_json::Value = serde_json::from_slice(
        &std::fs::read(public.join("datos/xalapa/accidentes-viales/datapackage.json")).unwrap(),
    )
    .unwrap();
    let resource = datapackage["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["path"] == url)
        .expect("the datapackage lists the copy");
    assert_eq!(resource["bytes"], copy.len());
    assert_eq!(resource["hash"], format!("sha256:{sha256}"));
    assert_eq!(resource["dialect"]["delimiter"], ",");
    let data_json = std::fs::read_to_string(public.join("data.json")).unwrap();
    assert!(data_json.contains(url), "data.json lists the copy");
    let dcat = std::fs::read_to_string(public.join("catalog.jsonld")).unwrap();
    assert!(dcat.contains(url), "the DCAT catalog lists the copy");
    assert!(dcat.contains(&format!("datos/xalapa/accidentes-viales/#{anchor}")));
}

/// The standard copy of `csv`, the one data file of a site built without errors.
fn built_copy(csv: &str) -> Vec<u8> {
    let site = TempSite::valid().file("participants/prueba/datos/semaforos.csv", csv);
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    standard_copy(
        &out.path().join("public"),
        "prueba/semaforos",
        "semaforos.csv",
    )
}

#[test]
fn a_comma_inside_text_stays_and_long_cells_quotes_and_line_breaks_survive() {
    // `nota` holds a "3,5" among words: a text column, whose commas stay.
    let mut csv = String::from("id;nota;pct\n");
    for i in 0..50 {
        csv.push_str(&format!("{i};calle {i};{i},5\n"));
    }
    csv.push_str(&format!(
        "50;3,5;1,0\n51;\"dice \"\"hola\"\"\nen dos líneas\";2\n52;{};0,25\n",
        "x".repeat(10_000)
    ));
    let copy = built_copy(&csv);
    assert_same_values(&records(csv.as_bytes(), b';'), &records(&copy, b','), &[2]);
}

#[test]
fn decimal_commas_first_met_past_the_first_block_are_converted_too() {
    // Comma-separated, decimal commas quoted, the first one after 64 KiB.
    let mut csv = String::from("id,monto\n");
    let mut i = 0;
    while csv.len() < 70_000 {
        csv.push_str(&format!("{i},{}\n", i % 97));
        i += 1;
    }
    csv.push_str("99999,\"12,75\"\n");
    let copy = built_copy(&csv);
    let copy = records(&copy, b',');
    assert_eq!(copy.last().unwrap(), &["99999", "12.75"]);
    assert_same_values(&records(csv.as_bytes(), b','), &copy, &[1]);
}
