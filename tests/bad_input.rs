//! Every kind of bad input is reported with its file, line and a fix, all in
//! one run, and never crashes the build.

mod common;

use common::*;

#[test]
fn a_valid_small_site_builds_without_problems() {
    let site = TempSite::valid();
    let (report, out) = site.build();
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    assert!(
        out.path()
            .join("public/datos/prueba/semaforos/index.html")
            .is_file()
    );
    assert!(
        out.path()
            .join("public/descargas/prueba/semaforos/semaforos.csv")
            .is_file()
    );
}

#[test]
fn malformed_toml_names_file_line_and_column() {
    let site = TempSite::valid().file(
        "participants/prueba/semaforos.toml",
        "title = \"Semáforos\"\ndescription = \"Ubicación\"\nkeywords = [\"a\", \"b\"\n",
    );
    let diagnostics = site.check();
    let error = only_error(&diagnostics);
    assert_eq!(error.file, "participants/prueba/semaforos.toml");
    // The line where the unclosed list starts.
    assert_eq!(error.line, Some(3));
    assert!(error.column.is_some());
}

#[test]
fn an_unknown_key_suggests_the_nearest_known_key() {
    let site = TempSite::valid().file(
        "participants/prueba/semaforos.toml",
        format!("{DATASET}\n[[resources]]\ntitle = \"Otro\"\nurl = \"https://a.example.org/x.csv\"\nformt = \"CSV\"\n"),
    );
    let diagnostics = site.check();
    let error = only_error(&diagnostics);
    assert_eq!(error.file, "participants/prueba/semaforos.toml");
    assert_eq!(
        error.message_text(abierto::model::Language::En),
        "unknown key `formt`"
    );
    assert_eq!(error.line, Some(12));
    assert_eq!(error.column, Some(1));
    assert!(
        error
            .help_text(abierto::model::Language::En)
            .as_deref()
            .unwrap()
            .starts_with("did you mean `format`?")
    );
}

#[test]
fn a_wrong_type_and_a_quoted_date_are_explained() {
    let site = TempSite::valid().file(
        "participants/prueba/participant.toml",
        format!("{PARTICIPANT}joined = \"2014-09-01\"\n"),
    );
    let error = only_error(&site.check()).clone();
    assert_eq!(error.line, Some(4));
    assert_eq!(
        error.message_text(abierto::model::Language::En),
        "this should be a date"
    );
    assert!(
        error
            .help_text(abierto::model::Language::En)
            .unwrap()
            .contains("without quotes")
    );

    let site = TempSite::valid().file(
        "participants/prueba/semaforos.toml",
        format!("keywords = \"semáforos\"\n{DATASET}"),
    );
    let error = only_error(&site.check()).clone();
    assert!(
        error
            .message_text(abierto::model::Language::En)
            .starts_with("wrong kind of value"),
        "{}",
        error.message_text(abierto::model::Language::En)
    );
}

#[test]
fn unknown_licence_and_category_ids_are_errors_with_suggestions() {
    let descriptor = DATASET.replace(
        "categories = [\"movilidad\"]",
        "categories = [\"movilida\"]\nlicense = \"cc-by-4\"",
    );
    let site = TempSite::valid().file("participants/prueba/semaforos.toml", descriptor);
    let diagnostics = site.check();
    let errors: Vec<_> = diagnostics.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 2, "{diagnostics:#?}");
    let category = errors
        .iter()
        .find(|d| {
            d.message_text(abierto::model::Language::En)
                .contains("category")
        })
        .unwrap();
    assert_eq!(
        category.message_text(abierto::model::Language::En),
        "unknown category `movilida`"
    );
    assert_eq!(category.line, Some(3));
    assert!(
        category
            .help_text(abierto::model::Language::En)
            .as_deref()
            .unwrap()
            .contains("`movilidad`")
    );
    let license = errors
        .iter()
        .find(|d| {
            d.message_text(abierto::model::Language::En)
                .contains("licence")
        })
        .unwrap();
    assert_eq!(
        license.message_text(abierto::model::Language::En),
        "unknown licence `cc-by-4`"
    );
    assert_eq!(license.line, Some(4));
    assert!(
        license
            .help_text(abierto::model::Language::En)
            .as_deref()
            .unwrap()
            .contains("cc-by-4.0")
    );
}

