//! # abierto
//!
//! A static-site generator for open-data portals. A site folder holds, per
//! participant (a state, a municipality), dataset descriptors in TOML beside
//! the data files they describe, and Markdown stories ("Historias"); abierto
//! turns it into a portal that any static host serves, GitHub Pages first.
//!
//! The pipeline runs one way, one module per stage:
//!
//! 1. [`load`] reads the folder into a validated [`model::Site`];
//! 2. [`analyse`] reads each data file once, streaming: hash, preview, column
//!    profiles, maps; beside it, [`history`] reads what git knows of each
//!    dataset (its commits, what changed in its tables);
//! 3. [`render`] turns site and analysis into pages, downloads and assets;
//! 4. [`output`] owns the portal's addresses and writes the result safely.
//!
//! Between analyse and render, [`rules`] are what every build enforces and
//! shows (personal data, freshness, completeness).
//!
//! Above the pipeline stand the commands: [`build`] runs the stages in order
//! ([`serve`] keeps them warm and previews the portal), [`check`] adds what
//! `abierto check` reports, [`scaffold`] is `abierto new`, [`import`] reads
//! other portals' catalogs. Below it, the leaves every stage may use:
//! [`diagnostics`] carries the problems every stage reports, each with its
//! file, line and column; [`clock`] says what day it is; [`platform`] holds
//! what differs between operating systems; [`percent`], [`slug`], [`sync`]
//! and [`timing`] are small helpers. `tests/layering.rs` keeps every import
//! pointing down this list.
//!
//! ```no_run
//! use abierto::build::{build, BuildOptions};
//! use abierto::render::RenderOptions;
//!
//! let report = build(&BuildOptions {
//!     site: "example-site".into(),
//!     output: Some("public".into()),
//!     base_url: None,
//!     render: RenderOptions { minify: true, include_drafts: false },
//!     force: false,
//!     progress: abierto::progress::Progress::hidden(),
//!     portals: Default::default(),
//! });
//! assert_eq!(report.errors(), 0);
//! ```

pub mod analyse;
pub mod build;
pub mod check;
pub mod clock;
pub mod diagnostics;
pub mod history;
pub mod import;
pub mod interrupt;
pub mod load;
pub mod messages;
pub mod model;
pub mod output;
pub mod percent;
pub mod platform;
pub mod progress;
pub mod render;
pub mod rules;
pub mod scaffold;
pub mod serve;
pub mod slug;
pub mod sync;
pub mod timing;
pub(crate) mod toml_text;
