//! A CSV's dialect (encoding, separator, header), guessed from its first
//! block: a byte-order mark or the bytes say the encoding, the separator is
//! the one that splits the records most evenly, and a first record with no
//! number or date is a header.

use super::reader::RecordReader;
use crate::analyse::profile::{parse_date, parse_number};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use serde::{Deserialize, Serialize};

/// Where the encoding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EncodingSource {
    /// The descriptor's `encoding`.
    Declared,
    /// A byte-order mark.
    Bom,
    /// Guessed from the bytes: valid UTF-8, else Windows-1252.
    Detected,
}

/// How a CSV file is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsvDialect {
    /// WHATWG name: `UTF-8`, `windows-1252`, `UTF-16LE`…
    pub encoding: String,
    pub encoding_source: EncodingSource,
    /// The file starts with a byte-order mark.
    pub bom: bool,
    /// `,`, `;`, tab or `|`.
    pub delimiter: char,
    pub has_header: bool,
    /// Some numbers are written with a decimal comma (`42,4`).
    pub decimal_comma: bool,
}

impl CsvDialect {
    pub fn encoding(&self) -> &'static Encoding {
        Encoding::for_label(self.encoding.as_bytes()).unwrap_or(UTF_8)
    }

    pub fn is_utf8(&self) -> bool {
        self.encoding() == UTF_8
    }

    /// The separator's name, for pages (`;`, `tab`).
    pub fn delimiter_name(&self) -> String {
        match self.delimiter {
            '\t' => "tab".to_string(),
            other => other.to_string(),
        }
    }
}

/// Guesses the dialect from the file's first block. `declared` (the
/// descriptor's `encoding`) wins over any guess.
pub fn sniff(sample: &[u8], complete: bool, declared: Option<&'static Encoding>) -> CsvDialect {
    let (bom_encoding, bom_length) = match Encoding::for_bom(sample) {
        Some((encoding, length)) => (Some(encoding), length),
        None => (None, 0),
    };
    let (encoding, source) = if let Some(declared) = declared {
        (declared, EncodingSource::Declared)
    } else if let Some(encoding) = bom_encoding {
        (encoding, EncodingSource::Bom)
    } else if is_utf8(sample, complete) {
        (UTF_8, EncodingSource::Detected)
    } else {
        (WINDOWS_1252, EncodingSource::Detected)
    };
    let text: Vec<u8> = if encoding == UTF_16LE || encoding == UTF_16BE {
        let (decoded, _, _) = encoding.decode(sample);
        decoded.into_owned().into_bytes()
    } else {
        sample[bom_length..].to_vec()
    };
    let delimiter = sniff_delimiter(&text, complete);
    let has_header = first_record(&text, delimiter).is_some_and(|cells| {
        !cells.iter().any(|c| {
            let c = c.trim();
            !c.is_empty() && (parse_number(c).is_some() || parse_date(c).is_some())
        })
    });
    CsvDialect {
        encoding: encoding.name().to_string(),
        encoding_source: source,
        bom: bom_length > 0,
        delimiter: delimiter as char,
        has_header,
        decimal_comma: false,
    }
}

fn is_utf8(sample: &[u8], complete: bool) -> bool {
    match std::str::from_utf8(sample) {
        Ok(_) => true,
        // A character cut by the end of the sample is fine.
        Err(error) => !complete && error.error_len().is_none(),
    }
}

/// The separator that splits the sample's records into the most consistent
/// number of cells (quoted cells are parsed, so their separators do not count).
fn sniff_delimiter(text: &[u8], complete: bool) -> u8 {
    let mut best = (b',', 0.0_f64);
    for delimiter in [b',', b';', b'\t', b'|'] {
        let mut counts = record_widths(text, delimiter);
        if !complete && counts.len() > 1 {
            counts.pop(); // the last record may be cut by the end of the sample
        }
        if counts.is_empty() {
            continue;
        }
        let mut frequency: std::collections::HashMap<usize, usize> = Default::default();
        for &c in &counts {
            *frequency.entry(c).or_default() += 1;
        }
        let (mode, times) = frequency
            .into_iter()
            .max_by_key(|&(width, times)| (times, width))
            .unwrap_or((1, 0));
        if mode < 2 {
            continue;
        }
        let consistency = times as f64 / counts.len() as f64;
        let score = consistency * 1000.0 + (mode as f64).min(999.0);
        if score > best.1 {
            best = (delimiter, score);
        }
    }
    best.0
}

fn record_widths(text: &[u8], delimiter: u8) -> Vec<usize> {
    let mut reader = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    let mut output = [0u8; 4096];
    let mut widths = Vec::new();
    let mut width = 0;
    let mut input = text;
    loop {
        let (result, read, _) = reader.read_field(input, &mut output);
        input = &input[read..];
        match result {
            csv_core::ReadFieldResult::InputEmpty | csv_core::ReadFieldResult::OutputFull => {}
            csv_core::ReadFieldResult::Field { record_end } => {
                width += 1;
                if record_end {
                    widths.push(width);
                    width = 0;
                }
            }
            csv_core::ReadFieldResult::End => break,
        }
        if widths.len() >= 200 {
            break;
        }
    }
    widths
}

fn first_record(text: &[u8], delimiter: u8) -> Option<Vec<String>> {
    let mut reader = RecordReader::new(text, delimiter, UTF_8, 256, 1000);
    reader.next_record().ok().flatten().map(|r| r.cells)
}
