//! Personal data in tabular files: every table of a local data file (a CSV or
//! TSV, each sheet of a workbook) is read once more, streaming, through the
//! analysis's row iterator ([`analyse::rows`]), and each column's name and
//! values go through the detectors. A finding the descriptor accepts
//! (`[[resources.personal_data]]`) is a note; any other is an error, which
//! blocks `build` as well as `check`.

use super::detectors::{self, Kind};
use crate::analyse::{self, Analysis, Content, FileFacts};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Severity};
use crate::model::{Resource, ResourceLocation, Site};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::Digest;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How many row numbers a message lists.
const ROWS_SHOWN: usize = 5;

/// What was found in one column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnFinding {
    pub column: String,
    /// Values detected, by kind; empty when only the column's name speaks of personal data.
    pub kinds: Vec<KindFinding>,
    /// The column's name looks like personal data (nombre, curp, teléfono…).
    pub named_like_personal_data: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindFinding {
    pub kind: Kind,
    pub rows: usize,
    /// File lines of the first rows found.
    pub first_lines: Vec<usize>,
    /// The first value found, masked.
    pub example: String,
}

/// Column names that usually hold personal data (normalised: ASCII, lower case, words split by `_`).
const PERSONAL_NAMES: &[&str] = &[
    "nombre",
    "nombres",
    "nombre_completo",
    "apellido",
    "apellidos",
    "apellido_paterno",
    "apellido_materno",
    "primer_apellido",
    "segundo_apellido",
    "domicilio",
    "direccion",
    "telefono",
    "tel",
    "celular",
    "movil",
    "correo",
    "correo_electronico",
    "email",
    "e_mail",
    "curp",
    "rfc",
    "fecha_de_nacimiento",
    "fecha_nacimiento",
    "clave_de_elector",
    "clave_elector",
    "clabe",
    "tarjeta",
];

fn normalise(name: &str) -> String {
    deunicode::deunicode(name.trim())
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

pub fn named_like_personal_data(name: &str) -> bool {
    PERSONAL_NAMES.contains(&normalise(name).as_str())
}

fn hints_phone(name: &str) -> bool {
    let n = normalise(name);
    ["tel", "telefono", "celular", "movil", "phone", "contacto"]
        .iter()
        .any(|w| n.split('_').any(|part| part == *w))
}

/// Scans decoded rows: `header` then (file line or sheet row, cells) pairs.
/// Pure and streaming. Cells past the header are scanned too, as `columna_N`.
pub fn scan_rows(
    header: &[String],
    rows: impl Iterator<Item = (usize, Vec<String>)>,
) -> Vec<ColumnFinding> {
    let mut header: Vec<String> = header.to_vec();
    let mut phone_hints: Vec<bool> = header.iter().map(|h| hints_phone(h)).collect();
    let mut found: Vec<BTreeMap<Kind, KindFinding>> = vec![BTreeMap::new(); header.len()];
    for (line, cells) in rows {
        for (i, cell) in cells.iter().enumerate() {
            if i >= header.len() {
                if cell.trim().is_empty() {
                    continue;
                }
                while header.len() <= i {
                    header.push(format!("columna_{}", header.len() + 1));
                    phone_hints.push(false);
                    found.push(BTreeMap::new());
                }
            }
            let Some(kind) = detectors::detect(cell, phone_hints[i]) else {
                continue;
            };
            let entry = found[i].entry(kind).or_insert_with(|| KindFinding {
                kind,
                rows: 0,
                first_lines: Vec::new(),
                example: detectors::mask(kind, cell),
            });
            entry.rows += 1;
            if entry.first_lines.len() < ROWS_SHOWN {
                entry.first_lines.push(line);
            }
        }
    }
    header
        .iter()
        .zip(found)
        .filter_map(|(name, kinds)| {
            let named = named_like_personal_data(name);
            (named || !kinds.is_empty()).then(|| ColumnFinding {
                column: name.trim().to_string(),
                kinds: kinds.into_values().collect(),
                named_like_personal_data: named,
            })
        })
        .collect()
}

/// Where a table is: its data file (relative to the site), the sheet for a
/// workbook, and the descriptor that publishes it.
pub struct Place<'a> {
    pub data_file: &'a str,
    pub sheet: Option<&'a str>,
    pub descriptor: &'a str,
}

