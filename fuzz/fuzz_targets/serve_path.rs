//! The dev server's request paths: `serve::resolve` turns a request's path
//! (still percent-encoded) into a file of the portal, a redirect, 404 or
//! 400. Whatever the path, a file named must be a plain relative path that
//! cannot leave the portal's folder, and a redirect must stay on the portal.
#![no_main]

use abierto::serve::{Target, resolve};
use std::path::{Component, Path};

const BASES: &[&str] = &["/", "/red/", "/a/b/"];

fn check_file(name: &str) {
    assert!(
        !name.is_empty() && !name.contains(['\\', '\0', ':']),
        "{name:?}"
    );
    assert!(
        Path::new(name)
            .components()
            .all(|c| matches!(c, Component::Normal(_))),
        "{name:?} climbs"
    );
    assert!(Path::new("/out").join(name).starts_with("/out"), "{name:?}");
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&selector, path)) = data.split_first() else {
        return;
    };
    let Ok(path) = std::str::from_utf8(path) else {
        return;
    };
    let base = BASES[selector as usize % BASES.len()];
    // A portal where every name is a file, and one with only its home and 404.
    let everything = |_: &str| true;
    let little = |name: &str| name == "index.html" || name == "404.html";
    for target in [resolve(path, base, everything), resolve(path, base, little)] {
        match target {
            Target::File(name) => check_file(&name),
            Target::Redirect(location) => {
                assert!(location.starts_with(base), "{location:?} leaves {base}");
                assert!(
                    !location.starts_with("//"),
                    "{location:?} names another host"
                );
                assert!(!location.contains(['\r', '\n', '\0']), "{location:?}");
                check_file(&format!("{}index.html", &location[1..]));
            }
            Target::NotFound | Target::BadRequest => {}
        }
    }
});
