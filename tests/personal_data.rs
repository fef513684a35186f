//! The personal-data gate, measured on a corpus of generated (never real)
//! people in realistic municipal tables (`corpus/`): the share of planted
//! items it finds (and judges as the issue asks: people's data an error,
//! offices' data a warning) and the share of clean cells it flags, each
//! printed; then that no report, in any format, nor the build's log, prints
//! a whole personal value.

mod common;
mod corpus;

use abierto::analyse::detectors::PersonalDataKind as Kind;
use abierto::analyse::{AnalysisCache, FileContent, GeoFormat};
use abierto::diagnostics::{Diagnostic, Diagnostics, Severity};
use abierto::model::ResourceLocation;
use abierto::rules::personal_data::{Institutional, Judgement, Verdict, judge};
use common::TempSite;
use corpus::Corpus;
use std::collections::BTreeMap;

/// The portal and its participant: their domains are the offices'.
const PORTAL: &str = "title = \"Datos de Xalapa\"\nbase_url = \"https://datos.xalapa.gob.mx/\"\ndefault_license = \"cc-by-4.0\"\n";
const PARTICIPANT: &str = "name = \"H. Ayuntamiento de Xalapa\"\nshort_name = \"Xalapa\"\nkind = \"municipio\"\nwebsite = \"https://www.xalapa.gob.mx\"\nemail = \"datos@xalapa.gob.mx\"\n";

/// Prose with personal data in it (a story) and without (a page, descriptions with look-alikes).
const STORY: &str = "+++\ntitle = \"Baches del centro\"\ndate = 2024-03-01\n+++\n\nUna vecina (CURP GOMC850412HDFRRR03) nos escribió desde ana.lopez.r@gmail.com;\nsu teléfono es 228 812 3405.\n\nSe repararon 1,250 m² con el folio 2023004512 el 12/03/2024.\n";
const PAGE: &str = "+++\ntitle = \"Acerca\"\n+++\n\nEscríbenos a datos@xalapa.gob.mx o a atencion.ciudadana@xalapa.gob.mx.\nC.P. 91000, Palacio Municipal, Xalapa.\n";

/// A descriptor for one file of the corpus; the declared directory says its columns hold offices.
fn descriptor(file: &str) -> String {
    let mut text = format!(
        "title = \"{file}\"\ndescription = \"Datos de {file}: 1,250 registros del 2023-01-01 al 2023-12-31, folio 2023004512.\"\n\n[[resources]]\ntitle = \"{file}\"\npath = \"datos/{file}\"\n"
    );
    if file == "directorio.csv" {
        for column in ["titular", "telefono", "correo", "domicilio"] {
            text.push_str(&format!(
                "\n[[resources.fields]]\nname = \"{column}\"\nholds = \"offices\"\n"
            ));
        }
    }
    text
}

fn site(corpus: &Corpus) -> TempSite {
    let mut site = TempSite::empty()
        .file("portal.toml", PORTAL)
        .file("participants/xalapa/participant.toml", PARTICIPANT)
        .file("participants/xalapa/historias/baches.md", STORY)
        .file("pages/acerca.md", PAGE);
    for (name, bytes) in &corpus.files {
        let stem = name.split('.').next().unwrap();
        site = site
            .file(&format!("participants/xalapa/datos/{name}"), bytes)
            .file(
                &format!("participants/xalapa/{stem}.toml"),
                descriptor(name),
            );
    }
    site
}

/// What the gate judged, by (file, sheet, column).
type Judged = BTreeMap<(String, Option<String>, String), Vec<Judgement>>;

