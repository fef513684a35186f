//! Write: addresses of the output ([`urls`]) and the safe writing of a build
//! into its folder ([`writer`]).

pub mod urls;
pub mod writer;
