//! Personal data in a table, found while the analysis reads it: each cell
//! goes through the [`detectors`] and each column name is compared with names
//! that usually hold personal data. Scanning in the analysis's single pass
//! means a data file is read once per change, and the findings are cached
//! with the rest of its facts. `rules::personal_data` turns them into diagnostics.

use super::detectors::{self, PersonalDataKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How many row numbers a finding keeps.
pub const ROWS_SHOWN: usize = 5;

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
    pub kind: PersonalDataKind,
    pub rows: usize,
    /// Where the first rows found are: file lines (CSV, KML), sheet rows
    /// (workbooks) or feature numbers (GeoJSON).
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

/// A column name as names are compared: ASCII, lower case, words joined by `_`.
pub fn normalise(name: &str) -> String {
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

/// Scans a table row by row. Cells past the header are scanned too, as `columna_N`.
#[derive(Debug, Default)]
pub struct Scanner {
    header: Vec<String>,
    phone_hints: Vec<bool>,
    found: Vec<BTreeMap<PersonalDataKind, KindFinding>>,
}

impl Scanner {
    pub fn new(header: &[String]) -> Scanner {
        Scanner {
            header: header.to_vec(),
            phone_hints: header.iter().map(|h| hints_phone(h)).collect(),
            found: vec![BTreeMap::new(); header.len()],
        }
    }

    /// Scans one row: `line` is where it is (file line, sheet row or feature number).
    pub fn row(&mut self, line: usize, cells: &[&str]) {
        for (i, cell) in cells.iter().enumerate() {
            if i >= self.header.len() {
                if cell.trim().is_empty() {
                    continue;
                }
                while self.header.len() <= i {
                    self.header
                        .push(format!("columna_{}", self.header.len() + 1));
                    self.phone_hints.push(false);
                    self.found.push(BTreeMap::new());
                }
            }
            let Some(kind) = detectors::detect(cell, self.phone_hints[i]) else {
                continue;
            };
            let entry = self.found[i].entry(kind).or_insert_with(|| KindFinding {
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

    /// The columns with personal data or named like it.
    pub fn finish(self) -> Vec<ColumnFinding> {
        self.header
            .into_iter()
            .zip(self.found)
            .filter_map(|(name, kinds)| {
                let named = named_like_personal_data(&name);
                (named || !kinds.is_empty()).then(|| ColumnFinding {
                    column: name.trim().to_string(),
                    kinds: kinds.into_values().collect(),
                    named_like_personal_data: named,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_windows_1252_file_with_semicolons_is_scanned_as_it_is_analysed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("directorio.csv");
        let bytes = b"nombre;tel\xe9fono;monto\nCl\xednica;228 841 1234;12345678.90\nOtra;228 841 9999;100.00\n";
        std::fs::write(&path, bytes).unwrap();
        let csv = crate::analyse::analyse_csv_file(&path, None, 5).unwrap();
        let findings = &csv.table.personal_data;
        assert_eq!(findings.len(), 2, "{findings:?}");
        assert_eq!(findings[0].column, "nombre");
        assert!(findings[0].kinds.is_empty());
        assert_eq!(findings[1].column, "teléfono");
        assert_eq!(findings[1].kinds[0].kind, PersonalDataKind::Phone);
        assert_eq!(findings[1].kinds[0].rows, 2);
        assert_eq!(findings[1].kinds[0].first_lines, vec![2, 3]);
        assert_eq!(findings[1].kinds[0].example, "22* *** **34");
    }
}
