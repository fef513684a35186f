//! CSV files: the dialect sniffed from the first block (encoding, separator,
//! header), then one streaming pass that decodes every record, feeds the
//! table's preview and profile, and writes a UTF-8 copy when the original is
//! not UTF-8. Records are read with `csv-core` into fixed buffers, so a huge
//! cell or a file with no line breaks never grows memory.

use super::Notice;
use super::table::{MAX_PROFILED_COLUMNS, Table, TableBuilder};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use serde::{Deserialize, Serialize};
use std::io::{self, Read, Write};
use std::path::Path;

/// Bytes of a cell kept by the analysis (previews show 200 characters).
const ANALYSIS_CELL_BYTES: usize = 1024;
/// A cell longer than this is reported: the file is probably not a CSV.
const HUGE_CELL_BYTES: u64 = 1 << 20;
/// Bytes read at a time.
const CHUNK: usize = 64 * 1024;

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

/// What the analysis of a CSV file found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CsvAnalysis {
    pub dialect: CsvDialect,
    pub table: Table,
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
            !c.is_empty()
                && (super::profile::parse_number(c).is_some()
                    || super::profile::parse_date(c).is_some())
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
    source: R,
    parser: csv_core::Reader,
    encoding: &'static Encoding,
    /// Non-ASCII-compatible encodings (UTF-16) are decoded before parsing.
    transcoder: Option<encoding_rs::Decoder>,
    /// A UTF-8 copy of the whole file, written as it is read.
    copy: Option<(encoding_rs::Decoder, Box<dyn Write + Send>)>,
    cell_bytes: usize,
    max_cells: usize,
    buffer: Vec<u8>,
    decoded: String,
    start: usize,
    end: usize,
    eof: bool,
    done: bool,
    /// Newlines consumed so far.
    newlines: usize,
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
        let mut cells: Vec<String> = Vec::new();
        let mut width = 0usize;
        let mut cell: Vec<u8> = Vec::new();
        let mut cell_length = 0u64;
        let mut line: Option<usize> = None;
        let mut cell_started = false;
        loop {
            if self.start == self.end && !self.eof {
                self.fill()?;
            }
            let input_len = self.end - self.start;
            if !cell_started && input_len > 0 {
                let input = self.input();
                let mut skip = 0;
                if line.is_none() {
                    // Blank lines and the `\n` of a `\r\n` come before the record.
                    let newlines = input
                        .iter()
                        .take_while(|b| **b == b'\r' || **b == b'\n')
                        .filter(|b| **b == b'\n')
                        .count();
                    skip = input
                        .iter()
                        .take_while(|b| **b == b'\r' || **b == b'\n')
                        .count();
                    line = Some(self.newlines + newlines + 1);
                }
                if let Some(&first) = input.get(skip) {
                    self.cell_quoted = first == b'"';
                    cell_started = true;
                }
            }
            let (result, read, written) = {
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
                (result, read, written)
            };
            self.start += read;
            cell_length += written as u64;
            if cell.len() < self.cell_bytes {
                let room = self.cell_bytes - cell.len();
                cell.extend_from_slice(&output[..written.min(room)]);
            }
            match result {
                csv_core::ReadFieldResult::InputEmpty => {
                    if self.eof && read == 0 && self.start == self.end {
                        // Tell the parser the input has ended.
                        let (result, _, written) = self.parser.read_field(&[], output);
                        cell_length += written as u64;
                        if cell.len() < self.cell_bytes {
                            let room = self.cell_bytes - cell.len();
                            cell.extend_from_slice(&output[..written.min(room)]);
                        }
                        match result {
                            csv_core::ReadFieldResult::Field { .. } => {
                                self.finish_cell(
                                    &mut cells,
                                    &mut width,
                                    &mut cell,
                                    cell_length,
                                    line,
                                );
                                return Ok(Some(Record {
                                    line: line.unwrap_or(self.newlines + 1),
                                    cells,
                                    width,
                                }));
                            }
                            _ => {
                                self.done = true;
                                return Ok(None);
                            }
                        }
                    }
                }
                csv_core::ReadFieldResult::OutputFull => {}
                csv_core::ReadFieldResult::Field { record_end } => {
                    self.finish_cell(&mut cells, &mut width, &mut cell, cell_length, line);
                    cell_length = 0;
                    cell_started = false;
                    if record_end {
                        return Ok(Some(Record {
                            line: line.unwrap_or(self.newlines),
                            cells,
                            width,
                        }));
                    }
                }
                csv_core::ReadFieldResult::End => {
                    self.done = true;
                    return Ok(None);
                }
            }
        }
    }

    fn finish_cell(
        &mut self,
        cells: &mut Vec<String>,
        width: &mut usize,
        cell: &mut Vec<u8>,
        length: u64,
        line: Option<usize>,
    ) {
        *width += 1;
        let line = line.unwrap_or(self.newlines + 1);
        if length > HUGE_CELL_BYTES {
            self.problems.push(ReadProblem::HugeCell(line));
        }
        if cells.len() < self.max_cells {
            let truncated = length > cell.len() as u64;
            let text = if self.transcoder.is_some() || self.encoding == UTF_8 {
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
            };
            cells.push(text);
        }
        cell.clear();
    }
}

