//! `abierto serve` as a maintainer uses it: start it on a copy of a site,
//! open pages, save files and see the open tab told to reload with the new
//! content; break a file and see the error in the browser, fix it and see the
//! page come back. And as an attacker probes it: no address reaches a file
//! outside the portal, and a flood of requests or dropped connections do not
//! stop it. Each test starts the real command on a free port.

mod common;

use common::{DATASET, TempSite};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Generous: the machine running the tests may be busy.
const PATIENCE: Duration = Duration::from_secs(60);

/// A running `abierto serve`.
struct Preview {
    child: Child,
    address: SocketAddr,
    /// The URL it printed.
    url: String,
    log: Arc<Mutex<String>>,
}

impl Preview {
    fn start(site: &std::path::Path, extra: &[&str]) -> Preview {
        Preview::start_in(site, extra, None)
    }

    /// Starts it with `cwd` as its working folder, where `build` would write `public/`.
    fn start_in(site: &std::path::Path, extra: &[&str], cwd: Option<&std::path::Path>) -> Preview {
        let mut command = Command::new(env!("CARGO_BIN_EXE_abierto"));
        if let Some(cwd) = cwd {
            command.current_dir(cwd);
        }
        let mut child = command
            .arg("serve")
            .arg(site)
            .args(["--port", "0"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("abierto runs");
        let log = Arc::new(Mutex::new(String::new()));
        let stderr = child.stderr.take().unwrap();
        let sink = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let mut log = sink.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let url = first
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL printed: {first:?} {}", log.lock().unwrap()))
            .to_string();
        let authority = url.trim_start_matches("http://").split('/').next().unwrap();
        Preview {
            child,
            address: authority.parse().unwrap(),
            url,
            log,
        }
    }

    /// Sends `path` as is (no encoding) and reads the whole answer.
    fn get(&self, path: &str) -> Answer {
        let mut stream = TcpStream::connect(self.address).expect("the server answers");
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.0\r\nHost: {}\r\n\r\n",
            self.address
        )
        .unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        Answer::parse(&raw)
    }

    /// Polls `path` until `wanted` holds of the answer.
    fn wait_for(&self, path: &str, what: &str, wanted: impl Fn(&Answer) -> bool) -> Answer {
        let started = Instant::now();
        loop {
            let answer = self.get(path);
            if wanted(&answer) {
                return answer;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "{path} never showed {what}; last answer {} {}\nserver log:\n{}",
                answer.status,
                answer.body,
                self.log.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Listens to the reload events an open tab gets.
    fn listen(&self) -> Events {
        let mut stream = TcpStream::connect(self.address).unwrap();
        write!(
            stream,
            "GET /__abierto/events HTTP/1.1\r\nHost: {}\r\n\r\n",
            self.address
        )
        .unwrap();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = seen.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                if let Some(data) = line.strip_prefix("data: ") {
                    sink.lock().unwrap().push(data.to_string());
                }
            }
        });
        Events { seen }
    }

    fn stop(mut self) -> (std::process::ExitStatus, String) {
        interrupt(&self.child);
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                std::thread::sleep(Duration::from_millis(100));
                return (status, self.log.lock().unwrap().clone());
            }
            assert!(
                started.elapsed() < PATIENCE,
                "Ctrl-C did not stop the server"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What a terminal's Ctrl-C sends.
fn interrupt(child: &Child) {
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

struct Answer {
    status: u16,
    head: String,
    body: String,
}

impl Answer {
    fn parse(raw: &[u8]) -> Answer {
        let text = String::from_utf8_lossy(raw).to_string();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        Answer {
            status,
            head: head.to_string(),
            body: body.to_string(),
        }
    }

    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name)
                .then(|| value.trim().to_string())
        })
    }
}

/// Reload events received by a listening tab.
struct Events {
    seen: Arc<Mutex<Vec<String>>>,
}

