//! A dataset descriptor (TOML), loaded with the site as `build` loads it:
//! strict TOML, dates, licences, resource paths resolved inside the site.
//! Nothing may panic; a path may never resolve outside the site.
#![no_main]

#[path = "common.rs"]
mod common;

use abierto::diagnostics::Diagnostics;
use abierto::model::ResourceLocation;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let root = common::site();
    std::fs::write(root.join("participants/p/fuzz.toml"), data).expect("write the input");
    let diagnostics = Diagnostics::default();
    let Some(site) = abierto::load::load_site(root, &diagnostics) else {
        return;
    };
    for resource in site.datasets.iter().flat_map(|d| &d.resources) {
        if let ResourceLocation::Local { path, .. } = &resource.location {
            assert!(
                path.starts_with(&site.root),
                "{} left the site",
                path.display()
            );
        }
    }
});
