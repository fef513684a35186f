//! Analyse: reads every local data file once, streaming, on all cores, and
//! records what the pages say about it: size and SHA-256 for every file; for
//! CSV and spreadsheets a preview and a profile of each column; for KML and
//! GeoJSON the features and their properties; for these and for tables with
//! coordinates a map (`map/`: a static preview, tiles, colours); for every
//! table the columns holding personal data. Hostile files give
//! warnings, never a crash. Results are cached by file content (`cache.rs`).
//!
//! Other stages reuse: [`FileFacts::tables`] (tables with their profiles, for
//! catalogs and stories), [`schema::fields`] (documented and inferred columns
//! merged), and [`rows`] (a streaming iterator over the decoded rows of a
//! tabular resource, for stories' embeds).

//!
//! # How a file is read
//!
//! One pass per file: a `Hashing` reader feeds SHA-256 with every byte the
//! analysers read, and whatever they leave is drained, so hash, profile and
//! preview come from a single read. The first 64 KiB decide the kind (empty, Git
//! LFS pointer, binary under `.csv`) and the CSV dialect: encoding (descriptor's
//! `encoding` › BOM › valid UTF-8 › Windows-1252), separator (`,` `;` tab `|`,
//! the one that splits the sample's records most consistently, quotes parsed),
//! header (no number or date in the first row). Memory is bounded whatever the
//! file: csv-core parses into fixed buffers (cells kept up to 4 KiB, 200 columns
//! profiled, 40 previewed); each column keeps at most 1,000 distinct values
//! (exact counts, then Misra–Gries for the frequent ones and a 1 KiB
//! HyperLogLog estimate); GeoJSON is read one feature at a time
//! (`geojson.rs`); maps keep at most 3 million vertices after simplification
//! and 1 million points (`map/`). A type needs 95 % of filled cells (the rest
//! are reported with an example); a digit string with a leading zero makes the
//! column text (codes like `01`, `002`). The exception: XLSX/ODS go through
//! calamine, which holds one sheet in memory (workbooks over 200 MB are only
//! hashed).
//!
//! Made files (UTF-8 copy of a non-UTF-8 CSV, standard copy of a CSV that is
//! not comma-separated with decimal points, each sheet as CSV, KML as
//! GeoJSON) are written during the pass into the cache and published under
//! `descargas/<dataset>/utf-8/`, `…/estandar/`, `…/csv/`, `…/geojson/`; a map's folder
//! (`<key>-<sha>.map/`: tiles, properties, colours) is published beside its
//! dataset's page. The
//! standard copy is written as the records are read; a file whose decimal
//! commas the first block does not show (or show in a column that turns out
//! to be text) is read a second time to write it (`csv/standard.rs`).
//!
//! The cache (`analyse/cache.rs`) lives in `$ABIERTO_CACHE_DIR/<site>`, else
//! `$XDG_CACHE_HOME/abierto/<site>` or `~/.cache/abierto/<site>` (`<site>`: a
//! hash of the site's path), never inside the site or the output; delete it any
//! time. An entry is reused when size and mtime match, or when only the mtime
//! changed and the SHA-256 is the same (a `git checkout`); a file `serve`'s watcher
//! reports changed is compared by SHA-256 whatever its stamp. Personal data is
//! found in the same pass (`table.rs` feeds each row to `personal_data::Scanner`),
//! so it is cached with the rest of the facts. Every file of the
//! cache is written under a temporary name and renamed into place, and made files
//! are named by their own SHA-256 (`<key>-<sha>.utf-8.csv`), so builds sharing a
//! cache at the same time never see half a file nor publish another build's copy.
//!
//! For other features: `FileFacts::tables()` (profiles, row counts, header),
//! `CsvDialect` (encoding, delimiter, decimal comma), `schema::fields` (Table
//! Schema fields, documented and inferred), `analyse::rows` (decoded rows,
//! streaming, for stories' embeds), `analyse_csv_file` (one CSV outside a site, for
//! `abierto new dataset --from`). No other module reads CSV or XLSX itself.
//!
//! Benchmark (`cargo run --release --example analyse_bench`, 2-core machine):
//! a generated 1,100 MB Windows-1252 CSV (13.1 million rows, 7 columns, `;`,
//! decimal commas, coordinates, a column of 13 million distinct ids) is
//! analysed in one pass (SHA-256, sniffing, profile of every cell, preview, UTF-8
//! copy written) in 44.6 s wall / 42.7 s CPU: **25 MB/s**, with a **peak memory
//! (VmHWM) of 4.6 MB** for the whole process. The pass is CPU-bound in the
//! per-cell work (type tests, two SipHash lookups, small allocations), not in
//! reading or hashing; a faster hasher and fewer per-cell allocations are the
//! next steps if large files matter.