impl Events {
    /// The generation of the latest event, once one has arrived.
    fn latest(&self) -> Option<(u64, String)> {
        let seen = self.seen.lock().unwrap();
        let data = seen.last()?;
        let generation = data
            .split("\"generation\":")
            .nth(1)?
            .split([',', '}'])
            .next()?
            .parse()
            .ok()?;
        Some((generation, data.clone()))
    }

    /// Waits for a reload event newer than `after`; returns it.
    fn next_after(&self, after: u64, log: &Mutex<String>) -> (u64, String) {
        let started = Instant::now();
        loop {
            if let Some((generation, data)) = self.latest()
                && generation > after
            {
                return (generation, data);
            }
            assert!(
                started.elapsed() < PATIENCE,
                "no reload signal after generation {after}; server log:\n{}",
                log.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

const STORY: &str = "+++\ntitle = \"Una ruta nueva\"\ndate = 2024-05-01\nsummary = \"Resumen de la historia.\"\ndatasets = [\"prueba/semaforos\"]\n+++\n\nLa primera versión del texto.\n";

fn small_site() -> TempSite {
    TempSite::valid()
        .file(
            "portal.toml",
            common::PORTAL.replace(
                "https://datos.example.org/",
                "https://red.github.io/portal/",
            ),
        )
        .file("participants/prueba/historias/nueva-ruta.md", STORY)
        .file("static/estilo-extra.css", "body { margin: 0 }\n")
}

fn edit(site: &TempSite, relative: &str, from: &str, to: &str) {
    let path = site.path().join(relative);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{relative} has no {from:?}");
    std::fs::write(path, text.replace(from, to)).unwrap();
}

#[test]
fn saved_edits_reach_the_open_tab_and_errors_show_in_the_browser_until_fixed() {
    let site = small_site();
    let preview = Preview::start(site.path(), &[]);
    assert!(
        preview.url.ends_with("/portal/"),
        "served under the base path: {}",
        preview.url
    );

    // The portal is served under its base path, as GitHub Pages will.
    let root = preview.get("/");
    assert_eq!(root.status, 302);
    assert_eq!(root.header("Location").as_deref(), Some("/portal/"));
    let home = preview.get("/portal/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("Content-Type").as_deref(),
        Some("text/html; charset=utf-8")
    );
    assert!(home.body.contains("Portal de prueba"));
    assert!(
        home.body.contains("/__abierto/reload.js"),
        "served pages reload themselves"
    );
    assert_eq!(
        preview.get("/portal/datos").header("Location").as_deref(),
        Some("/portal/datos/")
    );
    assert_eq!(preview.get("/portal/no-existe/").status, 404);
    let script = preview.get("/__abierto/reload.js");
    assert!(
        script
            .header("Content-Type")
            .unwrap()
            .starts_with("text/javascript")
    );
    assert!(script.body.contains("EventSource"));

    // Downloads and static files, with their types.
    let csv = preview.get("/portal/descargas/prueba/semaforos/semaforos.csv");
    assert_eq!(csv.status, 200);
    assert_eq!(
        csv.header("Content-Type").as_deref(),
        Some("text/csv; charset=utf-8")
    );
    assert_eq!(csv.body, "id,calle\n1,Juárez\n2,Hidalgo\n");
    let css = preview.get("/portal/estilo-extra.css");
    assert_eq!(
        css.header("Content-Type").as_deref(),
        Some("text/css; charset=utf-8")
    );

    let story = "/portal/historias/prueba/nueva-ruta/";
    assert!(
        preview
            .get(story)
            .body
            .contains("La primera versión del texto.")
    );
    let tab = preview.listen();
    let (mut generation, _) = tab.next_after(0, &preview.log);

    // An official saves the story: the tab is told, and the page shows the new text.
    edit(
        &site,
        "participants/prueba/historias/nueva-ruta.md",
        "La primera versión",
        "La segunda versión",
    );
    (generation, _) = tab.next_after(generation, &preview.log);
    assert!(
        preview
            .get(story)
            .body
            .contains("La segunda versión del texto.")
    );

    // A descriptor: its dataset page changes.
    let dataset = "/portal/datos/prueba/semaforos/";
    edit(
        &site,
        "participants/prueba/semaforos.toml",
        "title = \"Semáforos\"",
        "title = \"Semáforos del centro\"",
    );
    (generation, _) = tab.next_after(generation, &preview.log);
    assert!(preview.get(dataset).body.contains("Semáforos del centro"));

    // A stylesheet only: the tab may reload just its styles.
    std::fs::write(
        site.path().join("static/estilo-extra.css"),
        "body { margin: 1px }\n",
    )
    .unwrap();
    let (next, data) = tab.next_after(generation, &preview.log);
    generation = next;
    assert!(data.contains("\"css_only\":true"), "{data}");
    assert!(preview.get("/portal/estilo-extra.css").body.contains("1px"));

    // A TOML mistake: the tab is told, and the page shows the error over the
    // last good version.
    edit(
        &site,
        "participants/prueba/semaforos.toml",
        "title = \"Semáforos del centro\"",
        "title = \"Semáforos sin cerrar",
    );
    let (next, data) = tab.next_after(generation, &preview.log);
    generation = next;
    assert!(data.contains("\"errors\":1"), "{data}");
    let broken = preview.get(dataset);
    assert_eq!(broken.status, 200);
    assert!(
        broken.body.contains("id=\"abierto-errors\""),
        "{}",
        broken.body
    );
    assert!(
        broken
            .body
            .contains("participants/prueba/semaforos.toml:1:"),
        "file and line are shown"
    );
    assert!(
        broken.body.contains("Semáforos del centro"),
        "the last good page stays"
    );
    assert!(
        preview.get("/portal/").body.contains("abierto-errors"),
        "every page shows the errors"
    );

    // Fixing it brings the page back by itself.
    std::fs::write(
        site.path().join("participants/prueba/semaforos.toml"),
        DATASET.replace("Semáforos", "Semáforos arreglados"),
    )
    .unwrap();
    let (_, data) = tab.next_after(generation, &preview.log);
    assert!(data.contains("\"errors\":0"), "{data}");
    let fixed = preview.get(dataset);
    assert!(fixed.body.contains("Semáforos arreglados"));
    assert!(!fixed.body.contains("abierto-errors"));

    // What it printed: what changed and how long the rebuild took.
    let (status, log) = preview.stop();
    assert!(
        status.success(),
        "Ctrl-C stops it cleanly: {status:?}\n{log}"
    );
    assert!(
        log.contains("Cambió: participants/prueba/historias/nueva-ruta.md (historia)"),
        "{log}"
    );
    assert!(log.contains("Reconstruido en "), "{log}");
    assert!(
        log.contains("semaforos.toml:1:"),
        "errors are printed too:\n{log}"
    );
    assert!(log.contains("Detenido."), "{log}");
}

#[test]
fn editors_that_save_by_renaming_a_temporary_file_are_seen_and_their_leftovers_ignored() {
    let site = small_site();
    let preview = Preview::start(site.path(), &[]);
    let story = "/portal/historias/prueba/nueva-ruta/";
    let file = site
        .path()
        .join("participants/prueba/historias/nueva-ruta.md");
    let tab = preview.listen();
    let (generation, _) = tab.next_after(0, &preview.log);

    // gedit, VS Code and others: the new text into a temporary file, renamed over the story.
    let temporary = file.with_file_name(".goutputstream-X1Y2Z3");
    std::fs::write(&temporary, STORY.replace("primera", "segunda")).unwrap();
    std::fs::rename(&temporary, &file).unwrap();
    let (generation, _) = tab.next_after(generation, &preview.log);
    assert!(preview.get(story).body.contains("La segunda versión"));

    // Vim: the story renamed to a backup, the new text written, the backup removed.
    let backup = file.with_file_name("nueva-ruta.md~");
    std::fs::rename(&file, &backup).unwrap();
    std::fs::write(&file, STORY.replace("primera", "tercera")).unwrap();
    std::fs::remove_file(&backup).unwrap();
    tab.next_after(generation, &preview.log);
    assert!(preview.get(story).body.contains("La tercera versión"));

    // Windows' thumbnail cache beside the data is no file of the site.
    std::fs::write(site.path().join("participants/prueba/datos/Thumbs.db"), "x").unwrap();

    let (status, log) = preview.stop();
    assert!(status.success(), "{log}");
    assert!(
        log.contains("Cambió: participants/prueba/historias/nueva-ruta.md (historia)"),
        "{log}"
    );
    for leftover in ["goutputstream", "nueva-ruta.md~", "Thumbs.db"] {
        assert!(
            !log.contains(leftover),
            "{leftover} was taken for a site file:\n{log}"
        );
    }
}

#[test]
fn a_site_that_never_built_shows_its_errors_in_place_of_the_pages() {
    let site = TempSite::valid().file("portal.toml", "title = \"Portal\"\nbase_url = \n");
    let preview = Preview::start(site.path(), &[]);
    let page = preview.get("/");
    assert_eq!(page.status, 500);
    assert!(page.body.contains("portal.toml:2:"), "{}", page.body);
    assert!(
        page.body.contains("/__abierto/reload.js"),
        "and it reloads once fixed"
    );
    std::fs::write(site.path().join("portal.toml"), common::PORTAL).unwrap();
    preview.wait_for("/", "the home page", |a| {
        a.status == 200 && a.body.contains("Portal de prueba")
    });
}

#[test]
fn no_address_reaches_a_file_outside_the_portal() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secreto.txt");
    std::fs::write(&secret, "CONTRASEÑA SECRETA").unwrap();
    let site = small_site().file("static/aviso.txt", "público\n");
    let preview = Preview::start(site.path(), &["--quiet"]);
    assert_eq!(preview.get("/portal/aviso.txt").body, "público\n");

    // The static file becomes a link to the secret after the portal was built.
    std::fs::remove_file(site.path().join("static/aviso.txt")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&secret, site.path().join("static/aviso.txt")).unwrap();
    #[cfg(windows)]
    std::os::windows::fs::symlink_file(&secret, site.path().join("static/aviso.txt")).unwrap();
    let secret_path = secret.display().to_string();
    let site_path = site.path().display().to_string();
    let requests = [
        "/portal/aviso.txt".to_string(),
        "/../secreto.txt".to_string(),
        "/portal/../../secreto.txt".to_string(),
        "/portal/%2e%2e/%2e%2e/secreto.txt".to_string(),
        "/portal/%2E%2E%2F%2E%2E%2Fsecreto.txt".to_string(),
        "/portal/..%2f..%2fsecreto.txt".to_string(),
        "/portal/..%5c..%5csecreto.txt".to_string(),
        "/portal/..\\..\\secreto.txt".to_string(),
        "/portal/%c0%ae%c0%ae/secreto.txt".to_string(),
        format!("/portal/{secret_path}"),
        secret_path.clone(),
        format!("/{secret_path}"),
        format!(
            "/portal/%2f{}",
            secret_path.trim_start_matches('/').replace('/', "%2f")
        ),
        "/portal/aviso.txt%00.html".to_string(),
        "/portal.toml".to_string(),
        "/portal/portal.toml".to_string(),
        "/portal/participants/prueba/semaforos.toml".to_string(),
        format!("/portal/{site_path}/portal.toml"),
        "/portal/./index.html/..".to_string(),
    ];
    for request in &requests {
        let answer = preview.get(request);
        assert!(
            !answer.body.contains("SECRETA"),
            "{request} reached the secret"
        );
        assert!(
            !answer.body.contains("base_url"),
            "{request} reached the site's source"
        );
        assert_ne!(answer.status, 200, "{request}: {}", answer.body);
    }
    assert_eq!(preview.get("/portal/").status, 200, "still serving");
}

#[test]
fn a_flood_of_requests_and_dropped_connections_do_not_stop_it() {
    let site = small_site();
    let preview = Preview::start(site.path(), &["--quiet"]);
    let address = preview.address;
    std::thread::scope(|scope| {
        for worker in 0..24 {
            let preview = &preview;
            scope.spawn(move || {
                for round in 0..8 {
                    match (worker + round) % 4 {
                        // Connect and hang up without a word.
                        0 => drop(TcpStream::connect(address).unwrap()),
                        // Half a request, then gone.
                        1 => {
                            let mut s = TcpStream::connect(address).unwrap();
                            let _ = s.write_all(b"GET /portal/da");
                        }
                        // Ask for a page and leave before reading it.
                        2 => {
                            let mut s = TcpStream::connect(address).unwrap();
                            let _ = s.write_all(b"GET /portal/ HTTP/1.1\r\nHost: x\r\n\r\n");
                            let _ = s.shutdown(std::net::Shutdown::Both);
                        }
                        _ => assert_eq!(preview.get("/portal/datos/").status, 200),
                    }
                }
            });
        }
        // Tabs that open the event stream and close at once.
        for _ in 0..10 {
            scope.spawn(move || {
                let mut s = TcpStream::connect(address).unwrap();
                let _ = s.write_all(b"GET /__abierto/events HTTP/1.1\r\nHost: x\r\n\r\n");
            });
        }
    });
    let home = preview.get("/portal/");
    assert_eq!(home.status, 200);
    assert!(home.body.contains("Portal de prueba"));
    let (status, log) = preview.stop();
    assert!(status.success(), "{log}");
}

#[test]
fn a_taken_port_gives_way_to_a_free_one() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let site = small_site();
    // `--port 0` (any) is replaced by the taken port.
    let mut child = Command::new(env!("CARGO_BIN_EXE_abierto"))
        .args(["serve", "--quiet", "--port", &port.to_string()])
        .arg(site.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(line.contains("http://127.0.0.1:"), "{line}");
    assert!(!line.contains(&format!(":{port}/")), "{line}");
}

#[test]
fn built_portals_never_carry_the_reload_script() {
    let (report, out) = small_site().build();
    assert_eq!(report.errors(), 0);
    for entry in walkdir::WalkDir::new(out.path()) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let bytes = std::fs::read(entry.path()).unwrap();
            assert!(
                !String::from_utf8_lossy(&bytes).contains("__abierto"),
                "{}",
                entry.path().display()
            );
        }
    }
}

/// Every entry under `root` (folders too), with the bytes of each file.
fn tree(root: &std::path::Path) -> std::collections::BTreeMap<String, Option<Vec<u8>>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(|e| e.unwrap())
        .map(|e| {
            let bytes = e
                .file_type()
                .is_file()
                .then(|| std::fs::read(e.path()).unwrap());
            (
                e.path().strip_prefix(root).unwrap().display().to_string(),
                bytes,
            )
        })
        .collect()
}

