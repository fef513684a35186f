//! Killing a build at any moment never damages the published portal: the
//! output folder holds the previous portal or the new one, whole, never a mix.

#![cfg(unix)]

mod common;

use common::*;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

/// Every file of a folder with its SHA-256.
fn snapshot(root: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let bytes = std::fs::read(e.path()).unwrap();
            let digest: String = Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            (
                e.path().strip_prefix(root).unwrap().display().to_string(),
                digest,
            )
        })
        .collect()
}

fn site_with_big_file(title: &str) -> TempSite {
    // Large enough that hashing and copying it takes a while, so kills land mid-build.
    let mut rows = String::from("id,calle\n");
    for i in 0..150_000 {
        rows.push_str(&format!("{i},Avenida Lázaro Cárdenas número {i}\n"));
    }
    TempSite::valid()
        .file(
            "participants/prueba/semaforos.toml",
            DATASET.replace("Semáforos", title),
        )
        .file("participants/prueba/datos/semaforos.csv", rows)
}

fn abierto(site: &Path, out: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_abierto"));
    command
        .args(["build", "--quiet", "-o"])
        .arg(out)
        .arg(site)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

#[test]
fn a_build_killed_at_any_moment_leaves_the_old_portal_or_the_new_one() {
    let old_site = site_with_big_file("Semáforos viejos");
    let new_site = site_with_big_file("Semáforos nuevos");
    let scratch = tempfile::tempdir().unwrap();
    let reference = scratch.path().join("referencia");
    assert!(
        abierto(new_site.path(), &reference)
            .status()
            .unwrap()
            .success()
    );
    let new_portal = snapshot(&reference);

    let out = scratch.path().join("public");
    let mut seen_old = 0;
    let mut seen_new = 0;
    for delay_ms in [0, 10, 40, 120, 300, 600] {
        assert!(abierto(old_site.path(), &out).status().unwrap().success());
        let old_portal = snapshot(&out);
        let mut child = abierto(new_site.path(), &out).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let after = snapshot(&out);
        if after == old_portal {
            seen_old += 1;
        } else if after == new_portal {
            seen_new += 1;
        } else {
            panic!(
                "killed after {delay_ms} ms, the output is neither the old portal nor the new one"
            );
        }
    }
    // The kills must have hit builds in progress, not only finished ones.
    assert!(
        seen_old > 0,
        "no kill landed before the swap ({seen_new} new)"
    );
}
