//! `abierto new dataset PARTICIPANT --from FILE`: copies a data file into the
//! participant's `datos/` folder and writes a descriptor filled from the file
//! itself, with comments for what only an official can say.

use super::{
    NewFiles, Refusal, require_participant, require_site, title_from_name, today_or_refuse,
};
use crate::analyse::{self, CsvAnalysis};
use crate::load::ids::{self, dataset_id};
use crate::load::{PORTAL_FILE, format_from_name};
use crate::msg;
use crate::toml_text::{Document, date};
use std::path::{Path, PathBuf};

/// Where data files go inside a participant's folder.
const DATA_DIR: &str = "datos";
/// Rows the analysis keeps, from which each column's examples are taken.
const EXAMPLE_ROWS: usize = 50;

pub fn new_dataset(site: &Path, participant: &str, from: &Path) -> Result<Vec<PathBuf>, Refusal> {
    require_site(site)?;
    let folder = require_participant(site, participant)?;
    if !from.is_file() {
        return Err(Refusal::new(
            msg!("scaffold-not-a-file", path = from.display().to_string()),
            msg!("scaffold-not-a-file-help"),
        ));
    }
    let file_name = from
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let stem = from
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let slug = ids::file_id(from);
    if slug.is_empty() {
        return Err(Refusal::new(
            msg!("scaffold-no-dataset-id", name = &file_name),
            msg!("scaffold-no-dataset-id-help"),
        ));
    }
    let extension = from
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let table = if matches!(extension.as_str(), "csv" | "tsv" | "txt") {
        let csv = analyse::analyse_csv_file(from, None, EXAMPLE_ROWS)
            .map_err(|e| cannot_read(from, &e))?;
        // One column is text, not a table to document.
        (csv.table.columns > 1).then_some(csv)
    } else {
        None
    };
    let today = today_or_refuse()?;
    let site_defaults = SiteDefaults::read(site);

    let data_path = folder.join(DATA_DIR).join(&file_name);
    let same_file = std::fs::canonicalize(from).ok() == std::fs::canonicalize(&data_path).ok()
        && data_path.exists();
    let descriptor = Descriptor {
        participant,
        slug: &slug,
        title: title_from_name(&stem),
        file_name: &file_name,
        format: format_from_name(&file_name),
        table: table.as_ref(),
        license: site_defaults.license.as_deref(),
        categories: &site_defaults.categories,
        today: date(today),
    };
    let mut files = NewFiles::default();
    files.add(
        folder.join(ids::descriptor_file_name(&slug)),
        descriptor.text(),
    );
    if !same_file {
        let bytes = std::fs::read(from).map_err(|e| cannot_read(from, &e))?;
        files.add(data_path, bytes);
    }
    files.write()
}

/// The refusal for a data file that cannot be read.
fn cannot_read(path: &Path, error: &std::io::Error) -> Refusal {
    Refusal::new(
        msg!(
            "scaffold-cannot-read",
            path = path.display().to_string(),
            error = error.to_string()
        ),
        msg!("scaffold-cannot-read-help"),
    )
}

/// What the site's portal.toml says that a new descriptor uses, read leniently.
struct SiteDefaults {
    license: Option<String>,
    categories: Vec<String>,
}

