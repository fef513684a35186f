//! Analyse: reads every local data file once, streaming, on all cores, and
//! records what the pages say about it: size and SHA-256 for every file; for
//! CSV and spreadsheets a preview and a profile of each column; for KML and
//! GeoJSON the features, their box and shapes for a map; for every table the
//! columns holding personal data. Hostile files give
//! warnings, never a crash. Results are cached by file content (`cache.rs`).
//!
//! Other stages reuse: [`FileFacts::tables`] (tables with their profiles, for
//! catalogs and stories), [`schema::fields`] (documented and inferred columns
//! merged), and [`rows`] (a streaming iterator over the decoded rows of a
//! tabular resource, for stories' embeds).

pub mod cache;
pub mod csv;
pub mod detectors;
pub mod geo;
mod kml;
pub mod personal_data;
pub mod profile;
pub mod schema;
pub mod table;
pub mod xlsx;

use crate::diagnostics::{Code, Diagnostic, Diagnostics, size_text};
use crate::model::{Resource, ResourceLocation, Site};
use cache::Cache;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use self::csv::{CsvAnalysis, CsvDialect, EncodingSource, Row};
pub use geo::{BBox, GeoAnalysis, Shape};
pub use profile::{ColumnProfile, ColumnType};
pub use table::{PointLayer, Table};
pub use xlsx::Sheet;

/// Bytes read before deciding what a file is.
const SAMPLE: usize = 64 * 1024;

/// A problem found in a data file, shown on its page and reported by the build.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// 1-based line (a sheet's row number for spreadsheets).
    pub line: Option<usize>,
    pub message: String,
    pub help: Option<String>,
}

impl Notice {
    pub fn new(message: impl Into<String>) -> Notice {
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

    pub fn help(mut self, help: impl Into<String>) -> Notice {
        self.help = Some(help.into());
        self
    }

    /// Names the sheet a spreadsheet's problem is in.
    pub fn in_sheet(mut self, sheet: &str) -> Notice {
        self.message = format!("sheet «{sheet}»: {}", self.message);
        self
    }

    fn diagnostic(&self, file: &str) -> Diagnostic {
        let mut diagnostic = Diagnostic::warning(file, self.message.clone());
        diagnostic.line = self.line;
        diagnostic.help = self.help.clone();
        diagnostic
    }
}

/// The kinds of map files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GeoFormat {
    Kml,
    GeoJson,
}

/// What a file holds, by kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Content {
    Csv {
        csv: CsvAnalysis,
        /// The UTF-8 copy's name in the cache, when the original is not UTF-8.
        utf8_copy: Option<String>,
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
    pub content: Content,
    /// Problems found in the file.
    pub notices: Vec<Notice>,
    /// SHA-256 of each made file (UTF-8 copy, sheet CSVs, GeoJSON), by name.
    pub made_sha256: std::collections::BTreeMap<String, String>,
}

impl FileFacts {
    /// The tables the file holds: (sheet name, table) — one with no name for
    /// a CSV, one per sheet for a workbook, the features' properties for a map.
    pub fn tables(&self) -> Vec<(Option<&str>, &Table)> {
        match &self.content {
            Content::Csv { csv, .. } => vec![(None, &csv.table)],
            Content::Workbook { sheets } => sheets
                .iter()
                .map(|s| (Some(s.name.as_str()), &s.table))
                .collect(),
            Content::Geo { geo, .. } => vec![(None, &geo.properties)],
            _ => Vec::new(),
        }
    }

