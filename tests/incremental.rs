//! A maintainer previewing the portal saves one file at a time: the build
//! session behind `serve` must show exactly what a fresh build would, while
//! reading no unchanged data file and rendering only the pages that changed.

mod common;

use abierto::build::{BuildOptions, Run, Session};
use abierto::load::{Change, classify};
use abierto::render::RenderOptions;
use common::{TempSite, contents, session_in};
use std::collections::BTreeMap;
use std::path::Path;

/// The warm session of a test: its own cache folder, kept as long as it.
struct Warm {
    session: Session,
    _cache: tempfile::TempDir,
}

fn session(site: &Path) -> Warm {
    let cache = tempfile::tempdir().unwrap();
    Warm {
        session: session_in(site, cache.path()),
        _cache: cache,
    }
}

impl Warm {
    fn run(&mut self, changes: &[Change]) -> Run {
        self.session.run(changes)
    }
}

/// What a fresh build gives, file by file: a new session with a new, empty
/// cache folder, so nothing the warm session learnt can leak into the expected
/// output. It reads every data file of [`site`]. The files are read before the
/// cache folder (which holds the made ones) goes.
fn fresh(site: &Path) -> BTreeMap<String, Vec<u8>> {
    let cache = tempfile::tempdir().unwrap();
    let run = session_in(site, cache.path()).run(&[]);
    assert_eq!(run.errors(), 0, "{:#?}", run.diagnostics);
    assert_eq!(
        run.data_files_read, 2,
        "a fresh build reads every data file"
    );
    assert_eq!(run.pages_rendered, run.pages, "and renders every page");
    contents(&run)
}

fn change(site: &TempSite, relative: &str) -> Vec<Change> {
    let root = std::fs::canonicalize(site.path()).unwrap();
    vec![classify(&root, &root.join(relative)).expect("a site file")]
}

fn edit(site: &TempSite, relative: &str, from: &str, to: &str) {
    let path = site.path().join(relative);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{relative} has no {from:?}");
    std::fs::write(path, text.replace(from, to)).unwrap();
}

fn site() -> TempSite {
    TempSite::valid()
        .file(
            "participants/prueba/historias/nueva-ruta.md",
            "+++\ntitle = \"Una ruta nueva\"\ndate = 2024-05-01\nsummary = \"Resumen.\"\ndatasets = [\"prueba/semaforos\"]\n+++\n\nTexto de la historia.\n",
        )
        .file("participants/prueba/aforos.toml", "title = \"Aforos\"\ndescription = \"Conteos de vehículos.\"\ncategories = [\"movilidad\"]\n\n[[resources]]\ntitle = \"Aforos (CSV)\"\npath = \"datos/aforos.csv\"\n")
        .file("participants/prueba/datos/aforos.csv", "punto,vehiculos\n1,120\n")
        .file("pages/acerca.md", "+++\ntitle = \"Acerca\"\n+++\n\nSobre el portal.\n")
}

#[test]
fn a_one_story_edit_renders_only_its_pages_and_reads_no_data_file() {
    let site = site();
    let mut warm = session(site.path());
    let first = warm.run(&[]);
    assert_eq!(first.errors(), 0, "{:#?}", first.diagnostics);
    assert_eq!(first.data_files_read, 2);
    assert_eq!(first.pages_rendered, first.pages);

    let story = "participants/prueba/historias/nueva-ruta.md";
    edit(
        &site,
        story,
        "Texto de la historia.",
        "Texto nuevo de la historia.",
    );
    let again = warm.run(&change(&site, story));
    assert_eq!(again.errors(), 0);
    assert_eq!(again.data_files_read, 0, "no data file changed");
    assert!(
        again.pages_rendered >= 1,
        "the story's page shows the new text"
    );
    assert!(
        again.pages_rendered < again.pages / 2,
        "{} of {} pages rendered for a body edit",
        again.pages_rendered,
        again.pages
    );
    assert_eq!(contents(&again), fresh(site.path()));
}

