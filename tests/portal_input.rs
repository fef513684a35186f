//! A participant's own portal, as an official writes its `[portal]` and as
//! `check`, `build` and `serve` take it: every mistake reported at its line
//! with the fix, hostile text escaped, links to another participant's data
//! made on the network's portal.

mod common;

use abierto::build::{BuildOptions, Portals};
use abierto::render::RenderOptions;
use common::*;

/// A valid site whose participant `prueba` declares `[portal]` with `portal` (TOML lines).
fn with_portal(portal: &str) -> TempSite {
    TempSite::valid()
        .file(
            "participants/prueba/participant.toml",
            format!("{PARTICIPANT}\n[portal]\n{portal}"),
        )
        .file(
            "participants/prueba/logo.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        )
        .file(
            "pages/acerca.md",
            "+++\ntitle = \"Acerca de\"\norder = 1\n+++\n\nLa red.\n",
        )
}

/// `participant.toml`'s lines before `[portal]`'s first key (its table header is line 5).
const PORTAL_FIRST_LINE: usize = 6;

#[test]
fn a_valid_portal_checks_clean_and_its_logo_is_no_stray_file() {
    let site = with_portal(
        "title = \"Datos de Prueba\"\nbase_url = \"https://datos.prueba.example.mx/\"\nlogo = \"logo.svg\"\naccent_color = \"#123456\"\npages = [\"acerca\"]\n",
    );
    let found = site.check();
    assert!(found.iter().all(|d| !d.is_error()), "{found:#?}");
    assert!(
        !found.iter().any(|d| d.file.ends_with("logo.svg")),
        "{found:#?}"
    );
}

#[test]
fn a_portal_address_that_is_not_http_is_an_error_at_its_line() {
    let site = with_portal("base_url = \"ftp://datos.prueba.example.mx/\"\n");
    let found = site.check();
    let error = only_error(&found);
    assert_eq!(error.file, "participants/prueba/participant.toml");
    assert_eq!(error.line, Some(PORTAL_FIRST_LINE));
    assert!(
        en(&error.message).contains("ftp://datos.prueba.example.mx/"),
        "{error:?}"
    );
}

#[test]
fn a_portal_without_an_address_is_an_error() {
    let site = with_portal("title = \"Datos de Prueba\"\n");
    let found = site.check();
    let error = only_error(&found);
    assert_eq!(error.file, "participants/prueba/participant.toml");
    assert!(en(&error.message).contains("base_url"), "{error:?}");
}

#[test]
fn a_colour_that_is_not_hexadecimal_is_an_error_at_its_line() {
    let site =
        with_portal("base_url = \"https://datos.prueba.example.mx/\"\naccent_color = \"azul\"\n");
    let found = site.check();
    let error = only_error(&found);
    assert_eq!(error.line, Some(PORTAL_FIRST_LINE + 1));
    assert_eq!(en(&error.message), "`azul` is not a colour");
}

#[test]
fn a_missing_logo_is_an_error_at_its_line() {
    let site =
        with_portal("base_url = \"https://datos.prueba.example.mx/\"\nlogo = \"escudo.png\"\n");
    let found = site.check();
    let error = only_error(&found);
    assert_eq!(error.file, "participants/prueba/participant.toml");
    assert_eq!(error.line, Some(PORTAL_FIRST_LINE + 1));
    assert_eq!(en(&error.message), "the file `escudo.png` does not exist");
}

#[test]
fn a_logo_outside_the_participants_folder_or_not_an_image_is_an_error() {
    let outside = with_portal(
        "base_url = \"https://datos.prueba.example.mx/\"\nlogo = \"../../pages/acerca.md\"\n",
    );
    let found = outside.check();
    let error = only_error(&found);
    assert!(
        en(&error.message).contains("is not in the participant's folder"),
        "{error:?}"
    );
    let not_image =
        with_portal("base_url = \"https://datos.prueba.example.mx/\"\nlogo = \"semaforos.toml\"\n");
    let found = not_image.check();
    let error = only_error(&found);
    assert_eq!(error.line, Some(PORTAL_FIRST_LINE + 1));
    assert_eq!(
        en(&error.message),
        "the logo `semaforos.toml` is not an image"
    );
}

#[test]
fn two_participants_with_one_portal_address_is_an_error_naming_both() {
    let site = with_portal("base_url = \"https://datos.prueba.example.mx/\"\n").file(
        "participants/otro/participant.toml",
        "name = \"Otro\"\nkind = \"municipio\"\n\n[portal]\nbase_url = \"HTTPS://Datos.Prueba.example.mx\"\n",
    );
    let found = site.check();
    let error = only_error(&found);
    let (first, second) = (
        "participants/otro/participant.toml",
        "participants/prueba/participant.toml",
    );
    assert_eq!(error.file, second);
    assert_eq!(error.line, Some(PORTAL_FIRST_LINE));
    assert!(en(&error.message).contains(first), "{error:?}");
}

#[test]
fn a_portal_at_the_networks_address_is_an_error() {
    let site = with_portal("base_url = \"https://datos.example.org\"\n");
    let error = only_error(&site.check()).clone();
    assert_eq!(
        en(&error.message),
        "`https://datos.example.org/` is the network portal's address"
    );
}

#[test]
fn a_kept_page_the_network_does_not_have_names_the_nearest() {
    let site = with_portal(
        "base_url = \"https://datos.prueba.example.mx/\"\npages = [\"acerca\", \"acrca\"]\n",
    );
    let found = site.check();
    let error = only_error(&found);
    assert_eq!(error.line, Some(PORTAL_FIRST_LINE + 1));
    assert_eq!(error.column, Some(20));
    assert_eq!(en(&error.message), "the network has no page `acrca`");
    assert!(
        en(error.help.as_deref().unwrap()).starts_with("did you mean `acerca`?"),
        "{error:?}"
    );
}

#[test]
fn an_unknown_key_of_the_portal_names_the_nearest() {
    let site =
        with_portal("base_url = \"https://datos.prueba.example.mx/\"\ncolor = \"#123456\"\n");
    let found = site.check();
    let error = only_error(&found);
    assert_eq!(error.line, Some(PORTAL_FIRST_LINE + 1));
    assert_eq!(en(&error.message), "unknown key `color`");
}

#[test]
fn hostile_text_in_a_portal_is_escaped_on_every_page() {
    let site = with_portal(
        "title = \"<script>alert(1)</script>\"\nbase_url = \"https://datos.prueba.example.mx/\"\ndescription = \"<img src=x onerror=alert(2)>\"\n",
    );
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let report = build_portals(
        site.path(),
        &public,
        None,
        Portals::Participant("prueba".into()),
    );
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    for file in files_ending(&public, ".html") {
        let html = page(&public, &file);
        assert!(select(&html, "[onerror]").is_empty(), "{file}");
        // Code runs only from scripts without a data type; data never closes its element.
        for script in select(&html, "script") {
            let text = text_of(&script);
            match script.value().attr("type") {
                None => assert!(!text.contains("alert"), "{file}"),
                Some(_) => assert!(!text.contains('<'), "{file}: {text}"),
            }
        }
    }
    // The text is shown as it is written.
    let home = page(&public, "index.html");
    let brand = text_of(&select(&home, "header .brand")[0]);
    assert_eq!(brand.trim(), "<script>alert(1)</script>");
    let lead = text_of(&select(&home, ".lead")[0]);
    assert_eq!(lead.trim(), "<img src=x onerror=alert(2)>");
}

#[test]
fn check_and_serve_take_the_participant_too() {
    let site = with_portal(
        "title = \"Datos de Prueba\"\nbase_url = \"https://datos.prueba.example.mx/\"\n",
    );
    let report = abierto::build::check(
        &BuildOptions {
            site: site.path().to_path_buf(),
            output: None,
            base_url: None,
            render: RenderOptions::default(),
            force: false,
            progress: abierto::progress::Progress::hidden(),
            portals: Portals::Participant("prueba".into()),
        },
        abierto::model::Date::parse(CHECK_TODAY).unwrap(),
        &abierto::check::CheckOptions::default(),
    );
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    assert!(report.pages > 5);
    let server = abierto::serve::Server::start(&abierto::serve::ServeOptions {
        site: site.path().to_path_buf(),
        port: 0,
        bind: std::net::Ipv4Addr::LOCALHOST.into(),
        base_url: None,
        participant: Some("prueba".into()),
        include_drafts: true,
        verbose: false,
        language: None,
    })
    .unwrap();
    let home = http_get(server.address(), "/");
    server.stop();
    assert!(home.contains("Datos de Prueba"), "{home}");
    assert!(home.contains("Este portal forma parte de"), "{home}");
}

/// The body of a GET to a local server.
fn http_get(address: std::net::SocketAddr, path: &str) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer
}

