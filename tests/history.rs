//! A dataset's history from git, as a reader sees it: a site committed in a
//! temporary repository (made with the `git` command; abierto reads it with
//! gitoxide) whose CSV changes over five commits — rows added, a row revised,
//! a column renamed, the file moved — shows each change on the dataset's page,
//! on a page of changed rows, in its Atom feed and the portal's, as DCAT
//! versions, and as the default `modified`. Then the bad inputs: no
//! repository, a broken descriptor in an old commit, binary files, LFS
//! pointers, a merge, a shallow clone, thousands of commits.

mod common;

use common::{TempSite, page, select, text_of};
use std::path::Path;
use std::process::Command;

const PORTAL: &str = "title = \"Portal de prueba\"\nbase_url = \"https://datos.example.org/\"\ndefault_license = \"cc-by-4.0\"\nrepository = \"https://github.com/red/portal\"\n";
const PARTICIPANT: &str =
    "name = \"H. Ayuntamiento de Prueba\"\nshort_name = \"Prueba\"\nkind = \"municipio\"\n";

fn descriptor(path: &str, extra: &str) -> String {
    format!(
        "title = \"Accidentes\"\ndescription = \"Accidentes viales del municipio.\"\n{extra}\n[[resources]]\ntitle = \"Accidentes (CSV)\"\npath = \"{path}\"\nprimary_key = \"id\"\n"
    )
}

/// Runs `git` in `dir` as a fixed author at a fixed time, with no user or
/// system configuration.
fn git(dir: &Path, args: &[&str], when: &str) {
    let status = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Ana López")
        .env("GIT_AUTHOR_EMAIL", "ana@example.org")
        .env("GIT_COMMITTER_NAME", "Ana López")
        .env("GIT_COMMITTER_EMAIL", "ana@example.org")
        .env("GIT_AUTHOR_DATE", when)
        .env("GIT_COMMITTER_DATE", when)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?} failed");
}

fn write(dir: &Path, relative: &str, content: &str) {
    let path = dir.join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}

fn commit(dir: &Path, message: &str, when: &str) {
    git(dir, &["add", "-A"], when);
    git(dir, &["commit", "-q", "-m", message], when);
}

/// Writes one file of the site and commits it.
fn commit_file(dir: &Path, relative: &str, content: &str, message: &str, when: &str) {
    write(dir, relative, content);
    commit(dir, message, when);
}

/// Builds the site in `dir` (no error allowed): the output folder, and its `public/`.
fn built(dir: &Path) -> (tempfile::TempDir, std::path::PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let report = common::build_into(dir, &public, None);
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    (out, public)
}

const CSV_1: &str = "id,fecha,lesionados\n1,2024-01-03,0\n2,2024-01-05,2\n3,2024-01-09,1\n";
const CSV_2: &str = "id,fecha,lesionados\n1,2024-01-03,0\n2,2024-01-05,2\n3,2024-01-09,1\n4,2024-02-02,0\n5,2024-02-11,4\n";
const CSV_3: &str = "id,fecha,lesionados\n1,2024-01-03,0\n2,2024-01-05,3\n3,2024-01-09,1\n4,2024-02-02,0\n5,2024-02-11,4\n";
const CSV_4: &str = "id,fecha,heridos\n1,2024-01-03,0\n2,2024-01-05,3\n3,2024-01-09,1\n4,2024-02-02,0\n5,2024-02-11,4\n";

