//! Pages already rendered, found again by fingerprint. A page's context is
//! fingerprinted as it is filled (each value hashed as JSON when it is
//! inserted: a template's typed data as one document, the values every page
//! shares by the fingerprint they were made with), so a page whose template,
//! context and rendering settings are those of an earlier run is not
//! rendered again: `serve` keeps the pages of its last run in memory, and
//! `build` keeps them between runs in one bundle file beside the analysis
//! cache (`pages.bin`).

use crate::analyse::Analysis;
use crate::history::History;
use crate::model::{ResourceLocation, Site};
use crate::output::urls::{Route, Urls};
use crate::output::{Content, Origin, OutputFile};
use crate::platform::read_exact_at;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

/// What tells two renderings of a page apart.
pub type Fingerprint = [u8; 16];

/// A page's template context, with the running fingerprint of what was put in it.
pub struct PageContext {
    values: tera::Context,
    hasher: Sha256,
    /// A value could not be written as JSON: the page is never reused.
    unhashable: bool,
}

/// Feeds what is written into a hasher.
struct HashWriter<'a>(&'a mut Sha256);

impl Write for HashWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl PageContext {
    pub fn new() -> PageContext {
        PageContext {
            values: tera::Context::new(),
            hasher: Sha256::new(),
            unhashable: false,
        }
    }

    pub fn insert<T: Serialize + ?Sized>(&mut self, key: impl Into<Cow<'static, str>>, value: &T) {
        let key = key.into();
        self.hash_key(&key);
        if serde_json::to_writer(HashWriter(&mut self.hasher), value).is_err() {
            self.unhashable = true;
        }
        self.values.insert(key, value);
    }

    /// Inserts each field of `data`, a template's typed data, as a value of
    /// its own; the fingerprint takes `data`'s JSON whole.
    pub fn insert_fields<T: Serialize>(&mut self, data: &T) {
        self.hasher.update([0xfd]);
        if serde_json::to_writer(HashWriter(&mut self.hasher), data).is_err() {
            self.unhashable = true;
        }
        let fields = tera::Context::from_serialize(data).expect("a page's data is a struct");
        self.values.extend(fields);
    }

    /// Inserts a value made once for every page, with the fingerprint of what it was made from.
    pub fn insert_shared(&mut self, key: &'static str, value: tera::Value, fingerprint: &[u8]) {
        self.hash_key(key);
        self.hasher.update(fingerprint);
        self.values.insert_value(key, value);
    }

    fn hash_key(&mut self, key: &str) {
        self.hasher.update([0xff]);
        self.hasher.update(key.as_bytes());
        self.hasher.update([0]);
    }

    pub fn values(&self) -> &tera::Context {
        &self.values
    }

    /// The page's fingerprint under `salt` (templates, settings); `None` when it cannot have one.
    pub fn fingerprint(&self, salt: &[u8], template: &str) -> Option<Fingerprint> {
        if self.unhashable {
            return None;
        }
        let mut hasher = self.hasher.clone();
        hasher.update([0xfe]);
        hasher.update(salt);
        hasher.update(template.as_bytes());
        Some(finish(hasher))
    }
}

/// The fingerprint of what the catalogs are made from: the portal, its
/// participants and datasets as loaded, its addresses (and the network's
/// other portals'), and the content of each data file.
pub fn catalogs_fingerprint(
    site: &Site,
    analysis: &Analysis,
    history: &History,
    salt: &[u8],
    urls: &Urls,
) -> Fingerprint {
    let mut hasher = Sha256::new();
    hasher.update(salt);
    hasher.update(history.key());
    let _ = write!(
        HashWriter(&mut hasher),
        "{:?}\n{:?}\n{:?}\n{urls:?}",
        site.portal,
        site.participants,
        site.datasets
    );
    for resource in site.datasets.iter().flat_map(|d| &d.resources) {
        if let ResourceLocation::Local { path, .. } = &resource.location {
            let facts = analysis.facts(path);
            hasher.update(facts.map_or("unread", |f| f.sha256.as_str()));
        }
    }
    finish(hasher)
}

/// A fingerprint: the first 16 bytes of a SHA-256.
fn finish(hasher: Sha256) -> Fingerprint {
    let mut fingerprint = [0; 16];
    fingerprint.copy_from_slice(&hasher.finalize()[..16]);
    fingerprint
}

/// How a run's catalogs are kept in the bundle: under the catalogs'
/// fingerprint, the list of their routes ([`route_listing`]); under
/// [`file_key`] of each route, that file's bytes, so no catalog (80 MB for a
/// national DCAT graph) is ever copied into a bigger entry.
pub fn route_listing(files: &[OutputFile]) -> Vec<u8> {
    let mut listing = Vec::new();
    for file in files {
        let route = file.route.as_str().as_bytes();
        listing.extend_from_slice(&(route.len() as u64).to_le_bytes());
        listing.extend_from_slice(route);
    }
    listing
}

