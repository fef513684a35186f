//! Reading CSV records from bytes in any encoding with `csv-core`, into fixed
//! buffers: a huge cell or a file with no line breaks never grows memory.
//! Optionally writes a UTF-8 copy of the whole file as it reads, and a
//! standard copy (`standard.rs`) of its records.

use super::standard::{Convert, StandardWriter};
use encoding_rs::{Encoding, UTF_8};
use std::io::{self, Read, Write};

/// A cell longer than this is reported: the file is probably not a CSV.
const HUGE_CELL_BYTES: u64 = 1 << 20;
/// Bytes read at a time.
const CHUNK: usize = 64 * 1024;

/// One record of a CSV file, decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The line it starts on (1-based).
    pub line: usize,
    /// Its first cells, decoded to UTF-8, each cut at the reader's cell limit.
    pub cells: Vec<String>,
    /// How many cells it really has.
    pub width: usize,
}

/// Something the reader noticed while decoding.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadProblem {
    /// Bytes that are not valid in the file's encoding, at this line.
    InvalidBytes(usize),
    /// A cell bigger than [`HUGE_CELL_BYTES`] starting at this line.
    HugeCell(usize),
}

/// Reads CSV records from bytes in any encoding, in bounded memory: cells are
/// cut at `cell_bytes`, records at `max_cells` cells (the rest only counted).
pub struct RecordReader<R: Read> {
    pub(super) source: R,
    parser: csv_core::Reader,
    encoding: &'static Encoding,
    /// Non-ASCII-compatible encodings (UTF-16) are decoded before parsing.
    transcoder: Option<encoding_rs::Decoder>,
    /// A UTF-8 copy of the whole file, written as it is read.
    copy: Option<(encoding_rs::Decoder, Box<dyn Write + Send>)>,
    /// The standard copy, written record by record as they are read.
    standard: Option<StandardWriter>,
    cell_bytes: usize,
    max_cells: usize,
    buffer: Vec<u8>,
    decoded: String,
    start: usize,
    end: usize,
    eof: bool,
    done: bool,
    /// Newlines consumed so far.
    pub(super) newlines: usize,
    /// The last non-blank byte consumed, and whether the last cell began with a quote.
    last_byte: u8,
    cell_quoted: bool,
    pub problems: Vec<ReadProblem>,
    copy_error: Option<io::Error>,
    /// The parser's output buffer, reused for every cell.
    output: Vec<u8>,
}

impl<R: Read> RecordReader<R> {
    pub fn new(
        source: R,
        delimiter: u8,
        encoding: &'static Encoding,
        cell_bytes: usize,
        max_cells: usize,
    ) -> RecordReader<R> {
        let ascii_compatible = encoding.is_ascii_compatible();
        RecordReader {
            source,
            parser: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            encoding,
            transcoder: (!ascii_compatible).then(|| encoding.new_decoder_with_bom_removal()),
            copy: None,
            standard: None,
            cell_bytes,
            max_cells,
            buffer: vec![0; CHUNK],
            decoded: String::new(),
            start: 0,
            end: 0,
            eof: false,
            done: false,
            newlines: 0,
            last_byte: 0,
            cell_quoted: false,
            problems: Vec::new(),
            copy_error: None,
            output: vec![0; 4096],
        }
    }

    /// Also writes the whole file, decoded to UTF-8, to `copy`.
    pub fn with_utf8_copy(mut self, copy: Box<dyn Write + Send>) -> Self {
        self.copy = Some((self.encoding.new_decoder_with_bom_removal(), copy));
        self
    }

    /// Also writes every record to `out` as a standard CSV (see `standard.rs`);
    /// `header`: the first record is a header.
    pub fn with_standard_copy(
        mut self,
        out: Box<dyn Write + Send>,
        header: bool,
        convert: Convert,
    ) -> Self {
        // Non-ASCII-compatible files are decoded before parsing: their cells are UTF-8.
        let cells = if self.transcoder.is_some() {
            UTF_8
        } else {
            self.encoding
        };
        self.standard = Some(StandardWriter::new(out, cells, header, convert));
        self
    }

    /// Finishes the standard copy, if one was being written: the numbers
    /// converted per column, or the error met while writing it.
    pub fn finish_standard_copy(&mut self) -> Option<io::Result<Vec<u64>>> {
        self.standard.take().map(StandardWriter::finish)
    }

