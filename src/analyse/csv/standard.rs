//! The standard copy of a CSV: UTF-8, `,` between cells, `.` before decimals,
//! the same records, written cell by cell as the file is read (the reader
//! hands it every byte of every cell, so nothing is cut). A cell is quoted
//! when it holds a comma, a quote or a line break; a number written with a
//! decimal comma (`42,4`, as `parse_number` reads it) becomes `42.4`.
//!
//! Whether a column holds numbers is known only once the whole file is read,
//! so the pass converts every decimal-comma number it meets and counts them
//! per column; the caller then checks that each converted column turned out
//! to be a numeric one. When one did not (a text column with a `3,5` in it),
//! the copy is written again with the numeric columns given up front.

use crate::analyse::profile::parse_number;
use encoding_rs::{Decoder, Encoding};
use std::io::{self, Write};

/// Bytes of a cell held before it is written: longer cells cannot be numbers
/// and are written quoted as they come.
const HELD: usize = 256;

/// Which cells may have their decimal comma turned into a point.
#[derive(Debug, Clone)]
pub enum Convert {
    /// Any column among the first `columns` (the profiled ones): counted, checked later.
    Counted { columns: usize },
    /// Only the columns marked `true`.
    Only(Vec<bool>),
}

/// Writes the standard copy of a CSV as its cells are read.
pub struct StandardWriter {
    out: Box<dyn Write + Send>,
    /// The encoding of the cells' bytes.
    encoding: &'static Encoding,
    convert: Convert,
    /// The first record is a header: written as it is.
    header: bool,
    /// The start of the cell being read.
    held: Vec<u8>,
    /// The cell outgrew `held`: it is being written quoted, decoded as it comes.
    streaming: Option<Decoder>,
    column: usize,
    records: u64,
    /// Numbers whose decimal comma became a point, per column.
    pub converted: Vec<u64>,
    error: Option<io::Error>,
}

impl StandardWriter {
    pub fn new(
        out: Box<dyn Write + Send>,
        encoding: &'static Encoding,
        header: bool,
        convert: Convert,
    ) -> StandardWriter {
        StandardWriter {
            out,
            encoding,
            convert,
            header,
            held: Vec::with_capacity(HELD),
            streaming: None,
            column: 0,
            records: 0,
            converted: Vec::new(),
            error: None,
        }
    }

    /// More bytes of the cell being read (already unquoted by the parser).
    pub fn bytes(&mut self, bytes: &[u8]) {
        if self.streaming.is_none() && self.held.len() + bytes.len() <= HELD {
            self.held.extend_from_slice(bytes);
            return;
        }
        if self.streaming.is_none() {
            let held = std::mem::take(&mut self.held);
            self.streaming = Some(self.encoding.new_decoder_without_bom_handling());
            self.write(b"\"");
            self.stream(&held, false);
        }
        self.stream(bytes, false);
    }

    /// The cell being read is complete; `record_end` when it is its record's last.
    pub fn end_cell(&mut self, record_end: bool) {
        if self.streaming.is_some() {
            self.stream(&[], true);
            self.streaming = None;
            self.write(b"\"");
        } else {
            let held = std::mem::take(&mut self.held);
            let (text, _) = self.encoding.decode_without_bom_handling(&held);
            let cell = self.converted_cell(&text);
            self.write_cell(&cell);
            self.held = held;
            self.held.clear();
        }
        if record_end {
            self.write(b"\r\n");
            self.column = 0;
            self.records += 1;
        } else {
            self.write(b",");
            self.column += 1;
        }
    }

    /// Flushes the copy; the first error met while writing it, if any.
    pub fn finish(mut self) -> io::Result<Vec<u64>> {
        if let Some(error) = self.error.take() {
            return Err(error);
        }
        self.out.flush()?;
        Ok(self.converted)
    }