/// The key of one catalog file in the bundle.
pub fn file_key(catalogs: &Fingerprint, route: &Route) -> Fingerprint {
    let mut hasher = Sha256::new();
    hasher.update(catalogs);
    hasher.update(route.as_str().as_bytes());
    finish(hasher)
}

/// The fingerprint of any serializable value (the values every page shares).
pub fn fingerprint_of<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    let mut hasher = Sha256::new();
    let _ = serde_json::to_writer(HashWriter(&mut hasher), value);
    hasher.finalize().to_vec()
}

const BUNDLE_MAGIC: &[u8] = b"abierto-pages 2\n";
const BUNDLE_END: &[u8] = b"abierto!";

/// The bundle of pages kept on disk between builds: read page by page, so a
/// national portal's pages are not all held in memory at once.
pub struct Bundle {
    file: std::fs::File,
    /// Where each page's bytes are: offset and length.
    index: HashMap<Fingerprint, (u64, usize)>,
}

impl Bundle {
    /// The bundle of the network's portal (`participant` `None`), or of a participant's own.
    pub fn path(cache_dir: &Path, participant: Option<&str>) -> PathBuf {
        match participant {
            None => cache_dir.join("pages.bin"),
            Some(id) => cache_dir.join(format!("pages-{id}.bin")),
        }
    }

    /// Opens the bundle; `None` when there is none or it is not whole.
    pub fn open(path: &Path) -> Option<Bundle> {
        let mut file = std::fs::File::open(path).ok()?;
        let size = file.metadata().ok()?.len();
        let mut magic = vec![0; BUNDLE_MAGIC.len()];
        file.read_exact(&mut magic).ok()?;
        let mut end = [0u8; 16];
        read_exact_at(&file, &mut end, size.checked_sub(16)?).ok()?;
        if magic != BUNDLE_MAGIC || &end[8..] != BUNDLE_END {
            return None;
        }
        let count = u64::from_le_bytes(end[..8].try_into().ok()?);
        let mut index = HashMap::new();
        let mut reader = io::BufReader::new(&file);
        reader
            .seek(io::SeekFrom::Start(BUNDLE_MAGIC.len() as u64))
            .ok()?;
        let mut offset = BUNDLE_MAGIC.len() as u64;
        for _ in 0..count {
            let mut header = [0u8; 24];
            reader.read_exact(&mut header).ok()?;
            let fingerprint: Fingerprint = header[..16].try_into().ok()?;
            let length = u64::from_le_bytes(header[16..].try_into().ok()?);
            offset += 24;
            if offset + length > size - 16 {
                return None;
            }
            index.insert(fingerprint, (offset, usize::try_from(length).ok()?));
            reader.seek_relative(i64::try_from(length).ok()?).ok()?;
            offset += length;
        }
        Some(Bundle { file, index })
    }

    pub fn get(&self, fingerprint: &Fingerprint) -> Option<Vec<u8>> {
        let &(offset, length) = self.index.get(fingerprint)?;
        let mut bytes = vec![0; length];
        read_exact_at(&self.file, &mut bytes, offset).ok()?;
        Some(bytes)
    }

    /// The catalog files kept under `catalogs` (see [`route_listing`]);
    /// `None` if any is missing.
    pub fn files(&self, catalogs: &Fingerprint) -> Option<Vec<OutputFile>> {
        let listing = self.get(catalogs)?;
        let mut rest = listing.as_slice();
        let mut files = Vec::new();
        while !rest.is_empty() {
            let length =
                usize::try_from(u64::from_le_bytes(rest.get(..8)?.try_into().ok()?)).ok()?;
            let route = rest.get(8..8usize.checked_add(length)?)?;
            rest = &rest[8 + length..];
            let route = Route::from_cache(String::from_utf8(route.to_vec()).ok()?);
            files.push(OutputFile {
                origin: Origin::Portal,
                content: Content::Bytes(self.get(&file_key(catalogs, &route))?.into()),
                route,
            });
        }
        Some(files)
    }

    /// Whether the bundle holds these pages and no other.
    pub fn holds_exactly(&self, pages: &[(Fingerprint, &[u8])]) -> bool {
        self.index.len() == pages.len() && pages.iter().all(|(k, _)| self.index.contains_key(k))
    }

    /// Writes `pages` as the bundle, atomically (a temporary file renamed
    /// into place): concurrent builds never read half a bundle.
    pub fn write(path: &Path, pages: &[(Fingerprint, &[u8])]) -> io::Result<()> {
        let folder = path.parent().unwrap_or(Path::new("."));
        let temp = crate::analyse::cache::unique_temp(folder);
        let written = (|| {
            let mut out = io::BufWriter::new(std::fs::File::create(&temp)?);
            out.write_all(BUNDLE_MAGIC)?;
            for (fingerprint, html) in pages {
                out.write_all(fingerprint)?;
                out.write_all(&(html.len() as u64).to_le_bytes())?;
                out.write_all(html)?;
            }
            out.write_all(&(pages.len() as u64).to_le_bytes())?;
            out.write_all(BUNDLE_END)?;
            out.into_inner().map_err(|e| e.into_error())?;
            std::fs::rename(&temp, path)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        written
    }
}
