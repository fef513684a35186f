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
    /// What produced it (a site file or a page name), for collision messages.
    pub origin: String,
}