#[test]
fn a_custom_licence_table_is_accepted() {
    let descriptor = format!(
        "{}\n[license]\nid = \"licencia-municipal\"\nname = \"Licencia municipal\"\nurl = \"https://prueba.example.org/licencia\"\n",
        DATASET.split("\n[[resources]]").next().unwrap()
    ) + "\n[[resources]]\npath = \"datos/semaforos.csv\"\n";
    let site = TempSite::valid().file("participants/prueba/semaforos.toml", descriptor);
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let html = std::fs::read_to_string(out.path().join("public/datos/prueba/semaforos/index.html"))
        .unwrap();
    assert!(html.contains("Licencia municipal"));
}

#[test]
fn ids_that_collide_after_slugifying_name_both_files() {
    let site = TempSite::valid().file("participants/prueba/Semáforos.toml", DATASET);
    let error = only_error(&site.check()).clone();
    assert!(
        error
            .message_text(abierto::model::Language::En)
            .contains("prueba/semaforos"),
        "{}",
        error.message_text(abierto::model::Language::En)
    );
    assert!(
        error.file.ends_with("semaforos.toml") || error.file.ends_with("Semáforos.toml"),
        "{}",
        error.file
    );
    assert!(
        error
            .message_text(abierto::model::Language::En)
            .contains(".toml`"),
        "names the other file: {}",
        error.message_text(abierto::model::Language::En)
    );
}

#[test]
fn a_missing_data_file_is_an_error_at_its_path() {
    let site = TempSite::valid().file(
        "participants/prueba/semaforos.toml",
        DATASET.replace("datos/semaforos.csv", "datos/semaforo.csv"),
    );
    let error = only_error(&site.check()).clone();
    assert_eq!(
        error.message_text(abierto::model::Language::En),
        "the file `datos/semaforo.csv` does not exist"
    );
    assert_eq!(error.line, Some(7));
    assert_eq!(error.column, Some(8));
}

#[test]
fn paths_that_leave_the_site_are_refused() {
    for (path, message) in [
        ("../../../etc/passwd", "points outside the site folder"),
        ("/etc/passwd", "is an absolute path"),
    ] {
        let site = TempSite::valid().file(
            "participants/prueba/semaforos.toml",
            DATASET.replace("datos/semaforos.csv", path),
        );
        let error = only_error(&site.check()).clone();
        assert!(
            error
                .message_text(abierto::model::Language::En)
                .contains(message),
            "{path}: {}",
            error.message_text(abierto::model::Language::En)
        );
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_pointing_out_of_the_site_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secreto.csv"), "a\n1\n").unwrap();
    let site = TempSite::valid();
    std::os::unix::fs::symlink(
        outside.path().join("secreto.csv"),
        site.path().join("participants/prueba/datos/enlace.csv"),
    )
    .unwrap();
    let site = site.file(
        "participants/prueba/semaforos.toml",
        DATASET.replace("datos/semaforos.csv", "datos/enlace.csv"),
    );
    let diagnostics = site.check();
    assert!(
        diagnostics.iter().any(|d| d.is_error()
            && d.message_text(abierto::model::Language::En)
                .contains("outside the site")),
        "{diagnostics:#?}"
    );
}

#[test]
fn resources_need_exactly_one_of_path_or_url_and_published_datasets_need_one() {
    let site = TempSite::valid().file(
        "participants/prueba/semaforos.toml",
        "title = \"A\"\ndescription = \"B\"\n\n[[resources]]\ntitle = \"nada\"\n",
    );
    let error = only_error(&site.check()).clone();
    assert_eq!(
        error.message_text(abierto::model::Language::En),
        "this resource has neither `path` nor `url`"
    );
    // The `[[resources]]` line of that resource.
    assert_eq!(error.line, Some(4));

    let site = TempSite::valid().file(
        "participants/prueba/semaforos.toml",
        "title = \"A\"\ndescription = \"B\"\n",
    );
    let error = only_error(&site.check()).clone();
    assert_eq!(
        error.message_text(abierto::model::Language::En),
        "a published dataset needs at least one resource"
    );

    // A planned dataset needs none (and leaves no data file undescribed).
    let site = TempSite::empty()
        .file("portal.toml", PORTAL)
        .file("participants/prueba/participant.toml", PARTICIPANT)
        .file(
            "participants/prueba/semaforos.toml",
            "title = \"A\"\ndescription = \"B\"\nstatus = \"planned\"\nexpected = 2027-01-31\n",
        );
    let all = site.check();
    assert!(all.is_empty(), "{all:#?}");
}

#[test]
fn urls_with_other_schemes_and_unknown_encodings_are_errors() {
    let site = TempSite::valid().file(
        "participants/prueba/semaforos.toml",
        format!("{DATASET}encoding = \"latin-9000\"\n\n[[resources]]\nurl = \"ftp://a.example.org/x.csv\"\n"),
    );
    let diagnostics = site.check();
    let messages: Vec<String> = diagnostics
        .iter()
        .map(|d| d.message_text(abierto::model::Language::En))
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m == "unknown encoding `latin-9000`"),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m == "`ftp://a.example.org/x.csv` is not a valid link"),
        "{messages:?}"
    );
}

