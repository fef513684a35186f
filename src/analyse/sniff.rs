//! What a file is, from its resource's format, its extension and its first
//! bytes: the kind of analysis it gets, a Git LFS pointer, or binary bytes
//! where text was promised.

use std::path::Path;

/// How every Git LFS pointer starts.
const LFS_PREFIX: &[u8] = b"version https://git-lfs.github.com/spec/";
/// Git LFS pointers are small; a bigger file is the data, whatever it starts with.
const MAX_LFS_POINTER_BYTES: usize = 1024;

/// The analyses a file can get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FileKind {
    Csv,
    Workbook,
    Kml,
    GeoJson,
    Other,
}

/// The analysis a resource's format (and, for JSON, its file's extension) calls for.
pub(super) fn kind_of(format: &str, path: &Path) -> FileKind {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match format.to_uppercase().as_str() {
        "CSV" | "TSV" => FileKind::Csv,
        "XLSX" | "XLS" | "XLSM" | "ODS" => FileKind::Workbook,
        "KML" => FileKind::Kml,
        "GEOJSON" => FileKind::GeoJson,
        "JSON" if extension == "geojson" => FileKind::GeoJson,
        _ => FileKind::Other,
    }
}

/// Whether a file whose first bytes are `sample` (the whole file when it is
/// small) is a Git LFS pointer: a small UTF-8 text starting with the LFS
/// spec's `version` line, standing for data that was never fetched.
pub fn is_lfs_pointer(sample: &[u8]) -> bool {
    sample.len() <= MAX_LFS_POINTER_BYTES
        && sample.starts_with(LFS_PREFIX)
        && std::str::from_utf8(sample).is_ok()
}

/// `(oid, size)` when the file is a Git LFS pointer.
pub(super) fn lfs_pointer(sample: &[u8]) -> Option<(String, Option<u64>)> {
    if !is_lfs_pointer(sample) {
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
pub(super) fn looks_binary(sample: &[u8]) -> bool {
    let utf16 = sample.starts_with(&[0xFF, 0xFE]) || sample.starts_with(&[0xFE, 0xFF]);
    !utf16 && sample.contains(&0)
}