/// The five commits of the story, in a fresh repository.
fn five_commits() -> TempSite {
    let site = TempSite::empty()
        .file("portal.toml", PORTAL)
        .file("participants/prueba/participant.toml", PARTICIPANT)
        .file(
            "participants/prueba/accidentes.toml",
            descriptor("datos/accidentes.csv", ""),
        )
        .file("participants/prueba/datos/accidentes.csv", CSV_1);
    let dir = site.path();
    git(
        dir,
        &["init", "-q", "-b", "main"],
        "2024-01-10T10:00:00-06:00",
    );
    commit(
        dir,
        "Publica los accidentes de enero",
        "2024-01-10T10:00:00-06:00",
    );
    commit_file(
        dir,
        "participants/prueba/datos/accidentes.csv",
        CSV_2,
        "Agrega los accidentes de febrero",
        "2024-02-12T09:30:00-06:00",
    );
    commit_file(
        dir,
        "participants/prueba/datos/accidentes.csv",
        CSV_3,
        "Corrige los lesionados del accidente 2",
        "2024-03-01T12:00:00-06:00",
    );
    commit_file(
        dir,
        "participants/prueba/datos/accidentes.csv",
        CSV_4,
        "Renombra la columna lesionados a heridos",
        "2024-03-15T16:45:00-06:00",
    );
    git(
        dir,
        &[
            "mv",
            "participants/prueba/datos/accidentes.csv",
            "participants/prueba/datos/2024-accidentes.csv",
        ],
        "2024-04-02T08:00:00-06:00",
    );
    std::fs::create_dir_all(dir.join("participants/prueba/datos/2024")).unwrap();
    git(
        dir,
        &[
            "mv",
            "participants/prueba/datos/2024-accidentes.csv",
            "participants/prueba/datos/2024/accidentes.csv",
        ],
        "2024-04-02T08:00:00-06:00",
    );
    commit_file(
        dir,
        "participants/prueba/accidentes.toml",
        &descriptor("datos/2024/accidentes.csv", ""),
        "Mueve los datos a la carpeta del año",
        "2024-04-02T08:00:00-06:00",
    );
    site
}