impl SiteDefaults {
    fn read(site: &Path) -> SiteDefaults {
        let table: toml::Table = std::fs::read_to_string(site.join(PORTAL_FILE))
            .ok()
            .and_then(|text| toml::from_str(&text).ok())
            .unwrap_or_default();
        SiteDefaults {
            license: table
                .get("default_license")
                .and_then(|v| v.as_str())
                .map(str::to_string),
            categories: table
                .get("categories")
                .and_then(|v| v.as_array())
                .map(|list| {
                    list.iter()
                        .filter_map(|c| c.get("id")?.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

struct Descriptor<'a> {
    participant: &'a str,
    slug: &'a str,
    title: String,
    file_name: &'a str,
    format: String,
    /// The analysis of a CSV data file.
    table: Option<&'a CsvAnalysis>,
    license: Option<&'a str>,
    categories: &'a [String],
    today: String,
}

impl Descriptor<'_> {
    fn text(&self) -> String {
        let mut doc = Document::default();
        self.header(&mut doc);
        self.about(&mut doc);
        self.license(&mut doc);
        self.dates_and_coverage(&mut doc);
        self.resource(&mut doc);
        doc.finish()
    }

    /// Where the descriptor comes from, and what PENDIENTE means.
    fn header(&self, doc: &mut Document) {
        doc.line(&format!(
            "# Conjunto de datos `{}`, creado por `abierto new dataset` a partir de {}.",
            dataset_id(self.participant, self.slug),
            self.file_name
        ));
        doc.comment(
            "Las líneas con PENDIENTE piden algo que solo quien conoce los datos puede escribir.",
        );
        doc.blank();
    }

    /// Title, description, keywords and categories, to complete.
    fn about(&self, doc: &mut Document) {
        doc.comment("PENDIENTE: un título que diga qué son los datos.");
        doc.string("title", &self.title);
        let summary = match self.table {
            Some(csv) => format!(
                "Datos de {} ({} {}, {} columnas).",
                self.file_name,
                csv.table.rows,
                if csv.table.rows == 1 { "fila" } else { "filas" },
                csv.table.columns
            ),
            None => format!("Datos de {}.", self.file_name),
        };
        doc.comment("PENDIENTE: qué contienen, de dónde vienen, cómo se actualizan (Markdown).");
        doc.string("description", &format!("{summary}\n"));
        doc.blank();
        doc.comment("PENDIENTE: palabras clave para encontrarlos.");
        doc.key("keywords", "[]");
        let categories = if self.categories.is_empty() {
            "ninguna todavía: decláralas en portal.toml".to_string()
        } else {
            self.categories.join(", ")
        };
        doc.line(&format!(
            "# PENDIENTE: categorías de portal.toml ({categories})."
        ));
        doc.key("categories", "[]");
        doc.blank();
    }

    /// The portal's default licence, or one to review.
    fn license(&self, doc: &mut Document) {
        match self.license {
            Some(license) => {
                doc.comment(
                    "La licencia por omisión del portal; cámbiala si estos datos tienen otra.",
                );
                doc.string("license", license);
            }
            None => {
                doc.comment(
                    "PENDIENTE: revisa la licencia (el portal no declara `default_license`).",
                );
                doc.string("license", "libre-uso-mx");
            }
        }
    }

    /// Status and dates, then the keys only an official can fill, commented out.
    fn dates_and_coverage(&self, doc: &mut Document) {
        doc.string("status", "published");
        doc.key("issued", &self.today);
        doc.key("modified", &self.today);
        doc.comment(
            "PENDIENTE: frecuencia (daily, weekly, monthly, quarterly, annual, irregular, never…),",
        );
        doc.comment("periodo y lugar que cubren, y a quién preguntar por ellos.");
        doc.comment("frequency = \"annual\"");
        doc.comment("temporal = { start = 2024-01-01, end = 2024-12-31 }");
        doc.comment("spatial = \"Municipio, Estado\"");
        doc.comment("contact = { name = \"Área responsable\", email = \"datos@example.gob.mx\" }");
        doc.blank();
    }

    /// The data file's `[[resources]]` table, with its columns when it is a table.
    fn resource(&self, doc: &mut Document) {
        doc.line("[[resources]]");
        doc.string("title", &format!("{} ({})", self.title, self.format));
        doc.string("path", &format!("{DATA_DIR}/{}", self.file_name));
        doc.string("format", &self.format);
        let Some(csv) = self.table else {
            doc.comment("PENDIENTE: qué contiene el archivo.");
            doc.string("description", "");
            return;
        };
        doc.string("encoding", &csv.dialect.encoding.to_lowercase());
        doc.line(&format!(
            "# Separador de columnas detectado: {}",
            separator_name(csv.dialect.delimiter)
        ));
        doc.comment("PENDIENTE: qué representa cada fila.");
        doc.string("description", "");
        doc.blank();
        doc.comment("Columnas del archivo, con el tipo que sugieren sus valores (revísalo).");
        doc.comment("PENDIENTE: describe cada una en `description`.");
        for (i, column) in csv.table.profile.iter().enumerate() {
            doc.table("[[resources.fields]]");
            doc.string("name", &column.name);
            doc.string("type", column.column_type.table_schema_type());
            let examples = examples(&csv.table.preview, i);
            if !examples.is_empty() {
                let examples: Vec<String> = examples.iter().map(|e| format!("“{e}”")).collect();
                doc.comment(&format!("Ejemplos: {}", examples.join(", ")));
            }
            doc.string("description", "");
        }
    }
}

fn separator_name(delimiter: char) -> &'static str {
    match delimiter {
        ',' => "coma (,)",
        ';' => "punto y coma (;)",
        '\t' => "tabulador",
        '|' => "barra vertical (|)",
        _ => "otro",
    }
}

/// Up to three distinct non-empty values of a column, from the preview rows,
/// to help whoever documents it.
fn examples(preview: &[Vec<String>], column: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for value in preview.iter().filter_map(|row| row.get(column)) {
        let value: String = value.trim().chars().take(60).collect();
        if !value.is_empty() && !out.contains(&value) {
            out.push(value);
            if out.len() == 3 {
                break;
            }
        }
    }
    out
}