#[test]
fn a_story_citing_another_participants_data_links_it_on_the_network() {
    let site = with_portal("base_url = \"https://datos.prueba.example.mx/\"\n")
        .file(
            "participants/otro/participant.toml",
            "name = \"Otro\"\nkind = \"municipio\"\n",
        )
        .file(
            "participants/otro/arboles.toml",
            "title = \"Árboles\"\ndescription = \"Árboles de la ciudad.\"\n\n[[resources]]\ntitle = \"Árboles\"\nurl = \"https://otro.example.org/arboles.csv\"\n",
        )
        .file(
            "participants/prueba/historias/juntos.md",
            "+++\ntitle = \"Juntos\"\ndate = 2024-01-01\ndatasets = [\"prueba/semaforos\", \"otro/arboles\"]\n+++\n\nVer [los árboles](dataset:otro/arboles).\n",
        );
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let portals = Portals::Participant("prueba".into());
    let report = build_portals(site.path(), &public, None, portals);
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let story = page(&public, "historias/prueba/juntos/index.html");
    let hrefs: Vec<&str> = select(&story, "main a[href]")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    // In its text and in the list of the datasets it uses.
    let elsewhere = "https://datos.example.org/datos/otro/arboles/";
    assert_eq!(
        hrefs.iter().filter(|h| **h == elsewhere).count(),
        2,
        "{hrefs:?}"
    );
    assert!(hrefs.contains(&"/datos/prueba/semaforos/"), "{hrefs:?}");
    assert!(!public.join("datos/otro").exists());
}
