//! Write: addresses of the output ([`urls`]), one file of it ([`file`]), the list a
//! portal keeps of what abierto wrote there ([`manifest`]), the folders the
//! writer owns beside the output ([`folders`]) and the safe writing of a
//! build into its folder ([`writer`]).

pub mod file;
mod folders;
mod manifest;
mod outcome;
pub mod urls;
pub mod writer;

pub use file::{Content, Origin, OutputFile};
