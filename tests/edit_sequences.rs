//! Any sequence of edits a maintainer makes, in any order (stories, pages,
//! descriptors, data files changed, added and removed), ends in the portal a
//! fresh build makes, byte for byte: in the warm session behind `serve`, and
//! in the output folder `abierto build` keeps updating (its analysis cache,
//! its page bundle and the kept previous portal it writes the changes into).

mod common;

use abierto::load::classify;
use common::{TempSite, contents, session_in};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const STORY: &str = "participants/prueba/historias/nueva-ruta.md";
const OTHER_STORY: &str = "participants/prueba/historias/otra.md";
const DATASET: &str = "participants/prueba/semaforos.toml";
const AFOROS: &str = "participants/prueba/aforos.toml";
const AFOROS_CSV: &str = "participants/prueba/datos/aforos.csv";
const PAGE: &str = "pages/acerca.md";

const AFOROS_TOML: &str = "title = \"Aforos\"\ndescription = \"Conteos de vehículos.\"\ncategories = [\"movilidad\"]\n\n[[resources]]\ntitle = \"Aforos (CSV)\"\npath = \"datos/aforos.csv\"\n";

fn site() -> TempSite {
    TempSite::valid()
        .file(
            STORY,
            "+++\ntitle = \"Una ruta nueva\"\ndate = 2024-05-01\nsummary = \"Resumen.\"\ndatasets = [\"prueba/semaforos\"]\n+++\n\nTexto de la historia.\n",
        )
        .file(AFOROS, AFOROS_TOML)
        .file(AFOROS_CSV, "punto,vehiculos\n1,120\n")
        .file(PAGE, "+++\ntitle = \"Acerca\"\n+++\n\nSobre el portal.\n")
}

/// One edit; each can be made again (it toggles or grows). Returns the files it touched.
fn apply(site: &Path, edit: usize) -> Vec<&'static str> {
    let toggle = |relative: &str, a: &str, b: &str| {
        let path = site.join(relative);
        let text = std::fs::read_to_string(&path).unwrap();
        let text = if text.contains(a) {
            text.replace(a, b)
        } else {
            text.replace(b, a)
        };
        std::fs::write(path, text).unwrap();
    };
    let add_or_remove = |relative: &str, text: &str| {
        let path = site.join(relative);
        if path.exists() {
            std::fs::remove_file(path).unwrap();
        } else {
            std::fs::write(path, text).unwrap();
        }
    };
    match edit {
        0 => {
            toggle(STORY, "Una ruta nueva", "La ruta nueva");
            vec![STORY]
        }
        1 => {
            toggle(
                DATASET,
                "title = \"Semáforos\"",
                "title = \"Semáforos del centro\"",
            );
            vec![DATASET]
        }
        2 => {
            let path = site.join(AFOROS_CSV);
            if let Ok(mut text) = std::fs::read_to_string(&path) {
                let rows = text.lines().count();
                text.push_str(&format!("{rows},{}\n", 100 + rows * 7));
                std::fs::write(path, text).unwrap();
            }
            vec![AFOROS_CSV]
        }
        3 => {
            add_or_remove(
                OTHER_STORY,
                "+++\ntitle = \"Otra historia\"\ndate = 2024-06-01\nsummary = \"Otra.\"\ndatasets = [\"prueba/semaforos\"]\n+++\n\nOtro texto.\n",
            );
            vec![OTHER_STORY]
        }
        4 => {
            toggle(PAGE, "Sobre el portal.", "Sobre este portal.");
            vec![PAGE]
        }
        _ => {
            // The dataset and its data file go, or come back.
            let gone = site.join(AFOROS).exists();
            add_or_remove(AFOROS, AFOROS_TOML);
            if gone {
                std::fs::remove_file(site.join(AFOROS_CSV)).unwrap();
            } else {
                std::fs::write(site.join(AFOROS_CSV), "punto,vehiculos\n1,120\n").unwrap();
            }
            vec![AFOROS, AFOROS_CSV]
        }
    }
}

/// `abierto build SITE -o OUT` with its analysis cache in `cache`.
fn cli_build(site: &Path, out: &Path, cache: &Path) {
    let done = Command::new(env!("CARGO_BIN_EXE_abierto"))
        .args(["build", "--quiet", "-o"])
        .arg(out)
        .arg(site)
        .env("ABIERTO_CACHE_DIR", cache)
        .output()
        .unwrap();
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
}

/// The files of a portal on disk, without the manifest (its stamps differ between builds).
fn on_disk(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.file_name() != ".abierto-manifest")
        .map(|e| {
            let relative = e.path().strip_prefix(root).unwrap().to_path_buf();
            (relative, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// The folders of a portal on disk: none is left empty by a removed page.
fn empty_folders(root: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_dir())
        .filter(|e| std::fs::read_dir(e.path()).unwrap().next().is_none())
        .map(|e| e.path().to_path_buf())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10, ..ProptestConfig::default() })]

    #[test]
    fn any_sequence_of_edits_ends_in_what_a_fresh_build_makes(
        edits in prop::collection::vec(0usize..6, 1..6)
    ) {
        let site = site();
        let root = std::fs::canonicalize(site.path()).unwrap();
        let scratch = tempfile::tempdir().unwrap();
        let (warm_cache, cli_cache) = (scratch.path().join("warm"), scratch.path().join("cli"));
        let out = scratch.path().join("public");
        let mut warm = session_in(&root, &warm_cache);
        prop_assert_eq!(warm.run(&[]).errors(), 0);
        cli_build(&root, &out, &cli_cache);
        for (step, &edit) in edits.iter().enumerate() {
            let touched = apply(&root, edit);
            let changes: Vec<_> = touched
                .iter()
                .filter_map(|relative| classify(&root, &root.join(relative)))
                .collect();
            let again = warm.run(&changes);
            prop_assert_eq!(again.errors(), 0, "{:#?}", again.diagnostics);
            let fresh_cache = tempfile::tempdir().unwrap();
            let fresh = session_in(&root, fresh_cache.path()).run(&[]);
            prop_assert!(
                contents(&again) == contents(&fresh),
                "serve's session after edits {:?} is not a fresh build", &edits[..=step]
            );

            cli_build(&root, &out, &cli_cache);
            let fresh_out = scratch.path().join(format!("fresh-{step}"));
            let fresh_cli_cache = tempfile::tempdir().unwrap();
            cli_build(&root, &fresh_out, fresh_cli_cache.path());
            prop_assert!(
                on_disk(&out) == on_disk(&fresh_out),
                "the built portal after edits {:?} is not a fresh build's", &edits[..=step]
            );
            prop_assert_eq!(empty_folders(&out), Vec::<PathBuf>::new());
            std::fs::remove_dir_all(&fresh_out).unwrap();
        }
    }
}