#[test]
fn one_run_reports_the_problems_of_every_file() {
    let site = TempSite::valid()
        .file("participants/prueba/otro.toml", "title = 3\n")
        .file(
            "participants/prueba/participant.toml",
            "name = \"X\"\nkind = \"ciudad\"\n",
        )
        .file("historias/sin-portada.md", "Sin front matter\n");
    let diagnostics = site.check();
    let files: std::collections::BTreeSet<&str> =
        diagnostics.iter().map(|d| d.file.as_str()).collect();
    assert!(
        files.contains("participants/prueba/otro.toml"),
        "{diagnostics:#?}"
    );
    assert!(
        files.contains("participants/prueba/participant.toml"),
        "{diagnostics:#?}"
    );
    assert!(
        files.contains("historias/sin-portada.md"),
        "{diagnostics:#?}"
    );
    let kind = diagnostics
        .iter()
        .find(|d| d.file.ends_with("participant.toml"))
        .unwrap();
    assert_eq!(
        kind.message_text(abierto::model::Language::En),
        "unknown value `ciudad`"
    );
}

#[test]
fn stories_report_bad_front_matter_unknown_datasets_and_broken_id_links() {
    let site = TempSite::valid().file(
        "participants/prueba/historias/uno.md",
        "+++\ntitle = \"Uno\"\ndate = 2015-01-01\ndatasets = [\"prueba/semaforo\"]\n+++\n\nTexto.\n\nVer [los datos](dataset:prueba/semaforoz).\n",
    );
    let diagnostics = site.check();
    let unknown = diagnostics
        .iter()
        .find(|d| {
            d.message_text(abierto::model::Language::En)
                .starts_with("unknown dataset")
        })
        .expect("unknown dataset");
    assert_eq!(unknown.file, "participants/prueba/historias/uno.md");
    assert_eq!(unknown.line, Some(4));
    assert!(
        unknown
            .help_text(abierto::model::Language::En)
            .as_deref()
            .unwrap()
            .contains("prueba/semaforos")
    );
    let link = diagnostics
        .iter()
        .find(|d| {
            d.message_text(abierto::model::Language::En)
                .contains("names nothing")
        })
        .expect("broken link");
    assert_eq!(link.line, Some(9));

    // Both mistakes of the front matter, in one run.
    let site = TempSite::valid().file(
        "historias/dos.md",
        "+++\ntitle = \"Dos\"\ndraf = true\n+++\n",
    );
    let found: Vec<(String, Option<usize>)> = errors_of(&site.check())
        .iter()
        .map(|d| (d.message_text(abierto::model::Language::En), d.line))
        .collect();
    assert_eq!(
        found,
        [
            ("the required key `date` is missing".to_string(), Some(1)),
            ("unknown key `draf`".to_string(), Some(3)),
        ]
    );
}