/// Analyses a CSV stream: `sample` is its first block (already read), `rest`
/// the remainder. Writes a UTF-8 copy to `utf8_copy` when the file is not UTF-8.
pub fn analyse(
    sample: &[u8],
    rest: impl Read,
    complete: bool,
    declared: Option<&'static Encoding>,
    preview_rows: usize,
    utf8_copy: Option<&Path>,
) -> io::Result<(CsvAnalysis, Vec<Notice>, bool)> {
    let mut dialect = sniff(sample, complete, declared);
    let encoding = dialect.encoding();
    let source = io::Cursor::new(sample).chain(rest);
    let mut reader = RecordReader::new(
        source,
        dialect.delimiter as u8,
        encoding,
        ANALYSIS_CELL_BYTES,
        MAX_PROFILED_COLUMNS,
    );
    // A UTF-8 BOM is not part of the first column's name.
    if encoding == UTF_8 && sample.starts_with(&[0xEF, 0xBB, 0xBF]) {
        let mut skip = [0u8; 3];
        reader.source.read_exact(&mut skip)?;
    }
    let mut copy_path = None;
    if encoding != UTF_8
        && let Some(path) = utf8_copy
    {
        let file = std::fs::File::create(path)?;
        reader = reader.with_utf8_copy(Box::new(io::BufWriter::new(file)));
        copy_path = Some(path);
    }
    let mut builder = TableBuilder::new(preview_rows);
    let mut first = true;
    while let Some(record) = reader.next_record()? {
        let cells: Vec<&str> = record.cells.iter().map(String::as_str).collect();
        if first && dialect.has_header {
            builder.header(&record.cells, record.width, record.line);
        } else {
            builder.row(&cells, record.width, record.line);
        }
        first = false;
    }
    let mut notices = Vec::new();
    if reader.ended_in_open_quote() {
        notices.push(
            Notice::new("a quoted cell is never closed: the rest of the file was read as one cell")
                .line(reader.newlines.max(1))
                .help("close the quote (`\"`) or write a quote inside a cell as `\"\"`"),
        );
    }
    let copied = match (reader.finish_copy(), copy_path) {
        (Ok(()), Some(_)) => true,
        (Err(error), Some(path)) => {
            notices.push(Notice::new(format!(
                "cannot write the UTF-8 copy of this file: {error}"
            )));
            let _ = std::fs::remove_file(path);
            false
        }
        _ => false,
    };
    let invalid: Vec<usize> = reader
        .problems
        .iter()
        .filter_map(|p| match p {
            ReadProblem::InvalidBytes(line) => Some(*line),
            _ => None,
        })
        .collect();
    if let Some(&line) = invalid.first() {
        notices.push(
            Notice::new(format!(
                "bytes that are not valid {} ({} cells in all); they are shown as �",
                dialect.encoding,
                invalid.len()
            ))
            .line(line)
            .help("save the file as UTF-8, or declare its encoding with `encoding = \"windows-1252\"` in the resource"),
        );
    }
    for problem in &reader.problems {
        if let ReadProblem::HugeCell(line) = problem {
            notices.push(
                Notice::new("a cell is longer than 1 MB: is this really a CSV file?")
                    .line(*line)
                    .help("the preview shows only the start of long cells"),
            );
            break;
        }
    }
    let (table, table_notices) = builder.finish();
    notices.extend(table_notices);
    dialect.decimal_comma = table.profile.iter().any(|c| c.decimal_comma);
    Ok((CsvAnalysis { dialect, table }, notices, copied))
}

/// A row of a tabular resource, decoded to UTF-8.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The line (CSV) or row number (spreadsheet) it starts on, 1-based.
    pub line: usize,
    pub cells: Vec<String>,
}

/// Iterates over the data rows of a CSV file (header skipped) with its dialect,
/// in bounded memory: cells are cut at 64 KiB. For `check` and other readers of cell values.
pub fn rows(
    path: &Path,
    dialect: &CsvDialect,
) -> io::Result<impl Iterator<Item = io::Result<Row>> + use<>> {
    let mut file = io::BufReader::new(std::fs::File::open(path)?);
    let encoding = dialect.encoding();
    if encoding == UTF_8 && dialect.bom {
        let mut skip = [0u8; 3];
        file.read_exact(&mut skip)?;
    }
    let mut reader = RecordReader::new(file, dialect.delimiter as u8, encoding, 64 * 1024, 100_000);
    let mut skip_header = dialect.has_header;
    Ok(std::iter::from_fn(move || {
        loop {
            match reader.next_record() {
                Ok(Some(record)) if skip_header => {
                    skip_header = false;
                    let _ = record;
                }
                Ok(Some(record)) => {
                    return Some(Ok(Row {
                        line: record.line,
                        cells: record.cells,
                    }));
                }
                Ok(None) => return None,
                Err(error) => return Some(Err(error)),
            }
        }
    }))
}