    /// The files made from this one, by name in the cache.
    pub fn made_files(&self) -> Vec<&str> {
        match &self.content {
            Content::Csv { utf8_copy, .. } => utf8_copy.iter().map(String::as_str).collect(),
            Content::Workbook { sheets } => sheets
                .iter()
                .filter_map(|s| s.csv_file.as_deref())
                .collect(),
            Content::Geo { geojson_copy, .. } => geojson_copy.iter().map(String::as_str).collect(),
            _ => Vec::new(),
        }
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

/// Analyses every local file the site's resources refer to.
pub fn analyse(site: &Site, diagnostics: &Diagnostics) -> Analysis {
    analyse_cached(site, &mut AnalysisCache::default(), diagnostics)
}

/// Facts learnt in earlier runs (`serve`), each with the size and
/// modification time the file had when it was read: a file whose stamp has
/// not changed (and that no watcher reported) is not looked at again. Behind
/// it, the cache on disk ([`cache`]) keeps facts across processes.
#[derive(Debug, Default)]
pub struct AnalysisCache {
    files: HashMap<PathBuf, (Stamp, Arc<FileFacts>)>,
    /// How many files the last run had to read and analyse (known neither
    /// from memory nor from the cache on disk).
    pub last_read: usize,
    /// The cache folder; by default [`cache::location`] of the site.
    pub dir: Option<PathBuf>,
    /// Files a watcher reported changed since the last run.
    reported_changed: std::collections::HashSet<PathBuf>,
}

/// What tells that a file changed without reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let metadata = std::fs::metadata(path).ok()?;
        Some(Stamp {
            len: metadata.len(),
            modified: metadata.modified().ok(),
        })
    }
}

impl AnalysisCache {
    /// Forgets what was learnt about a file (a watcher saw it change); the
    /// next run compares its content with the cache on disk, whatever its stamp.
    pub fn invalidate(&mut self, path: &Path) {
        self.files.remove(path);
        self.reported_changed.insert(path.to_path_buf());
    }
}

/// Like [`analyse`], reusing the facts of files that did not change since
/// they were read into `memory`, then those of the cache on disk.
pub fn analyse_cached(
    site: &Site,
    memory: &mut AnalysisCache,
    diagnostics: &Diagnostics,
) -> Analysis {
    let dir = memory
        .dir
        .get_or_insert_with(|| cache::location(&site.root, None))
        .clone();
    let disk = match Cache::open(&dir) {
        Ok(disk) => disk,
        Err(error) => {
            diagnostics.push(
                Diagnostic::error(
                    dir.display().to_string(),
                    format!("cannot create the analysis cache here: {error}"),
                )
                .help("set ABIERTO_CACHE_DIR to a folder abierto may write to"),
            );
            return Analysis::default();
        }
    };
    let mut jobs: Vec<(&Path, &str, &Resource)> = site
        .datasets
        .iter()
        .flat_map(|d| &d.resources)
        .filter_map(|r| match &r.location {
            ResourceLocation::Local {
                path, source_file, ..
            } => Some((path.as_path(), source_file.as_str(), r)),
            ResourceLocation::Remote { .. } => None,
        })
        .collect();
    jobs.sort_by(|a, b| a.0.cmp(b.0));
    jobs.dedup_by(|a, b| a.0 == b.0);
    let preview_rows = site.portal.preview_rows;
    let mut files: HashMap<PathBuf, Arc<FileFacts>> = HashMap::new();
    let mut to_read = Vec::new();
    let limit = site.portal.max_file_bytes;
    for (path, name, resource) in jobs {
        let stamp = Stamp::of(path);
        if let Some(Stamp { len, .. }) = stamp
            && len > limit
        {
            diagnostics.push(
                Diagnostic::error(
                    name,
                    format!(
                        "this file is {}, more than the portal's limit of {}: it is not read",
                        size_text(len),
                        size_text(limit)
                    ),
                )
                .code(Code::FileTooLarge)
                .help("split it (e.g. by year) or host it elsewhere and give the resource a `url`; the limit is `[build] max_file_size` in portal.toml"),
            );
            continue;
        }
        match (memory.files.get(path), &stamp) {
            (Some((known, facts)), Some(stamp)) if known == stamp => {
                for notice in &facts.notices {
                    diagnostics.push(notice.diagnostic(name));
                }
                files.insert(path.to_path_buf(), Arc::clone(facts));
            }
            _ => to_read.push((path, name, resource, stamp)),
        }
    }
    let read: Vec<(PathBuf, Option<Stamp>, Arc<FileFacts>, bool)> = to_read
        .par_iter()
        .filter_map(|(path, name, resource, stamp)| {
            let request = Request {
                path,
                declared_encoding: resource.encoding.as_deref(),
                format: &resource.format,
                preview_rows,
            };
            let trust_stamp = !memory.reported_changed.contains(*path);
            match facts_from_cache_or_file(&request, &disk, trust_stamp) {
                Ok((facts, analysed)) => {
                    for notice in &facts.notices {
                        diagnostics.push(notice.diagnostic(name));
                    }
                    Some((path.to_path_buf(), stamp.clone(), Arc::new(facts), analysed))
                }
                Err(error) => {
                    diagnostics.push(Diagnostic::error(
                        *name,
                        format!("cannot read this data file: {error}"),
                    ));
                    None
                }
            }
        })
        .collect();
    memory.last_read = read.iter().filter(|(.., analysed)| *analysed).count();
    memory.reported_changed.clear();
    // Only what the site still uses stays cached.
    memory.files.retain(|path, _| files.contains_key(path));
    for (path, stamp, facts, _) in read {
        if let Some(stamp) = stamp {
            memory
                .files
                .insert(path.clone(), (stamp, Arc::clone(&facts)));
        }
        files.insert(path, facts);
    }
    for dataset in &site.datasets {
        for resource in &dataset.resources {
            if let ResourceLocation::Local { path, .. } = &resource.location
                && let Some(facts) = files.get(path)
            {
                for problem in schema::check_declared(resource, facts) {
                    diagnostics.push(Diagnostic::warning(&dataset.source_file, problem));
                }
            }
        }
    }
    Analysis {
        files,
        cache_dir: disk.dir().to_path_buf(),
    }
}