/// Loads and analyses the site as a build does, and judges every column's findings.
fn judged(site: &TempSite) -> Judged {
    let diagnostics = Diagnostics::default();
    let loaded = abierto::load::load_site(site.path(), &diagnostics).expect("the site loads");
    let cache_dir = tempfile::tempdir().unwrap();
    let mut cache = AnalysisCache::default();
    cache.dir = Some(cache_dir.path().to_path_buf());
    let analysis = abierto::analyse::analyse_cached(
        &loaded,
        &mut cache,
        &diagnostics,
        &abierto::progress::Progress::hidden(),
    );
    let institutional = Institutional::of_site(&loaded);
    let mut judged = Judged::new();
    for resource in loaded.datasets.iter().flat_map(|d| &d.resources) {
        let ResourceLocation::Local {
            path, file_name, ..
        } = &resource.location
        else {
            continue;
        };
        let facts = analysis.facts(path).expect("analysed");
        let unit = match &facts.content {
            FileContent::Workbook { .. } => "row",
            FileContent::Geo {
                format: GeoFormat::GeoJson,
                ..
            } => "feature",
            _ => "line",
        };
        for (sheet, table) in facts.tables() {
            for finding in &table.personal_data {
                let key = (
                    file_name.clone(),
                    sheet.map(str::to_string),
                    finding.column.clone(),
                );
                judged.entry(key).or_default().extend(judge(
                    resource,
                    finding,
                    &institutional,
                    unit,
                ));
            }
        }
    }
    judged
}

/// Kinds judged by column (the whole column is blocked), not value by value.
fn whole_column(kind: Kind) -> bool {
    matches!(kind, Kind::Name | Kind::Address | Kind::BirthDate)
}

/// Whether a judgement blocks or asks something of the official (notes do not).
fn flags(verdict: Verdict) -> bool {
    matches!(verdict, Verdict::Personal | Verdict::Office)
}

#[derive(Default)]
struct Tally {
    planted: u64,
    found: u64,
}