#[test]
fn serve_writes_nothing_into_the_site_or_any_output_folder() {
    // The site in a folder of its own, so what appears beside it shows too.
    let holder = tempfile::tempdir().unwrap();
    let site = holder.path().join("sitio");
    let template = small_site();
    for (relative, bytes) in tree(template.path()) {
        match bytes {
            Some(bytes) => std::fs::write(site.join(relative), bytes).unwrap(),
            None => std::fs::create_dir_all(site.join(relative)).unwrap(),
        }
    }
    let cwd = tempfile::tempdir().unwrap();
    let preview = Preview::start_in(&site, &["--quiet"], Some(cwd.path()));
    let events = preview.listen();
    for path in [
        "/portal/",
        "/portal/datos/",
        "/portal/datos/prueba/semaforos/",
        "/portal/descargas/prueba/semaforos/semaforos.csv",
        "/portal/historias/prueba/nueva-ruta/",
    ] {
        assert_eq!(preview.get(path).status, 200, "{path}");
    }
    let (generation, _) = events.next_after(0, &preview.log);
    // A saved edit, rebuilt and served: a rebuild writes nothing either.
    let story = site.join("participants/prueba/historias/nueva-ruta.md");
    let text = std::fs::read_to_string(&story).unwrap();
    std::fs::write(
        &story,
        text.replace("La primera versión", "La segunda versión"),
    )
    .unwrap();
    events.next_after(generation, &preview.log);
    preview.wait_for("/portal/historias/prueba/nueva-ruta/", "the edit", |a| {
        a.body.contains("La segunda versión")
    });
    let (status, log) = preview.stop();
    assert!(status.success(), "{log}");

    let mut expected = tree(template.path());
    expected.insert(
        "participants/prueba/historias/nueva-ruta.md".into(),
        Some(std::fs::read(&story).unwrap()),
    );
    assert_eq!(tree(&site), expected, "serve changed the site");
    let beside: Vec<String> = tree(holder.path())
        .into_keys()
        .filter(|k| !k.is_empty() && k != "sitio" && !k.starts_with("sitio/"))
        .collect();
    assert_eq!(beside, Vec::<String>::new(), "serve wrote beside the site");
    assert_eq!(
        tree(cwd.path()).into_keys().collect::<Vec<_>>(),
        [""],
        "serve wrote into its working folder (an output folder?)"
    );
}

