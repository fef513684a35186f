//! The files of a map's folder, written while the data file is read: each
//! feature's properties in chunks (`p/<n>.json`: rows of [`CHUNK`] features,
//! `[number, cell, cell…]`, fetched when a feature is clicked), then its tiles,
//! colours and manifest. Everything written is hashed, so the folder can be
//! named by its content, like the other files made from a data file. A map
//! made while the portal is rendered (the network's) keeps its files in memory.

use sha2::{Digest, Sha256};
use std::io;
use std::path::{Path, PathBuf};

/// Features per properties file.
pub const CHUNK: usize = 256;
/// Characters of a cell kept in the properties files.
const MAX_CELL_CHARS: usize = 500;

/// Where a map's files go.
enum Target {
    Folder(PathBuf),
    Memory(Vec<(String, Vec<u8>)>),
}

/// A map's folder being written.
pub struct MapFiles {
    target: Target,
    hasher: Sha256,
    /// Every file written, relative to the folder, in the order written.
    names: Vec<String>,
    /// The properties file being filled, and how many rows it has.
    chunk: Option<(Vec<u8>, usize)>,
    chunks: usize,
}

impl MapFiles {
    /// Starts a map's folder at `dir` (created).
    pub fn create(dir: &Path) -> io::Result<MapFiles> {
        std::fs::create_dir_all(dir)?;
        Ok(MapFiles::new(Target::Folder(dir.to_path_buf())))
    }

    /// A map's files kept in memory ([`MapFiles::finish`] gives them).
    pub fn in_memory() -> MapFiles {
        MapFiles::new(Target::Memory(Vec::new()))
    }

    fn new(target: Target) -> MapFiles {
        MapFiles {
            target,
            hasher: Sha256::new(),
            names: Vec::new(),
            chunk: None,
            chunks: 0,
        }
    }

    /// Writes a whole file of the folder (`t/3/1/2.json`).
    pub fn write(&mut self, name: &str, bytes: &[u8]) -> io::Result<()> {
        match &mut self.target {
            Target::Folder(dir) => {
                let path = dir.join(name);
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                std::fs::write(&path, bytes)?;
            }
            Target::Memory(files) => files.push((name.to_string(), bytes.to_vec())),
        }
        self.hasher.update(name.as_bytes());
        self.hasher.update([0]);
        self.hasher.update(bytes);
        self.names.push(name.to_string());
        Ok(())
    }

    /// A file written before, read back.
    pub fn read(&self, name: &str) -> io::Result<Vec<u8>> {
        match &self.target {
            Target::Folder(dir) => std::fs::read(dir.join(name)),
            Target::Memory(files) => files
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, bytes)| bytes.clone())
                .ok_or_else(|| io::Error::from(io::ErrorKind::NotFound)),
        }
    }

    /// Adds the next feature's row to the properties files: its number in
    /// the file (1-based, as pages say it) and its cells.
    pub fn properties(&mut self, number: u64, cells: &[&str]) -> io::Result<()> {
        let mut values = Vec::with_capacity(cells.len() + 1);
        values.push(serde_json::Value::from(number));
        values.extend(cells.iter().map(|c| serde_json::Value::from(cut(c))));
        let row = serde_json::to_vec(&values)?;
        let (buffer, rows) = self.chunk.get_or_insert_with(|| (Vec::new(), 0));
        buffer.extend_from_slice(if *rows == 0 { b"[" } else { b",\n" });
        buffer.extend_from_slice(&row);
        *rows += 1;
        if *rows == CHUNK {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes the properties file being filled, so it can be read back.
    pub fn flush(&mut self) -> io::Result<()> {
        if let Some((mut buffer, _)) = self.chunk.take() {
            buffer.extend_from_slice(b"]\n");
            let name = format!("p/{}.json", self.chunks);
            self.chunks += 1;
            self.write(&name, &buffer)?;
        }
        Ok(())
    }

    /// Properties files written so far.
    pub fn chunks(&self) -> usize {
        self.chunks
    }

    /// Writes the last properties file; gives what was written: the names
    /// of the files, the SHA-256 of it all, and the files themselves when
    /// they were kept in memory.
    pub fn finish(mut self) -> io::Result<Written> {
        self.flush()?;
        let digest = self.hasher.finalize();
        Ok(Written {
            names: self.names,
            sha256: digest.iter().map(|b| format!("{b:02x}")).collect(),
            memory: match self.target {
                Target::Memory(files) => files,
                Target::Folder(_) => Vec::new(),
            },
        })
    }
}

/// What a map's folder holds once written.
pub struct Written {
    /// Relative to the folder, in the order written.
    pub names: Vec<String>,
    pub sha256: String,
    /// The files, by name, when they were kept in memory.
    pub memory: Vec<(String, Vec<u8>)>,
}

/// A cell cut to [`MAX_CELL_CHARS`].
fn cut(cell: &str) -> &str {
    match cell.char_indices().nth(MAX_CELL_CHARS) {
        Some((end, _)) => &cell[..end],
        None => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_chunked_and_hostile_text_stays_a_json_string() {
        let dir = tempfile::tempdir().unwrap();
        let mut files = MapFiles::create(&dir.path().join("m")).unwrap();
        for i in 0..CHUNK as u64 + 1 {
            files
                .properties(i + 1, &["<script>alert(1)</script>", "javascript:x"])
                .unwrap();
        }
        files.write("mapa.json", b"{}").unwrap();
        let written = files.finish().unwrap();
        assert_eq!(written.names, ["p/0.json", "mapa.json", "p/1.json"]);
        assert_eq!(written.sha256.len(), 64);
        let first: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.path().join("m/p/0.json")).unwrap()).unwrap();
        assert_eq!(first.as_array().unwrap().len(), CHUNK);
        assert_eq!(first[0][0], 1);
        assert_eq!(first[0][1], "<script>alert(1)</script>");
        let second: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.path().join("m/p/1.json")).unwrap()).unwrap();
        assert_eq!(second[0][0], CHUNK as u64 + 1);
    }
}
