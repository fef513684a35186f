//! The explorer's data file, `datos.bin`: made to be read in the browser with
//! no parsing but a small header, each part a typed array or a run of text.
//!
//! Little-endian: `ABX2`, the length of a JSON header (u32), the header, zeros
//! to a multiple of 4, then the sections, each starting at a multiple of 4:
//!
//! ```text
//! {"rows": n, "columns": [{"width": 1|2|4, "count": k, "parsed": p, "empty": bool,
//!   "codes": [at, len], "text": [at, len], "search": [at, len]?, "days": [at, len]?}]}
//! ```
//!
//! (`at` counts from the first section.) A column's `codes` are `rows` codes
//! of `width` bytes: a row's cell is the column's value of that number. Its
//! `text` is its `count` values in the column's order, each in UTF-8 followed
//! by a NUL; its first `parsed` values are numbers or dates, in order, the last
//! is the empty cell when `empty`. `search` is each value as the text search
//! compares it ([`super::search_fold`]), NUL after each, only when a value is
//! not ASCII (else the browser lowers the text's case itself). `days` are the
//! `parsed` dates as u32 `YYYYMMDD`.

use super::{OrderedColumn, search_fold};
use serde::Serialize;
use std::io::{self, Write};
use std::path::Path;

#[derive(Serialize)]
struct Header {
    rows: u64,
    columns: Vec<ColumnHeader>,
}

#[derive(Serialize)]
struct ColumnHeader {
    width: usize,
    count: usize,
    parsed: usize,
    empty: bool,
    codes: [usize; 2],
    text: [usize; 2],
    #[serde(skip_serializing_if = "Option::is_none")]
    search: Option<[usize; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    days: Option<[usize; 2]>,
}

/// Writes the file; its size.
pub(super) fn write(
    path: &Path,
    rows: u64,
    columns: &[(OrderedColumn, Vec<u32>)],
) -> io::Result<u64> {
    let mut sections = Sections::default();
    let mut headers = Vec::new();
    for (column, codes) in columns {
        headers.push(sections.column(column, codes));
    }
    let header = Header {
        rows,
        columns: headers,
    };
    let json = serde_json::to_vec(&header).map_err(io::Error::other)?;
    let mut out = io::BufWriter::new(std::fs::File::create(path)?);
    out.write_all(b"ABX2")?;
    out.write_all(&(json.len() as u32).to_le_bytes())?;
    out.write_all(&json)?;
    out.write_all(&[0; 3][..padding(json.len())])?;
    out.write_all(&sections.bytes)?;
    out.flush()?;
    Ok((8 + json.len() + padding(json.len()) + sections.bytes.len()) as u64)
}

/// The sections, as they are laid out.
#[derive(Default)]
struct Sections {
    bytes: Vec<u8>,
}

impl Sections {
    /// Lays out one column's sections; where they are.
    fn column(&mut self, column: &OrderedColumn, codes: &[u32]) -> ColumnHeader {
        let width = code_width(column.values.len());
        let codes = self.section(|out| {
            for code in codes {
                out.extend_from_slice(&code.to_le_bytes()[..width]);
            }
        });
        let text = self.section(|out| {
            for value in &column.values {
                out.extend_from_slice(value.as_bytes());
                out.push(0);
            }
        });
        let search = column.values.iter().any(|v| !v.is_ascii()).then(|| {
            self.section(|out| {
                for value in &column.values {
                    out.extend_from_slice(search_fold(value).as_bytes());
                    out.push(0);
                }
            })
        });
        let days = column.days.as_ref().map(|days| {
            self.section(|out| {
                for day in days {
                    out.extend_from_slice(&day.to_le_bytes());
                }
            })
        });
        ColumnHeader {
            width,
            count: column.values.len(),
            parsed: column.parsed,
            empty: column.empty,
            codes,
            text,
            search,
            days,
        }
    }

    /// A section written by `fill`, then zeros to a multiple of 4; where it is.
    fn section(&mut self, fill: impl FnOnce(&mut Vec<u8>)) -> [usize; 2] {
        let at = self.bytes.len();
        fill(&mut self.bytes);
        let len = self.bytes.len() - at;
        self.bytes.extend_from_slice(&[0; 3][..padding(len)]);
        [at, len]
    }
}

/// Bytes of each code: the narrowest that holds the column's places.
fn code_width(distinct: usize) -> usize {
    match distinct {
        0..=0x100 => 1,
        0x101..=0x1_0000 => 2,
        _ => 4,
    }
}

/// Zeros after `len` bytes to reach a multiple of 4.
fn padding(len: usize) -> usize {
    (4 - len % 4) % 4
}