#[test]
fn a_title_holding_a_script_comes_out_escaped() {
    let site = TempSite::valid().file(
        "participants/prueba/semaforos.toml",
        DATASET
            .replace(
                "title = \"Semáforos\"",
                "title = \"<script>alert('x')</script> Semáforos\"",
            )
            .replace(
                "Ubicación de los",
                "<img src=x onerror=alert(1)> Ubicación de los",
            ),
    );
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    for relative in [
        "public/datos/prueba/semaforos/index.html",
        "public/datos/index.html",
        "public/index.html",
    ] {
        let html = page(out.path(), relative);
        // Whatever the text holds, no script or image element comes out of it…
        assert!(
            select(&html, "script:not([type=\"application/ld+json\"])")
                .iter()
                .all(|s| !text_of(s).contains("alert")),
            "{relative} runs the title as a script"
        );
        // …and the schema.org data that carries it cannot close its element.
        assert!(
            select(&html, "script[type=\"application/ld+json\"]")
                .iter()
                .all(|s| !text_of(s).contains('<')),
            "{relative}: the JSON-LD holds a raw `<`"
        );
        assert!(
            select(&html, "img[onerror]").is_empty(),
            "{relative} lets raw HTML through"
        );
    }
    // …and the reader sees the text as it was written.
    let html = page(out.path(), "public/datos/prueba/semaforos/index.html");
    assert_eq!(
        text_of(&select(&html, "h1")[0]),
        "<script>alert('x')</script> Semáforos"
    );
    assert!(
        text_of(&select(&html, "title")[0]).starts_with("<script>alert('x')</script> Semáforos")
    );
}

#[test]
fn a_file_that_is_not_utf8_is_reported_not_panicked_on() {
    let site = TempSite::valid().file(
        "participants/prueba/semaforos.toml",
        b"title = \"Sem\xe1foros\"\n".as_slice(),
    );
    let error = only_error(&site.check()).clone();
    assert_eq!(
        error.message_text(abierto::model::Language::En),
        "this file is not UTF-8 text"
    );
    assert_eq!(error.line, Some(1));
}

#[test]
fn a_folder_without_portal_toml_is_explained() {
    let site = TempSite::empty().file("participants/x/participant.toml", PARTICIPANT);
    let error = only_error(&site.check()).clone();
    assert_eq!(error.file, "portal.toml");
}

#[test]
fn a_wrong_link_in_a_description_is_reported_at_its_line_in_the_file() {
    let descriptor = "title = \"Semáforos\"\ncategories = [\"movilidad\"]\ndescription = \"\"\"\nUbicación de los semáforos.\n\nVéase [los aforos](dataset:prueba/aforo).\n\"\"\"\n\n[[resources]]\ntitle = \"Semáforos (CSV)\"\npath = \"datos/semaforos.csv\"\ndescription = \"Según [el reglamento](page:reglamento).\"\n";
    let participant = "name = \"Municipio de Prueba\"\nkind = \"municipio\"\ndescription = \"Publica [sus datos](participant:pruebas).\"\n";
    let site = TempSite::valid()
        .file("participants/prueba/semaforos.toml", descriptor)
        .file("participants/prueba/participant.toml", participant);
    let (report, _out) = site.build();
    let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 3, "{errors:#?}");
    let lines = |file: &str| -> Vec<Option<usize>> {
        errors
            .iter()
            .filter(|d| d.file == file)
            .map(|d| d.line)
            .collect()
    };
    // The multi-line text starts on the line after its opening quotes.
    assert_eq!(
        lines("participants/prueba/semaforos.toml"),
        [Some(6), Some(12)]
    );
    assert_eq!(lines("participants/prueba/participant.toml"), [Some(3)]);
}

/// The errors of a run, with their lines and columns.
fn errors_of(
    diagnostics: &[abierto::diagnostics::Diagnostic],
) -> Vec<&abierto::diagnostics::Diagnostic> {
    diagnostics.iter().filter(|d| d.is_error()).collect()
}

