//! Personal data in tabular files: every CSV resource is read once, streaming,
//! and each column's name and values go through the detectors. A finding the
//! descriptor accepts (`[[resources.personal_data]]`) is a note; any other is
//! an error, which blocks `build` as well as `check`.
//!
//! Boundary: [`scan_rows`] takes decoded rows and returns findings; only
//! [`read_csv_rows`] knows about bytes, encodings and separators, so a shared
//! row iterator can replace it.

use super::detectors::{self, Kind};
use crate::analyse::Analysis;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::model::{Resource, ResourceLocation, Site};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::Digest;
use std::collections::{BTreeMap, HashMap};
use std::io::Read;
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

/// Scans decoded rows: `header` then (file line, cells) pairs. Pure and streaming.
pub fn scan_rows(
    header: &[String],
    rows: impl Iterator<Item = (usize, Vec<String>)>,
) -> Vec<ColumnFinding> {
    let phone_hints: Vec<bool> = header.iter().map(|h| hints_phone(h)).collect();
    let mut found: Vec<BTreeMap<Kind, KindFinding>> = vec![BTreeMap::new(); header.len()];
    for (line, cells) in rows {
        for (i, cell) in cells.iter().enumerate().take(header.len()) {
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

/// Turns the findings of one resource into diagnostics, honouring the descriptor's acceptances.
pub fn diagnostics_for(
    resource: &Resource,
    data_file: &str,
    descriptor: &str,
    findings: &[ColumnFinding],
) -> Vec<Diagnostic> {
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
                "column `{}` holds {} in {} row{} (line{} {lines}{more}), e.g. `{}`",
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
                        "column `{}` is named like personal data; no identifier, e-mail or phone was found in it",
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

/// Findings of earlier scans, by file content (SHA-256) and declared
/// encoding: a file that did not change is not read again, neither by the
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
    fn key(sha256: &str, encoding: Option<&str>) -> String {
        let mut hasher = sha2::Sha256::new();
        hasher.update(SCANNER_VERSION.as_bytes());
        hasher.update([0]);
        hasher.update(sha256.as_bytes());
        hasher.update([0]);
        hasher.update(encoding.unwrap_or("").as_bytes());
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

/// Scans every local CSV resource of the site and reports what it finds;
/// notes (accepted findings, suspicious column names) only `with_notes`.
/// A file whose content (SHA-256, known from `analysis`) was scanned before
/// is not read again.
pub fn scan_site(
    site: &Site,
    analysis: &Analysis,
    cache: &mut ScanCache,
    diagnostics: &Diagnostics,
    with_notes: bool,
) {
    let resources: Vec<(&Resource, &Path, &str, &str)> = site
        .datasets
        .iter()
        .flat_map(|d| d.resources.iter().map(move |r| (d, r)))
        .filter_map(|(d, r)| match &r.location {
            ResourceLocation::Local {
                path, source_file, ..
            } if is_csv(r, path) => Some((
                r,
                path.as_path(),
                source_file.as_str(),
                d.source_file.as_str(),
            )),
            _ => None,
        })
        .collect();
    let dir = analysis.cache_dir();
    let known = &*cache;
    let scanned: Vec<(String, Arc<Vec<ColumnFinding>>, bool)> = resources
        .par_iter()
        .filter_map(|(resource, path, name, descriptor)| {
            // Without facts the file could not be read: reported by analyse.
            let facts = analysis.facts(path)?;
            let key = ScanCache::key(&facts.sha256, resource.encoding.as_deref());
            let (findings, read) = match known.get(dir, &key) {
                Some(findings) => (findings, false),
                None => {
                    let file = std::fs::File::open(path).ok()?;
                    match read_csv_rows(file, resource.encoding.as_deref(), |header, rows| {
                        scan_rows(header, rows)
                    }) {
                        Ok(findings) => {
                            if let Some(dir) = dir {
                                ScanCache::put_disk(dir, &key, &findings);
                            }
                            (Arc::new(findings), true)
                        }
                        Err(error) => {
                            diagnostics.push(
                                Diagnostic::warning(
                                    *name,
                                    format!("could not scan this file for personal data: {error}"),
                                )
                                .code(Code::PersonalDataUnreadable),
                            );
                            return None;
                        }
                    }
                }
            };
            for d in diagnostics_for(resource, name, descriptor, &findings) {
                if with_notes || d.severity != crate::diagnostics::Severity::Info {
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

fn is_csv(resource: &Resource, path: &Path) -> bool {
    resource.format.eq_ignore_ascii_case("CSV")
        || resource.format.eq_ignore_ascii_case("TSV")
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("tsv"))
}

/// Reads a CSV file as decoded rows, streaming: the encoding is the declared
/// one, else UTF-8 if the first block is valid UTF-8, else windows-1252; the
/// separator is the most frequent of `,` `;` tab `|` on the first line.
/// `scan` receives the header and an iterator of (file line, cells).
pub fn read_csv_rows<R: Read, T>(
    mut input: R,
    declared_encoding: Option<&str>,
    scan: impl FnOnce(&[String], &mut dyn Iterator<Item = (usize, Vec<String>)>) -> T,
) -> std::io::Result<T> {
    let mut head = vec![0u8; 64 * 1024];
    let mut filled = 0;
    while filled < head.len() {
        let n = input.read(&mut head[filled..])?;
        if n == 0 {
            break;
        }
        filled += n;
    }
    head.truncate(filled);
    let encoding = declared_encoding
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
        .unwrap_or_else(|| {
            let valid = match std::str::from_utf8(&head) {
                Ok(_) => true,
                // A multi-byte character cut at the end of the block is fine.
                Err(e) => e.error_len().is_none(),
            };
            if valid {
                encoding_rs::UTF_8
            } else {
                encoding_rs::WINDOWS_1252
            }
        });
    let (first_line, _) = encoding.decode_without_bom_handling(
        &head[..head.iter().position(|&b| b == b'\n').unwrap_or(head.len())],
    );
    let separator = [b',', b';', b'\t', b'|']
        .into_iter()
        .max_by_key(|&s| first_line.matches(s as char).count())
        .unwrap_or(b',');
    let reader = DecodingReader {
        inner: std::io::Cursor::new(head).chain(input),
        decoder: encoding.new_decoder(),
        raw: vec![0u8; 16 * 1024],
        decoded: Vec::new(),
        start: 0,
        done: false,
    };
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(separator)
        .flexible(true)
        .has_headers(true)
        .from_reader(reader);
    let header: Vec<String> = csv
        .headers()
        .map_err(std::io::Error::other)?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_string())
        .collect();
    let mut rows = csv.into_records().filter_map(|record| {
        let record = record.ok()?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        Some((line, record.iter().map(str::to_string).collect()))
    });
    Ok(scan(&header, &mut rows))
}

/// Decodes any encoding to UTF-8 on the fly, so the CSV reader sees text.
struct DecodingReader<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    raw: Vec<u8>,
    decoded: Vec<u8>,
    start: usize,
    done: bool,
}

impl<R: Read> Read for DecodingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.start == self.decoded.len() && !self.done {
            let n = self.inner.read(&mut self.raw)?;
            let last = n == 0;
            let mut out =
                String::with_capacity(self.decoder.max_utf8_buffer_length(n).unwrap_or(n * 3 + 16));
            let (_, _, _) = self
                .decoder
                .decode_to_string(&self.raw[..n], &mut out, last);
            self.decoded = out.into_bytes();
            self.start = 0;
            self.done = last;
        }
        let available = &self.decoded[self.start..];
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.start += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_windows_1252_file_with_semicolons_is_read_and_scanned() {
        let bytes = b"nombre;tel\xe9fono;monto\nCl\xednica;228 841 1234;12345678.90\nOtra;228 841 9999;100.00\n";
        let findings =
            read_csv_rows(&bytes[..], None, |header, rows| scan_rows(header, rows)).unwrap();
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