#[test]
fn every_kind_of_edit_gives_what_a_fresh_build_gives() {
    let site = site();
    let mut warm = session(site.path());
    assert_eq!(warm.run(&[]).errors(), 0);
    let edits: [(&str, &str, &str); 6] = [
        (
            "participants/prueba/semaforos.toml",
            "title = \"Semáforos\"",
            "title = \"Semáforos del centro\"",
        ),
        (
            "participants/prueba/historias/nueva-ruta.md",
            "title = \"Una ruta nueva\"",
            "title = \"La ruta nueva\"",
        ),
        (
            "participants/prueba/participant.toml",
            "short_name = \"Prueba\"",
            "short_name = \"Pruebita\"",
        ),
        ("participants/prueba/datos/aforos.csv", "1,120", "1,121"),
        ("pages/acerca.md", "Sobre el portal.", "Sobre este portal."),
        (
            "portal.toml",
            "title = \"Portal de prueba\"",
            "title = \"Portal nuevo\"",
        ),
    ];
    for (file, from, to) in edits {
        edit(&site, file, from, to);
        let again = warm.run(&change(&site, file));
        assert_eq!(again.errors(), 0, "{file}: {:#?}", again.diagnostics);
        let expected = fresh(site.path());
        assert_eq!(contents(&again), expected, "after editing {file}");
        if file.ends_with(".csv") {
            assert_eq!(
                again.data_files_read, 1,
                "only the changed data file is read"
            );
        } else {
            assert_eq!(again.data_files_read, 0, "{file} is no data file");
        }
    }
    // A template override changes every page.
    std::fs::create_dir_all(site.path().join("templates")).unwrap();
    std::fs::write(
        site.path().join("templates/404.html"),
        "{% extends \"base.html\" %}{% block content %}<p>Nada por aquí</p>{% endblock content %}",
    )
    .unwrap();
    let again = warm.run(&change(&site, "templates/404.html"));
    assert_eq!(again.errors(), 0, "{:#?}", again.diagnostics);
    assert_eq!(contents(&again), fresh(site.path()));
}

#[test]
fn a_data_file_rewritten_with_the_same_size_is_read_again_when_the_watcher_says_so() {
    let site = site();
    let mut warm = session(site.path());
    warm.run(&[]);
    let csv = "participants/prueba/datos/aforos.csv";
    let modified = std::fs::metadata(site.path().join(csv))
        .unwrap()
        .modified()
        .unwrap();
    std::fs::write(site.path().join(csv), "punto,vehiculos\n1,999\n").unwrap();
    // Same size, same modification time (a coarse file system, or a tool that keeps it).
    let file = std::fs::File::options()
        .write(true)
        .open(site.path().join(csv))
        .unwrap();
    file.set_modified(modified).unwrap();
    drop(file);
    let again = warm.run(&change(&site, csv));
    assert_eq!(again.data_files_read, 1);
    assert_eq!(contents(&again), fresh(site.path()));
}