/// Turns the findings of one table into diagnostics, honouring the descriptor's acceptances.
/// Their line is the first row's file line (CSV) or sheet row number (workbook).
pub fn diagnostics_for(
    resource: &Resource,
    place: &Place,
    findings: &[ColumnFinding],
) -> Vec<Diagnostic> {
    let Place {
        data_file,
        sheet,
        descriptor,
    } = *place;
    let prefix = sheet_prefix(sheet);
    let unit = if sheet.is_some() { "row" } else { "line" };
    let mut out = Vec::new();
    for finding in findings {
        let accepted = resource
            .personal_data
            .iter()
            .find(|a| normalise(&a.column) == normalise(&finding.column));
        for kind in &finding.kinds {
            let lines = kind
                .first_lines
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            let more = if kind.rows > kind.first_lines.len() {
                ", …"
            } else {
                ""
            };
            let message = format!(
                "{prefix}column `{}` holds {} in {} row{} ({unit}{} {lines}{more}), e.g. `{}`",
                finding.column,
                kind.kind.describe(),
                kind.rows,
                if kind.rows == 1 { "" } else { "s" },
                if kind.first_lines.len() == 1 { "" } else { "s" },
                kind.example
            );
            let line = kind.first_lines.first().copied().unwrap_or(1);
            out.push(match accepted {
                Some(acceptance) => Diagnostic::info(data_file, format!("{message}: accepted"))
                    .at_line(line)
                    .code(Code::PersonalDataAccepted)
                    .help(format!("{descriptor} says: {}", acceptance.reason)),
                None => Diagnostic::error(data_file, message)
                    .at_line(line)
                    .code(Code::PersonalData)
                    .help(format!(
                        "remove or anonymise the column before publishing; if it is public on purpose \
                         (e.g. office phones), accept it in {descriptor} with \
                         [[resources.personal_data]] column = \"{}\" reason = \"…\"",
                        finding.column
                    )),
            });
        }
        if finding.kinds.is_empty() && finding.named_like_personal_data && accepted.is_none() {
            out.push(
                Diagnostic::info(
                    data_file,
                    format!(
                        "{prefix}column `{}` is named like personal data; no identifier, e-mail or phone was found in it",
                        finding.column
                    ),
                )
                .at_line(1)
                .code(Code::PersonalDataColumn)
                .help("make sure it names places or institutions, not people"),
            );
        }
    }
    out
}

/// Findings of earlier scans, by file content (SHA-256), declared encoding
/// and sheet: a file that did not change is not read again, neither by the
/// next run of a `serve` session (kept in memory) nor by the next `build`
/// (kept on disk beside the analysis cache, `scans/`).
#[derive(Debug, Default)]
pub struct ScanCache {
    memory: HashMap<String, Arc<Vec<ColumnFinding>>>,
    /// Files the last run had to read.
    pub last_read: usize,
}

/// Changes whenever the scan finds something new, so old findings are not reused.
const SCANNER_VERSION: &str = "abierto-personal-data-1";

impl ScanCache {
    fn key(sha256: &str, encoding: Option<&str>, sheet: Option<&str>) -> String {
        let mut hasher = sha2::Sha256::new();
        for part in [
            SCANNER_VERSION,
            sha256,
            encoding.unwrap_or(""),
            sheet.unwrap_or(""),
        ] {
            hasher.update(part.as_bytes());
            hasher.update([0]);
        }
        crate::analyse::cache::hex(&hasher.finalize()[..16])
    }

    fn disk_path(dir: &Path, key: &str) -> PathBuf {
        dir.join("scans").join(format!("{key}.json"))
    }

    fn get(&self, dir: Option<&Path>, key: &str) -> Option<Arc<Vec<ColumnFinding>>> {
        if let Some(found) = self.memory.get(key) {
            return Some(found.clone());
        }
        let text = std::fs::read(Self::disk_path(dir?, key)).ok()?;
        serde_json::from_slice(&text).ok().map(Arc::new)
    }

    /// Records findings on disk atomically (a temporary file renamed into
    /// place), so concurrent builds never read half an entry.
    fn put_disk(dir: &Path, key: &str, findings: &[ColumnFinding]) {
        let Ok(text) = serde_json::to_vec(findings) else {
            return;
        };
        let folder = dir.join("scans");
        if std::fs::create_dir_all(&folder).is_err() {
            return;
        }
        let temp = crate::analyse::cache::unique_temp(&folder);
        if std::fs::write(&temp, text).is_err()
            || std::fs::rename(&temp, Self::disk_path(dir, key)).is_err()
        {
            let _ = std::fs::remove_file(temp);
        }
    }
}

