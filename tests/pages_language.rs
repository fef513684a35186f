//! A dataset page speaks the portal's language from top to bottom: the
//! warnings about a broken file, the data dictionary's types, the map's
//! description and the completeness badge are Spanish on a Spanish portal
//! and English on an English one, never a mix. What the data stages report
//! to the official (personal data found in a file) has both languages too.

mod common;

use abierto::model::Language;
use common::*;

/// A CSV whose last quote is never closed, with a column empty in every row
/// and a column declared `number` that holds text.
const BROKEN_CSV: &str = "id,vacia,monto\n1,,12.5\n2,,abc\n3,,def\n4,,\"sin cerrar\n";

const ONE_POINT: &str = r#"{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [-96.92, 19.54]}, "properties": {"nombre": "Parque Juárez"}}]}"#;

const DESCRIPTOR: &str = "title = \"Datos rotos\"\ndescription = \"Archivos con problemas.\"\ncategories = [\"movilidad\"]\n\n[[resources]]\ntitle = \"Tabla\"\npath = \"datos/tabla.csv\"\n\n[[resources.fields]]\nname = \"monto\"\ntype = \"number\"\n\n[[resources]]\ntitle = \"Lugares\"\npath = \"datos/lugares.geojson\"\n";

/// The dataset page's visible text, and the build's diagnostics in `language`.
fn built_page(language: &str) -> (String, Vec<String>) {
    let portal = format!("language = \"{language}\"\n{PORTAL}");
    let site = TempSite::empty()
        .file("portal.toml", portal)
        .file("participants/prueba/participant.toml", PARTICIPANT)
        .file("participants/prueba/rotos.toml", DESCRIPTOR)
        .file("participants/prueba/datos/tabla.csv", BROKEN_CSV)
        .file("participants/prueba/datos/lugares.geojson", ONE_POINT);
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let html = page(out.path(), "public/datos/prueba/rotos/index.html");
    let text = select(&html, "main")
        .iter()
        .map(text_of)
        .collect::<Vec<_>>()
        .join("\n");
    let language = if language == "es" {
        Language::Es
    } else {
        Language::En
    };
    let diagnostics = report
        .diagnostics
        .iter()
        .map(|d| d.message_text(language))
        .collect();
    (text, diagnostics)
}

fn assert_says(text: &str, sentences: &[&str]) {
    for sentence in sentences {
        assert!(text.contains(sentence), "no «{sentence}» in:\n{text}");
    }
}

fn assert_never_says(text: &str, words: &[&str]) {
    for word in words {
        assert!(!text.contains(word), "«{word}» in:\n{text}");
    }
}

#[test]
fn a_spanish_dataset_page_says_everything_in_spanish() {
    let (text, diagnostics) = built_page("es");
    assert_says(
        &text,
        &[
            "una celda entre comillas nunca se cierra: el resto del archivo se leyó como una sola celda",
            "la columna vacia está vacía en todas las filas",
            "número (detectado: texto)",
            "1 elemento (Punto)",
            "Punto: 1",
            "resources.fields (tipo y descripción de cada columna)",
        ],
    );
    assert_never_says(
        &text,
        &[
            "quoted cell",
            "every row",
            "number (",
            "Point",
            "1 elementos",
            "features",
            "type and description",
        ],
    );
    let diagnostics = diagnostics.join("\n");
    assert_says(
        &diagnostics,
        &["el campo `monto` se declara `number`, pero sus valores parecen de tipo texto"],
    );
}

#[test]
fn an_english_dataset_page_has_no_spanish_program_text() {
    let (text, diagnostics) = built_page("en");
    assert_says(
        &text,
        &[
            "a quoted cell is never closed: the rest of the file was read as one cell",
            "the column vacia is empty in every row",
            "number (detected: text)",
            "1 feature (Point)",
            "Point: 1",
            "resources.fields (type and description of each column)",
        ],
    );
    assert_never_says(
        &text,
        &[
            "comillas",
            "vacía",
            "detectado",
            "texto",
            "elemento",
            "Punto",
            "columna",
        ],
    );
    let diagnostics = diagnostics.join("\n");
    assert_says(
        &diagnostics,
        &["the field `monto` is declared `number` but its values look string"],
    );
}

#[test]
fn personal_data_findings_have_spanish_and_english_sentences() {
    let site = TempSite::empty()
        .file("portal.toml", PORTAL)
        .file("participants/prueba/participant.toml", PARTICIPANT)
        .file(
            "participants/prueba/padron.toml",
            "title = \"Padrón\"\ndescription = \"Beneficiarios.\"\n\n[[resources]]\ntitle = \"Padrón\"\npath = \"datos/padron.csv\"\n",
        )
        .file(
            "participants/prueba/datos/padron.csv",
            "folio,curp\n1,GOMC850412HDFRRR03\n",
        );
    let diagnostics = site.check();
    let curp = diagnostics
        .iter()
        .find(|d| d.has_code("personal-data"))
        .expect("the CURP column is found");
    assert_eq!(
        curp.message_text(Language::Es),
        "columna 2, `curp`: CURP en 1 fila (línea 2), por ejemplo `GOMC******HDF****3`: la forma y el dígito verificador son válidos"
    );
    assert_eq!(
        curp.message_text(Language::En),
        "column 2, `curp`: CURPs in 1 row (line 2), e.g. `GOMC******HDF****3`: shape and check digit are valid"
    );
    let help = curp.help.as_ref().expect("a help").text(Language::Es);
    assert!(help.starts_with("elimina o anonimiza la columna"), "{help}");
    assert!(
        help.ends_with(
            "dentro del [[resources]] de `datos/padron.csv`:\n[[resources.personal_data]]\ncolumn = \"curp\"\nreason = \"…\""
        ),
        "the block to paste: {help}"
    );
}

/// The data dictionary's cells for one column: min, max and frequent values.
fn dictionary_numbers(language: &str, csv: &str) -> [String; 3] {
    let portal = format!("language = \"{language}\"\n{PORTAL}");
    let site = TempSite::empty()
        .file("portal.toml", portal)
        .file("participants/prueba/participant.toml", PARTICIPANT)
        .file(
            "participants/prueba/pobreza.toml",
            "title = \"Pobreza\"\ndescription = \"Por municipio.\"\n\n[[resources]]\ntitle = \"Pobreza\"\npath = \"datos/pobreza.csv\"\n",
        )
        .file("participants/prueba/datos/pobreza.csv", csv);
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let html = page(out.path(), "public/datos/prueba/pobreza/index.html");
    let row = select(&html, "table.dictionary tbody tr")
        .into_iter()
        .find(|tr| text_of(tr).starts_with("pct"))
        .expect("a row for the column pct");
    let cells: Vec<String> = row
        .select(&scraper::Selector::parse("td").unwrap())
        .map(|td| text_of(&td))
        .collect();
    [cells[4].clone(), cells[5].clone(), cells[6].clone()]
}

#[test]
fn numbers_in_the_data_dictionary_use_the_page_decimal_separator() {
    let comma = "municipio;pct\nAmeca;20,6\nTala;20,6\nGuadalajara;59,8\n";
    let dot = "municipio,pct\nAmeca,20.6\nTala,20.6\nGuadalajara,59.8\n";
    for csv in [comma, dot] {
        assert_eq!(
            dictionary_numbers("es", csv),
            ["20,6", "59,8", "20,6 (2) · 59,8 (1)"],
            "{csv}"
        );
        assert_eq!(
            dictionary_numbers("en", csv),
            ["20.6", "59.8", "20.6 (2) · 59.8 (1)"],
            "{csv}"
        );
    }
}