#[test]
fn no_drafts_leaves_draft_stories_out_as_build_does() {
    let site = small_site().file(
        "historias/borrador.md",
        "+++\ntitle = \"Borrador\"\ndate = 2016-01-01\ndraft = true\n+++\nTexto del borrador.\n",
    );
    let preview = Preview::start(site.path(), &["--quiet"]);
    let draft = preview.get("/portal/historias/borrador/");
    assert_eq!(draft.status, 200, "serve shows drafts by default");
    assert!(draft.body.contains("Texto del borrador"));
    drop(preview);

    let preview = Preview::start(site.path(), &["--quiet", "--no-drafts"]);
    assert_eq!(preview.get("/portal/historias/borrador/").status, 404);
    assert_eq!(
        preview.get("/portal/historias/prueba/nueva-ruta/").status,
        200
    );
    assert!(!preview.get("/portal/historias/").body.contains("Borrador"));
}

/// The address a process listens on at `port`, as the kernel lists it
/// (`/proc/<pid>/net/tcp`, hex: `0100007F` is 127.0.0.1, `00000000` any).
#[cfg(target_os = "linux")]
fn listening_address(pid: u32, port: u16) -> Option<String> {
    let table = std::fs::read_to_string(format!("/proc/{pid}/net/tcp")).unwrap();
    table.lines().skip(1).find_map(|line| {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let (address, hex_port) = fields.get(1)?.split_once(':')?;
        // 0A: listening.
        (fields.get(3) == Some(&"0A") && u16::from_str_radix(hex_port, 16).ok()? == port)
            .then(|| address.to_string())
    })
}

