//! One file of the output: where it goes and what it holds. Made by the render,
//! written by the writer, compared and served by `serve`, read by `check`.

use super::urls::Route;
use std::path::PathBuf;
use std::sync::Arc;

/// What one file of the output holds.
#[derive(Clone)]
pub enum Content {
    /// Shared: `serve` keeps a run's pages to compare with the next run's
    /// and serves them, without a second copy.
    Bytes(Arc<Vec<u8>>),
    /// A file of the site, copied byte for byte.
    CopyOf(PathBuf),
}

/// One file of the output.
#[derive(Clone)]
pub struct OutputFile {
    pub route: Route,
    pub content: Content,
    /// What made it, to name it when two files claim the same place.
    pub origin: Origin,
}

/// What made an output file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A file of the site, copied or made from (a converted copy, an
    /// explorer's data, a kept version): its path in the site.
    Site(String),
    /// A page, catalog, index or asset the portal makes on its own.
    Portal,
}
