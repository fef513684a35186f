//! A story and a page (TOML front matter between `+++` lines, then
//! Markdown), loaded with the site as `build` loads them. Nothing may panic.
#![no_main]

#[path = "common.rs"]
mod common;

use abierto::diagnostics::Diagnostics;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let root = common::site();
    for name in [
        "historias/fuzz.md",
        "participants/p/historias/fuzz.md",
        "pages/fuzz.md",
    ] {
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, data).expect("write the input");
    }
    let diagnostics = Diagnostics::default();
    let _ = abierto::load::load_site(root, &diagnostics);
});