#[test]
fn independent_mistakes_of_one_descriptor_are_all_reported_in_one_run() {
    let site = TempSite::valid().file(
        "participants/prueba/semaforos.toml",
        "title = \"Semáforos\"\n\
         description = \"Ubicación de los semáforos.\"\n\
         licence = \"cc-by-4.0\"\n\
         categories = [\"movilida\"]\n\
         modified = \"2024-13-45\"\n\
         \n\
         [[resources]]\n\
         path = \"datos/semaforos.csv\"\n",
    );
    let diagnostics = site.check();
    let errors = errors_of(&diagnostics);
    let found: Vec<(String, Option<usize>, Option<usize>)> = errors
        .iter()
        .map(|d| {
            (
                d.message_text(abierto::model::Language::En),
                d.line,
                d.column,
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("unknown key `licence`".to_string(), Some(3), Some(1)),
            ("unknown category `movilida`".to_string(), Some(4), Some(15)),
            (
                "`2024-13-45` is not a valid date".to_string(),
                Some(5),
                Some(12)
            ),
        ],
        "{diagnostics:#?}"
    );
    assert!(
        errors
            .iter()
            .all(|d| d.file == "participants/prueba/semaforos.toml")
    );
    let es = abierto::model::Language::Es;
    assert_eq!(errors[0].message_text(es), "clave desconocida `licence`");
    assert!(
        errors[0]
            .help_text(es)
            .unwrap()
            .starts_with("¿quisiste decir `license`?")
    );
    assert_eq!(
        errors[2].help_text(es).unwrap(),
        "el mes va de 01 a 12: escribe la fecha como año-mes-día, como en `2014-10-10`"
    );
}

#[test]
fn a_wrong_value_is_reported_once_not_again_as_a_missing_key() {
    let site = TempSite::valid()
        .file(
            "participants/prueba/semaforos.toml",
            DATASET.replace("title = \"Semáforos\"", "title = 3\nformt = 1"),
        )
        .file(
            "participants/prueba/participant.toml",
            "name = \"X\"\nkind = \"ciudad\"\nwebsite = \"ftp://x\"\n",
        );
    let diagnostics = site.check();
    let found: Vec<(String, Option<usize>)> = errors_of(&diagnostics)
        .iter()
        .map(|d| (d.message_text(abierto::model::Language::En), d.line))
        .collect();
    assert_eq!(
        found,
        [
            ("unknown value `ciudad`".to_string(), Some(2)),
            ("`ftp://x` is not a valid link".to_string(), Some(3)),
            (
                "wrong kind of value: a text in quotes goes here, not a whole number".to_string(),
                Some(1)
            ),
            ("unknown key `formt`".to_string(), Some(2)),
        ],
        "{diagnostics:#?}"
    );
}

/// The one error of a descriptor written as `text`, in Spanish and English, with its place.
fn syntax_error(text: &str) -> (String, String, Option<usize>, Option<usize>) {
    let site = TempSite::valid().file("participants/prueba/semaforos.toml", text);
    let diagnostics = site.check();
    let error = only_error(&diagnostics);
    assert_eq!(error.file, "participants/prueba/semaforos.toml");
    (
        error.message_text(abierto::model::Language::Es),
        error.message_text(abierto::model::Language::En),
        error.line,
        error.column,
    )
}

#[test]
fn toml_syntax_errors_say_where_and_what_is_missing_in_the_users_words() {
    let cases: &[(&str, &str, usize, usize)] = &[
        (
            "title = \"Semáforos\ndescription = \"x\"\n",
            "falta cerrar las comillas",
            1,
            19,
        ),
        (
            "title \"Semáforos\"\n",
            "falta el signo `=` después de la clave",
            1,
            7,
        ),
        ("title =\n", "falta el valor después de `=`", 1, 8),
        (
            "title = Semaforos\n",
            "`Semaforos` es un texto sin comillas",
            1,
            9,
        ),
        (
            "title = \"a\"\ntitle = \"b\"\n",
            "la clave `title` aparece dos veces",
            2,
            1,
        ),
        (
            "title = \"a\"\n[[resources]\npath = \"x.csv\"\n",
            "falta cerrar el encabezado de la tabla con `]]`",
            2,
            13,
        ),
        // Reported where the list opens; what follows, read as its items, is no further error.
        (
            "keywords = [\"a\", \"b\"\ntitle = \"x\"\n[[resources]]\npath = \"a.csv\"\n",
            "falta cerrar la lista con `]`",
            1,
            12,
        ),
        (
            "contact = { name = \"a\"\ntitle = \"x\"\n",
            "falta cerrar con `}` la tabla escrita entre llaves",
            1,
            11,
        ),
        (
            "description = \"C:\\datos\"\n",
            "esta diagonal invertida `\\` no forma un escape que TOML conozca",
            1,
            19,
        ),
        (
            "modified = 2024-13-45\n",
            "`2024-13-45` no es una fecha válida",
            1,
            12,
        ),
    ];
    for (text, spanish, line, column) in cases {
        let (es, en, at_line, at_column) = syntax_error(text);
        assert_eq!(&es, spanish, "{text:?}");
        assert_eq!(
            (at_line, at_column),
            (Some(*line), Some(*column)),
            "{text:?}"
        );
        assert!(!en.contains("expected"), "{text:?}: {en}");
    }
    let (_, en, _, _) = syntax_error("title = \"Semáforos\ndescription = \"x\"\n");
    assert_eq!(en, "the quotes are not closed on this line");
}

#[test]
fn a_story_naming_a_dataset_whose_descriptor_failed_gets_no_error_of_its_own() {
    let story = "+++\ntitle = \"Uno\"\ndate = 2015-01-01\ndatasets = [\"prueba/semaforos\"]\n+++\n\n\
                 Ver [los datos](dataset:prueba/semaforos), [su página](/datos/prueba/semaforos/) \
                 y [quién los publica](participant:prueba).\n\n\
                 {{ tabla(datos=\"prueba/semaforos\", recurso=\"semaforos.csv\") }}\n";
    let broken = DATASET.replace("[\"movilidad\"]", "[\"movilida\"]");
    let site = TempSite::valid()
        .file("participants/prueba/semaforos.toml", &broken)
        .file("historias/uno.md", story);
    let diagnostics = site.check();
    let error = only_error(&diagnostics);
    assert_eq!(error.file, "participants/prueba/semaforos.toml");
    assert_eq!(
        error.message_text(abierto::model::Language::En),
        "unknown category `movilida`"
    );

    // A participant that fails takes its datasets with it: links to both wait on its errors.
    let site = TempSite::valid()
        .file(
            "participants/prueba/participant.toml",
            "name = \"X\"\nkind = \"ciudad\"\n",
        )
        .file("historias/uno.md", story);
    let diagnostics = site.check();
    let error = only_error(&diagnostics);
    assert_eq!(error.file, "participants/prueba/participant.toml");

    // A dataset that does not exist at all is still reported.
    let site = TempSite::valid().file("historias/uno.md", story.replace("semaforos", "semaforoz"));
    let unknown: Vec<String> = errors_of(&site.check())
        .iter()
        .map(|d| d.message_text(abierto::model::Language::En))
        .collect();
    assert!(unknown.len() >= 3, "{unknown:?}");
}

#[test]
fn a_missing_required_key_does_not_hide_the_other_mistakes() {
    let site = TempSite::valid().file(
        "participants/prueba/semaforos.toml",
        DATASET
            .replace(
                "description = \"Ubicación de los semáforos del municipio.\"\n",
                "",
            )
            .replace("[\"movilidad\"]", "[\"movilida\"]"),
    );
    let diagnostics = site.check();
    let found: Vec<(String, Option<usize>)> = errors_of(&diagnostics)
        .iter()
        .map(|d| (d.message_text(abierto::model::Language::Es), d.line))
        .collect();
    assert_eq!(
        found,
        [
            (
                "falta la clave obligatoria `description`".to_string(),
                Some(1)
            ),
            ("categoría desconocida `movilida`".to_string(), Some(2)),
        ],
        "{diagnostics:#?}"
    );
}

#[test]
fn a_data_file_named_by_a_broken_descriptor_waits_on_it_instead_of_being_nobodys() {
    let site = TempSite::valid()
        .file(
            "participants/prueba/roto.toml",
            "title = \"Roto\ndescription = \"x\"\n\n[[resources]]\npath = \"datos/roto.csv\"\n",
        )
        .file("participants/prueba/datos/roto.csv", "a\n1\n")
        .file("participants/prueba/datos/sobrante.csv", "a\n1\n");
    let diagnostics = site.check();
    let unreferenced: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d.has_code("unreferenced-file"))
        .map(|d| d.file.as_str())
        .collect();
    assert_eq!(
        unreferenced,
        ["participants/prueba/datos/sobrante.csv"],
        "{diagnostics:#?}"
    );
    assert!(
        diagnostics
            .iter()
            .any(|d| d.is_error() && d.file == "participants/prueba/roto.toml")
    );
}
