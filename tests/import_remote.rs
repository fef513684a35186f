//! Imports that ask a server, against one on 127.0.0.1 that this test runs:
//! `import ckan URL` pages through `package_search` to its `count`, tries a
//! page again after a 503 and gives up within its limits; `--fetch` downloads
//! resources into the participant's `datos/` and names each one it leaves as a
//! link (too large, over the total, a web page instead of the file, a 404, an
//! API address). Counts are asserted, never timings.

mod common;

use abierto::import::{FetchLimits, HttpLimits, ImportOptions, import_ckan, import_dcat};
use abierto::model::Language;
use common::*;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

type Asked = Arc<Mutex<Vec<String>>>;

/// Limits small enough for a test: short pauses, a short deadline.
fn quick() -> HttpLimits {
    HttpLimits {
        timeout: Duration::from_secs(5),
        retries: 2,
        pause: Duration::from_millis(10),
        deadline: Duration::from_secs(30),
    }
}

/// A package of the fake portal, its resources on the same server.
fn package(n: usize, server: &str) -> String {
    format!(
        r#"{{"id": "id-{n}", "name": "conjunto-{n}", "title": "Conjunto {n}", "notes": "Datos {n}.", "license_id": "cc-by",
        "organization": {{"name": "xalapa", "title": "H. Ayuntamiento de Xalapa"}},
        "resources": [{{"name": "CSV", "url": "{server}/archivos/{n}.csv", "format": "CSV"}}]}}"#
    )
}

/// Serves a CKAN portal of `total` packages (the first page answered 503
/// once) and the files `files` names, recording every request.
fn serve(total: usize, files: HashMap<&'static str, (u16, Vec<u8>)>) -> (String, Asked) {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let address = format!("http://{}", server.server_addr());
    let asked: Asked = Arc::default();
    let log = asked.clone();
    let base = address.clone();
    std::thread::spawn(move || {
        let mut first_page_refused = false;
        for request in server.incoming_requests() {
            let url = request.url().to_string();
            log.lock().unwrap().push(url.clone());
            let (status, body) = if let Some(query) =
                url.strip_prefix("/api/3/action/package_search?")
            {
                let param = |name: &str| -> usize {
                    query
                        .split('&')
                        .find_map(|p| p.strip_prefix(&format!("{name}=")))
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0)
                };
                let (rows, start) = (param("rows"), param("start"));
                if start == 0 && !first_page_refused {
                    first_page_refused = true;
                    (503, b"ocupado".to_vec())
                } else {
                    let results: Vec<String> = (start..total.min(start + rows))
                        .map(|n| package(n, &base))
                        .collect();
                    let body = format!(
                        r#"{{"success": true, "result": {{"count": {total}, "results": [{}]}}}}"#,
                        results.join(",")
                    );
                    (200, body.into_bytes())
                }
            } else {
                files
                    .get(url.as_str())
                    .cloned()
                    .unwrap_or((404, b"no".to_vec()))
            };
            let _ = request.respond(tiny_http::Response::from_data(body).with_status_code(status));
        }
    });
    (address, asked)
}

#[test]
fn a_live_ckan_portal_is_paged_through_to_its_count() {
    let (server, asked) = serve(250, HashMap::new());
    let site = TempSite::empty().file("portal.toml", "title = \"Red\"\n");
    let options = ImportOptions {
        fetch: None,
        http: quick(),
    };
    let report = import_ckan(&format!("{server}/dataset"), site.path(), &options).unwrap();
    assert_eq!(report.read, 250);
    assert_eq!(report.partial(), None);
    assert_eq!(
        report.created.len(),
        251,
        "a participant and 250 descriptors"
    );
    let pages: Vec<String> = asked.lock().unwrap().clone();
    assert_eq!(
        pages,
        [
            "/api/3/action/package_search?rows=100&start=0",
            "/api/3/action/package_search?rows=100&start=0",
            "/api/3/action/package_search?rows=100&start=100",
            "/api/3/action/package_search?rows=100&start=200",
        ],
        "the refused page once again, then each page once"
    );
    let d =
        std::fs::read_to_string(site.path().join("participants/xalapa/conjunto-249.toml")).unwrap();
    assert!(
        d.contains(&format!(
            "# Página de origen: {server}/dataset/conjunto-249"
        )),
        "{d}"
    );
}

