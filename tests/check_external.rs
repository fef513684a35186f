//! `abierto check --external`: the maintainer asks whether the links of the
//! stories, pages and descriptors still work. A tiny web server on this
//! machine plays the municipalities' servers: fine, gone, refusing HEAD,
//! moved, too slow, failing once. Without `--external` nobody is asked.

mod common;

use common::{PORTAL, TempSite};
use serde_json::Value;
use std::collections::HashMap;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Requests the server saw, as `METHOD /path`.
type Seen = Arc<Mutex<Vec<String>>>;

/// Serves on 127.0.0.1 until the test ends; each request on its own thread, so a slow one blocks nobody.
fn server() -> (String, Seen) {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let address = format!("http://{}", server.server_addr());
    let seen: Seen = Arc::default();
    let log = seen.clone();
    let asked: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let method = request.method().to_string();
            let path = request.url().to_string();
            log.lock().unwrap().push(format!("{method} {path}"));
            let times = {
                let mut asked = asked.lock().unwrap();
                let n = asked.entry(path.clone()).or_default();
                *n += 1;
                *n
            };
            std::thread::spawn(move || {
                let status = match (method.as_str(), path.as_str()) {
                    (_, "/bien") => 200,
                    (_, "/borrado") => 404,
                    ("HEAD", "/sin-head") => 405,
                    (_, "/sin-head") => 200,
                    (_, "/mudado") => 301,
                    (_, "/lento") => {
                        std::thread::sleep(Duration::from_secs(3));
                        200
                    }
                    // Fails the first time only: a flaky server.
                    (_, "/inestable") if times == 1 => 503,
                    (_, "/inestable") => 200,
                    _ => 404,
                };
                let mut response = tiny_http::Response::from_string("").with_status_code(status);
                if status == 301 {
                    response = response.with_header(
                        tiny_http::Header::from_bytes(&b"Location"[..], &b"/bien"[..]).unwrap(),
                    );
                }
                let _ = request.respond(response);
            });
        }
    });
    (address, seen)
}

/// A site whose story, page and descriptors link to the server.
fn site_linking_to(server: &str) -> TempSite {
    TempSite::empty()
        .file("portal.toml", PORTAL)
        .file(
            "participants/prueba/participant.toml",
            format!("name = \"H. Ayuntamiento de Prueba\"\nshort_name = \"Prueba\"\nkind = \"municipio\"\nwebsite = \"{server}/bien\"\n"),
        )
        .file(
            "participants/prueba/obras.toml",
            format!("title = \"Obras\"\ndescription = \"Obras públicas; ver [el padrón]({server}/borrado).\"\n\n[[resources]]\ntitle = \"Obras (CSV)\"\nurl = \"{server}/borrado\"\nformat = \"CSV\"\n"),
        )
        .file(
            "historias/nota.md",
            format!("+++\ntitle = \"Nota\"\ndate = 2025-01-01\n+++\n\nFuentes: [bien]({server}/bien),\n[borrado]({server}/borrado#seccion),\n[sin HEAD]({server}/sin-head), [mudado]({server}/mudado),\n[lento]({server}/lento) e [inestable]({server}/inestable).\n"),
        )
        .file(
            "pages/acerca.md",
            format!("+++\ntitle = \"Acerca\"\n+++\n\nOtra vez [lo borrado]({server}/borrado).\nY un dominio que no existe: [aquí](https://portal.invalid/datos).\n"),
        )
}

fn check_json(site: &TempSite, extra: &[&str]) -> (i32, Value, Duration) {
    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_abierto"))
        .arg("check")
        .arg(site.path())
        .args(["--format", "json", "--lang", "en"])
        .args(extra)
        .env("ABIERTO_TODAY", "2026-01-15")
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap_or(-1), json, elapsed)
}

