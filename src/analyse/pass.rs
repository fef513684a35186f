//! The single read of a data file: its first block says what it is, then one
//! streaming pass hashes it and makes the analysis its kind calls for, with the
//! files made from it (UTF-8 copy, sheet CSVs, GeoJSON) settled in the cache.

use super::cache::{self, Cache};
use super::csv::{self, CsvAnalysis};
use super::map::files::MapFiles;
use super::sniff::{FileKind, kind_of, lfs_pointer, looks_binary};
use super::{FileContent, FileFacts, GeoFormat, MapLayer, Notice, Table, geo, kml, xlsx};
use crate::msg;
use encoding_rs::Encoding;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Bytes read before deciding what a file is.
const SAMPLE: usize = 64 * 1024;

/// One file to analyse, with what shapes its analysis.
pub struct Request<'a> {
    pub path: &'a Path,
    /// The descriptor's `encoding`, if any.
    pub declared_encoding: Option<&'a str>,
    /// The resource's format (`CSV`, `XLSX`, `KML`, `GeoJSON`…).
    pub format: &'a str,
    pub preview_rows: usize,
    /// Tables with more rows get no explorer (0: none at all).
    pub explore_max_rows: u64,
}

/// Analyses a file, or takes its facts from the cache when it has not changed.
pub fn analyse_file_cached(request: &Request, cache: &Cache) -> io::Result<FileFacts> {
    facts_from_cache_or_file(request, cache, true).map(|(facts, _)| facts)
}

/// Like [`analyse_file_cached`]; also says whether the file had to be analysed.
/// `trust_stamp`: see [`Cache::get`].
pub(super) fn facts_from_cache_or_file(
    request: &Request,
    cache: &Cache,
    trust_stamp: bool,
) -> io::Result<(FileFacts, bool)> {
    let settings = format!(
        "{}|{}|{}|{}",
        request.format.to_uppercase(),
        request.declared_encoding.unwrap_or(""),
        request.preview_rows,
        request.explore_max_rows
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

impl<R: Read> Hashing<R> {
    fn new(inner: R) -> Hashing<R> {
        Hashing {
            inner,
            hasher: Sha256::new(),
            bytes: 0,
        }
    }

    /// Reads the rest of the file, then gives its facts: size and SHA-256
    /// of all of it, with what was learnt.
    fn drained_facts(
        mut self,
        content: FileContent,
        notices: Vec<Notice>,
        made: BTreeMap<String, MadeFile>,
    ) -> io::Result<FileFacts> {
        io::copy(&mut self, &mut io::sink())?;
        Ok(FileFacts {
            bytes: self.bytes,
            sha256: cache::hex(&self.hasher.finalize()),
            content,
            notices,
            made_bytes: made.iter().map(|(n, f)| (n.clone(), f.bytes)).collect(),
            made_sha256: made.into_iter().map(|(n, f)| (n, f.sha256)).collect(),
        })
    }
}

/// The file's first block, and whether it is the whole file.
fn read_sample(reader: &mut impl Read) -> io::Result<(Vec<u8>, bool)> {
    let mut sample = Vec::with_capacity(SAMPLE);
    reader
        .by_ref()
        .take(SAMPLE as u64)
        .read_to_end(&mut sample)?;
    let complete = sample.len() < SAMPLE;
    Ok((sample, complete))
}

/// The encoding a descriptor's `encoding` label names, if it names one.
fn declared_encoding(label: Option<&str>) -> Option<&'static Encoding> {
    label.and_then(|label| Encoding::for_label(label.trim().as_bytes()))
}

/// Reads a file once: hash, and the analysis its kind calls for.
pub fn analyse_file(request: &Request, cache: &Cache, key: &str) -> io::Result<FileFacts> {
    let mut reader = Hashing::new(File::open(request.path)?);
    let (sample, complete) = read_sample(&mut reader)?;
    let mut pass = FilePass {
        request,
        cache,
        key,
        reader,
        sample,
        complete,
        notices: Vec::new(),
        made: BTreeMap::new(),
    };
    let content = pass.content()?;
    let FilePass {
        reader,
        notices,
        made,
        ..
    } = pass;
    reader.drained_facts(content, notices, made)
}

/// One file being read: what has been read of it and learnt so far.
struct FilePass<'a> {
    request: &'a Request<'a>,
    cache: &'a Cache,
    /// The file's key in the cache, which names the files made from it.
    key: &'a str,
    reader: Hashing<File>,
    /// The first block, already read.
    sample: Vec<u8>,
    /// Whether the sample is the whole file.
    complete: bool,
    notices: Vec<Notice>,
    /// Each made file, by name.
    made: BTreeMap<String, MadeFile>,
}

/// What is recorded of a made file.
struct MadeFile {
    sha256: String,
    bytes: u64,
}