/// One file to analyse, with what shapes its analysis.
pub struct Request<'a> {
    pub path: &'a Path,
    /// The descriptor's `encoding`, if any.
    pub declared_encoding: Option<&'a str>,
    /// The resource's format (`CSV`, `XLSX`, `KML`, `GeoJSON`…).
    pub format: &'a str,
    pub preview_rows: usize,
}

/// Analyses a file, or takes its facts from the cache when it has not changed.
pub fn analyse_file_cached(request: &Request, cache: &Cache) -> io::Result<FileFacts> {
    facts_from_cache_or_file(request, cache, true).map(|(facts, _)| facts)
}

/// Like [`analyse_file_cached`]; also says whether the file had to be analysed.
/// `trust_stamp`: see [`Cache::get`].
fn facts_from_cache_or_file(
    request: &Request,
    cache: &Cache,
    trust_stamp: bool,
) -> io::Result<(FileFacts, bool)> {
    let settings = format!(
        "{}|{}|{}",
        request.format.to_uppercase(),
        request.declared_encoding.unwrap_or(""),
        request.preview_rows
    );
    let key = Cache::key(request.path, &settings);
    if let Some(facts) = cache.get(&key, request.path, trust_stamp, || {
        hash_file(request.path).ok().map(|f| f.sha256)
    }) {
        return Ok((facts, false));
    }
    let facts = analyse_file(request, cache, &key)?;
    cache.put(&key, request.path, &facts);
    Ok((facts, true))
}

/// Hashes everything read through it.
struct Hashing<R> {
    inner: R,
    hasher: Sha256,
    bytes: u64,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}

enum Kind {
    Csv,
    Workbook,
    Kml,
    GeoJson,
    Other,
}

fn kind_of(format: &str, path: &Path) -> Kind {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match format.to_uppercase().as_str() {
        "CSV" | "TSV" => Kind::Csv,
        "XLSX" | "XLS" | "XLSM" | "ODS" => Kind::Workbook,
        "KML" => Kind::Kml,
        "GEOJSON" => Kind::GeoJson,
        "JSON" if extension == "geojson" => Kind::GeoJson,
        _ => Kind::Other,
    }
}

