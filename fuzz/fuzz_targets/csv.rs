//! A CSV data file, analysed as `build` analyses it (one pass: hash,
//! sniffing, profiles, preview, UTF-8 copy), then its rows
//! read as `check` reads them. Nothing may panic, hang or run out of memory.
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::analyse_bytes(data, "data.csv", "CSV");
});
