//! The files of a map's folder, written while the data file is read: each
//! feature's properties in chunks (`p/<n>.json`: rows of [`CHUNK`] features,
//! `[number, cell, cell…]`, fetched when a feature is clicked), then its tiles,
//! colours and manifest. Everything written is hashed, so the folder can be
//! named by its content, like the other files made from a data file.

use sha2::{Digest, Sha256};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Features per properties file.
pub const CHUNK: usize = 256;
/// Characters of a cell kept in the properties files.
const MAX_CELL_CHARS: usize = 500;

/// A map's folder being written.
pub struct MapFiles {
    dir: PathBuf,
    hasher: Sha256,
    /// Every file written, relative to the folder, in the order written.
    names: Vec<String>,
    /// The properties file being filled, and how many rows it has.
    chunk: Option<(io::BufWriter<std::fs::File>, usize)>,
    chunks: usize,
}

impl MapFiles {
    /// Starts a map's folder at `dir` (created).
    pub fn create(dir: &Path) -> io::Result<MapFiles> {
        std::fs::create_dir_all(dir)?;
        Ok(MapFiles {
            dir: dir.to_path_buf(),
            hasher: Sha256::new(),
            names: Vec::new(),
            chunk: None,
            chunks: 0,
        })
    }

    /// Writes a whole file of the folder (`t/3/1/2.json`).
    pub fn write(&mut self, name: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, bytes)?;
        self.hasher.update(name.as_bytes());
        self.hasher.update([0]);
        self.hasher.update(bytes);
        self.names.push(name.to_string());
        Ok(())
    }

    /// Adds the next feature's row to the properties files: its number in
    /// the file (1-based, as pages say it) and its cells.
    pub fn properties(&mut self, number: u64, cells: &[&str]) -> io::Result<()> {
        if self.chunk.is_none() {
            let name = format!("p/{}.json", self.chunks);
            std::fs::create_dir_all(self.dir.join("p"))?;
            let file = std::fs::File::create(self.dir.join(&name))?;
            self.names.push(name);
            self.chunks += 1;
            self.chunk = Some((io::BufWriter::new(file), 0));
        }
        let mut values = Vec::with_capacity(cells.len() + 1);
        values.push(serde_json::Value::from(number));
        values.extend(cells.iter().map(|c| serde_json::Value::from(cut(c))));
        let row = serde_json::to_vec(&values)?;
        if let Some((out, rows)) = self.chunk.as_mut() {
            out.write_all(if *rows == 0 { b"[" } else { b",\n" })?;
            out.write_all(&row)?;
            self.hasher.update(&row);
            *rows += 1;
            if *rows == CHUNK {
                self.close_chunk()?;
            }
        }
        Ok(())
    }

    fn close_chunk(&mut self) -> io::Result<()> {
        if let Some((mut out, _)) = self.chunk.take() {
            out.write_all(b"]\n")?;
            out.flush()?;
        }
        Ok(())
    }

    /// Closes the last properties file; gives the folder's files and the
    /// SHA-256 of what was written.
    pub fn finish(mut self) -> io::Result<(Vec<String>, String)> {
        self.close_chunk()?;
        let digest = self.hasher.finalize();
        let sha = digest.iter().map(|b| format!("{b:02x}")).collect();
        Ok((self.names, sha))
    }

    /// The folder, to read back what was written (the properties, for colours).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Properties files written so far (the last may still be open).
    pub fn chunks(&self) -> usize {
        self.chunks
    }

    /// Flushes the properties file being filled, so it can be read back.
    pub fn flush(&mut self) -> io::Result<()> {
        self.close_chunk()
    }
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
        let (names, sha) = files.finish().unwrap();
        assert_eq!(names, ["p/0.json", "p/1.json", "mapa.json"]);
        assert_eq!(sha.len(), 64);
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