fn broken(json: &Value) -> Vec<(String, u64, u64, String)> {
    let mut found: Vec<(String, u64, u64, String)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "broken-external-link")
        .map(|d| {
            assert_eq!(d["severity"], "warning", "{d}");
            assert!(d["help"].as_str().is_some_and(|h| !h.is_empty()), "{d}");
            (
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    found
}

#[test]
fn without_external_no_request_is_made() {
    let (server, seen) = server();
    let site = site_linking_to(&server);
    let (code, json, _) = check_json(&site, &[]);
    assert_eq!(code, 0, "{json:#}");
    assert!(json["external"].is_null());
    assert_eq!(broken(&json), vec![]);
    let (report, _out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(
        *seen.lock().unwrap(),
        Vec::<String>::new(),
        "neither check nor build asks the network"
    );
}

#[test]
fn broken_external_links_are_warnings_at_each_place_they_are_written() {
    let (server, seen) = server();
    let site = site_linking_to(&server);
    let (code, json, elapsed) = check_json(&site, &["--external", "--external-timeout", "0.5"]);

    assert_eq!(
        code, 0,
        "a broken link is a warning, not an error: {json:#}"
    );
    let found = broken(&json);
    let places: Vec<(&str, u64, u64)> = found
        .iter()
        .map(|(file, line, column, _)| (file.as_str(), *line, *column))
        .collect();
    assert_eq!(
        places,
        [
            ("historias/nota.md", 7, 11),              // /borrado#seccion
            ("historias/nota.md", 9, 9),               // /lento
            ("pages/acerca.md", 5, 23),                // /borrado
            ("pages/acerca.md", 6, 36),                // portal.invalid
            ("participants/prueba/obras.toml", 2, 48), // in the description
            ("participants/prueba/obras.toml", 6, 8),  // the resource's url
        ],
        "{found:#?}"
    );
    let message = |file: &str, line: u64| {
        &found
            .iter()
            .find(|(f, l, _, _)| f == file && *l == line)
            .unwrap()
            .3
    };
    assert_eq!(
        message("historias/nota.md", 7),
        &format!(
            "the link `{server}/borrado#seccion` is broken: the server answered 404 Not Found"
        )
    );
    assert!(
        message("historias/nota.md", 9).contains("no answer within 0.5 s (tried 3 times)"),
        "{}",
        message("historias/nota.md", 9)
    );
    // "the host name does not exist" where a resolver answers; a machine without
    // one cannot tell that from a network problem.
    assert!(
        message("pages/acerca.md", 6)
            .starts_with("the link `https://portal.invalid/datos` is broken: "),
        "{}",
        message("pages/acerca.md", 6)
    );

    let seen = seen.lock().unwrap().clone();
    let count = |request: &str| seen.iter().filter(|r| *r == request).count();
    assert_eq!(
        count("HEAD /borrado"),
        1,
        "linked four times, asked once: {seen:?}"
    );
    assert_eq!(
        count("HEAD /bien"),
        2,
        "once for itself, once after /mudado: {seen:?}"
    );
    assert_eq!(
        (count("HEAD /sin-head"), count("GET /sin-head")),
        (1, 1),
        "GET when HEAD is refused"
    );
    assert_eq!(
        count("HEAD /inestable"),
        2,
        "a 503 is tried again: {seen:?}"
    );
    assert_eq!(count("HEAD /lento"), 3, "a timeout is tried again, twice");

    let external = &json["external"];
    assert_eq!(external["links"], 11, "{external}");
    assert_eq!(external["addresses"], 7, "{external}");
    assert_eq!(external["checked"], 7, "{external}");
    assert_eq!(external["broken"], 3, "{external}");
    // A figure, not a test: how long depends on the machine.
    eprintln!("check --external took {elapsed:?}");
}

#[test]
fn the_deadline_bounds_the_whole_check() {
    let (server, seen) = server();
    let site = site_linking_to(&server);
    let (code, json, elapsed) = check_json(
        &site,
        &[
            "--external",
            "--external-timeout",
            "5",
            "--external-deadline",
            "1",
        ],
    );
    assert_eq!(code, 0, "{json:#}");
    eprintln!("check --external with a 1 s deadline took {elapsed:?}");
    let note = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| {
            d["message"]
                .as_str()
                .is_some_and(|m| m.contains("not checked"))
        })
        .unwrap_or_else(|| panic!("{json:#}"));
    assert_eq!(note["severity"], "info");
    // How many addresses were reached in 1 s depends on the machine; that the
    // 3 s endpoint was not (its 5 s timeout is cut by the deadline) does not.
    let message = note["message"].as_str().unwrap();
    let (count, rest) = message.split_once(' ').unwrap();
    let not_checked: u64 = count.parse().unwrap_or_else(|_| panic!("{note}"));
    let plural = if not_checked == 1 {
        "external link was"
    } else {
        "external links were"
    };
    assert_eq!(
        rest,
        format!("{plural} not checked: the check stopped at its deadline of 1 s"),
        "{note}"
    );
    assert!(not_checked >= 1, "{note}");
    let external = &json["external"];
    assert!(
        external["checked"].as_u64().unwrap() < external["addresses"].as_u64().unwrap(),
        "{external}"
    );
    assert!(
        broken(&json)
            .iter()
            .all(|(_, _, _, m)| !m.contains("/lento")),
        "a link not asked in time is not called broken: {json:#}"
    );
    let seen = seen.lock().unwrap().clone();
    assert!(
        seen.iter().filter(|r| r.ends_with(" /lento")).count() <= 1,
        "not asked again after the deadline: {seen:?}"
    );
}
