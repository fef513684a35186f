//! What a Data Package must say about a CSV that its descriptor does not: the
//! separator and whether numbers use a decimal comma. Read from the first 64 KB
//! of the file only.
//!
//! Interim: the CSV profiling of `analyse` (another branch) finds the same and
//! more (every column's type) while reading the whole file once; when it lands,
//! `records.rs` takes [`InferredTable`] from it and this file goes.

use std::io::Read;
use std::path::Path;

const SAMPLE: u64 = 64 * 1024;

/// What the data show about a table, in the file's column order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InferredTable {
    pub delimiter: Option<char>,
    pub columns: Vec<InferredColumn>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct InferredColumn {
    pub name: String,
    /// Numbers written with a decimal comma (`42,4`).
    pub decimal_comma: bool,
}

/// Reads the start of a CSV file; `None` when it cannot be read.
pub fn sniff_csv(path: &Path, encoding: Option<&str>) -> Option<InferredTable> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(SAMPLE)
        .read_to_end(&mut bytes)
        .ok()?;
    let encoding = encoding
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
        .unwrap_or(encoding_rs::UTF_8);
    let (text, _, _) = encoding.decode(&bytes);
    let first_line = text.lines().next()?;
    let delimiter = [',', ';', '\t', '|']
        .into_iter()
        .max_by_key(|d| first_line.matches(*d).count())?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter as u8)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader.headers().ok()?.clone();
    let mut columns: Vec<InferredColumn> = header
        .iter()
        .map(|name| InferredColumn {
            name: name.trim().to_string(),
            decimal_comma: false,
        })
        .collect();
    // The last record may be cut by the sample's end: leave it out.
    let records: Vec<csv::StringRecord> = reader.records().filter_map(Result::ok).collect();
    for record in records.iter().take(records.len().saturating_sub(1).max(1)) {
        for (column, value) in columns.iter_mut().zip(record.iter()) {
            let value = value.trim();
            if let Some((whole, fraction)) = value.split_once(',') {
                let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
                if digits(whole.trim_start_matches('-')) && digits(fraction) {
                    column.decimal_comma = true;
                }
            }
        }
    }
    Some(InferredTable {
        delimiter: Some(delimiter),
        columns,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_semicolon_csv_with_decimal_commas_is_recognised() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.csv");
        std::fs::write(
            &path,
            "municipio;pobreza_pct\nGuadalajara;42,4\nZapopan;35,0\n",
        )
        .unwrap();
        let table = sniff_csv(&path, None).unwrap();
        assert_eq!(table.delimiter, Some(';'));
        assert_eq!(table.columns[1].name, "pobreza_pct");
        assert!(table.columns[1].decimal_comma);
        assert!(!table.columns[0].decimal_comma);
    }
}
