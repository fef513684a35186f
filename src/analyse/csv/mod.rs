//! CSV files: the dialect sniffed from the first block (`dialect.rs`), then
//! one streaming pass that decodes every record (`reader.rs`), feeds the
//! table's preview and profile, and writes a UTF-8 copy when the original is
//! not UTF-8.

mod dialect;
mod reader;

use super::Notice;
use super::table::{MAX_PROFILED_COLUMNS, Table, TableBuilder};
use crate::msg;
use encoding_rs::{Encoding, UTF_8};
use reader::{ReadProblem, RecordReader};
use serde::{Deserialize, Serialize};
use std::io::{self, Read};
use std::path::Path;

use dialect::sniff;
pub use dialect::{CsvDialect, EncodingSource};

/// Bytes of a cell kept by the analysis (previews show 200 characters, the
/// explorer 1,000: a cell cut here always has more, so the explorer says so).
const ANALYSIS_CELL_BYTES: usize = 4096;

/// What the analysis of a CSV file found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CsvAnalysis {
    pub dialect: CsvDialect,
    pub table: Table,
}

/// Where the files made while a CSV is read go; none for a file read outside a site.
#[derive(Debug, Default, Clone, Copy)]
pub struct Targets<'a> {
    /// The UTF-8 copy, written when the file is not UTF-8.
    pub utf8_copy: Option<&'a Path>,
    /// The explorer's data, and the most rows it is made for.
    pub explorer: Option<(&'a Path, u64)>,
    /// The folder of the map's data, when the table has coordinates.
    pub map: Option<&'a Path>,
}

/// Analyses a CSV stream: `sample` is its first block (already read), `rest`
/// the remainder. Writes a UTF-8 copy when the file is not UTF-8, and the
/// explorer's data, where `targets` say.
pub fn analyse(
    sample: &[u8],
    rest: impl Read,
    complete: bool,
    declared: Option<&'static Encoding>,
    preview_rows: usize,
    targets: Targets,
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
        && let Some(path) = targets.utf8_copy
    {
        let file = std::fs::File::create(path)?;
        reader = reader.with_utf8_copy(Box::new(io::BufWriter::new(file)));
        copy_path = Some(path);
    }
    let mut builder = TableBuilder::new(preview_rows);
    if let Some((path, max_rows)) = targets.explorer {
        builder.explore_into(path.to_path_buf(), max_rows);
    }
    if let Some(dir) = targets.map {
        builder.map_into(dir.to_path_buf());
    }
    read_table(&mut reader, &mut builder, dialect.has_header)?;
    let mut notices: Vec<Notice> = open_quote_notice(&reader).into_iter().collect();
    let copied = copy_written(&mut reader, copy_path, &mut notices);
    notices.extend(invalid_bytes_notice(&reader.problems, &dialect.encoding));
    notices.extend(huge_cell_notice(&reader.problems));
    let (table, table_notices) = builder.finish();
    notices.extend(table_notices);
    dialect.decimal_comma = table.profile.iter().any(|c| c.decimal_comma);
    Ok((CsvAnalysis { dialect, table }, notices, copied))
}

/// Every record read into a table: the first is its header when the file has one.
fn read_table<R: Read>(
    reader: &mut RecordReader<R>,
    builder: &mut TableBuilder,
    has_header: bool,
) -> io::Result<()> {
    let mut first = true;
    while let Some(record) = reader.next_record()? {
        let cells: Vec<&str> = record.cells.iter().map(String::as_str).collect();
        if first && has_header {
            builder.header(&record.cells, record.width, record.line);
        } else {
            builder.row(&cells, record.width, record.line);
        }
        first = false;
    }
    Ok(())
}

/// The problem of a file that ends inside a quoted cell.
fn open_quote_notice<R: Read>(reader: &RecordReader<R>) -> Option<Notice> {
    reader.ended_in_open_quote().then(|| {
        Notice::new(msg!("analyse-open-quote"))
            .line(reader.newlines.max(1))
            .help(msg!("analyse-open-quote-help"))
    })
}

/// Finishes the UTF-8 copy at `copy_path`, if one was being written: whether
/// it was (a copy that failed is removed, and said in `notices`).
fn copy_written<R: Read>(
    reader: &mut RecordReader<R>,
    copy_path: Option<&Path>,
    notices: &mut Vec<Notice>,
) -> bool {
    match (reader.finish_copy(), copy_path) {
        (Ok(()), Some(_)) => true,
        (Err(error), Some(path)) => {
            notices.push(Notice::new(msg!(
                "analyse-copy-failed",
                error = error.to_string()
            )));
            let _ = std::fs::remove_file(path);
            false
        }
        _ => false,
    }
}

/// The problem of cells with bytes not valid in the file's `encoding`: the
/// first line, and how many cells in all.
fn invalid_bytes_notice(problems: &[ReadProblem], encoding: &str) -> Option<Notice> {
    let invalid: Vec<usize> = problems
        .iter()
        .filter_map(|p| match p {
            ReadProblem::InvalidBytes(line) => Some(*line),
            _ => None,
        })
        .collect();
    let &line = invalid.first()?;
    Some(
        Notice::new(msg!(
            "analyse-invalid-bytes",
            encoding = encoding,
            count = invalid.len()
        ))
        .line(line)
        .help(msg!("analyse-invalid-bytes-help")),
    )
}

/// The problem of the first cell longer than 1 MB.
fn huge_cell_notice(problems: &[ReadProblem]) -> Option<Notice> {
    problems.iter().find_map(|problem| match problem {
        ReadProblem::HugeCell(line) => Some(
            Notice::new(msg!("analyse-huge-cell"))
                .line(*line)
                .help(msg!("analyse-huge-cell-help")),
        ),
        _ => None,
    })
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