/// The text of each history entry on a page, newest first.
fn entries(html: &scraper::Html) -> Vec<String> {
    select(html, "li.history-entry")
        .iter()
        .map(|e| text_of(e).split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// Builds the site (no error allowed) and reads the history entries of a
/// dataset's page, newest first.
fn built_entries(site: &TempSite, dataset: &str) -> Vec<String> {
    let (_out, public) = built(site.path());
    entries(&page(&public, &format!("datos/{dataset}/index.html")))
}

fn head(dir: &Path, rev: &str) -> String {
    let out = Command::new("git")
        .args(["rev-parse", rev])
        .current_dir(dir)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

#[test]
fn each_commit_of_the_csv_is_an_entry_with_what_changed_in_its_rows_and_columns() {
    let site = five_commits();
    let (_out, public) = built(site.path());
    let html = page(&public, "datos/prueba/accidentes/index.html");
    let section = text_of(&select(&html, "section[aria-labelledby=historial]")[0]);
    assert!(section.contains("Historial de cambios"), "{section}");
    let entries = entries(&html);
    assert_eq!(entries.len(), 5, "{entries:#?}");
    let moved = head(site.path(), "HEAD");
    assert!(
        entries[0].starts_with("2 de abril de 2024 · Ana López · "),
        "{}",
        entries[0]
    );
    assert!(entries[0].contains(&moved[..7]));
    assert!(entries[0].contains("Mueve los datos a la carpeta del año"));
    assert!(entries[0].contains("Cambió la descripción del conjunto de datos"));
    assert!(
        entries[0].contains(
            "participants/prueba/datos/2024/accidentes.csv (antes participants/prueba/datos/accidentes.csv)"
        ),
        "{}",
        entries[0]
    );
    assert!(
        entries[1].contains("columna renombrada: lesionados → heridos"),
        "{}",
        entries[1]
    );
    assert!(entries[2].contains("1 fila cambiada"), "{}", entries[2]);
    assert!(!entries[2].contains("agregada"), "{}", entries[2]);
    assert!(entries[3].contains("2 filas agregadas"), "{}", entries[3]);
    assert!(entries[4].contains("Se publicó la descripción del conjunto de datos"));
    assert!(entries[4].contains("archivo nuevo"));
    // Sizes: 84 → 84 bytes is no size change; 51 → 84 is.
    assert!(
        entries[3].contains(&format!("Tamaño: {} B → {} B", CSV_1.len(), CSV_2.len())),
        "{}",
        entries[3]
    );
    // The commit links to the forge.
    let links: Vec<String> = select(&html, "li.history-entry a")
        .iter()
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    assert!(
        links.contains(&format!("https://github.com/red/portal/commit/{moved}")),
        "{links:?}"
    );
}

#[test]
fn a_revised_row_is_shown_before_and_after_on_its_own_page() {
    let site = five_commits();
    let (_, out) = site.build();
    let public = out.path().join("public");
    let revised = head(site.path(), "HEAD~2");
    let html = page(
        &public,
        &format!(
            "datos/prueba/accidentes/historial/{}/index.html",
            &revised[..7]
        ),
    );
    let rows = select(&html, "table.history-sample tbody tr");
    assert_eq!(rows.len(), 1);
    let row = text_of(&rows[0]);
    assert!(row.starts_with("Cambiada"), "{row}");
    assert_eq!(text_of(&select(&html, "table.history-sample del")[0]), "2");
    assert_eq!(text_of(&select(&html, "table.history-sample ins")[0]), "3");
    assert!(text_of(&select(&html, "main")[0]).contains("Las filas se comparan por la columna id"));
    // The trail leads back through the participant, as on the dataset's other pages.
    let trail: Vec<String> = select(&html, "nav.breadcrumbs a")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(trail.len(), 5, "{trail:?}");
    assert_eq!(trail[0], "Inicio");
    assert_eq!(trail[4], "Historial de cambios");
    let hrefs: Vec<String> = select(&html, "nav.breadcrumbs a")
        .iter()
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    assert!(hrefs[2].ends_with("/participantes/prueba/"), "{hrefs:?}");
    // Rows added: both new rows, in file order, with their lines.
    let added = head(site.path(), "HEAD~3");
    let html = page(
        &public,
        &format!(
            "datos/prueba/accidentes/historial/{}/index.html",
            &added[..7]
        ),
    );
    let rows: Vec<String> = select(&html, "table.history-sample tbody tr")
        .iter()
        .map(text_of)
        .collect();
    // Change, line, id, fecha, lesionados.
    assert_eq!(rows, ["Agregada542024-02-020", "Agregada652024-02-114"]);
}

#[test]
fn the_history_feeds_list_each_commit_and_every_data_change() {
    let site = five_commits();
    let (_, out) = site.build();
    let public = out.path().join("public");
    let feed =
        std::fs::read_to_string(public.join("datos/prueba/accidentes/historial.xml")).unwrap();
    assert_eq!(feed.matches("<entry>").count(), 5);
    assert!(feed.contains("<title>Renombra la columna lesionados a heridos</title>"));
    assert!(
        feed.contains("<updated>2024-04-02T08:00:00-06:00</updated>"),
        "{feed}"
    );
    assert!(feed.contains("2 filas agregadas"));
    let portal = std::fs::read_to_string(public.join("datos/historial.xml")).unwrap();
    // The move changed no data: four data changes.
    assert_eq!(portal.matches("<entry>").count(), 4, "{portal}");
    assert!(portal.contains("<title>Accidentes: Corrige los lesionados del accidente 2</title>"));
}

#[test]
fn the_catalog_describes_each_earlier_version_and_modified_defaults_to_the_last_data_change() {
    let site = five_commits();
    let (_, out) = site.build();
    let public = out.path().join("public");
    let ttl = std::fs::read_to_string(public.join("catalog.ttl")).unwrap();
    let short = |rev: &str| head(site.path(), rev)[..7].to_string();
    assert!(
        ttl.contains(&format!("dcat:version \"{}\"", short("HEAD"))),
        "{ttl}"
    );
    let version = |rev: &str| {
        format!(
            "<https://datos.example.org/datos/prueba/accidentes/historial/#version-{}>",
            short(rev)
        )
    };
    assert!(
        ttl.contains(&format!("dcat:previousVersion {}", version("HEAD~1"))),
        "{ttl}"
    );
    for rev in ["HEAD~1", "HEAD~2", "HEAD~3", "HEAD~4"] {
        assert!(
            ttl.contains(&format!("{} a dcat:Dataset", version(rev))),
            "{rev}: {ttl}"
        );
    }
    // The move changed no data: the rename on 15 March is the last change.
    let html = page(&public, "datos/prueba/accidentes/index.html");
    let modified = select(&html, "p.byline time");
    assert_eq!(modified[0].value().attr("datetime"), Some("2024-03-15"));
    assert!(ttl.contains("dct:modified \"2024-03-15\"^^xsd:date"));
}

#[test]
fn check_warns_when_a_declared_modified_is_older_than_the_data() {
    let site = five_commits();
    let dir = site.path();
    commit_file(
        dir,
        "participants/prueba/accidentes.toml",
        &descriptor("datos/2024/accidentes.csv", "modified = 2024-02-01\n"),
        "Declara la fecha",
        "2024-04-03T08:00:00-06:00",
    );
    let found: Vec<_> = site
        .check()
        .into_iter()
        .filter(|d| d.code.map(|c| c.as_str()) == Some("modified-behind-data"))
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].file, "participants/prueba/accidentes.toml");
    assert_eq!(found[0].line, Some(3));
    let text = found[0].message.text(abierto::model::Language::Es);
    assert!(
        text.contains("2024-02-01") && text.contains("2024-03-15"),
        "{text}"
    );
}

#[test]
fn without_a_repository_there_is_no_history_and_no_error() {
    let site = TempSite::valid();
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0);
    let public = out.path().join("public");
    let html = page(&public, "datos/prueba/semaforos/index.html");
    assert!(select(&html, "section[aria-labelledby=historial]").is_empty());
    assert!(!public.join("datos/prueba/semaforos/historial").exists());
    assert!(!public.join("datos/historial.xml").exists());
}

