//! Killing a build at any moment never damages the published portal: the
//! output folder holds the previous portal or the new one, whole, never a mix.

#![cfg(unix)]

mod common;

use common::*;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Every file of a folder with its SHA-256; the manifest is left out, since
/// it records each file's modification time, which differs from build to build.
fn snapshot(root: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.file_name() != ".abierto-manifest")
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

/// The staging and previous folders a build keeps beside `out` while it runs.
fn beside(out: &Path) -> [std::path::PathBuf; 2] {
    let name = out.file_name().unwrap().to_string_lossy();
    let parent = out.parent().unwrap();
    [
        parent.join(format!(".{name}.abierto-staging")),
        parent.join(format!(".{name}.abierto-previous")),
    ]
}

/// What a finished build left beside `out` that it should not have: a
/// staging folder, or a kept previous portal that is not whole (its manifest,
/// no mark of an update under way, and the `.gitignore` that hides it from git).
fn leftovers(out: &Path) -> Vec<std::path::PathBuf> {
    let [staging, previous] = beside(out);
    let whole = |p: &Path| {
        p.join(".abierto-manifest").is_file()
            && !p.join(".abierto-updating").exists()
            && std::fs::read_to_string(p.join(".gitignore"))
                .is_ok_and(|t| t.lines().any(|l| l == "*"))
    };
    let mut left = Vec::new();
    if staging.exists() {
        left.push(staging);
    }
    if previous.exists() && !whole(&previous) {
        left.push(previous);
    }
    left
}

/// Starts a build of `site` into `out` and waits until it has begun writing
/// (its staging folder appears, or it marks the kept previous portal as being
/// updated), or until it ended; says which.
fn spawn_until_writing(site: &Path, out: &Path) -> (std::process::Child, bool) {
    let [staging, previous] = beside(out);
    let updating = previous.join(".abierto-updating");
    assert!(!staging.exists(), "a staging folder before the build");
    assert!(
        !updating.exists(),
        "a previous portal being updated before the build"
    );
    let mut child = abierto(site, out).spawn().unwrap();
    let started = Instant::now();
    loop {
        if staging.exists() || updating.exists() {
            return (child, true);
        }
        if child.try_wait().unwrap().is_some() {
            return (child, false);
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the build neither wrote nor ended"
        );
        std::thread::sleep(Duration::from_micros(200));
    }
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
    let mut killed_while_writing = 0;
    // Kills land once the build has visibly begun writing, then a little later each round.
    for delay_ms in [0, 0, 2, 10, 40, 150, 500] {
        let rebuilt = abierto(old_site.path(), &out)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert!(
            rebuilt.status.success(),
            "after a kill {delay_ms} ms into writing, the next build failed:\n{}",
            String::from_utf8_lossy(&rebuilt.stderr)
        );
        assert_eq!(
            leftovers(&out),
            Vec::<std::path::PathBuf>::new(),
            "the next build left its staging folder, or a previous portal that is not whole, beside the output"
        );
        let old_portal = snapshot(&out);
        assert_ne!(old_portal, new_portal);
        let (mut child, writing) = spawn_until_writing(new_site.path(), &out);
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let after = snapshot(&out);
        if after == old_portal {
            if writing {
                killed_while_writing += 1;
            }
        } else if after != new_portal {
            panic!(
                "killed {delay_ms} ms into writing, the output is neither the old portal nor the new one"
            );
        }
    }
    // The kills must have hit builds that were writing, not only finished ones
    // nor ones that had not begun.
    assert!(
        killed_while_writing > 0,
        "no kill landed while a build was writing"
    );
    let rebuilt = abierto(old_site.path(), &out).status().unwrap();
    assert!(rebuilt.success());
    assert_eq!(leftovers(&out), Vec::<std::path::PathBuf>::new());
}

/// A site whose data files all have made copies: a Windows-1252 CSV (UTF-8 copy) and a KML (GeoJSON).
fn site_with_conversions(street: &str) -> TempSite {
    let kml = "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Placemark><name>Catedral</name>\
               <Point><coordinates>-98.19,19.04</coordinates></Point></Placemark></kml>";
    TempSite::valid()
        .file(
            "participants/prueba/calles.toml",
            "title = \"Calles\"\ndescription = \"Calles.\"\ncategories = [\"movilidad\"]\n\n[[resources]]\ntitle = \"Calles\"\npath = \"datos/calles.csv\"\n\n[[resources]]\ntitle = \"Museos\"\npath = \"datos/museos.kml\"\nformat = \"KML\"\n",
        )
        .file("participants/prueba/datos/calles.csv", streets(street))
        .file("participants/prueba/datos/museos.kml", kml)
}

/// A Windows-1252 CSV of 20,000 streets (ú is the byte 0xFA).
fn streets(street: &str) -> Vec<u8> {
    let mut text = String::from("id;calle\n");
    for i in 0..20_000 {
        text.push_str(&format!("{i};{street} número {i}\n"));
    }
    text.chars().map(|c| c as u32 as u8).collect()
}

#[test]
fn builds_running_at_once_and_sharing_the_analysis_cache_each_publish_a_whole_portal() {
    let cache = tempfile::tempdir().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let site = site_with_conversions("Avenida Juárez");
    for street in ["Avenida Juárez", "Calle Hidalgo"] {
        // The same site, its CSV changed between rounds: every round analyses it again, at once.
        std::fs::write(
            site.path().join("participants/prueba/datos/calles.csv"),
            streets(street),
        )
        .unwrap();
        let children: Vec<_> = (0..4)
            .map(|i| {
                let out = scratch.path().join(format!("public-{i}"));
                let child = abierto(site.path(), &out)
                    .env("ABIERTO_CACHE_DIR", cache.path())
                    .spawn()
                    .unwrap();
                (out, child)
            })
            .collect();
        for (out, mut child) in children {
            assert!(child.wait().unwrap().success(), "a build failed");
            let copy = out.join("descargas/prueba/calles/utf-8/calles.csv");
            let text = std::fs::read_to_string(&copy)
                .unwrap_or_else(|e| panic!("{}: {e}", copy.display()));
            assert!(text.contains(&format!("{street} número 19999")), "{street}");
            assert_eq!(text.lines().count(), 20_001);
            assert!(
                out.join("descargas/prueba/calles/geojson/museos.geojson")
                    .is_file()
            );
        }
    }
}
