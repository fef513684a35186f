//! Spreadsheets (XLSX, XLS, ODS) with calamine: each sheet becomes a table
//! (preview and profile like a CSV) and is written out as a UTF-8 CSV for
//! download. calamine reads a sheet whole, so a workbook costs memory in
//! proportion to its largest sheet; very large workbooks are only hashed.

use super::Notice;
use super::profile::{parse_date, parse_number};
use super::table::{MAX_PROFILED_COLUMNS, Table, TableBuilder};
use crate::msg;
use calamine::{Data, Reader};
use serde::{Deserialize, Serialize};
use std::io;
use std::path::{Path, PathBuf};

/// Workbooks bigger than this are not opened (calamine holds a sheet in memory).
pub const MAX_WORKBOOK_BYTES: u64 = 200 * 1024 * 1024;

/// One sheet of a workbook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    pub name: String,
    pub table: Table,
    /// The CSV export's file name in the cache, when it was written.
    pub csv_file: Option<String>,
}

/// Where the files made from one sheet go.
#[derive(Debug, Default)]
pub struct SheetTargets {
    /// Its CSV export.
    pub csv: Option<PathBuf>,
    /// Its explorer's data, and the most rows it is made for.
    pub explorer: Option<(PathBuf, u64)>,
    /// The folder of its map's data, when it has coordinates.
    pub map: Option<PathBuf>,
}

/// Reads every sheet; `targets(i)` says where sheet `i`'s made files go.
pub fn analyse(
    path: &Path,
    preview_rows: usize,
    targets: impl Fn(usize) -> SheetTargets,
) -> (Vec<Sheet>, Vec<Notice>) {
    let mut notices = Vec::new();
    let mut workbook = match calamine::open_workbook_auto(path) {
        Ok(workbook) => workbook,
        Err(error) => {
            notices.push(
                Notice::new(msg!(
                    "analyse-workbook-unreadable",
                    error = error.to_string()
                ))
                .help(msg!("analyse-workbook-unreadable-help")),
            );
            return (Vec::new(), notices);
        }
    };
    let mut sheets = Vec::new();
    for (index, name) in workbook.sheet_names().into_iter().enumerate() {
        let range = match workbook.worksheet_range(&name) {
            Ok(range) => range,
            Err(error) => {
                notices.push(Notice::new(msg!(
                    "analyse-sheet-unreadable",
                    sheet = &name,
                    error = error.to_string()
                )));
                continue;
            }
        };
        let targets = targets(index);
        sheets.push(sheet(name, &range, preview_rows, targets, &mut notices));
    }
    (sheets, notices)
}

/// A sheet's CSV export being written: its file, and the writer.
type CsvExport = (PathBuf, csv::Writer<io::BufWriter<std::fs::File>>);

/// One sheet: its table, and its CSV export and explorer data written where `targets` say.
fn sheet(
    name: String,
    range: &calamine::Range<Data>,
    preview_rows: usize,
    targets: SheetTargets,
    notices: &mut Vec<Notice>,
) -> Sheet {
    let mut builder = TableBuilder::new(preview_rows);
    if let Some((path, max_rows)) = targets.explorer {
        builder.explore_into(path, max_rows);
    }
    if let Some(dir) = targets.map {
        builder.map_into(dir);
    }
    let mut export: Option<CsvExport> = targets.csv.and_then(|target| {
        std::fs::File::create(&target)
            .ok()
            .map(|f| (target, csv::Writer::from_writer(io::BufWriter::new(f))))
    });
    let write_failed = read_rows(range, &mut builder, export.as_mut().map(|(_, w)| w));
    let csv_file = export.and_then(|export| finished_export(export, write_failed, &name, notices));
    let (table, sheet_notices) = builder.finish();
    notices.extend(sheet_notices.into_iter().map(|n| n.in_sheet(&name)));
    Sheet {
        name,
        table,
        csv_file,
    }
}

/// Feeds the sheet's rows to `builder` (the first is a header when it has
/// text and no number or date) and to the CSV `writer`; whether writing failed.
fn read_rows(
    range: &calamine::Range<Data>,
    builder: &mut TableBuilder,
    mut writer: Option<&mut csv::Writer<io::BufWriter<std::fs::File>>>,
) -> bool {
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let mut write_failed = false;
    let mut has_header = None;
    for (i, row) in range.rows().enumerate() {
        let cells: Vec<String> = row.iter().map(cell_text).collect();
        if let Some(w) = writer.as_mut()
            && w.write_record(&cells).is_err()
        {
            write_failed = true;
        }
        let line = first_row + i + 1;
        let width = cells.len();
        let kept: Vec<&str> = cells
            .iter()
            .take(MAX_PROFILED_COLUMNS)
            .map(String::as_str)
            .collect();
        if has_header.is_none() {
            let header = kept.iter().any(|c| !c.is_empty())
                && !kept
                    .iter()
                    .any(|c| parse_number(c.trim()).is_some() || parse_date(c.trim()).is_some());
            has_header = Some(header);
            if header {
                builder.header(&cells, width, line);
                continue;
            }
        }
        builder.row(&kept, width, line);
    }
    write_failed
}

/// Flushes a sheet's CSV export: its file name, or `None` (the file removed,
/// and said in `notices`) when it could not be written whole.
fn finished_export(
    (target, mut writer): CsvExport,
    write_failed: bool,
    sheet: &str,
    notices: &mut Vec<Notice>,
) -> Option<String> {
    if writer.flush().is_err() || write_failed {
        notices.push(Notice::new(msg!(
            "analyse-sheet-copy-failed",
            sheet = sheet
        )));
        let _ = std::fs::remove_file(&target);
        None
    } else {
        target.file_name().map(|n| n.to_string_lossy().into_owned())
    }
}

/// The data rows of one sheet, decoded (the header skipped when it has one).
pub fn sheet_rows(path: &Path, sheet: &str, has_header: bool) -> io::Result<Vec<super::Row>> {
    let failed = |e: calamine::Error| io::Error::other(e.to_string());
    let mut workbook = calamine::open_workbook_auto(path).map_err(failed)?;
    let range = workbook.worksheet_range(sheet).map_err(failed)?;
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    Ok(range
        .rows()
        .enumerate()
        .skip(usize::from(has_header))
        .map(|(i, row)| super::Row {
            line: first_row + i + 1,
            cells: row.iter().map(cell_text).collect(),
        })
        .collect())
}

/// A cell as text: numbers without a useless `.0`, dates as `YYYY-MM-DD`.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => excel_date(d.as_f64(), d.is_datetime()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// An Excel serial date (days since 1899-12-30) as ISO text.
fn excel_date(serial: f64, _with_time: bool) -> String {
    let days = serial.floor() as i64 - 25569; // to days since 1970-01-01
    let (y, m, d) = civil_from_days(days);
    let seconds = ((serial.fract()) * 86400.0).round() as i64;
    if seconds == 0 {
        format!("{y:04}-{m:02}-{d:02}")
    } else {
        format!(
            "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        )
    }
}

/// Howard Hinnant's algorithm: days since 1970-01-01 to (year, month, day).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    #[test]
    fn excel_serial_dates_become_iso_dates() {
        assert_eq!(super::excel_date(41640.0, false), "2014-01-01");
        assert_eq!(super::excel_date(41640.5, true), "2014-01-01 12:00:00");
    }
}