/// A site of one dataset (`prueba/accidentes`, its CSV at `datos/accidentes.csv`)
/// committed once on 10 January 2024, plus `extra` files.
fn committed_site(portal_extra: &str, extra: &[(&str, &str)]) -> TempSite {
    let mut site = TempSite::empty()
        .file("portal.toml", format!("{PORTAL}{portal_extra}"))
        .file("participants/prueba/participant.toml", PARTICIPANT)
        .file(
            "participants/prueba/accidentes.toml",
            descriptor("datos/accidentes.csv", ""),
        )
        .file("participants/prueba/datos/accidentes.csv", CSV_1);
    for (path, content) in extra {
        site = site.file(path, content);
    }
    git(
        site.path(),
        &["init", "-q", "-b", "main"],
        "2024-01-10T10:00:00-06:00",
    );
    commit(site.path(), "Primera versión", "2024-01-10T10:00:00-06:00");
    site
}

#[test]
fn a_commit_that_broke_the_descriptor_is_an_entry_that_says_so_and_the_build_passes() {
    let site = committed_site("", &[]);
    let dir = site.path();
    commit_file(
        dir,
        "participants/prueba/accidentes.toml",
        "title = \"Accidentes\ndescription = ",
        "Edición a medias",
        "2024-01-11T10:00:00-06:00",
    );
    commit_file(
        dir,
        "participants/prueba/accidentes.toml",
        &descriptor("datos/accidentes.csv", ""),
        "Arregla la descripción",
        "2024-01-12T10:00:00-06:00",
    );
    let entries = built_entries(&site, "prueba/accidentes");
    assert_eq!(entries.len(), 3);
    assert!(entries[0].contains("Cambió la descripción del conjunto de datos"));
    assert!(
        entries[1].contains("tenía un error y no se podía leer"),
        "{}",
        entries[1]
    );
}

const PDF_1: &str = "%PDF-1.4\n\u{1}\u{2}binario\n";
const PDF_2: &str = "%PDF-1.4\n\u{1}\u{2}binario, segunda versión\n";