pub mod cache;
mod crs;
pub mod csv;
pub mod detectors;
pub mod explore;
pub mod geo;
mod geojson;
mod geometry;
mod kml;
mod kml_style;
pub mod map;
mod pass;
pub mod personal_data;
pub mod profile;
pub mod schema;
mod site;
mod sniff;
pub mod table;
pub mod xlsx;

use crate::diagnostics::Diagnostic;
use crate::messages::Message;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use self::csv::{CsvAnalysis, CsvDialect, EncodingSource, Row};
pub use geo::GeoAnalysis;
pub use geometry::{BBox, Shape, degrees, world};
pub use map::MapLayer;
pub use pass::{Request, analyse_csv_file, analyse_file, analyse_file_cached};
pub use profile::{ColumnProfile, ColumnType};
pub use site::{AnalysisCache, analyse_cached};
pub use sniff::is_lfs_pointer;
pub use table::{PointLayer, Table};
pub use xlsx::Sheet;

/// Text from a data file as a page can show it: control characters (but
/// tabs and line breaks) and Unicode non-characters, which HTML forbids
/// (mojibake such as `Ã\u{81}rea` holds them), become `�`.
pub fn printable(text: &str) -> String {
    let forbidden = |c: char| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            || ('\u{FDD0}'..='\u{FDEF}').contains(&c)
            || (c as u32 & 0xFFFE) == 0xFFFE
    };
    text.chars()
        .map(|c| if forbidden(c) { '\u{FFFD}' } else { c })
        .collect()
}

/// A problem found in a data file, shown on its page and reported by the build.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// 1-based line (a sheet's row number for spreadsheets).
    pub line: Option<usize>,
    pub message: Message,
    pub help: Option<Message>,
}

impl Notice {
    pub fn new(message: impl Into<Message>) -> Notice {
        Notice {
            line: None,
            message: message.into(),
            help: None,
        }
    }

    pub fn line(mut self, line: usize) -> Notice {
        self.line = Some(line);
        self
    }

    pub fn help(mut self, help: impl Into<Message>) -> Notice {
        self.help = Some(help.into());
        self
    }

    /// Names the sheet a spreadsheet's problem is in.
    pub fn in_sheet(mut self, sheet: &str) -> Notice {
        self.message = crate::msg!("analyse-in-sheet", sheet = sheet, message = self.message);
        self
    }

    fn diagnostic(&self, file: &str) -> Diagnostic {
        let mut diagnostic = Diagnostic::warning(file, self.message.clone())
            .code(crate::diagnostics::Code::DataFile);
        diagnostic.line = self.line;
        diagnostic.help = self.help.clone().map(Box::new);
        diagnostic
    }
}

/// The kinds of map files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GeoFormat {
    Kml,
    GeoJson,
}

/// What a data file holds, by kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FileContent {
    Csv {
        csv: CsvAnalysis,
        /// The UTF-8 copy's name in the cache, when the original is not UTF-8.
        utf8_copy: Option<String>,
        /// The standard copy's name in the cache (UTF-8, `,`, decimal points),
        /// when the original is not comma-separated with decimal points.
        standard_copy: Option<String>,
    },
    Workbook {
        sheets: Vec<Sheet>,
    },
    Geo {
        format: GeoFormat,
        geo: GeoAnalysis,
        /// The GeoJSON conversion's name in the cache (for KML).
        geojson_copy: Option<String>,
    },
    /// A Git LFS pointer: a stand-in for a file that was never fetched.
    LfsPointer {
        oid: String,
        size: Option<u64>,
    },
    /// Anything else (PDF, ZIP…), or a file whose content could not be read.
    Other,
}

/// What was learnt about one data file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileFacts {
    pub bytes: u64,
    /// Lower-case hexadecimal.
    pub sha256: String,
    pub content: FileContent,
    /// Problems found in the file.
    pub notices: Vec<Notice>,
    /// SHA-256 of each made file (UTF-8 copy, standard copy, sheet CSVs, GeoJSON), by name.
    pub made_sha256: BTreeMap<String, String>,
    /// The size in bytes of each made file, by name.
    pub made_bytes: BTreeMap<String, u64>,
}

