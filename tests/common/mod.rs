//! Helpers for the integration tests: small sites written on the fly, and the
//! example site built into a temporary folder.
#![allow(dead_code)]

use abierto::build::{BuildOptions, BuildReport, Portals, build};
use abierto::diagnostics::Diagnostic;
use abierto::model::Date;
use abierto::render::RenderOptions;
use std::path::{Path, PathBuf};

pub fn example_site() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("example-site")
}

/// The example site built without errors into `<temp>/public` under `base_url`.
pub fn built_example(base_url: &str) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let report = build_into(&example_site(), &out.path().join("public"), Some(base_url));
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    out
}

/// Builds `site` into `out` with a base URL, minified as `build` does.
pub fn build_into(site: &Path, out: &Path, base_url: Option<&str>) -> BuildReport {
    build(&BuildOptions {
        site: site.to_path_buf(),
        output: Some(out.to_path_buf()),
        base_url: base_url.map(str::to_string),
        render: RenderOptions {
            minify: true,
            include_drafts: false,
        },
        force: false,
        portals: Default::default(),
        progress: abierto::progress::Progress::hidden(),
    })
}

/// The day [`TempSite::check`] runs on, so freshness does not depend on the clock.
pub const CHECK_TODAY: &str = "2026-01-15";

/// A site written into a temporary folder, file by file.
pub struct TempSite {
    pub dir: tempfile::TempDir,
}

pub const PORTAL: &str = "title = \"Portal de prueba\"\nbase_url = \"https://datos.example.org/\"\ndefault_license = \"cc-by-4.0\"\n\n[[categories]]\nid = \"movilidad\"\ntitle = \"Movilidad\"\n";
pub const PARTICIPANT: &str =
    "name = \"H. Ayuntamiento de Prueba\"\nshort_name = \"Prueba\"\nkind = \"municipio\"\n";
pub const DATASET: &str = "title = \"Semáforos\"\ndescription = \"Ubicación de los semáforos del municipio.\"\ncategories = [\"movilidad\"]\n\n[[resources]]\ntitle = \"Semáforos (CSV)\"\npath = \"datos/semaforos.csv\"\n";

impl TempSite {
    /// A valid site: one participant (`prueba`) with one dataset (`prueba/semaforos`).
    pub fn valid() -> TempSite {
        TempSite::empty()
            .file("portal.toml", PORTAL)
            .file("participants/prueba/participant.toml", PARTICIPANT)
            .file("participants/prueba/semaforos.toml", DATASET)
            .file(
                "participants/prueba/datos/semaforos.csv",
                "id,calle\n1,Juárez\n2,Hidalgo\n",
            )
    }

    pub fn empty() -> TempSite {
        TempSite {
            dir: tempfile::tempdir().expect("temporary folder"),
        }
    }

    pub fn file(self, relative: &str, content: impl AsRef<[u8]>) -> TempSite {
        let path = self.dir.path().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
        self
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The site's own folder is `site/` inside the temporary folder, so tests
    /// can also check that nothing beside it is touched.
    pub fn build(&self) -> (BuildReport, tempfile::TempDir) {
        let out = tempfile::tempdir().unwrap();
        let report = build_into(self.path(), &out.path().join("public"), None);
        (report, out)
    }

    /// Runs `check` as `abierto check` does (the build's validations, then
    /// metadata, freshness, files, links and `[check] allow`), no output, on
    /// [`CHECK_TODAY`]. The findings come sorted, as the command prints them.
    pub fn check(&self) -> Vec<Diagnostic> {
        self.check_report().diagnostics
    }

    /// The whole report of [`TempSite::check`], its summary included.
    pub fn check_report(&self) -> BuildReport {
        abierto::build::check(
            &BuildOptions {
                site: self.path().to_path_buf(),
                output: None,
                base_url: None,
                render: RenderOptions::default(),
                force: false,
                portals: Default::default(),
                progress: abierto::progress::Progress::hidden(),
            },
            Date::parse(CHECK_TODAY).unwrap(),
            &Default::default(),
        )
    }
}

/// The one error of a run, failing the test with all diagnostics otherwise.
pub fn only_error(diagnostics: &[Diagnostic]) -> &Diagnostic {
    let errors: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.is_error()).collect();
    assert_eq!(
        errors.len(),
        1,
        "expected exactly one error, got: {diagnostics:#?}"
    );
    errors[0]
}

