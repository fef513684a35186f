//! A first look at a delimited text file, enough to fill a descriptor:
//! encoding, separator, column names and a likely Table Schema type for each.
//!
//! This is deliberately small and self-contained: [`sketch_table`] is the one
//! entry point, so the shared analyser (`src/analyse/`) can replace it later
//! without touching the scaffolding around it.

use std::io::Read;
use std::path::Path;

/// How much of a file is read to guess its shape (the rest is not needed).
const SAMPLE_BYTES: u64 = 1 << 20;
/// How many data rows are looked at to guess a column's type.
const SAMPLE_ROWS: usize = 500;

/// What a look at a delimited text file tells.
#[derive(Debug, Clone, PartialEq)]
pub struct TableSketch {
    /// A WHATWG label: `utf-8` or `windows-1252`.
    pub encoding: &'static str,
    pub delimiter: u8,
    pub columns: Vec<ColumnSketch>,
    /// Data rows in the sample (all of them when the file is smaller than the sample).
    pub rows_seen: usize,
    /// Whether the whole file was read.
    pub complete: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ColumnSketch {
    pub name: String,
    /// A Table Schema type: `string`, `integer`, `number`, `boolean`, `date` or `datetime`.
    pub field_type: &'static str,
    /// Up to three distinct non-empty values, to help whoever documents the column.
    pub examples: Vec<String>,
}

/// Reads the start of `path` and sketches it; `Ok(None)` when it does not look like a table.
pub fn sketch_file(path: &Path) -> std::io::Result<Option<TableSketch>> {
    let file = std::fs::File::open(path)?;
    let length = file.metadata()?.len();
    let mut bytes = Vec::new();
    file.take(SAMPLE_BYTES).read_to_end(&mut bytes)?;
    Ok(sketch_table(&bytes, length <= SAMPLE_BYTES))
}

/// Sketches a table from the first bytes of a file. `complete` says whether
/// `bytes` is the whole file (otherwise its last, cut line is left out).
pub fn sketch_table(bytes: &[u8], complete: bool) -> Option<TableSketch> {
    let (encoding, text) = decode(bytes, complete);
    let text = if complete {
        text.as_str()
    } else {
        text.rsplit_once('\n').map_or("", |(whole, _)| whole)
    };
    let delimiter = guess_delimiter(text)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let names: Vec<String> = reader
        .headers()
        .ok()?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let mut columns: Vec<ColumnGuess> = names.iter().map(|_| ColumnGuess::default()).collect();
    let mut rows_seen = 0;
    for record in reader.records().take(SAMPLE_ROWS).flatten() {
        rows_seen += 1;
        for (guess, value) in columns.iter_mut().zip(record.iter()) {
            guess.see(value.trim());
        }
    }
    Some(TableSketch {
        encoding,
        delimiter,
        rows_seen,
        complete: complete && rows_seen < SAMPLE_ROWS,
        columns: names
            .into_iter()
            .zip(columns)
            .enumerate()
            .map(|(i, (name, guess))| ColumnSketch {
                name: if name.is_empty() {
                    format!("columna_{}", i + 1)
                } else {
                    name
                },
                field_type: guess.field_type(),
                examples: guess.examples,
            })
            .collect(),
    })
}

/// UTF-8 when the bytes are UTF-8 (a BOM is dropped), Windows-1252 otherwise:
/// the two encodings of nearly every CSV Mexican offices export.
fn decode(bytes: &[u8], complete: bool) -> (&'static str, String) {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => ("utf-8", text.to_string()),
        // A sample may end in the middle of a character.
        Err(e) if !complete && e.error_len().is_none() => (
            "utf-8",
            String::from_utf8_lossy(&bytes[..e.valid_up_to()]).to_string(),
        ),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            ("windows-1252", text.into_owned())
        }
    }
}

/// The separator that splits the first lines into the same number (more than
/// one) of fields most often; `None` when no candidate does.
fn guess_delimiter(text: &str) -> Option<u8> {
    let head: String = text.lines().take(30).collect::<Vec<_>>().join("\n");
    let mut best: Option<(usize, usize, u8)> = None;
    for delimiter in [b',', b';', b'\t', b'|'] {
        let counts: Vec<usize> = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(false)
            .from_reader(head.as_bytes())
            .records()
            .flatten()
            .map(|r| r.len())
            .collect();
        let Some(&header) = counts.first() else {
            continue;
        };
        if header < 2 {
            continue;
        }
        let agreeing = counts.iter().filter(|&&c| c == header).count();
        let score = (agreeing, header, delimiter);
        if best.is_none_or(|(a, h, _)| (agreeing, header) > (a, h)) {
            best = Some(score);
        }
    }
    best.map(|(_, _, d)| d)
}

