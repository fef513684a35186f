//! CSV files: the dialect sniffed from the first block (`dialect.rs`), then
//! one streaming pass that decodes every record (`reader.rs`), feeds the
//! table's preview and profile, and writes a UTF-8 copy when the original is
//! not UTF-8 and a standard copy (`standard.rs`: UTF-8, `,`, decimal points)
//! when it is not a comma-separated file with decimal points.

mod dialect;
mod reader;
mod standard;

use super::Notice;
use super::profile;
use super::table::{MAX_PROFILED_COLUMNS, Table, TableBuilder};
use crate::msg;
use encoding_rs::{Encoding, UTF_8};
use reader::{ReadProblem, RecordReader};
use serde::{Deserialize, Serialize};
use std::io::{self, Read};
use std::path::Path;

pub use dialect::sniff;
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
    /// The standard copy, written when the file is not comma-separated with decimal points.
    pub standard_copy: Option<&'a Path>,
    /// The explorer's data, and the most rows it is made for.
    pub explorer: Option<(&'a Path, u64)>,
    /// The folder of the map's data, when the table has coordinates.
    pub map: Option<&'a Path>,
}

/// What the pass made besides the analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct Made {
    /// The UTF-8 copy was written.
    pub utf8_copy: bool,
    pub standard_copy: StandardCopy,
}

/// What became of the standard copy.
#[derive(Debug, Clone, PartialEq)]
pub enum StandardCopy {
    /// The file needs none (comma-separated, decimal points), or it could not be written.
    None,
    /// Written during the pass.
    Written,
    /// Needed, but the pass could not write it right (a decimal comma only
    /// past the first block, or in a column that is not numeric): write it
    /// again with [`write_standard_copy`], converting these columns.
    Again(Vec<bool>),
}

/// Analyses a CSV stream: `sample` is its first block (already read), `rest`
/// the remainder. Writes a UTF-8 copy when the file is not UTF-8, its
/// standard copy when it is not comma-separated with decimal points, and the
/// explorer's data, where `targets` say.
pub fn analyse(
    sample: &[u8],
    rest: impl Read,
    complete: bool,
    declared: Option<&'static Encoding>,
    preview_rows: usize,
    targets: Targets,
) -> io::Result<(CsvAnalysis, Vec<Notice>, Made)> {
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
    let standard_path = targets
        .standard_copy
        .filter(|_| dialect.delimiter != ',' || sample_has_decimal_comma(sample, &dialect));
    if let Some(path) = standard_path {
        let file = std::fs::File::create(path)?;
        let convert = standard::Convert::Counted {
            columns: MAX_PROFILED_COLUMNS,
        };
        reader = reader.with_standard_copy(
            Box::new(io::BufWriter::new(file)),
            dialect.has_header,
            convert,
        );
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
    let standard = reader.finish_standard_copy();
    notices.extend(invalid_bytes_notice(&reader.problems, &dialect.encoding));
    notices.extend(huge_cell_notice(&reader.problems));
    let (table, table_notices) = builder.finish();
    notices.extend(table_notices);
    dialect.decimal_comma = table.profile.iter().any(|c| c.decimal_comma);
    let standard_copy = match targets.standard_copy {
        Some(path) => standard_outcome(standard, path, &dialect, &table, &mut notices),
        None => StandardCopy::None,
    };
    let made = Made {
        utf8_copy: copied,
        standard_copy,
    };
    Ok((CsvAnalysis { dialect, table }, notices, made))
}

/// Whether a cell of the first block holds a number with a decimal comma
/// (a comma-separated file has them quoted: `"42,4"`).
fn sample_has_decimal_comma(sample: &[u8], dialect: &CsvDialect) -> bool {
    let encoding = dialect.encoding();
    let mut reader = RecordReader::new(sample, dialect.delimiter as u8, encoding, 256, 200);
    let mut first = true;
    while let Ok(Some(record)) = reader.next_record() {
        let header = std::mem::replace(&mut first, false) && dialect.has_header;
        let comma =
            |cell: &String| profile::parse_number(cell.trim()).is_some_and(|number| number.comma);
        if !header && record.cells.iter().any(comma) {
            return true;
        }
    }
    false
}

/// What becomes of the standard copy written at `path` during the pass
/// (`written`: the numbers it converted per column, or why it failed),
/// now that the whole file is known.
fn standard_outcome(
    written: Option<io::Result<Vec<u64>>>,
    path: &Path,
    dialect: &CsvDialect,
    table: &Table,
    notices: &mut Vec<Notice>,
) -> StandardCopy {
    let needed = dialect.delimiter != ',' || dialect.decimal_comma;
    let numeric: Vec<bool> = table.profile.iter().map(|c| c.decimal_comma).collect();
    let outcome = match written {
        Some(Err(error)) => {
            notices.push(Notice::new(msg!(
                "analyse-standard-copy-failed",
                error = error.to_string()
            )));
            StandardCopy::None
        }
        _ if !needed => StandardCopy::None,
        Some(Ok(converted))
            if converted
                .iter()
                .enumerate()
                .all(|(column, n)| *n == 0 || numeric.get(column) == Some(&true)) =>
        {
            return StandardCopy::Written;
        }
        _ => StandardCopy::Again(numeric),
    };
    let _ = std::fs::remove_file(path);
    outcome
}

/// Writes the standard copy of the CSV at `path` into `target`, converting
/// the decimal commas of the `numeric` columns only: when the pass could not
/// write it right (see [`StandardCopy::Again`]).
pub fn write_standard_copy(
    path: &Path,
    dialect: &CsvDialect,
    numeric: Vec<bool>,
    target: &Path,
) -> io::Result<()> {
    let mut file = io::BufReader::new(std::fs::File::open(path)?);
    if dialect.is_utf8() && dialect.bom {
        let mut skip = [0u8; 3];
        file.read_exact(&mut skip)?;
    }
    let out = io::BufWriter::new(std::fs::File::create(target)?);
    let convert = standard::Convert::Only(numeric);
    let mut reader = RecordReader::new(file, dialect.delimiter as u8, dialect.encoding(), 0, 0)
        .with_standard_copy(Box::new(out), dialect.has_header, convert);
    while reader.next_record()?.is_some() {}
    reader.finish_standard_copy().unwrap_or(Ok(Vec::new()))?;
    Ok(())
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
    let file = io::BufReader::new(std::fs::File::open(path)?);
    let mut records = records(file, dialect, 64 * 1024)?;
    if dialect.has_header
        && let Some(Err(error)) = records.next()
    {
        return Err(error);
    }
    Ok(records)
}

/// Every record of a CSV (header included) read from `source` with its
/// dialect, in bounded memory: cells are cut at `cell_bytes`, records at
/// 100,000 cells. For readers of another source than a file of the site (the
/// history reads versions from git).
pub fn records<R: Read>(
    mut source: R,
    dialect: &CsvDialect,
    cell_bytes: usize,
) -> io::Result<impl Iterator<Item = io::Result<Row>> + use<R>> {
    let encoding = dialect.encoding();
    if encoding == UTF_8 && dialect.bom {
        let mut skip = [0u8; 3];
        source.read_exact(&mut skip)?;
    }
    let mut reader = RecordReader::new(
        source,
        dialect.delimiter as u8,
        encoding,
        cell_bytes,
        100_000,
    );
    Ok(std::iter::from_fn(move || match reader.next_record() {
        Ok(Some(record)) => Some(Ok(Row {
            line: record.line,
            cells: record.cells,
        })),
        Ok(None) => None,
        Err(error) => Some(Err(error)),
    }))
}