#[test]
#[cfg(target_os = "linux")]
fn serve_listens_on_this_machine_only_unless_told_otherwise() {
    let site = small_site();
    let preview = Preview::start(site.path(), &["--quiet"]);
    assert_eq!(
        listening_address(preview.child.id(), preview.address.port()).as_deref(),
        Some("0100007F"),
        "the default bind is 127.0.0.1"
    );
    drop(preview);
    let preview = Preview::start(site.path(), &["--quiet", "--bind", "0.0.0.0"]);
    assert_eq!(
        listening_address(preview.child.id(), preview.address.port()).as_deref(),
        Some("00000000"),
        "--bind 0.0.0.0 opens it to the network"
    );
    assert!(
        preview.url.starts_with("http://127.0.0.1:"),
        "{}",
        preview.url
    );
}

#[test]
fn the_utf8_copy_of_a_windows_1252_csv_is_served_like_the_file_itself() {
    // "id,calle\n1,Juárez\n2,Hidalgo\n" in Windows-1252: á is one byte, 0xE1.
    let site = small_site().file(
        "participants/prueba/datos/semaforos.csv",
        b"id,calle\n1,Ju\xe1rez\n2,Hidalgo\n",
    );
    let preview = Preview::start(site.path(), &["--quiet"]);
    let page = preview.get("/portal/datos/prueba/semaforos/");
    assert_eq!(page.status, 200);
    let copy = "/portal/descargas/prueba/semaforos/utf-8/semaforos.csv";
    assert!(page.body.contains(copy), "the page links the UTF-8 copy");
    let answer = preview.get(copy);
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.body, "id,calle\n1,Juárez\n2,Hidalgo\n");
    let original = preview.get("/portal/descargas/prueba/semaforos/semaforos.csv");
    assert_eq!(original.status, 200);
}