/// Reads a file once: hash, and the analysis its kind calls for.
pub fn analyse_file(request: &Request, cache: &Cache, key: &str) -> io::Result<FileFacts> {
    let file = std::fs::File::open(request.path)?;
    let mut reader = Hashing {
        inner: file,
        hasher: Sha256::new(),
        bytes: 0,
    };
    let mut sample = Vec::with_capacity(SAMPLE);
    (&mut reader).take(SAMPLE as u64).read_to_end(&mut sample)?;
    let complete = sample.len() < SAMPLE;
    let mut notices = Vec::new();
    let mut made = std::collections::BTreeMap::new();
    let declared = request
        .declared_encoding
        .and_then(|label| encoding_rs::Encoding::for_label(label.trim().as_bytes()));

    let content = if sample.is_empty() {
        notices.push(
            Notice::new("this data file is empty")
                .help("publish the file with its data, or remove the resource"),
        );
        Content::Other
    } else if let Some((oid, size)) = lfs_pointer(&sample) {
        notices.push(
            Notice::new("this file is a Git LFS pointer, not the data: the portal would publish a 130-byte stand-in")
                .help("run `git lfs pull` (or check out with Git LFS) before building, or publish the data itself"),
        );
        Content::LfsPointer { oid, size }
    } else {
        match kind_of(request.format, request.path) {
            Kind::Csv if looks_binary(&sample) => {
                notices.push(
                    Notice::new("this file is not text: it holds bytes no CSV has (it may be a spreadsheet or an archive)")
                        .help("export the data as CSV, or set `format` to what the file really is"),
                );
                Content::Other
            }
            Kind::Csv => {
                let temp = cache.temp_file();
                let (csv, csv_notices, copied) = csv::analyse(
                    &sample,
                    &mut reader,
                    complete,
                    declared,
                    request.preview_rows,
                    Some(&temp),
                )?;
                notices.extend(csv_notices);
                let utf8_copy = if copied {
                    Some(settle(cache, &temp, key, "utf-8.csv", &mut made)?)
                } else {
                    let _ = std::fs::remove_file(&temp);
                    None
                };
                Content::Csv { csv, utf8_copy }
            }
            Kind::Workbook => {
                io::copy(&mut reader, &mut io::sink())?;
                if reader.bytes > xlsx::MAX_WORKBOOK_BYTES {
                    notices.push(Notice::new(
                        "this spreadsheet is too big to preview (more than 200 MB); it is published as it is",
                    ));
                    Content::Other
                } else {
                    let temps: Vec<PathBuf> = (0..256).map(|_| cache.temp_file()).collect();
                    let (mut sheets, sheet_notices) =
                        xlsx::analyse(request.path, request.preview_rows, |i| {
                            temps.get(i).cloned()
                        });
                    notices.extend(sheet_notices);
                    for (i, sheet) in sheets.iter_mut().enumerate() {
                        if sheet.csv_file.is_some() {
                            let suffix = format!("sheet-{i}.csv");
                            sheet.csv_file =
                                Some(settle(cache, &temps[i], key, &suffix, &mut made)?);
                        }
                    }
                    Content::Workbook { sheets }
                }
            }
            Kind::Kml => {
                let temp = cache.temp_file();
                let mut out = io::BufWriter::new(std::fs::File::create(&temp)?);
                let source = io::Cursor::new(&sample).chain(&mut reader);
                let (geo, geo_notices) =
                    kml::analyse(source, request.preview_rows, Some(&mut out))?;
                drop(out);
                notices.extend(geo_notices);
                let geojson_copy = if geo.features > 0 {
                    Some(settle(cache, &temp, key, "geojson", &mut made)?)
                } else {
                    let _ = std::fs::remove_file(&temp);
                    None
                };
                Content::Geo {
                    format: GeoFormat::Kml,
                    geo,
                    geojson_copy,
                }
            }
            Kind::GeoJson => {
                let size = std::fs::metadata(request.path)?.len();
                if size > geo::MAX_GEOJSON_BYTES {
                    notices.push(Notice::new(
                        "this GeoJSON is too big to draw (more than 256 MB); it is published as it is",
                    ));
                    Content::Other
                } else {
                    let source = io::Cursor::new(&sample).chain(&mut reader);
                    let (geo, geo_notices) = geo::analyse_geojson(source, request.preview_rows)?;
                    notices.extend(geo_notices);
                    Content::Geo {
                        format: GeoFormat::GeoJson,
                        geo,
                        geojson_copy: None,
                    }
                }
            }
            Kind::Other => Content::Other,
        }
    };
    io::copy(&mut reader, &mut io::sink())?;
    Ok(FileFacts {
        bytes: reader.bytes,
        sha256: cache::hex(&reader.hasher.finalize()),
        content,
        notices,
        made_sha256: made,
    })
}