#[test]
fn binary_files_and_lfs_pointers_show_their_size_and_checksum_change() {
    let pointer = |oid: char, size: u64| {
        format!(
            "version https://git-lfs.github.com/spec/v1\noid sha256:{}\nsize {size}\n",
            oid.to_string().repeat(64)
        )
    };
    let dataset = "title = \"Planos\"\ndescription = \"Planos y mediciones.\"\n\n[[resources]]\npath = \"datos/plano.pdf\"\n\n[[resources]]\npath = \"datos/mediciones.csv\"\n";
    let site = committed_site(
        "",
        &[
            ("participants/prueba/planos.toml", dataset),
            ("participants/prueba/datos/plano.pdf", PDF_1),
            (
                "participants/prueba/datos/mediciones.csv",
                &pointer('a', 1_000_000),
            ),
        ],
    );
    let dir = site.path();
    write(dir, "participants/prueba/datos/plano.pdf", PDF_2);
    commit_file(
        dir,
        "participants/prueba/datos/mediciones.csv",
        &pointer('b', 2_500_000),
        "Nuevos planos",
        "2024-02-01T10:00:00-06:00",
    );
    let entries = built_entries(&site, "prueba/planos");
    assert_eq!(entries.len(), 2);
    assert!(
        entries[0].contains(&format!("Tamaño: {} B → {} B", PDF_1.len(), PDF_2.len())),
        "{}",
        entries[0]
    );
    assert!(
        entries[0].contains("archivo guardado en Git LFS"),
        "{}",
        entries[0]
    );
    assert!(
        entries[0].contains("Tamaño: 1,0 MB → 2,5 MB"),
        "{}",
        entries[0]
    );
    assert!(
        entries[0].contains("SHA-256: aaaaaaaaaaaa… → bbbbbbbbbbbb…"),
        "{}",
        entries[0]
    );
    assert!(!entries[0].contains("filas"), "{}", entries[0]);
}

#[test]
fn a_merge_is_one_entry_against_its_first_parent() {
    let site = committed_site("", &[]);
    let dir = site.path();
    git(
        dir,
        &["checkout", "-q", "-b", "febrero"],
        "2024-02-01T10:00:00-06:00",
    );
    commit_file(
        dir,
        "participants/prueba/datos/accidentes.csv",
        CSV_2,
        "Agrega febrero",
        "2024-02-01T10:00:00-06:00",
    );
    git(
        dir,
        &["checkout", "-q", "main"],
        "2024-02-02T10:00:00-06:00",
    );
    commit_file(
        dir,
        "participants/prueba/participant.toml",
        &format!("{PARTICIPANT}website = \"https://prueba.example.org\"\n"),
        "Sitio web del municipio",
        "2024-02-02T10:00:00-06:00",
    );
    git(
        dir,
        &["merge", "-q", "--no-ff", "-m", "Fusiona febrero", "febrero"],
        "2024-02-03T10:00:00-06:00",
    );
    let entries = built_entries(&site, "prueba/accidentes");
    assert_eq!(entries.len(), 2, "{entries:#?}");
    assert!(entries[0].contains("Fusiona febrero") && entries[0].contains("fusión de una rama"));
    assert!(entries[0].contains("2 filas agregadas"), "{}", entries[0]);
}

#[test]
fn a_shallow_clone_says_the_history_needs_the_whole_repository() {
    let site = five_commits();
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", site.path().display());
    git(
        clone.path(),
        &["clone", "-q", "--depth", "2", &url, "copia"],
        "2024-05-01T10:00:00-06:00",
    );
    let copy = clone.path().join("copia");
    let out = tempfile::tempdir().unwrap();
    let report = common::build_into(&copy, &out.path().join("public"), None);
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let note = report
        .diagnostics
        .iter()
        .find(|d| d.message.id() == "history-shallow")
        .expect("a note about the shallow clone");
    assert!(
        note.help
            .as_ref()
            .unwrap()
            .text(abierto::model::Language::Es)
            .contains("fetch-depth: 0")
    );
    let html = page(
        &out.path().join("public"),
        "datos/prueba/accidentes/index.html",
    );
    assert_eq!(entries(&html).len(), 2);
    assert!(
        text_of(&select(&html, "section[aria-labelledby=historial]")[0]).contains("copia parcial")
    );
}