#[test]
fn a_build_reuses_the_pages_the_last_build_rendered_and_still_shows_every_edit() {
    let site = site();
    let cache = tempfile::tempdir().unwrap();
    // `abierto build` runs one pass per process; what it rendered waits in the cache folder.
    let build = |cache: &Path| {
        let mut session = Session::one_shot(BuildOptions {
            site: site.path().to_path_buf(),
            output: None,
            base_url: None,
            render: RenderOptions {
                minify: true,
                include_drafts: false,
            },
            force: false,
            portals: Default::default(),
            progress: abierto::progress::Progress::hidden(),
        });
        session.set_cache_dir(cache.to_path_buf());
        session.run(&[])
    };
    let first = build(cache.path());
    assert_eq!(first.errors(), 0, "{:#?}", first.diagnostics);
    assert_eq!(first.pages_rendered, first.pages);

    let second = build(cache.path());
    assert_eq!(second.pages_rendered, 0, "nothing changed");
    assert_eq!(contents(&second), contents(&first));

    edit(
        &site,
        "participants/prueba/historias/nueva-ruta.md",
        "Texto de la historia.",
        "Texto corregido de la historia.",
    );
    let third = build(cache.path());
    assert!(
        third.pages_rendered >= 1 && third.pages_rendered < third.pages / 2,
        "{} of {} pages rendered after a story edit",
        third.pages_rendered,
        third.pages
    );
    let fresh_cache = tempfile::tempdir().unwrap();
    let fresh = build(fresh_cache.path());
    assert_eq!(fresh.pages_rendered, fresh.pages);
    assert_eq!(contents(&third), contents(&fresh));
    let story = contents(&third)
        .into_iter()
        .find(|(path, _)| path.contains("nueva-ruta") && path.ends_with(".html"))
        .expect("the story's page");
    assert!(String::from_utf8_lossy(&story.1).contains("Texto corregido"));

    // The catalogs kept in the bundle are made again when a dataset changes.
    edit(
        &site,
        "participants/prueba/semaforos.toml",
        "title = \"Semáforos\"",
        "title = \"Semáforos del centro\"",
    );
    let fourth = build(cache.path());
    let fresh_cache = tempfile::tempdir().unwrap();
    let fresh = build(fresh_cache.path());
    assert_eq!(contents(&fourth), contents(&fresh));
    let data_json = String::from_utf8(contents(&fourth)["data.json"].clone()).unwrap();
    assert!(data_json.contains("Semáforos del centro"), "{data_json}");

    // A damaged bundle is not used: every page is rendered again, the same.
    for entry in std::fs::read_dir(cache.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|n| n == "pages.bin") {
            let mut bytes = std::fs::read(&path).unwrap();
            bytes.truncate(bytes.len() / 2);
            std::fs::write(&path, bytes).unwrap();
        }
    }
    let after_damage = build(cache.path());
    assert_eq!(after_damage.pages_rendered, after_damage.pages);
    assert_eq!(contents(&after_damage), contents(&fresh));
}

/// Coordinates whose shortest decimal form a JSON reader must round
/// correctly to get the same number back (`-101.33789377400001` read as
/// `-101.337893774` is one unit in the last place off): the analysis read
/// back from the cache is the analysis made, so a warm build writes what the
/// cold build wrote, to the last digit of the network map's bounding box.
#[test]
fn a_build_from_the_cache_writes_the_cold_builds_coordinates_to_the_last_digit() {
    let rows = [
        "-29.457990010499998,-101.33789377400001",
        "-24.735543440300006,-93.57062084180001",
        "-29.457990010499998,-93.57062084180001",
        "19.4326,-99.1332",
    ];
    let csv = std::iter::once("id,latitud,longitud".to_string())
        .chain(rows.iter().enumerate().map(|(i, r)| format!("{i},{r}")))
        .collect::<Vec<_>>()
        .join("\n");
    let site = TempSite::valid()
        .file(
            "participants/prueba/puntos.toml",
            "title = \"Puntos\"\ndescription = \"Puntos de prueba.\"\ncategories = [\"movilidad\"]\n\n[[resources]]\ntitle = \"Puntos (CSV)\"\npath = \"datos/puntos.csv\"\n",
        )
        .file("participants/prueba/datos/puntos.csv", csv + "\n");
    let cache = tempfile::tempdir().unwrap();
    let cold = session_in(site.path(), cache.path()).run(&[]);
    assert_eq!(cold.errors(), 0, "{:#?}", cold.diagnostics);
    let warm = session_in(site.path(), cache.path()).run(&[]);
    assert_eq!(warm.data_files_read, 0, "the second build reads the cache");
    let (cold, warm) = (contents(&cold), contents(&warm));
    assert!(cold.contains_key("mapa/mapa.json"), "the network's map");
    for (file, bytes) in &cold {
        assert!(
            warm.get(file) == Some(bytes),
            "{file} differs after a build from the cache"
        );
    }
}