impl FilePass<'_> {
    /// What the file holds, by the analysis its first block and kind call for.
    fn content(&mut self) -> io::Result<FileContent> {
        if self.sample.is_empty() {
            self.notices.push(
                Notice::new(msg!("analyse-empty-file")).help(msg!("analyse-empty-file-help")),
            );
            return Ok(FileContent::Other);
        }
        if let Some((oid, size)) = lfs_pointer(&self.sample) {
            self.notices.push(
                Notice::new(msg!("analyse-lfs-pointer")).help(msg!("analyse-lfs-pointer-help")),
            );
            return Ok(FileContent::LfsPointer { oid, size });
        }
        match kind_of(self.request.format, self.request.path) {
            FileKind::Csv if looks_binary(&self.sample) => {
                self.notices.push(
                    Notice::new(msg!("analyse-binary-csv")).help(msg!("analyse-binary-csv-help")),
                );
                Ok(FileContent::Other)
            }
            FileKind::Csv => self.csv(),
            FileKind::Workbook => self.workbook(),
            FileKind::Kml => self.kml(),
            FileKind::GeoJson => self.geojson(),
            FileKind::Other => Ok(FileContent::Other),
        }
    }

    /// A CSV's analysis, with its UTF-8 copy when it is not UTF-8 and its
    /// standard copy when it is not comma-separated with decimal points.
    fn csv(&mut self) -> io::Result<FileContent> {
        let temp = self.cache.temp_file();
        let standard_temp = self.cache.temp_file();
        let explorer_temp = self.explorer_temp();
        let map_temp = self.cache.temp_file();
        let (mut csv, notices, made) = csv::analyse(
            &self.sample,
            &mut self.reader,
            self.complete,
            declared_encoding(self.request.declared_encoding),
            self.request.preview_rows,
            csv::Targets {
                utf8_copy: Some(&temp),
                standard_copy: Some(&standard_temp),
                explorer: explorer_temp
                    .as_deref()
                    .map(|path| (path, self.request.explore_max_rows)),
                map: Some(&map_temp),
            },
        )?;
        self.notices.extend(notices);
        let utf8_copy = self.settle_if(made.utf8_copy, &temp, "utf-8.csv")?;
        let written = match made.standard_copy {
            csv::StandardCopy::None => false,
            csv::StandardCopy::Written => true,
            csv::StandardCopy::Again(numeric) => {
                // Rare: a second read, for a file the pass could not copy right.
                csv::write_standard_copy(self.request.path, &csv.dialect, numeric, &standard_temp)?;
                true
            }
        };
        let standard_copy = self.settle_if(written, &standard_temp, "standard.csv")?;
        self.settle_explorer(&mut csv.table, explorer_temp.as_deref(), "explore")?;
        self.settle_map(csv.table.points.as_mut().map(|p| &mut p.map), &map_temp)?;
        Ok(FileContent::Csv {
            csv,
            utf8_copy,
            standard_copy,
        })
    }

    /// Where a table's explorer data is written, when explorers are made.
    fn explorer_temp(&self) -> Option<PathBuf> {
        (self.request.explore_max_rows > 0).then(|| self.cache.temp_file())
    }

    /// Settles a table's explorer data under its name, or removes what was
    /// left of it when the table got no explorer.
    fn settle_explorer(
        &mut self,
        table: &mut Table,
        temp: Option<&Path>,
        suffix: &str,
    ) -> io::Result<()> {
        let Some(temp) = temp else { return Ok(()) };
        match &mut table.explorer {
            Some(explorer) => explorer.file = self.settle(temp, suffix)?,
            None => {
                let _ = std::fs::remove_file(temp);
            }
        }
        Ok(())
    }

    /// A workbook's sheets, each with its CSV export; too big a workbook is only hashed.
    fn workbook(&mut self) -> io::Result<FileContent> {
        io::copy(&mut self.reader, &mut io::sink())?;
        if self.reader.bytes > xlsx::MAX_WORKBOOK_BYTES {
            self.notices
                .push(Notice::new(msg!("analyse-workbook-too-big")));
            return Ok(FileContent::Other);
        }
        let temps: Vec<PathBuf> = (0..256).map(|_| self.cache.temp_file()).collect();
        let explorer_temps: Vec<Option<PathBuf>> = (0..256).map(|_| self.explorer_temp()).collect();
        let map_temps: Vec<PathBuf> = (0..256).map(|_| self.cache.temp_file()).collect();
        let (mut sheets, notices) =
            xlsx::analyse(self.request.path, self.request.preview_rows, |i| {
                xlsx::SheetTargets {
                    csv: temps.get(i).cloned(),
                    explorer: explorer_temps
                        .get(i)
                        .cloned()
                        .flatten()
                        .map(|path| (path, self.request.explore_max_rows)),
                    map: map_temps.get(i).cloned(),
                }
            });
        self.notices.extend(notices);
        for (i, sheet) in sheets.iter_mut().enumerate() {
            if sheet.csv_file.is_some() {
                sheet.csv_file = Some(self.settle(&temps[i], &format!("sheet-{i}.csv"))?);
            }
            let temp = explorer_temps.get(i).cloned().flatten();
            self.settle_explorer(
                &mut sheet.table,
                temp.as_deref(),
                &format!("sheet-{i}.explore"),
            )?;
            let map = sheet.table.points.as_mut().map(|p| &mut p.map);
            self.settle_map(map, &map_temps[i])?;
        }
        Ok(FileContent::Workbook { sheets })
    }

    /// A KML's features, with its GeoJSON conversion when it has any.
    fn kml(&mut self) -> io::Result<FileContent> {
        let temp = self.cache.temp_file();
        let mut out = io::BufWriter::new(File::create(&temp)?);
        let map_temp = self.cache.temp_file();
        let files = MapFiles::create(&map_temp)?;
        let source = io::Cursor::new(&self.sample).chain(&mut self.reader);
        let (mut geo, notices) = kml::analyse(
            source,
            self.request.preview_rows,
            Some(&mut out),
            Some(files),
        )?;
        drop(out);
        self.notices.extend(notices);
        let geojson_copy = self.settle_if(geo.features > 0, &temp, "geojson")?;
        self.settle_map(geo.map.as_deref_mut(), &map_temp)?;
        Ok(FileContent::Geo {
            format: GeoFormat::Kml,
            geo,
            geojson_copy,
        })
    }

    /// A GeoJSON's features, read streaming.
    fn geojson(&mut self) -> io::Result<FileContent> {
        let map_temp = self.cache.temp_file();
        let files = MapFiles::create(&map_temp)?;
        let source = io::Cursor::new(&self.sample).chain(&mut self.reader);
        let (mut geo, notices) =
            geo::analyse_geojson(source, self.request.preview_rows, Some(files))?;
        self.notices.extend(notices);
        self.settle_map(geo.map.as_deref_mut(), &map_temp)?;
        Ok(FileContent::Geo {
            format: GeoFormat::GeoJson,
            geo,
            geojson_copy: None,
        })
    }

    /// Moves a map's finished folder to its name in the cache, which holds
    /// the SHA-256 of its content (as [`Self::settle`] does for a file), or
    /// removes what was left of it when the map has no data.
    fn settle_map(&mut self, map: Option<&mut MapLayer>, temp: &Path) -> io::Result<()> {
        let Some(data) = map.and_then(|m| m.data.as_mut()) else {
            let _ = std::fs::remove_dir_all(temp);
            return Ok(());
        };
        let name = format!("{}-{}.map", self.key, &data.sha256[..16]);
        let target = self.cache.file(&name);
        let moved = !target.exists() && std::fs::rename(temp, &target).is_ok();
        if !moved {
            // Another build settled the same content first, or the move failed.
            let _ = std::fs::remove_dir_all(temp);
            if !target.exists() {
                return Err(io::Error::other(format!("cannot move {}", temp.display())));
            }
        }
        data.folder = name;
        Ok(())
    }

    /// [`Self::settle`]s a made file when `keep`, else removes it; its name when kept.
    fn settle_if(&mut self, keep: bool, temp: &Path, suffix: &str) -> io::Result<Option<String>> {
        if keep {
            self.settle(temp, suffix).map(Some)
        } else {
            let _ = std::fs::remove_file(temp);
            Ok(None)
        }
    }

    /// Moves a finished made file from its temporary name to its name in the
    /// cache, which holds its own SHA-256: builds sharing the cache never replace
    /// a made file another build is about to publish with different bytes, and a
    /// name, once there, always holds the same bytes. Returns the name.
    fn settle(&mut self, temp: &Path, suffix: &str) -> io::Result<String> {
        let FileFacts { sha256, bytes, .. } = hash_file(temp)?;
        let name = format!("{}-{}.{suffix}", self.key, &sha256[..16]);
        std::fs::rename(temp, self.cache.file(&name))?;
        self.made.insert(name.clone(), MadeFile { sha256, bytes });
        Ok(name)
    }
}

/// Size and SHA-256 of a file, read in fixed-size blocks so memory stays flat.
fn hash_file(path: &Path) -> io::Result<FileFacts> {
    Hashing::new(File::open(path)?).drained_facts(FileContent::Other, Vec::new(), BTreeMap::new())
}

/// Analyses one CSV file on its own, outside a site (no cache, no UTF-8 copy):
/// what `abierto new dataset --from` describes.
pub fn analyse_csv_file(
    path: &Path,
    declared: Option<&str>,
    preview_rows: usize,
) -> io::Result<CsvAnalysis> {
    let mut file = File::open(path)?;
    let (sample, complete) = read_sample(&mut file)?;
    let declared = declared_encoding(declared);
    let targets = csv::Targets::default();
    let (csv, _, _) = csv::analyse(&sample, file, complete, declared, preview_rows, targets)?;
    Ok(csv)
}
