//! abierto's releases and its GitHub Action: the archives the release workflow
//! attaches are the ones the action downloads, third-party actions are pinned by
//! commit, and a new site's workflow needs no edit.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn yaml(relative: &str) -> serde_yaml_ng::Value {
    let text = std::fs::read_to_string(root().join(relative)).unwrap();
    serde_yaml_ng::from_str(&text).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// What `dist/names.sh ARGS…` prints.
fn names(args: &[&str]) -> String {
    let out = Command::new("bash")
        .arg(root().join("dist/names.sh"))
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "names.sh {args:?} failed");
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

fn release_targets() -> BTreeSet<String> {
    let release = yaml(".github/workflows/release.yml");
    release["jobs"]["binary"]["strategy"]["matrix"]["include"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|entry| entry["target"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_runner_the_action_downloads_for_has_a_release_binary() {
    let targets = release_targets();
    let mut asked = BTreeSet::new();
    for os in ["Linux", "macOS", "Windows"] {
        for arch in ["X64", "ARM64"] {
            let target = names(&["target", os, arch]);
            if !target.is_empty() {
                assert!(
                    targets.contains(&target),
                    "the action asks for {target} on {os}/{arch}, the release builds {targets:?}"
                );
                asked.insert(target);
            }
        }
    }
    // Linux on both architectures, macOS on both, Windows on x86_64.
    assert_eq!(asked.len(), 5, "{asked:?}");
    for needed in ["x86_64-unknown-linux-musl", "aarch64-unknown-linux-musl"] {
        assert!(asked.contains(needed));
    }
    assert!(targets.contains("x86_64-pc-windows-gnu"));
}

#[test]
fn the_release_packs_archives_under_the_names_the_action_asks_for() {
    let release = std::fs::read_to_string(root().join(".github/workflows/release.yml")).unwrap();
    assert!(release.contains("bash dist/package.sh \"$TARGET\""));
    let install = std::fs::read_to_string(root().join("dist/install.sh")).unwrap();
    assert!(install.contains("names.sh\" archive \"$target\""));
    assert!(install.contains("$archive.sha256"));

    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("abierto");
    std::fs::write(&binary, b"not really a binary").unwrap();
    for target in ["x86_64-unknown-linux-musl", "aarch64-apple-darwin"] {
        let out = dir.path().join(target);
        let status = Command::new("bash")
            .arg(root().join("dist/package.sh"))
            .args([target, binary.to_str().unwrap(), out.to_str().unwrap()])
            .status()
            .unwrap();
        assert!(status.success());
        let archive = names(&["archive", target]);
        assert_eq!(archive, format!("abierto-{target}.tar.gz"));
        let bytes = std::fs::read(out.join(&archive)).unwrap();
        let sum = std::fs::read_to_string(out.join(format!("{archive}.sha256"))).unwrap();
        use sha2::Digest;
        let expected: String = sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(sum, format!("{expected}  {archive}\n"));
        let listing = Command::new("tar")
            .args(["-tzf", out.join(&archive).to_str().unwrap()])
            .output()
            .unwrap();
        let listing = String::from_utf8(listing.stdout).unwrap();
        assert!(listing.lines().any(|l| l == "./abierto"), "{listing}");
    }
    assert_eq!(
        names(&["archive", "x86_64-pc-windows-msvc"]),
        "abierto-x86_64-pc-windows-msvc.zip"
    );
}

/// Every `uses:` of an action of another repository, in a workflow's text.
fn third_party_uses(text: &str) -> Vec<&str> {
    text.lines()
        .filter_map(|line| line.trim().trim_start_matches("- ").strip_prefix("uses: "))
        .filter(|used| !used.starts_with("./") && !used.starts_with("red-mexico-abierto/"))
        .collect()
}

fn assert_pinned(file: &str, text: &str) {
    let uses = third_party_uses(text);
    assert!(!uses.is_empty(), "{file} uses no action?");
    for used in uses {
        let (name, rest) = used.split_once('@').unwrap_or((used, ""));
        let (sha, comment) = rest.split_once(" # ").unwrap_or((rest, ""));
        assert!(
            sha.len() == 40 && sha.bytes().all(|b| b.is_ascii_hexdigit()),
            "{file}: {name} is not pinned by commit: {used}"
        );
        assert!(
            comment.starts_with('v'),
            "{file}: {name} names no tag: {used}"
        );
    }
}

#[test]
fn third_party_actions_are_pinned_by_commit_with_their_tag() {
    for file in [
        ".github/workflows/release.yml",
        ".github/workflows/ci.yml",
        "action.yml",
    ] {
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        assert_pinned(file, &text);
    }
    let dir = tempfile::tempdir().unwrap();
    abierto::scaffold::new_site(dir.path()).unwrap();
    let scaffolded = std::fs::read_to_string(dir.path().join(".github/workflows/portal.yml"));
    assert_pinned("the scaffolded portal.yml", &scaffolded.unwrap());
}

#[test]
fn a_new_site_checks_strictly_clean_with_the_program_itself() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("mi-portal");
    let abierto = env!("CARGO_BIN_EXE_abierto");
    let new = Command::new(abierto)
        .args(["new", "site", site.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(new.status.success(), "{new:?}");
    let check = Command::new(abierto)
        .args(["check", site.to_str().unwrap(), "--strict"])
        .env("ABIERTO_CACHE_DIR", dir.path().join("cache"))
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&check.stdout).to_string()
        + &String::from_utf8_lossy(&check.stderr);
    assert!(check.status.success(), "{said}");
    assert!(said.contains(": 0 errores, 0 avisos"), "{said}");
}

#[test]
fn the_package_names_its_home_and_licence() {
    let manifest: toml::Table =
        toml::from_str(&std::fs::read_to_string(root().join("Cargo.toml")).unwrap()).unwrap();
    let package = manifest["package"].as_table().unwrap();
    for key in [
        "description",
        "license",
        "repository",
        "keywords",
        "categories",
    ] {
        assert!(package.contains_key(key), "Cargo.toml lacks {key}");
    }
    assert_eq!(
        package["repository"].as_str().unwrap(),
        "https://github.com/red-mexico-abierto/abierto",
        "the scaffolded workflow's action is this repository"
    );
    assert!(root().join("LICENSE").is_file());
}

/// The site `abierto new site` makes, with `repository` (and more) added to its
/// portal.toml, built; and the folder it was built into.
fn new_site_with(dir: &Path, site: &Path, portal_lines: &str) -> std::path::PathBuf {
    abierto::scaffold::new_site(site).unwrap();
    let portal = site.join("portal.toml");
    let text = std::fs::read_to_string(&portal).unwrap();
    std::fs::write(&portal, format!("{portal_lines}\n{text}")).unwrap();
    let out = dir.join("public");
    let status = Command::new(env!("CARGO_BIN_EXE_abierto"))
        .args(["build", site.to_str().unwrap(), "-o", out.to_str().unwrap()])
        .args(["--quiet", "--no-minify"])
        .env("ABIERTO_CACHE_DIR", dir.join("cache"))
        .status()
        .unwrap();
    assert!(status.success());
    out
}

/// The «Editar esta página» link of a built page, if it has one.
fn edit_link(out: &Path, page: &str) -> Option<String> {
    let html = std::fs::read_to_string(out.join(page)).unwrap();
    let document = scraper::Html::parse_document(&html);
    let selector = scraper::Selector::parse("p.edit-page a").unwrap();
    let link = document.select(&selector).next()?;
    assert_eq!(link.text().collect::<String>(), "Editar esta página");
    link.value().attr("href").map(str::to_string)
}

#[test]
fn every_page_made_from_a_file_links_to_its_editor_on_the_forge() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("mi-portal");
    let out = new_site_with(
        dir.path(),
        &site,
        "repository = \"https://github.com/municipio/mi-portal.git\"\nbranch = \"publicado\"",
    );
    let edit = "https://github.com/municipio/mi-portal/edit/publicado/";
    for (page, file) in [
        (
            "datos/mi-municipio/parques/index.html",
            "participants/mi-municipio/parques.toml",
        ),
        (
            "participantes/mi-municipio/index.html",
            "participants/mi-municipio/participant.toml",
        ),
        (
            "historias/mi-municipio/bienvenida/index.html",
            "participants/mi-municipio/historias/bienvenida.md",
        ),
        ("acerca/index.html", "pages/acerca.md"),
    ] {
        assert_eq!(
            edit_link(&out, page),
            Some(format!("{edit}{file}")),
            "{page}"
        );
        assert!(site.join(file).is_file(), "{file} is the page's source");
    }
    // Pages no one file makes have no such link.
    assert_eq!(edit_link(&out, "index.html"), None);
    assert_eq!(edit_link(&out, "datos/index.html"), None);

    let dataset =
        std::fs::read_to_string(out.join("datos/mi-municipio/parques/index.html")).unwrap();
    let history =
        "https://github.com/municipio/mi-portal/commits/publicado/participants/mi-municipio";
    assert!(dataset.contains(&format!("href=\"{history}/parques.toml\"")));
    assert!(dataset.contains(&format!("href=\"{history}/datos/parques.csv\"")));
}

#[test]
fn gitlab_and_gitea_links_and_a_site_in_a_folder_of_its_repository() {
    let dir = tempfile::tempdir().unwrap();
    // The repository's root is `dir`; the site is its folder `portal/`.
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let site = dir.path().join("portal");
    let out = new_site_with(
        dir.path(),
        &site,
        "repository = \"https://gitlab.com/estado/datos\"",
    );
    assert_eq!(
        edit_link(&out, "acerca/index.html").as_deref(),
        Some("https://gitlab.com/estado/datos/-/edit/main/portal/pages/acerca.md")
    );

    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("sitio");
    let out = new_site_with(
        dir.path(),
        &site,
        "repository = \"https://codeberg.org/ayuntamiento/datos/\"",
    );
    assert_eq!(
        edit_link(&out, "acerca/index.html").as_deref(),
        Some("https://codeberg.org/ayuntamiento/datos/_edit/main/pages/acerca.md")
    );
}

#[test]
fn a_repository_that_is_not_a_forge_address_is_an_error_at_its_line() {
    for (value, line) in [
        ("\"github.com/sin/esquema\"", 2),
        ("\"https://github.com/solo-usuario\"", 2),
        ("\"ftp://github.com/a/b\"", 2),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("s");
        abierto::scaffold::new_site(&site).unwrap();
        let portal = site.join("portal.toml");
        let text = std::fs::read_to_string(&portal).unwrap();
        std::fs::write(&portal, format!("# portal\nrepository = {value}\n{text}")).unwrap();
        let run = Command::new(env!("CARGO_BIN_EXE_abierto"))
            .args(["check", site.to_str().unwrap()])
            .env("ABIERTO_CACHE_DIR", dir.path().join("cache"))
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&run.stdout).to_string()
            + &String::from_utf8_lossy(&run.stderr);
        assert!(!run.status.success(), "{value}: {said}");
        assert!(
            said.contains(&format!("portal.toml:{line}:"))
                && said.contains("no es la dirección web de un repositorio"),
            "{value}: {said}"
        );
    }
}