    /// Finishes the UTF-8 copy; an error while writing it is returned here.
    pub fn finish_copy(&mut self) -> io::Result<()> {
        if let Some(error) = self.copy_error.take() {
            return Err(error);
        }
        if let Some((_, mut writer)) = self.copy.take() {
            writer.flush()?;
        }
        Ok(())
    }

    /// Whether the file ended inside a quoted cell.
    pub fn ended_in_open_quote(&self) -> bool {
        self.done && self.cell_quoted && self.last_byte != b'"'
    }

    fn fill(&mut self) -> io::Result<()> {
        let read = loop {
            match self.source.read(&mut self.buffer) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        };
        let raw = &self.buffer[..read];
        let last = read == 0;
        if let Some((decoder, writer)) = &mut self.copy {
            let mut text = String::with_capacity(
                decoder
                    .max_utf8_buffer_length(raw.len())
                    .unwrap_or(raw.len() * 3),
            );
            let _ = decoder.decode_to_string(raw, &mut text, last);
            if self.copy_error.is_none()
                && let Err(error) = writer.write_all(text.as_bytes())
            {
                self.copy_error = Some(error);
            }
        }
        if let Some(transcoder) = &mut self.transcoder {
            self.decoded.clear();
            self.decoded.reserve(
                transcoder
                    .max_utf8_buffer_length(raw.len())
                    .unwrap_or(raw.len() * 3),
            );
            let _ = transcoder.decode_to_string(raw, &mut self.decoded, last);
            self.end = self.decoded.len();
        } else {
            self.end = read;
        }
        self.start = 0;
        self.eof = last;
        Ok(())
    }

    fn input(&self) -> &[u8] {
        if self.transcoder.is_some() {
            &self.decoded.as_bytes()[self.start..self.end]
        } else {
            &self.buffer[self.start..self.end]
        }
    }

    /// The next record, or `None` at the end of the file.
    pub fn next_record(&mut self) -> io::Result<Option<Record>> {
        let mut output = std::mem::take(&mut self.output);
        let record = self.read_record(&mut output);
        self.output = output;
        record
    }

    fn read_record(&mut self, output: &mut [u8]) -> io::Result<Option<Record>> {
        if self.done {
            return Ok(None);
        }
        let mut record = PartialRecord::default();
        loop {
            if self.start == self.end && !self.eof {
                self.fill()?;
            }
            if !record.cell_started && self.end > self.start {
                self.start_cell(&mut record);
            }
            let (result, read, written) = self.parse_field(output);
            self.keep(&mut record, &output[..written]);
            match result {
                csv_core::ReadFieldResult::InputEmpty => {
                    if self.eof && read == 0 && self.start == self.end {
                        return Ok(self.end_of_input(record, output));
                    }
                }
                csv_core::ReadFieldResult::OutputFull => {}
                csv_core::ReadFieldResult::Field { record_end } => {
                    self.finish_cell(&mut record, record_end);
                    if record_end {
                        return Ok(Some(record.into_record(self.newlines)));
                    }
                }
                csv_core::ReadFieldResult::End => {
                    self.done = true;
                    return Ok(None);
                }
            }
        }
    }

    /// Notes, before a cell's first byte, the line its record starts on
    /// (blank lines and the `\n` of a `\r\n` come before the record) and
    /// whether the cell is quoted.
    fn start_cell(&mut self, record: &mut PartialRecord) {
        let input = self.input();
        let mut skip = 0;
        if record.line.is_none() {
            let newlines = input
                .iter()
                .take_while(|b| **b == b'\r' || **b == b'\n')
                .filter(|b| **b == b'\n')
                .count();
            skip = input
                .iter()
                .take_while(|b| **b == b'\r' || **b == b'\n')
                .count();
            record.line = Some(self.newlines + newlines + 1);
        }
        if let Some(&first) = input.get(skip) {
            self.cell_quoted = first == b'"';
            record.cell_started = true;
        }
    }