#[test]
fn thousands_of_commits_are_paged_and_previous_versions_kept_as_asked() {
    let site = committed_site("\n[history]\nkeep_versions = 2\n", &[]);
    let dir = site.path();
    // 2,000 commits in one `git fast-import` stream: every 25th adds a row to
    // the CSV, the others change a file of no dataset.
    let mut stream = String::new();
    let mut csv = CSV_1.to_string();
    for n in 0..2000u64 {
        let (path, content) = if n % 25 == 24 {
            csv.push_str(&format!("{},2024-01-10,{}\n", 100 + n, n % 5));
            ("participants/prueba/datos/accidentes.csv", csv.clone())
        } else {
            ("static/nota.txt", format!("nota {n}\n"))
        };
        let message = format!("Cambio {n}");
        stream.push_str(&format!(
            "commit refs/heads/main\ncommitter Ana <ana@example.org> {} -0600\ndata {}\n{message}\n{}M 100644 inline {path}\ndata {}\n{content}\n",
            1_705_000_000 + n * 60,
            message.len(),
            if n == 0 { "from refs/heads/main^0\n" } else { "" },
            content.len()
        ));
    }
    let mut child = Command::new("git")
        .args(["fast-import", "--quiet"])
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stream.as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());
    git(
        dir,
        &["reset", "-q", "--hard", "main"],
        "2024-05-01T10:00:00-06:00",
    );
    let (_out, public) = built(site.path());
    let html = page(&public, "datos/prueba/accidentes/index.html");
    assert_eq!(entries(&html).len(), 10);
    // 81 entries, 50 a page: 2 pages.
    assert_eq!(
        entries(&page(
            &public,
            "datos/prueba/accidentes/historial/index.html"
        ))
        .len(),
        50
    );
    assert_eq!(
        entries(&page(
            &public,
            "datos/prueba/accidentes/historial/pagina-2/index.html"
        ))
        .len(),
        31
    );
    assert!(
        !public
            .join("datos/prueba/accidentes/historial/pagina-3")
            .exists()
    );
    // The two latest previous versions are published, byte for byte.
    let versions: Vec<_> =
        walkdir::WalkDir::new(public.join("descargas/prueba/accidentes/versiones"))
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .collect();
    assert_eq!(versions.len(), 2);
    let last = head(dir, "HEAD");
    let previous = head(dir, "HEAD~1");
    let kept = public.join(format!(
        "descargas/prueba/accidentes/versiones/{}/accidentes.csv",
        &last[..7]
    ));
    let expected = Command::new("git")
        .args([
            "show",
            &format!("{previous}:participants/prueba/datos/accidentes.csv"),
        ])
        .current_dir(dir)
        .output()
        .unwrap()
        .stdout;
    assert_eq!(std::fs::read(kept).unwrap(), expected);
}

#[test]
fn hostile_messages_and_authors_are_text_and_the_output_is_byte_for_byte_the_same() {
    let site = committed_site("", &[]);
    let dir = site.path();
    commit_file(
        dir,
        "participants/prueba/datos/accidentes.csv",
        CSV_2,
        "<script>alert(1)</script> & <b>negritas</b>",
        "2024-02-01T10:00:00-06:00",
    );
    let (_, first) = site.build();
    let (_, second) = site.build();
    let public = first.path().join("public");
    let html = page(&public, "datos/prueba/accidentes/index.html");
    assert_eq!(
        text_of(&select(&html, "p.history-title")[0]),
        "<script>alert(1)</script> & <b>negritas</b>"
    );
    assert!(
        select(&html, "script")
            .iter()
            .all(|s| !text_of(s).contains("alert"))
    );
    assert!(select(&html, ".history-title b").is_empty());
    let feed =
        std::fs::read_to_string(public.join("datos/prueba/accidentes/historial.xml")).unwrap();
    assert!(feed.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;"));
    // Every file of the portal (the writer's manifest of times aside).
    for entry in walkdir::WalkDir::new(&public)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let relative = entry.path().strip_prefix(&public).unwrap();
        if relative == Path::new(".abierto-manifest") {
            continue;
        }
        let same = std::fs::read(entry.path()).unwrap()
            == std::fs::read(second.path().join("public").join(relative)).unwrap();
        assert!(same, "{} differs between two builds", relative.display());
    }
}