#[test]
fn a_server_that_never_answers_well_is_given_up_within_the_limits() {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let address = format!("http://{}", server.server_addr());
    let count = Arc::new(Mutex::new(0usize));
    let seen = count.clone();
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            *seen.lock().unwrap() += 1;
            let _ = request.respond(tiny_http::Response::from_string("no").with_status_code(503));
        }
    });
    let site = TempSite::empty().file("portal.toml", "title = \"Red\"\n");
    let options = ImportOptions {
        fetch: None,
        http: quick(),
    };
    let refusal = import_ckan(&address, site.path(), &options).unwrap_err();
    assert!(
        refusal
            .message_text(Language::En)
            .ends_with("the server answered 503"),
        "{}",
        refusal.message_text(Language::En)
    );
    assert_eq!(*count.lock().unwrap(), 3, "the first try and two retries");
    let dcat = import_dcat(&format!("{address}/data.json"), site.path(), &options).unwrap_err();
    assert!(dcat.message_text(Language::En).starts_with("could not get"));
}

#[test]
fn fetch_downloads_files_within_the_limits_and_names_what_it_left() {
    let mut files: HashMap<&'static str, (u16, Vec<u8>)> = HashMap::new();
    files.insert("/archivos/0.csv", (200, b"id,valor\n1,2\n".to_vec()));
    files.insert("/archivos/1.csv", (200, vec![b'x'; 5000]));
    files.insert(
        "/archivos/2.csv",
        (
            200,
            b"<!DOCTYPE html><html><title>Acceso</title></html>".to_vec(),
        ),
    );
    files.insert("/archivos/4.csv", (200, b"id\n1\n".to_vec()));
    files.insert("/archivos/5.csv", (200, vec![b'y'; 900]));
    files.insert("/archivos/6.csv", (200, vec![b'z'; 900]));
    // 3 is missing: a 404.
    let (server, _asked) = serve(7, files);
    let site = TempSite::empty().file("portal.toml", "title = \"Red\"\n");
    let options = ImportOptions {
        fetch: Some(FetchLimits {
            per_file: 1000,
            total: 1800,
        }),
        http: quick(),
    };
    let report = import_ckan(&server, site.path(), &options).unwrap();
    let fetched = report.fetched.as_ref().unwrap();
    let downloaded: Vec<&str> = fetched.downloaded.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        downloaded,
        [
            "participants/xalapa/datos/0.csv",
            "participants/xalapa/datos/4.csv",
            "participants/xalapa/datos/5.csv",
        ]
    );
    assert_eq!(fetched.bytes, 13 + 5 + 900);
    let left: Vec<(String, String)> = fetched
        .skipped
        .iter()
        .map(|n| {
            (
                n.source.rsplit(' ').next().unwrap().to_string(),
                n.message.text(Language::En),
            )
        })
        .collect();
    let reason = |package: &str| {
        left.iter()
            .find(|(p, _)| p == package)
            .map(|(_, why)| why.clone())
            .unwrap_or_default()
    };
    assert!(
        reason("conjunto-1").ends_with("it is larger than 1000 bytes"),
        "{left:#?}"
    );
    assert!(
        reason("conjunto-2").ends_with("the server answered with a web page, not the file"),
        "{left:#?}"
    );
    assert!(
        reason("conjunto-3").ends_with("the server answered 404"),
        "{left:#?}"
    );
    assert!(
        reason("conjunto-6").contains("it is larger than"),
        "{left:#?}"
    );
    assert_eq!(left.len(), 4);

    let descriptor =
        std::fs::read_to_string(site.path().join("participants/xalapa/conjunto-0.toml")).unwrap();
    assert!(
        descriptor.contains("path = \"datos/0.csv\""),
        "{descriptor}"
    );
    assert!(descriptor.contains(&format!("# Descargado de {server}/archivos/0.csv")));
    assert_eq!(
        std::fs::read(site.path().join("participants/xalapa/datos/0.csv")).unwrap(),
        b"id,valor\n1,2\n"
    );
    let linked =
        std::fs::read_to_string(site.path().join("participants/xalapa/conjunto-1.toml")).unwrap();
    assert!(linked.contains(&format!("url = \"{server}/archivos/1.csv\"")));
    let leftovers: Vec<String> = std::fs::read_dir(site.path().join("participants/xalapa/datos"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(
        leftovers.len(),
        3,
        "nothing half-written stays: {leftovers:?}"
    );

    // The imported portal hosts, previews and checksums what was downloaded.
    let (built, out) = site.build();
    assert_eq!(built.errors(), 0, "{:#?}", built.diagnostics);
    let html = page(
        &out.path().join("public"),
        "datos/xalapa/conjunto-0/index.html",
    );
    let sha = select(&html, "code");
    assert!(
        sha.iter().any(|c| c.text().collect::<String>().len() == 64),
        "the page shows the file's SHA-256"
    );
}
