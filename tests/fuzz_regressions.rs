//! What the fuzz targets in `fuzz/` found, kept as stories a user would
//! notice (FUZZING.md lists each finding and the target that found it).

mod common;

use common::{DATASET, TempSite, only_error, page, select};

const STORY: &str = "participants/prueba/historias/nota.md";

fn story(body: &str) -> String {
    format!("+++\ntitle = \"Nota\"\ndate = 2024-05-01\n+++\n{body}")
}

/// markdown target: `{key=value}` after a heading became an attribute of
/// the heading, so `{onclick=…}` put a script in the page.
#[test]
fn a_heading_attribute_cannot_put_a_script_in_the_page() {
    let site = TempSite::valid().file(
        STORY,
        story("# Título {#resumen .destacado onclick=alert(1) onmouseover=\"x()\"}\n\nTexto.\n"),
    );
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let html = page(out.path(), "public/historias/prueba/nota/index.html");
    let heading = select(&html, "h2#resumen");
    assert_eq!(heading.len(), 1, "the id is kept");
    let attributes: Vec<&str> = heading[0].value().attrs().map(|(name, _)| name).collect();
    assert!(
        attributes.iter().all(|name| !name.starts_with("on")),
        "{attributes:?}"
    );
    assert_eq!(heading[0].value().attr("class"), Some("destacado"));
}

/// markdown target: a `javascript:` link was written as it came, a script
/// one click away; however it is spelt, it is now an error at its line.
#[test]
fn a_script_link_is_an_error_at_its_line() {
    for link in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "java%0Ascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "&#x20;javascript&colon;alert(1)",
    ] {
        let site =
            TempSite::valid().file(STORY, story(&format!("Texto.\n\n[pulse aquí](<{link}>)\n")));
        let (report, out) = site.build();
        if link.contains("%0A") {
            // Percent-encoded, it is not a scheme a browser runs.
            assert_eq!(report.errors(), 0, "{link}: {:#?}", report.diagnostics);
            continue;
        }
        let error = only_error(&report.diagnostics);
        assert_eq!(error.file, STORY, "{link}");
        assert_eq!(error.line, Some(7), "{link}");
        assert!(
            error
                .message_text(abierto::model::Language::En)
                .contains("would run a script in the reader's browser"),
            "{link}: {}",
            error.message_text(abierto::model::Language::En)
        );
        assert!(!out.path().join("public").exists(), "nothing is published");
    }
}

/// markdown target: an image's address was not read as links are, so
/// `![x](javascript:…)` in a description became `<img src="javascript:…">`.
/// A script image is now an error at its line, in descriptions and stories;
/// a `data:` picture in a description is still a picture.
#[test]
fn a_script_image_is_an_error_at_its_line() {
    const DESCRIPTOR: &str = "participants/prueba/semaforos.toml";
    let descriptor = common::DATASET.replace(
        "description = \"Ubicación de los semáforos del municipio.\"",
        "description = \"\"\"\nUbicación de los semáforos.\n\n![Mapa](javascript:alert(1))\n\"\"\"",
    );
    let site = TempSite::valid().file(DESCRIPTOR, descriptor);
    let (report, out) = site.build();
    let error = only_error(&report.diagnostics);
    // The descriptor is named; its line is counted from the description's
    // first line, as for every problem in a description (pages.rs).
    assert_eq!(error.file, DESCRIPTOR);
    assert!(
        error
            .message_text(abierto::model::Language::En)
            .contains("is a script, not a picture"),
        "{}",
        error.message_text(abierto::model::Language::En)
    );
    assert!(!out.path().join("public").exists(), "nothing is published");

    let site = TempSite::valid().file(STORY, story("Texto.\n\n![Mapa]( VBScript:msgbox(1))\n"));
    let (report, _out) = site.build();
    let error = only_error(&report.diagnostics);
    assert_eq!((error.file.as_str(), error.line), (STORY, Some(7)));

    let pixel = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
    let descriptor = common::DATASET.replace(
        "description = \"Ubicación de los semáforos del municipio.\"",
        &format!("description = \"![Punto]({pixel})\""),
    );
    let site = TempSite::valid().file(DESCRIPTOR, descriptor);
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let html = page(out.path(), "public/datos/prueba/semaforos/index.html");
    let picture = select(&html, "img[alt=Punto]");
    assert_eq!(picture.len(), 1, "the picture is drawn");
    assert_eq!(picture[0].value().attr("src"), Some(pixel));
}

/// The xlsx fuzz target's workbook whose cell reference overflows calamine's
/// row arithmetic: a debug build panicked; now, as in a release build, the
/// workbook is an error at its file and the run goes on.
#[test]
fn a_workbook_with_a_huge_cell_reference_is_an_error_not_a_panic() {
    let descriptor = DATASET.replace("datos/semaforos.csv", "datos/libro.xlsx");
    let site = TempSite::valid()
        .file("participants/prueba/semaforos.toml", descriptor)
        .file(
            "participants/prueba/datos/libro.xlsx",
            include_bytes!("fixtures/fuzz/xlsx-huge-cell-reference.xlsx"),
        );
    let (report, _out) = site.build();
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.file == "participants/prueba/datos/libro.xlsx"),
        "{:#?}",
        report.diagnostics
    );
}
