//! A GeoJSON data file, analysed as `build` analyses it (one pass: hash,
//! serde_json, features, shapes), then its rows
//! read as `check` reads them. Nothing may panic, hang or run out of memory.
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::analyse_bytes(data, "data.geojson", "GeoJSON");
});