    /// The cell's text, its decimal comma made a point when it is a number
    /// in a column that may be converted.
    fn converted_cell<'t>(&mut self, text: &'t str) -> std::borrow::Cow<'t, str> {
        let in_header = self.header && self.records == 0;
        let allowed = match &self.convert {
            Convert::Counted { columns } => self.column < *columns,
            Convert::Only(columns) => columns.get(self.column).copied().unwrap_or(false),
        };
        if in_header || !allowed || !text.contains(',') {
            return text.into();
        }
        match parse_number(text.trim()) {
            Some(number) if number.comma => {
                if self.converted.len() <= self.column {
                    self.converted.resize(self.column + 1, 0);
                }
                self.converted[self.column] += 1;
                text.replacen(',', ".", 1).into()
            }
            _ => text.into(),
        }
    }

    /// A whole cell, quoted when it must be.
    fn write_cell(&mut self, cell: &str) {
        if cell.contains([',', '"', '\r', '\n']) {
            self.write(b"\"");
            self.write_escaped(cell);
            self.write(b"\"");
        } else {
            self.write(cell.as_bytes());
        }
    }

    /// A piece of a long cell, decoded and with its quotes doubled.
    fn stream(&mut self, bytes: &[u8], last: bool) {
        let Some(decoder) = self.streaming.as_mut() else {
            return;
        };
        let room = decoder
            .max_utf8_buffer_length(bytes.len())
            .unwrap_or(bytes.len() * 3 + 16);
        let mut text = String::with_capacity(room);
        let _ = decoder.decode_to_string(bytes, &mut text, last);
        self.write_escaped(&text);
    }

    fn write_escaped(&mut self, text: &str) {
        let mut parts = text.split('"');
        if let Some(first) = parts.next() {
            self.write(first.as_bytes());
        }
        for part in parts {
            self.write(b"\"\"");
            self.write(part.as_bytes());
        }
    }

    fn write(&mut self, bytes: &[u8]) {
        if self.error.is_none()
            && let Err(error) = self.out.write_all(bytes)
        {
            self.error = Some(error);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    /// A writer whose bytes the test reads afterwards.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn written(records: &[&[&str]], convert: Convert) -> (String, Vec<u64>) {
        let shared = Shared::default();
        let mut writer =
            StandardWriter::new(Box::new(shared.clone()), encoding_rs::UTF_8, true, convert);
        for record in records {
            for (i, cell) in record.iter().enumerate() {
                // Fed in two pieces, as the parser may hand them.
                let (a, b) = cell.as_bytes().split_at(cell.len() / 2);
                writer.bytes(a);
                writer.bytes(b);
                writer.end_cell(i + 1 == record.len());
            }
        }
        let converted = writer.finish().unwrap();
        let text = String::from_utf8(shared.0.lock().unwrap().clone()).unwrap();
        (text, converted)
    }

    #[test]
    fn decimal_commas_become_points_and_cells_are_quoted_when_they_must() {
        let (text, converted) = written(
            &[
                &["municipio", "pct", "nota"],
                &["Guadalajara", "42,4", "dice \"hola\", adiós"],
                &["Tala", "7", "dos\nlíneas"],
            ],
            Convert::Counted { columns: 200 },
        );
        assert_eq!(
            text,
            "municipio,pct,nota\r\nGuadalajara,42.4,\"dice \"\"hola\"\", adiós\"\r\nTala,7,\"dos\nlíneas\"\r\n"
        );
        assert_eq!(converted, vec![0, 1]);
    }

    #[test]
    fn only_the_columns_given_are_converted_on_a_second_pass() {
        let (text, converted) = written(
            &[&["a", "b"], &["3,5", "3,5"]],
            Convert::Only(vec![false, true]),
        );
        assert_eq!(text, "a,b\r\n\"3,5\",3.5\r\n");
        assert_eq!(converted, vec![0, 1]);
    }

    #[test]
    fn a_long_cell_is_written_whole_and_quoted() {
        let long = format!("{}\"{}", "x".repeat(300), "y".repeat(5000));
        let (text, _) = written(&[&["h"], &[long.as_str()]], Convert::Counted { columns: 1 });
        assert_eq!(
            text,
            format!("h\r\n\"{}\"\"{}\"\r\n", "x".repeat(300), "y".repeat(5000))
        );
    }
}