/// Scans every table of the site's local data files (each CSV and TSV, each
/// sheet of a workbook) through the analysis's row iterator, and reports what
/// it finds; notes (accepted findings, suspicious column names) only `with_notes`.
/// A table whose file content was scanned before is not read again.
pub fn scan_site(
    site: &Site,
    analysis: &Analysis,
    cache: &mut ScanCache,
    diagnostics: &Diagnostics,
    with_notes: bool,
) {
    let mut jobs: Vec<Job> = Vec::new();
    for dataset in &site.datasets {
        for resource in &dataset.resources {
            let ResourceLocation::Local {
                path, source_file, ..
            } = &resource.location
            else {
                continue;
            };
            let Some(facts) = analysis.facts(path) else {
                continue; // unreadable: reported by analyse
            };
            if !matches!(
                facts.content,
                Content::Csv { .. } | Content::Workbook { .. }
            ) {
                continue;
            }
            for (sheet, table) in facts.tables() {
                jobs.push(Job {
                    resource,
                    path,
                    facts,
                    sheet,
                    header: &table.header,
                    data_file: source_file,
                    descriptor: &dataset.source_file,
                });
            }
        }
    }
    let dir = analysis.cache_dir();
    let known = &*cache;
    let scanned: Vec<(String, Arc<Vec<ColumnFinding>>, bool)> = jobs
        .par_iter()
        .filter_map(|job| {
            let key = ScanCache::key(
                &job.facts.sha256,
                job.resource.encoding.as_deref(),
                job.sheet,
            );
            let (findings, read) = match known.get(dir, &key) {
                Some(findings) => (findings, false),
                None => {
                    let (findings, failure) = scan_table(job);
                    let findings = Arc::new(findings);
                    match failure {
                        // Partial findings are reported but not kept: the next run reads again.
                        Some(warning) => diagnostics.push(warning),
                        None => {
                            if let Some(dir) = dir {
                                ScanCache::put_disk(dir, &key, &findings);
                            }
                        }
                    }
                    (findings, true)
                }
            };
            let place = Place {
                data_file: job.data_file,
                sheet: job.sheet,
                descriptor: job.descriptor,
            };
            for d in diagnostics_for(job.resource, &place, &findings) {
                if with_notes || d.severity != Severity::Info {
                    diagnostics.push(d);
                }
            }
            Some((key, findings, read))
        })
        .collect();
    cache.last_read = scanned.iter().filter(|(_, _, read)| *read).count();
    // Only what the site still holds stays in memory.
    cache.memory = scanned
        .into_iter()
        .map(|(key, findings, _)| (key, findings))
        .collect();
}

/// Reads one table through the analysis's row iterator and scans it; a file
/// that cannot be read to its end also gives a warning.
fn scan_table(job: &Job) -> (Vec<ColumnFinding>, Option<Diagnostic>) {
    let unreadable = |error: std::io::Error| {
        Diagnostic::warning(
            job.data_file,
            format!(
                "{}could not scan this file for personal data: {error}",
                sheet_prefix(job.sheet)
            ),
        )
        .code(Code::PersonalDataUnreadable)
    };
    let rows = match analyse::rows(job.path, job.facts, job.sheet) {
        Ok(rows) => rows,
        Err(error) => return (Vec::new(), Some(unreadable(error))),
    };
    let mut failure = None;
    let rows = rows.map_while(|row| match row {
        Ok(row) => Some((row.line, row.cells)),
        Err(error) => {
            failure = Some(error);
            None
        }
    });
    let findings = scan_rows(job.header, rows);
    (findings, failure.map(unreadable))
}

/// One table to scan.
struct Job<'a> {
    resource: &'a Resource,
    path: &'a Path,
    facts: &'a FileFacts,
    sheet: Option<&'a str>,
    header: &'a [String],
    data_file: &'a str,
    descriptor: &'a str,
}

fn sheet_prefix(sheet: Option<&str>) -> String {
    sheet.map_or_else(String::new, |name| format!("sheet «{name}»: "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_windows_1252_file_with_semicolons_is_read_and_scanned() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("directorio.csv");
        let bytes = b"nombre;tel\xe9fono;monto\nCl\xednica;228 841 1234;12345678.90\nOtra;228 841 9999;100.00\n";
        std::fs::write(&path, bytes).unwrap();
        let csv = analyse::analyse_csv_file(&path, None, 5).unwrap();
        let rows = analyse::csv::rows(&path, &csv.dialect)
            .unwrap()
            .map(|row| row.map(|r| (r.line, r.cells)).unwrap());
        let findings = scan_rows(&csv.table.header, rows);
        assert_eq!(findings.len(), 2, "{findings:?}");
        assert_eq!(findings[0].column, "nombre");
        assert!(findings[0].kinds.is_empty());
        assert_eq!(findings[1].column, "teléfono");
        assert_eq!(findings[1].kinds[0].kind, Kind::Phone);
        assert_eq!(findings[1].kinds[0].rows, 2);
        assert_eq!(findings[1].kinds[0].first_lines, vec![2, 3]);
        assert_eq!(findings[1].kinds[0].example, "22* *** **34");
    }
}