/// Reads a page of a built portal.
pub fn page(out: &Path, relative: &str) -> scraper::Html {
    let path = out.join(relative);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    scraper::Html::parse_document(&text)
}

pub fn select<'a>(html: &'a scraper::Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = scraper::Selector::parse(selector).unwrap();
    html.select(&selector).collect()
}

pub fn text_of(element: &scraper::ElementRef) -> String {
    element.text().collect::<Vec<_>>().join("")
}

/// An XLSX workbook made here: each sheet a name and rows of text cells (the first row the header).
pub fn workbook(sheets: &[(&str, &[&[&str]])]) -> Vec<u8> {
    use std::io::Write;
    let cell_ref = |column: usize, row: usize| format!("{}{row}", (b'A' + column as u8) as char);
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut files: Vec<(String, String)> = vec![
        (
            "[Content_Types].xml".into(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{}</Types>"#,
                (1..=sheets.len())
                    .map(|i| format!(r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#))
                    .collect::<String>()
            ),
        ),
        (
            "_rels/.rels".into(),
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.into(),
        ),
        (
            "xl/workbook.xml".into(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{}</sheets></workbook>"#,
                sheets
                    .iter()
                    .enumerate()
                    .map(|(i, (name, _))| format!(r#"<sheet name="{name}" sheetId="{}" r:id="rId{}"/>"#, i + 1, i + 1))
                    .collect::<String>()
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels".into(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>"#,
                (1..=sheets.len())
                    .map(|i| format!(r#"<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>"#))
                    .collect::<String>()
            ),
        ),
    ];
    for (i, (_, rows)) in sheets.iter().enumerate() {
        let data: String = rows
            .iter()
            .enumerate()
            .map(|(r, cells)| {
                let cells: String = cells
                    .iter()
                    .enumerate()
                    .map(|(c, text)| {
                        format!(
                            r#"<c r="{}" t="inlineStr"><is><t>{}</t></is></c>"#,
                            cell_ref(c, r + 1),
                            escape(text)
                        )
                    })
                    .collect();
                format!(r#"<row r="{}">{cells}</row>"#, r + 1)
            })
            .collect();
        files.push((
            format!("xl/worksheets/sheet{}.xml", i + 1),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{data}</sheetData></worksheet>"#
            ),
        ));
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in files {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Builds `site`'s `portals` into `out`, as `abierto build` does.
pub fn build_portals(
    site: &Path,
    out: &Path,
    base_url: Option<&str>,
    portals: Portals,
) -> BuildReport {
    build(&BuildOptions {
        site: site.to_path_buf(),
        output: Some(out.to_path_buf()),
        base_url: base_url.map(str::to_string),
        render: RenderOptions {
            minify: true,
            include_drafts: false,
        },
        force: false,
        progress: abierto::progress::Progress::hidden(),
        portals,
    })
}

/// Every file under `root` whose name ends with `extension`, relative to it.
pub fn files_ending(root: &Path, extension: &str) -> Vec<String> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .to_string()
        })
        .filter(|p| p.ends_with(extension))
        .collect()
}

/// A text file of a built portal.
pub fn read(root: &Path, relative: &str) -> String {
    let path = root.join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A message in English, as `check` prints it with `--lang en`.
pub fn en(message: &abierto::messages::Message) -> String {
    message.text(abierto::model::Language::En)
}

/// A session as `serve` keeps one, its analysis cache in `cache`.
pub fn session_in(site: &Path, cache: &Path) -> abierto::build::Session {
    let mut session = abierto::build::Session::new(BuildOptions::preview(site.to_path_buf()));
    session.set_cache_dir(cache.to_path_buf());
    session
}

/// Every file of a run, by output path, with its bytes.
pub fn contents(run: &abierto::build::Run) -> std::collections::BTreeMap<String, Vec<u8>> {
    run.files
        .iter()
        .map(|f| {
            let bytes = match &f.content {
                abierto::output::Content::Bytes(b) => b.to_vec(),
                abierto::output::Content::CopyOf(p) => std::fs::read(p).unwrap(),
            };
            (f.route.output_file(), bytes)
        })
        .collect()
}