impl FileFacts {
    /// The tables the file holds: (sheet name, table) — one with no name for
    /// a CSV, one per sheet for a workbook, the features' properties for a map.
    pub fn tables(&self) -> Vec<(Option<&str>, &Table)> {
        match &self.content {
            FileContent::Csv { csv, .. } => vec![(None, &csv.table)],
            FileContent::Workbook { sheets } => sheets
                .iter()
                .map(|s| (Some(s.name.as_str()), &s.table))
                .collect(),
            FileContent::Geo { geo, .. } => vec![(None, &geo.properties)],
            _ => Vec::new(),
        }
    }

    /// The maps of the file: its own (KML, GeoJSON), or its tables'
    /// coordinates', each with its sheet's index in a workbook.
    pub fn maps(&self) -> Vec<(Option<usize>, &MapLayer)> {
        match &self.content {
            FileContent::Geo { geo, .. } => geo.map.iter().map(|m| (None, &**m)).collect(),
            FileContent::Csv { csv, .. } => {
                csv.table.points.iter().map(|p| (None, &p.map)).collect()
            }
            FileContent::Workbook { sheets } => sheets
                .iter()
                .enumerate()
                .filter_map(|(i, s)| Some((Some(i), &s.table.points.as_ref()?.map)))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The files (and map folders) made from this one, by name in the cache.
    pub fn made_files(&self) -> Vec<&str> {
        fn explorer(table: &Table) -> Option<&str> {
            table.explorer.as_ref().map(|e| e.file.as_str())
        }
        match &self.content {
            FileContent::Csv {
                utf8_copy,
                standard_copy,
                csv,
            } => utf8_copy
                .as_deref()
                .into_iter()
                .chain(standard_copy.as_deref())
                .chain(explorer(&csv.table))
                .collect(),
            FileContent::Workbook { sheets } => sheets
                .iter()
                .flat_map(|s| s.csv_file.as_deref().into_iter().chain(explorer(&s.table)))
                .collect(),
            FileContent::Geo { geojson_copy, .. } => {
                geojson_copy.iter().map(String::as_str).collect()
            }
            _ => Vec::new(),
        }
        .into_iter()
        .chain(
            self.maps()
                .into_iter()
                .filter_map(|(_, m)| m.data.as_ref().map(|d| d.folder.as_str())),
        )
        .collect()
    }
}

/// Facts about every local data file of a site, by file path.
#[derive(Debug, Default)]
pub struct Analysis {
    // Shared with the `AnalysisCache` of a `Session`: a national portal's
    // facts are hundreds of megabytes, held once.
    files: HashMap<PathBuf, Arc<FileFacts>>,
    /// Where made files (UTF-8 copies, sheet CSVs, GeoJSON) are.
    cache_dir: PathBuf,
}

impl Analysis {
    /// How many local data files were analysed (or found in the cache).
    pub fn file_count(&self) -> usize {
        self.files.len()
    }

    pub fn facts(&self, path: &Path) -> Option<&FileFacts> {
        self.files.get(path).map(Arc::as_ref)
    }

    /// The file on disk of a made file named in [`FileFacts`].
    pub fn made_file(&self, name: &str) -> PathBuf {
        self.cache_dir.join("files").join(name)
    }

    /// The analysis cache folder, where other stages may keep what they learn
    /// of a file's content; `None` when there is none.
    pub fn cache_dir(&self) -> Option<&Path> {
        (!self.cache_dir.as_os_str().is_empty()).then_some(self.cache_dir.as_path())
    }
}

/// The decoded data rows of a tabular resource (a CSV, or one sheet of a
/// workbook by name), streaming for CSV: what stories' tables and charts read.
pub fn rows(
    path: &Path,
    facts: &FileFacts,
    sheet: Option<&str>,
) -> io::Result<Box<dyn Iterator<Item = io::Result<Row>>>> {
    match &facts.content {
        FileContent::Csv { csv, .. } => Ok(Box::new(self::csv::rows(path, &csv.dialect)?)),
        FileContent::Workbook { sheets } => {
            let sheet = sheets
                .iter()
                .find(|s| sheet.is_none_or(|name| s.name == name))
                .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "no such sheet"))?;
            // The sheet's CSV export is in the cache only after a build; read the workbook.
            let rows = xlsx::sheet_rows(path, &sheet.name, sheet.table.has_header)?;
            Ok(Box::new(rows.into_iter().map(Ok)))
        }
        _ => Ok(Box::new(std::iter::empty())),
    }
}