    /// Parses the input into `output` up to the end of a field or of the
    /// input, counting the newlines consumed: the parser's result, the bytes
    /// read and the bytes written.
    fn parse_field(&mut self, output: &mut [u8]) -> (csv_core::ReadFieldResult, usize, usize) {
        let input = if self.transcoder.is_some() {
            &self.decoded.as_bytes()[self.start..self.end]
        } else {
            &self.buffer[self.start..self.end]
        };
        let (result, read, written) = self.parser.read_field(input, output);
        let consumed = &input[..read];
        self.newlines += consumed.iter().filter(|b| **b == b'\n').count();
        if let Some(&b) = consumed.iter().rev().find(|b| !b.is_ascii_whitespace()) {
            self.last_byte = b;
        }
        self.start += read;
        (result, read, written)
    }

    /// The last record, once the parser is told the input has ended; `None`
    /// when there is none.
    fn end_of_input(&mut self, mut record: PartialRecord, output: &mut [u8]) -> Option<Record> {
        let (result, _, written) = self.parser.read_field(&[], output);
        self.keep(&mut record, &output[..written]);
        match result {
            csv_core::ReadFieldResult::Field { .. } => {
                self.finish_cell(&mut record, true);
                Some(record.into_record(self.newlines + 1))
            }
            _ => {
                self.done = true;
                None
            }
        }
    }

    /// Keeps what the parser wrote of a cell in the record, and hands all of
    /// it to the standard copy.
    fn keep(&mut self, record: &mut PartialRecord, written: &[u8]) {
        record.keep(written, self.cell_bytes);
        if let Some(standard) = &mut self.standard {
            standard.bytes(written);
        }
    }

    /// Adds the cell read to the record (decoded, unless the record has its
    /// cells already) and starts the next one.
    fn finish_cell(&mut self, record: &mut PartialRecord, record_end: bool) {
        if let Some(standard) = &mut self.standard {
            standard.end_cell(record_end);
        }
        record.width += 1;
        let line = record.line.unwrap_or(self.newlines + 1);
        if record.cell_length > HUGE_CELL_BYTES {
            self.problems.push(ReadProblem::HugeCell(line));
        }
        if record.cells.len() < self.max_cells {
            let truncated = record.cell_length > record.cell.len() as u64;
            let text = self.cell_text(&record.cell, truncated, line);
            record.cells.push(text);
        }
        record.cell.clear();
        record.cell_length = 0;
        record.cell_started = false;
    }

    /// A cell's bytes decoded to UTF-8; invalid bytes are reported. A
    /// character cut by the cell limit (`truncated`) is dropped.
    fn cell_text(&mut self, cell: &[u8], truncated: bool, line: usize) -> String {
        if self.transcoder.is_some() || self.encoding == UTF_8 {
            match std::str::from_utf8(cell) {
                Ok(text) => text.to_string(),
                Err(error) if truncated && error.error_len().is_none() => {
                    String::from_utf8_lossy(&cell[..error.valid_up_to()]).into_owned()
                }
                Err(_) => {
                    self.problems.push(ReadProblem::InvalidBytes(line));
                    String::from_utf8_lossy(cell).into_owned()
                }
            }
        } else {
            let (text, had_errors) = self.encoding.decode_without_bom_handling(cell);
            if had_errors {
                self.problems.push(ReadProblem::InvalidBytes(line));
            }
            text.into_owned()
        }
    }
}

/// A record being read: its cells so far and the cell being read.
#[derive(Default)]
struct PartialRecord {
    cells: Vec<String>,
    /// How many cells it has so far.
    width: usize,
    /// The cell being read, cut at the reader's cell limit.
    cell: Vec<u8>,
    /// The whole length of the cell being read.
    cell_length: u64,
    /// The line the record starts on, once its first byte is seen.
    line: Option<usize>,
    /// Whether the cell being read has had its first byte.
    cell_started: bool,
}

impl PartialRecord {
    /// Keeps what the parser wrote of the cell, up to `cell_bytes` in all.
    fn keep(&mut self, written: &[u8], cell_bytes: usize) {
        self.cell_length += written.len() as u64;
        if self.cell.len() < cell_bytes {
            let room = cell_bytes - self.cell.len();
            self.cell
                .extend_from_slice(&written[..written.len().min(room)]);
        }
    }

    /// The finished record; `line` when its start was never seen.
    fn into_record(self, line: usize) -> Record {
        Record {
            line: self.line.unwrap_or(line),
            cells: self.cells,
            width: self.width,
        }
    }
}