#[test]
fn the_gate_finds_the_planted_people_and_leaves_the_clean_columns_alone() {
    let corpus = Corpus::generate();
    let site = site(&corpus);
    let judged = judged(&site);
    let key = |file: &str, sheet: Option<&str>, column: &str| {
        (
            file.to_string(),
            sheet.map(str::to_string),
            column.to_string(),
        )
    };

    // Planted items: found when judged with the expected kind and verdict.
    let mut by_kind: BTreeMap<(Kind, Verdict), Tally> = BTreeMap::new();
    let mut false_cells = 0u64;
    let mut explained = Vec::new();
    let mut recognised = Vec::new();
    for p in &corpus.planted {
        let judgements = judged.get(&key(p.file, p.sheet, p.column));
        let rows: u64 = judgements
            .into_iter()
            .flatten()
            .filter(|j| j.kind == p.kind && j.verdict == p.verdict)
            .map(|j| j.rows.count)
            .sum();
        let found = if whole_column(p.kind) && rows > 0 {
            p.count
        } else {
            rows.min(p.count)
        };
        // More rows than planted (in free text): the extra ones are false positives.
        if !whole_column(p.kind) {
            false_cells += rows.saturating_sub(p.count);
        }
        if whole_column(p.kind) && rows > 0 {
            recognised.push(format!(
                "{} {:?} `{}`: {rows} of {} values recognised as {}",
                p.file,
                p.sheet,
                p.column,
                p.count,
                p.kind.key()
            ));
        }
        let tally = by_kind.entry((p.kind, p.verdict)).or_default();
        tally.planted += p.count;
        tally.found += found;
        if found < p.count {
            explained.push(format!(
                "missed {} of {} {:?}/{:?} in {} {:?} `{}`: {:?}",
                p.count - found,
                p.count,
                p.kind,
                p.verdict,
                p.file,
                p.sheet,
                p.column,
                judgements
            ));
        }
    }
    // Anything else judged (a kind not planted there, or in a clean column) is a false positive.
    let mut clean_cells = 0u64;
    for c in &corpus.clean {
        clean_cells += c.cells;
    }
    for ((file, sheet, column), judgements) in &judged {
        for j in judgements.iter().filter(|j| flags(j.verdict)) {
            let planted = corpus.planted.iter().any(|p| {
                p.file == file
                    && p.sheet.map(str::to_string) == *sheet
                    && p.column == column
                    && p.kind == j.kind
            });
            if !planted {
                let cells = if whole_column(j.kind) {
                    corpus
                        .clean
                        .iter()
                        .find(|c| {
                            c.file == file
                                && c.sheet.map(str::to_string) == *sheet
                                && c.column == column
                        })
                        .map_or(j.rows.count, |c| c.cells)
                } else {
                    j.rows.count
                };
                false_cells += cells;
                explained.push(format!(
                    "false positive: {cells} cells of {file} {sheet:?} `{column}` judged {:?}/{:?}",
                    j.kind, j.verdict
                ));
            }
        }
    }

    // Prose: the story's CURP and e-mail address are errors, its phone a warning;
    // the page's office addresses and the descriptions' look-alikes are not flagged.
    let diagnostics = site.check();
    let prose = |file: &str, severity: Severity| {
        diagnostics
            .iter()
            .filter(|d| d.file == file && d.severity == severity && d.has_code_prefix())
            .count() as u64
    };
    let story = "participants/xalapa/historias/baches.md";
    let story_found = prose(story, Severity::Error).min(2) + prose(story, Severity::Warning).min(1);
    let prose_false: u64 = diagnostics
        .iter()
        .filter(|d| d.has_code_prefix() && d.severity != Severity::Info)
        .filter(|d| d.file == "pages/acerca.md" || d.file.ends_with(".toml"))
        .count() as u64;
    let prose_tally = Tally {
        planted: 3,
        found: story_found,
    };
    false_cells += prose_false;
    clean_cells += 1 + corpus.files.len() as u64; // the page, and each descriptor's description

    println!("personal-data corpus: {} files", corpus.files.len());
    println!(
        "{:<12} {:<10} {:>8} {:>8} {:>8}",
        "kind", "verdict", "planted", "found", "recall"
    );
    let mut planted = prose_tally.planted;
    let mut found = prose_tally.found;
    for ((kind, verdict), tally) in &by_kind {
        if tally.planted == 0 {
            continue;
        }
        planted += tally.planted;
        found += tally.found;
        println!(
            "{:<12} {:<10} {:>8} {:>8} {:>7.1}%",
            kind.key(),
            format!("{verdict:?}"),
            tally.planted,
            tally.found,
            100.0 * tally.found as f64 / tally.planted as f64
        );
    }
    println!(
        "{:<12} {:<10} {:>8} {:>8} {:>7.1}%",
        "prose",
        "mixed",
        prose_tally.planted,
        prose_tally.found,
        100.0 * prose_tally.found as f64 / prose_tally.planted as f64
    );
    let recall = 100.0 * found as f64 / planted as f64;
    let false_rate = 100.0 * false_cells as f64 / clean_cells as f64;
    println!("planted items found: {found} of {planted} ({recall:.2} %)");
    println!("clean cells flagged: {false_cells} of {clean_cells} ({false_rate:.2} %)");
    println!("columns judged whole (the gate blocks the column; values recognised one by one):");
    for line in recognised.iter().chain(&explained) {
        println!("  {line}");
    }
    assert!(recall >= 99.0, "recall {recall:.2} % < 99 %");
    assert!(false_rate <= 1.0, "false positives {false_rate:.2} % > 1 %");
}