/// Moves a finished made file from its temporary name to its name in the
/// cache, which holds its own SHA-256: builds sharing the cache never replace
/// a made file another build is about to publish with different bytes, and a
/// name, once there, always holds the same bytes. Returns the name.
fn settle(
    cache: &Cache,
    temp: &Path,
    key: &str,
    suffix: &str,
    made: &mut std::collections::BTreeMap<String, String>,
) -> io::Result<String> {
    let sha256 = hash_file(temp)?.sha256;
    let name = format!("{key}-{}.{suffix}", &sha256[..16]);
    std::fs::rename(temp, cache.file(&name))?;
    made.insert(name.clone(), sha256);
    Ok(name)
}

/// `(oid, size)` when the file is a Git LFS pointer.
fn lfs_pointer(sample: &[u8]) -> Option<(String, Option<u64>)> {
    if sample.len() > 1024 || !sample.starts_with(b"version https://git-lfs.github.com/spec/") {
        return None;
    }
    let text = std::str::from_utf8(sample).ok()?;
    let oid = text
        .lines()
        .find_map(|l| l.strip_prefix("oid "))
        .unwrap_or("")
        .to_string();
    let size = text
        .lines()
        .find_map(|l| l.strip_prefix("size "))
        .and_then(|s| s.trim().parse().ok());
    Some((oid, size))
}

/// NUL bytes (outside UTF-16, which has a BOM) mean the file is not text.
fn looks_binary(sample: &[u8]) -> bool {
    let utf16 = sample.starts_with(&[0xFF, 0xFE]) || sample.starts_with(&[0xFE, 0xFF]);
    !utf16 && sample.contains(&0)
}

/// Size and SHA-256 of a file, read in fixed-size blocks so memory stays flat.
pub fn hash_file(path: &Path) -> io::Result<FileFacts> {
    let mut reader = Hashing {
        inner: std::fs::File::open(path)?,
        hasher: Sha256::new(),
        bytes: 0,
    };
    io::copy(&mut reader, &mut io::sink())?;
    Ok(FileFacts {
        bytes: reader.bytes,
        sha256: cache::hex(&reader.hasher.finalize()),
        content: Content::Other,
        notices: Vec::new(),
        made_sha256: Default::default(),
    })
}

/// Analyses one CSV file on its own, outside a site (no cache, no UTF-8 copy):
/// what `abierto new dataset --from` describes.
pub fn analyse_csv_file(
    path: &Path,
    declared_encoding: Option<&str>,
    preview_rows: usize,
) -> io::Result<CsvAnalysis> {
    let mut file = std::fs::File::open(path)?;
    let mut sample = Vec::with_capacity(SAMPLE);
    (&mut file).take(SAMPLE as u64).read_to_end(&mut sample)?;
    let complete = sample.len() < SAMPLE;
    let declared = declared_encoding
        .and_then(|label| encoding_rs::Encoding::for_label(label.trim().as_bytes()));
    let (csv, _, _) = csv::analyse(&sample, file, complete, declared, preview_rows, None)?;
    Ok(csv)
}

/// The decoded data rows of a tabular resource (a CSV, or one sheet of a
/// workbook by name), streaming for CSV: what stories' tables and charts read.
pub fn rows(
    path: &Path,
    facts: &FileFacts,
    sheet: Option<&str>,
) -> io::Result<Box<dyn Iterator<Item = io::Result<Row>>>> {
    match &facts.content {
        Content::Csv { csv, .. } => Ok(Box::new(self::csv::rows(path, &csv.dialect)?)),
        Content::Workbook { sheets } => {
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