#[test]
fn the_example_site_committed_with_a_few_changes_shows_them() {
    let work = tempfile::tempdir().unwrap();
    let site = work.path().join("sitio");
    let example = common::example_site();
    for entry in walkdir::WalkDir::new(&example)
        .into_iter()
        .filter_map(Result::ok)
    {
        let target = site.join(entry.path().strip_prefix(&example).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
    git(
        &site,
        &["init", "-q", "-b", "main"],
        "2016-01-20T10:00:00-06:00",
    );
    commit(
        &site,
        "Portal de la Red México Abierto",
        "2016-01-20T10:00:00-06:00",
    );
    // Accidents of 2014 are keyed by `folio`, then one is revised (a
    // Windows-1252 file with `;`: «Caída» must read as such).
    let descriptor = site.join("participants/xalapa/accidentes-viales.toml");
    let text = std::fs::read_to_string(&descriptor).unwrap().replacen(
        "path = \"datos/accidentes-2014.csv\"\n",
        "path = \"datos/accidentes-2014.csv\"\nprimary_key = \"folio\"\n",
        1,
    );
    std::fs::write(&descriptor, text).unwrap();
    commit(
        &site,
        "Declara la clave de los accidentes",
        "2016-02-01T09:00:00-06:00",
    );
    let csv = site.join("participants/xalapa/datos/accidentes-2014.csv");
    let bytes = std::fs::read(&csv).unwrap();
    let revised = String::from_utf8_lossy(&bytes).contains("TR-2014-0002;2014-02-10;12:30");
    assert!(
        revised,
        "the example's second accident is where the test expects it"
    );
    let from = b"TR-2014-0002;2014-02-10;12:30;Ca\xedda de pasajero;Av. Orizaba;Av. Manuel \xc1vila Camacho;Ferrer Guardia;1;2;1;";
    let to = b"TR-2014-0002;2014-02-10;12:30;Ca\xedda de pasajero;Av. Orizaba;Av. Manuel \xc1vila Camacho;Ferrer Guardia;1;3;1;";
    let at = bytes
        .windows(from.len())
        .position(|w| w == from)
        .expect("the row");
    let mut changed = bytes.clone();
    changed[at..at + from.len()].copy_from_slice(to);
    std::fs::write(&csv, changed).unwrap();
    commit(
        &site,
        "Corrige los lesionados del folio TR-2014-0002",
        "2016-02-15T11:30:00-06:00",
    );
    let (_out, public) = built(&site);
    let html = page(&public, "datos/xalapa/accidentes-viales/index.html");
    let entries = entries(&html);
    assert_eq!(entries.len(), 3, "{entries:#?}");
    assert!(entries[0].contains("1 fila cambiada"), "{}", entries[0]);
    assert!(entries[1].contains("Cambió la descripción del conjunto de datos"));
    let change = page(
        &public,
        &format!(
            "datos/xalapa/accidentes-viales/historial/{}/index.html",
            &head(&site, "HEAD")[..7]
        ),
    );
    let row = text_of(&select(&change, "table.history-sample tbody tr")[0]);
    assert!(row.starts_with("Cambiada3TR-2014-00022 3"), "{row}");
    assert!(row.contains("Caída de pasajero"), "{row}");
    // Datasets the commits did not touch show their first commit only.
    assert_eq!(entries_of(&public, "datos/xalapa/semaforos/index.html"), 1);
}

fn entries_of(public: &Path, page_path: &str) -> usize {
    entries(&page(public, page_path)).len()
}