/// What the values seen so far allow a column to be.
struct ColumnGuess {
    integer: bool,
    number: bool,
    boolean: bool,
    date: bool,
    datetime: bool,
    seen: usize,
    examples: Vec<String>,
}

impl Default for ColumnGuess {
    fn default() -> Self {
        ColumnGuess {
            integer: true,
            number: true,
            boolean: true,
            date: true,
            datetime: true,
            seen: 0,
            examples: Vec::new(),
        }
    }
}

impl ColumnGuess {
    fn see(&mut self, value: &str) {
        if value.is_empty() {
            return;
        }
        self.seen += 1;
        if self.examples.len() < 3 && !self.examples.iter().any(|e| e == value) {
            self.examples.push(value.chars().take(60).collect());
        }
        self.integer &= is_integer(value);
        self.number &= is_integer(value) || is_decimal(value);
        self.boolean &= matches!(
            value.to_lowercase().as_str(),
            "true" | "false" | "verdadero" | "falso" | "si" | "sí" | "no"
        );
        self.date &= is_iso_date(value);
        self.datetime &= value.get(..10).is_some_and(is_iso_date)
            && matches!(value.as_bytes().get(10), Some(b'T' | b' '));
    }

    fn field_type(&self) -> &'static str {
        if self.seen == 0 {
            "string"
        } else if self.integer {
            "integer"
        } else if self.number {
            "number"
        } else if self.boolean {
            "boolean"
        } else if self.date {
            "date"
        } else if self.datetime {
            "datetime"
        } else {
            "string"
        }
    }
}

/// Digits with an optional sign; a leading zero (`007`, a code) is not a number.
fn is_integer(value: &str) -> bool {
    let digits = value.strip_prefix(['-', '+']).unwrap_or(value);
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
}

fn is_decimal(value: &str) -> bool {
    let unsigned = value.strip_prefix(['-', '+']).unwrap_or(value);
    match unsigned.split_once('.') {
        Some((whole, fraction)) => {
            (whole == "0" || is_integer(whole) || whole.is_empty())
                && !fraction.is_empty()
                && fraction.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

fn is_iso_date(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit())
        && (1..=12).contains(&value[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&value[8..10].parse::<u8>().unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_windows_1252_semicolon_file_is_recognised() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("folio;colonia;monto;fecha;pagado\n007;Tránsito Norte;12.5;2016-04-01;sí\n12;Centro;3;2016-04-02;no\n");
        let sketch = sketch_table(&bytes, true).unwrap();
        assert_eq!(sketch.encoding, "windows-1252");
        assert_eq!(sketch.delimiter, b';');
        let types: Vec<(&str, &str)> = sketch
            .columns
            .iter()
            .map(|c| (c.name.as_str(), c.field_type))
            .collect();
        assert_eq!(
            types,
            [
                ("folio", "string"),
                ("colonia", "string"),
                ("monto", "number"),
                ("fecha", "date"),
                ("pagado", "boolean")
            ]
        );
        assert_eq!(sketch.columns[1].examples, ["Tránsito Norte", "Centro"]);
        assert_eq!(sketch.rows_seen, 2);
    }

    #[test]
    fn commas_inside_quotes_do_not_fool_the_separator() {
        let text = "id,nombre,total\n1,\"Pérez, Juan; y otros\",10\n2,\"Luna; Sol\",20\n";
        let sketch = sketch_table(text.as_bytes(), true).unwrap();
        assert_eq!(sketch.delimiter, b',');
        assert_eq!(sketch.encoding, "utf-8");
        assert_eq!(sketch.columns[2].field_type, "integer");
    }

    #[test]
    fn one_column_text_is_not_a_table() {
        assert_eq!(sketch_table(b"solo una linea\notra\n", true), None);
    }

    #[test]
    fn a_sample_cut_inside_a_character_is_still_utf8() {
        let text = "a,b\n1,ñ\n2,ñ";
        let cut = &text.as_bytes()[..text.len() - 1];
        let sketch = sketch_table(cut, false).unwrap();
        assert_eq!(sketch.encoding, "utf-8");
        assert_eq!(sketch.rows_seen, 1);
    }
}