/// Runs the program on `site` with `args`, in Spanish, with its own cache: (stdout, stderr).
fn run(site: &TempSite, args: &[&str]) -> (String, String) {
    let cache = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_abierto"))
        .args(args)
        .arg(site.path())
        .env("ABIERTO_CACHE_DIR", cache.path())
        .env("ABIERTO_TODAY", common::CHECK_TODAY)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn no_report_nor_log_prints_a_whole_personal_value() {
    let corpus = Corpus::generate();
    let site = site(&corpus);
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("public");
    let runs = [
        vec!["check", "--format", "text"],
        vec!["check", "--format", "json"],
        vec!["check", "--format", "github"],
        vec!["check", "--format", "text", "--lang", "en"],
        vec!["build", "-o", output.to_str().unwrap()],
    ];
    let mut said = 0;
    for args in &runs {
        let (stdout, stderr) = run(&site, args);
        let all = format!("{stdout}{stderr}");
        said += all.len();
        for secret in &corpus.secrets {
            assert!(!all.contains(secret.as_str()), "{args:?} prints `{secret}`");
        }
        for secret in [
            "GOMC850412HDFRRR03",
            "ana.lopez.r@gmail.com",
            "228 812 3405",
        ] {
            assert!(!all.contains(secret), "{args:?} prints `{secret}`");
        }
        // What an official needs to judge is there: masked samples, the office's domain, the block to paste.
        if args[0] == "check" {
            assert!(all.contains("GOMC******"), "{args:?}: {all}");
            assert!(all.contains("@xalapa.gob.mx"), "{args:?}");
            assert!(all.contains("resources.personal_data"), "{args:?}");
        }
    }
    assert!(!output.exists(), "the build is blocked");
    println!(
        "{} secrets, none in {said} bytes of reports and logs",
        corpus.secrets.len()
    );
}

trait PersonalCode {
    fn has_code_prefix(&self) -> bool;
}

impl PersonalCode for Diagnostic {
    /// A personal-data finding of any kind.
    fn has_code_prefix(&self) -> bool {
        self.code
            .is_some_and(|c| c.as_str().starts_with("personal-data"))
    }
}

#[test]
fn huge_cells_wide_tables_and_binary_junk_are_scanned_in_bounds_and_never_crash() {
    let mut huge = String::from("folio,queja\n1,\"llamar al 228 812 3405; ");
    while huge.len() < 1_200_000 {
        huge.push_str("sin novedad en la colonia, ");
    }
    huge.push_str("\"\n");
    let wide_header: Vec<String> = (1..=2000).map(|i| format!("c{i}")).collect();
    let mut wide_row = vec![String::new(); 2000];
    wide_row[4] = "GOMC850412HDFRRR03".into();
    let mut junk = vec![0u8, 159, 146, 150, 255, 0, 1, 2];
    junk.extend((0..10_000u32).map(|i| (i * 7919 % 251) as u8));
    let hostile = "<script>alert(1)</script>,\"dos\nlíneas\"\nJosé Pérez López,María de la Cruz\nJuan García Hernández,Xóchitl Pech Chan\n";
    let resources = ["enorme.csv", "ancha.csv", "basura.csv", "hostil.csv"]
        .iter()
        .map(|f| format!("[[resources]]\npath = \"datos/{f}\"\n\n"))
        .collect::<String>();
    let site = TempSite::empty()
        .file("portal.toml", PORTAL)
        .file("participants/xalapa/participant.toml", PARTICIPANT)
        .file(
            "participants/xalapa/raros.toml",
            format!("title = \"Raros\"\ndescription = \"Archivos raros.\"\n\n{resources}"),
        )
        .file("participants/xalapa/datos/enorme.csv", huge)
        .file(
            "participants/xalapa/datos/ancha.csv",
            format!("{}\n{}\n", wide_header.join(","), wide_row.join(",")),
        )
        .file("participants/xalapa/datos/basura.csv", junk)
        .file("participants/xalapa/datos/hostil.csv", hostile);
    let started = std::time::Instant::now();
    let diagnostics = site.check();
    println!(
        "hostile files checked in {:.2} s",
        started.elapsed().as_secs_f64()
    );
    let personal = |file: &str| -> Vec<String> {
        diagnostics
            .iter()
            .filter(|d| d.file == format!("participants/xalapa/datos/{file}") && d.is_error())
            .filter(|d| d.has_code_prefix())
            .map(|d| d.message_text(abierto::model::Language::En))
            .collect()
    };
    // The phone in the first 4 KiB of a 1.2 MB cell (which is reported as huge).
    assert_eq!(personal("enorme.csv").len(), 1, "{diagnostics:#?}");
    assert!(personal("enorme.csv")[0].contains("`queja`: phone numbers in 1 row (line 2)"));
    // The CURP in the 5th of 2,000 columns (the first 200 are scanned, as they are profiled).
    assert_eq!(
        personal("ancha.csv"),
        [
            "column 5, `c5`: CURPs in 1 row (line 2), e.g. `GOMC******HDF****3`: shape and check digit are valid"
        ]
    );
    assert_eq!(personal("basura.csv"), Vec::<String>::new());
    // Names under a hostile header and a header with a line break: found, quoted as text.
    let hostile = personal("hostil.csv");
    assert_eq!(hostile.len(), 2, "{hostile:?}");
    assert!(
        hostile[0].starts_with("column 1, `<script>alert(1)</script>`: people's names in 2 rows")
    );
    assert!(
        hostile[1].starts_with("column 2, `dos\\u{a}líneas`: people's names in 2 rows"),
        "{}",
        hostile[1]
    );
}

#[test]
fn holds_takes_offices_in_english_or_spanish_and_a_typo_is_an_error_at_its_line() {
    let directory = "dependencia,titular,telefono\nTesorería,Ana López Pérez,228 841 1200\nCatastro,Juan García Cruz,228 841 1300\n";
    let descriptor = |holds: &str| {
        format!(
            "title = \"Directorio\"\ndescription = \"Oficinas.\"\n\n[[resources]]\npath = \"datos/directorio.csv\"\n\n[[resources.fields]]\nname = \"titular\"\nholds = \"{holds}\"\n\n[[resources.fields]]\nname = \"telefono\"\nholds = \"offices\"\n"
        )
    };
    for holds in ["offices", "oficinas"] {
        let site = TempSite::empty()
            .file("portal.toml", PORTAL)
            .file("participants/xalapa/participant.toml", PARTICIPANT)
            .file("participants/xalapa/directorio.toml", descriptor(holds))
            .file("participants/xalapa/datos/directorio.csv", directory);
        let diagnostics = site.check();
        assert!(
            !diagnostics.iter().any(Diagnostic::is_error),
            "{holds}: {diagnostics:#?}"
        );
        let said: Vec<(Severity, String)> = diagnostics
            .iter()
            .filter(|d| d.has_code_prefix())
            .map(|d| (d.severity, d.message_text(abierto::model::Language::En)))
            .collect();
        // Sorted as reports are: by line, warnings before notes.
        assert_eq!(
            said,
            [
                (
                    Severity::Warning,
                    "column 3, `telefono`: phone numbers in 2 rows (lines 2, 3), e.g. `22* *** **00`: the descriptor says the column holds offices (holds = \"offices\"); they look like public offices' data, not people's".to_string()
                ),
                (
                    Severity::Info,
                    "column 2, `titular`: people's names in 2 rows (lines 2, 3), e.g. `A*** L*** P***`: names in a column the descriptor says holds offices (holds = \"offices\"); they are public servants in a column of offices, public under the transparency law".to_string()
                ),
            ],
            "{holds}"
        );
    }
    let site = TempSite::empty()
        .file("portal.toml", PORTAL)
        .file("participants/xalapa/participant.toml", PARTICIPANT)
        .file("participants/xalapa/directorio.toml", descriptor("oficina"))
        .file("participants/xalapa/datos/directorio.csv", directory);
    let typo = common::only_error(&site.check()).clone();
    assert_eq!(typo.file, "participants/xalapa/directorio.toml");
    assert_eq!(typo.line, Some(9), "the line of `holds`");
    assert!(
        typo.help_text(abierto::model::Language::En)
            .unwrap()
            .contains("`offices`"),
        "{typo:?}"
    );
}
