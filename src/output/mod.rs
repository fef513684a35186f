//! Write: addresses of the output ([`urls`]), one file of it ([`file`]) and the
//! safe writing of a build into its folder ([`writer`]).

pub mod file;
mod outcome;
pub mod urls;
pub mod writer;

pub use file::{Content, OutputFile};