#[test]
fn pages_are_served_with_the_reload_script_and_every_other_file_as_built() {
    let page = "<!doctype html>\n<html lang=\"es\"><head><title>Hola</title></head><body><p>Hola</p></body></html>\n";
    let site = small_site().file("static/hola.html", page);
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0);
    let built = out.path().join("public");
    let preview = Preview::start(site.path(), &["--quiet"]);

    // A page the portal made (held in memory) and one copied from `static/` (read from disk).
    for (path, text) in [
        ("/portal/", "Semáforos"),
        ("/portal/hola.html", "<p>Hola</p>"),
    ] {
        let answer = preview.get(path);
        assert_eq!(answer.status, 200, "{path}");
        assert!(
            answer
                .header("content-type")
                .unwrap()
                .starts_with("text/html")
        );
        assert!(answer.body.contains(text), "{path}: {}", answer.body);
        assert!(
            answer.body.contains("__abierto/reload.js"),
            "{path}: no reload script"
        );
    }
    // Files that are not pages, made in memory or copied, arrive byte for byte.
    for file in [
        "sitemap.xml",
        "estilo-extra.css",
        "datos/prueba/semaforos/datapackage.json",
    ] {
        let answer = preview.get(&format!("/portal/{file}"));
        assert_eq!(answer.status, 200, "{file}");
        assert!(
            !answer
                .header("content-type")
                .unwrap()
                .starts_with("text/html"),
            "{file}"
        );
        let expected = std::fs::read_to_string(built.join(file)).unwrap();
        assert_eq!(answer.body, expected, "{file}");
    }
}

#[test]
fn an_idle_tab_is_told_of_the_build_once_and_not_flooded() {
    let site = small_site();
    let preview = Preview::start(site.path(), &["--quiet"]);
    let mut stream = TcpStream::connect(preview.address).unwrap();
    write!(
        stream,
        "GET /__abierto/events HTTP/1.1\r\nHost: {}\r\n\r\n",
        preview.address
    )
    .unwrap();
    // Two idle seconds: the stream holds the build's event and at most a
    // keep-alive ping (one every 15 s), not a loop of them.
    stream
        .set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    let started = Instant::now();
    let mut heard = Vec::new();
    let mut buffer = [0u8; 4096];
    while started.elapsed() < Duration::from_secs(2) && heard.len() < 100_000 {
        match stream.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => heard.extend_from_slice(&buffer[..n]),
            Err(_) => {}
        }
    }
    let text = String::from_utf8_lossy(&heard);
    assert!(text.starts_with("HTTP/1.1 200 OK"), "{text}");
    assert_eq!(text.matches("event: reload").count(), 1, "{text}");
    assert!(
        text.matches(": ping").count() <= 1,
        "{} pings",
        text.matches(": ping").count()
    );
}
