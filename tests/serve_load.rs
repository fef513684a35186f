//! The dev server under load (ignored by default: it runs for about half a
//! minute). `abierto serve` previews a copy of the example site while, all at
//! once: clients fetch every page over keep-alive connections and over one
//! connection per request, slow clients send a request head one header line
//! a second and never finish it, clients drop downloads halfway, a flood opens
//! more connections than the server takes, and a story is edited again and
//! again so the portal is rebuilt under the readers' feet.
//!
//! It must keep answering, never send a half-written page (every HTML
//! response is a whole page: its length is the one announced, it starts
//! with the doctype and ends with `</html>`), answer 200 for every page of
//! the portal (404 only for the one address that does not exist, 503 only
//! while the flood holds every connection), serve each edit once rebuilt,
//! cut slow clients off, and keep its memory and threads flat. During the
//! flood only a refused connection is forgiven, never a wrong answer. It
//! prints the figures recorded in FUZZING.md.
//!
//! cargo test --test serve_load -- --ignored --nocapture
//! (ABIERTO_LOAD_SECONDS sets how long the readers read; 20 by default.)

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const KEEP_ALIVE_CLIENTS: usize = 16;
const ONE_SHOT_CLIENTS: usize = 16;
const SLOW_CLIENTS: usize = 100;
const DROPPING_CLIENTS: usize = 8;
const FLOOD: usize = 400;

struct Server {
    child: Child,
    address: SocketAddr,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(site: &Path, cache: &Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_abierto"))
        .args(["serve", "--port", "0", "--quiet"])
        .arg(site)
        .env("ABIERTO_CACHE_DIR", cache)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("abierto serve starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    // "Serving SITE at http://127.0.0.1:PORT/BASE/"
    let url = line.trim().rsplit(' ').next().unwrap().to_string();
    let rest = url.strip_prefix("http://").expect("an http address");
    let (host, base) = rest.split_at(rest.find('/').unwrap());
    Server {
        child,
        address: host.parse().unwrap(),
        base: base.to_string(),
    }
}

/// `VmRSS` and `Threads` of a process, from /proc.
fn rss_and_threads(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("Threads:"))
}

struct Reply {
    status: u16,
    content_type: String,
    body: Vec<u8>,
    keep_alive: bool,
}

/// What went wrong with a request.
#[derive(Debug)]
enum Failure {
    /// No answer at all: the connection was refused, reset or closed before
    /// a status line (what a refused client of the flood may see).
    Unanswered(String),
    /// An answer, but a wrong or damaged one: never forgiven.
    Wrong(String),
}

/// Reads one response; `Err` names what was wrong with it.
fn read_reply(reader: &mut BufReader<TcpStream>) -> Result<Reply, Failure> {
    let mut line = String::new();
    reader
        .read_line(&mut line)
        .map_err(|e| Failure::Unanswered(e.to_string()))?;
    if line.is_empty() {
        return Err(Failure::Unanswered("closed without an answer".into()));
    }
    let status: u16 = line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| Failure::Wrong(format!("status line {line:?}")))?;
    // A refused client's 503 may be cut by the reset that closes it.
    read_rest(reader, status).map_err(|e| match status {
        503 => Failure::Unanswered(format!("a 503 cut short: {e}")),
        _ => Failure::Wrong(e),
    })
}

/// The headers and body of a response whose status line was read.
fn read_rest(reader: &mut BufReader<TcpStream>, status: u16) -> Result<Reply, String> {
    let mut line = String::new();
    let mut length = None;
    let mut content_type = String::new();
    let mut keep_alive = true;
    loop {
        line.clear();
        reader.read_line(&mut line).map_err(|e| e.to_string())?;
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        let (name, value) = header.split_once(':').ok_or("a header without colon")?;
        let value = value.trim();
        match name.to_ascii_lowercase().as_str() {
            "content-length" => length = value.parse::<usize>().ok(),
            "content-type" => content_type = value.to_string(),
            "connection" => keep_alive = !value.eq_ignore_ascii_case("close"),
            _ => {}
        }
    }
    let length = length.ok_or("no Content-Length")?;
    let mut body = vec![0; length];
    reader
        .read_exact(&mut body)
        .map_err(|e| format!("body shorter than {length} bytes: {e}"))?;
    Ok(Reply {
        status,
        content_type,
        body,
        keep_alive,
    })
}

/// The one address of the list that names no page.
const MISSING: &str = "no-existe/";

/// A whole page with the status it should have, or why not.
fn check_reply(path: &str, reply: &Reply, tally: &Tally) -> Result<(), Failure> {
    let expected = if path.ends_with(MISSING) { 404 } else { 200 };
    // 503: refused while the flood holds every connection, a fair answer then only.
    let refused = reply.status == 503 && tally.flooding.load(Ordering::Relaxed);
    if reply.status != expected && !refused {
        return Err(Failure::Wrong(format!(
            "{path}: status {} where {expected} was due",
            reply.status
        )));
    }
    if reply.content_type.starts_with("text/html") {
        let page = String::from_utf8_lossy(&reply.body);
        let trimmed = page.trim();
        let whole = trimmed.to_ascii_lowercase().starts_with("<!doctype html>")
            && trimmed.ends_with("</html>")
            && page.matches("</html>").count() == 1;
        if !whole {
            return Err(Failure::Wrong(format!(
                "{path}: a half-written page ({} bytes)",
                reply.body.len()
            )));
        }
    }
    Ok(())
}

fn get(address: SocketAddr, path: &str) -> Result<Reply, Failure> {
    let mut stream = TcpStream::connect(address).map_err(|e| Failure::Unanswered(e.to_string()))?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| Failure::Unanswered(e.to_string()))?;
    read_reply(&mut BufReader::new(stream))
}

#[derive(Default)]
struct Tally {
    requests: AtomicUsize,
    errors: AtomicUsize,
    refused: AtomicUsize,
    slow_cut_off: AtomicUsize,
    dropped: AtomicUsize,
    edits: AtomicUsize,
    /// Edits whose text the story's page was then seen to show.
    edits_served: AtomicUsize,
    /// While the flood holds every connection, a client may be refused
    /// before its request is read: its 503 can be lost to a reset.
    flooding: AtomicBool,
    refused_in_flood: AtomicUsize,
    first_errors: Mutex<Vec<String>>,
}

impl Tally {
    fn record(&self, result: Result<(), Failure>) {
        self.requests.fetch_add(1, Ordering::Relaxed);
        let error = match result {
            Ok(()) => return,
            Err(Failure::Unanswered(_)) if self.flooding.load(Ordering::Relaxed) => {
                self.refused_in_flood.fetch_add(1, Ordering::Relaxed);
                return;
            }
            Err(Failure::Unanswered(error) | Failure::Wrong(error)) => error,
        };
        self.errors.fetch_add(1, Ordering::Relaxed);
        let mut first = self.first_errors.lock().unwrap();
        if first.len() < 10 {
            first.push(error);
        }
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
#[ignore = "a load test of half a minute: cargo test --test serve_load -- --ignored --nocapture"]
fn the_dev_server_keeps_answering_whole_pages_under_load() {
    let seconds: u64 = std::env::var("ABIERTO_LOAD_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let temp = tempfile::tempdir().unwrap();
    let site = temp.path().join("site");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("example-site"),
        &site,
    );
    let server = start(&site, &temp.path().join("cache"));
    let address = server.address;
    let pid = server.child.id();

    // Every page of the sitemap, and the downloads they link to.
    let sitemap = get(address, &format!("{}sitemap.xml", server.base)).expect("the sitemap");
    let sitemap = String::from_utf8(sitemap.body).unwrap();
    let mut paths: Vec<String> = sitemap
        .split("<loc>")
        .skip(1)
        .filter_map(|s| s.split("</loc>").next())
        .map(|url| {
            let after_scheme = url.split_once("://").map_or(url, |(_, r)| r);
            after_scheme[after_scheme.find('/').unwrap_or(0)..].to_string()
        })
        .collect();
    let mut downloads = Vec::new();
    let mut made_copies = 0;
    for path in &paths {
        let page = get(address, path).expect("a page of the sitemap");
        let page = String::from_utf8_lossy(&page.body);
        for part in page.split("href=\"").skip(1) {
            let link = part.split('"').next().unwrap_or_default();
            if link.starts_with(&format!("{}descargas/", server.base))
                && !downloads.contains(&link.to_string())
            {
                // Made copies (descargas/P/D/geojson|utf-8|csv/FILE) too.
                if link.split('/').filter(|s| !s.is_empty()).count()
                    > server.base.split('/').filter(|s| !s.is_empty()).count() + 4
                {
                    made_copies += 1;
                }
                downloads.push(link.to_string());
            }
        }
    }
    println!("  {made_copies} made copies among the downloads");
    assert!(made_copies > 0, "the example site has made copies to serve");
    paths.extend(downloads.iter().cloned());
    paths.push(format!("{}{MISSING}", server.base));
    assert!(paths.len() > 50, "{paths:?}");
    let (rss_before, threads_before) = rss_and_threads(pid);

    let tally = Arc::new(Tally::default());
    let stop = Arc::new(AtomicBool::new(false));
    let paths = Arc::new(paths);
    let started = Instant::now();
    let mut threads = Vec::new();

    for i in 0..KEEP_ALIVE_CLIENTS {
        let (tally, stop, paths) = (tally.clone(), stop.clone(), paths.clone());
        threads.push(std::thread::spawn(move || {
            let mut n = i;
            while !stop.load(Ordering::Relaxed) {
                let Ok(stream) = TcpStream::connect(address) else {
                    tally.record(Err(Failure::Unanswered("cannot connect".into())));
                    continue;
                };
                stream
                    .set_read_timeout(Some(Duration::from_secs(30)))
                    .unwrap();
                let mut writer = stream.try_clone().unwrap();
                let mut reader = BufReader::new(stream);
                while !stop.load(Ordering::Relaxed) {
                    let path = &paths[n % paths.len()];
                    n += 1;
                    if write!(writer, "GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").is_err() {
                        tally.record(Err(Failure::Unanswered(format!(
                            "{path}: the connection closed"
                        ))));
                        break;
                    }
                    let reply = read_reply(&mut reader);
                    let keep = reply.as_ref().is_ok_and(|r| r.keep_alive);
                    tally.record(reply.and_then(|r| check_reply(path, &r, &tally)));
                    if !keep {
                        break;
                    }
                }
            }
        }));
    }
    for i in 0..ONE_SHOT_CLIENTS {
        let (tally, stop, paths) = (tally.clone(), stop.clone(), paths.clone());
        threads.push(std::thread::spawn(move || {
            let mut n = i * 7;
            while !stop.load(Ordering::Relaxed) {
                let path = &paths[n % paths.len()];
                n += 1;
                tally.record(get(address, path).and_then(|r| check_reply(path, &r, &tally)));
            }
        }));
    }
    for _ in 0..DROPPING_CLIENTS {
        let (tally, stop, paths) = (tally.clone(), stop.clone(), paths.clone());
        threads.push(std::thread::spawn(move || {
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                let path = &paths[n % paths.len()];
                n += 3;
                if let Ok(mut stream) = TcpStream::connect(address) {
                    let _ = write!(stream, "GET {path} HTTP/1.1\r\nHost: x\r\n\r\n");
                    let mut some = [0u8; 100];
                    let _ = stream.read(&mut some);
                    tally.dropped.fetch_add(1, Ordering::Relaxed);
                }
            }
        }));
    }
    // Slow clients: a request head that never ends, a header every second.
    let slow: Vec<_> = (0..SLOW_CLIENTS)
        .map(|_| {
            let tally = tally.clone();
            std::thread::spawn(move || {
                let Ok(mut stream) = TcpStream::connect(address) else {
                    return;
                };
                let opened = Instant::now();
                let _ = stream.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n");
                stream
                    .set_read_timeout(Some(Duration::from_millis(1000)))
                    .unwrap();
                let mut buffer = [0u8; 512];
                while opened.elapsed() < Duration::from_secs(60) {
                    if stream.write_all(b"X-Slow: y\r\n").is_err() {
                        break;
                    }
                    match stream.read(&mut buffer) {
                        Ok(_) => break, // answered (408) or closed
                        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                        Err(_) => break,
                    }
                }
                if opened.elapsed() < Duration::from_secs(60) {
                    tally.slow_cut_off.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    // Edits: the story changes again and again, so the portal is rebuilt
    // under the readers' feet; each edit must then be served.
    {
        let (tally, stop) = (tally.clone(), stop.clone());
        let story = site.join("historias/como-nacio-la-red.md");
        let page = format!("{}historias/como-nacio-la-red/", server.base);
        threads.push(std::thread::spawn(move || {
            let original = std::fs::read_to_string(&story).unwrap();
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let mark = format!("Actualización número {n}.");
                std::fs::write(&story, format!("{original}\n\n{mark}\n")).unwrap();
                tally.edits.fetch_add(1, Ordering::Relaxed);
                let saved = Instant::now();
                loop {
                    std::thread::sleep(Duration::from_millis(100));
                    let shown = get(address, &page)
                        .is_ok_and(|r| String::from_utf8_lossy(&r.body).contains(&mark));
                    if shown {
                        tally.edits_served.fetch_add(1, Ordering::Relaxed);
                        break;
                    }
                    if saved.elapsed() > Duration::from_secs(30) {
                        tally.record(Err(Failure::Wrong(format!(
                            "edit {n} of the story was never served"
                        ))));
                        break;
                    }
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                }
                std::thread::sleep(Duration::from_millis(200));
            }
        }));
    }
    // A flood: more connections at once than the server takes.
    std::thread::sleep(Duration::from_secs(2));
    tally.flooding.store(true, Ordering::Relaxed);
    let flood: Vec<TcpStream> = (0..FLOOD)
        .filter_map(|_| TcpStream::connect(address).ok())
        .collect();
    std::thread::sleep(Duration::from_secs(1));
    let (_, threads_flooded) = rss_and_threads(pid);
    for mut stream in flood {
        stream
            .set_read_timeout(Some(Duration::from_millis(50)))
            .unwrap();
        let mut buffer = [0u8; 64];
        if let Ok(n) = stream.read(&mut buffer)
            && buffer[..n].starts_with(b"HTTP/1.1 503")
        {
            tally.refused.fetch_add(1, Ordering::Relaxed);
        }
    }
    // The server frees the flood's connections as it sees them closed.
    std::thread::sleep(Duration::from_millis(1500));
    tally.flooding.store(false, Ordering::Relaxed);

    std::thread::sleep(Duration::from_secs(seconds).saturating_sub(started.elapsed()));
    stop.store(true, Ordering::Relaxed);
    for thread in threads {
        thread.join().unwrap();
    }
    for thread in slow {
        thread.join().unwrap();
    }
    // Idle connections time out; then the server is as it was.
    std::thread::sleep(Duration::from_secs(12));
    let (rss_after, threads_after) = rss_and_threads(pid);
    let after = get(address, &server.base);
    let elapsed = started.elapsed().as_secs_f64();

    let requests = tally.requests.load(Ordering::Relaxed);
    let errors = tally.errors.load(Ordering::Relaxed);
    println!("serve under load, {elapsed:.0} s:");
    println!(
        "  {requests} requests ({:.0}/s) over {KEEP_ALIVE_CLIENTS} keep-alive and {ONE_SHOT_CLIENTS} one-shot clients, {} errors",
        requests as f64 / elapsed,
        errors
    );
    println!(
        "  {} downloads dropped after 100 bytes, {} story edits, {} of them seen served (rebuilds)",
        tally.dropped.load(Ordering::Relaxed),
        tally.edits.load(Ordering::Relaxed),
        tally.edits_served.load(Ordering::Relaxed)
    );
    println!(
        "  {}/{SLOW_CLIENTS} slow clients cut off; flood of {FLOOD}: {} refused with 503, {} readers' requests refused meanwhile",
        tally.slow_cut_off.load(Ordering::Relaxed),
        tally.refused.load(Ordering::Relaxed),
        tally.refused_in_flood.load(Ordering::Relaxed)
    );
    println!(
        "  RSS {rss_before} kB before, {rss_after} kB after; threads {threads_before} before, {threads_flooded} during the flood, {threads_after} after"
    );
    let first_errors = tally.first_errors.lock().unwrap();
    assert_eq!(errors, 0, "first errors: {first_errors:#?}");
    assert!(after.is_ok_and(|r| r.status == 200), "still answering");
    let edits = tally.edits.load(Ordering::Relaxed);
    let served = tally.edits_served.load(Ordering::Relaxed);
    assert!(served >= 3, "only {served} of {edits} edits were served");
    // The last edit may have been cut short by the end of the run.
    assert!(served + 1 >= edits, "{served} of {edits} edits were served");
    assert_eq!(
        tally.slow_cut_off.load(Ordering::Relaxed),
        SLOW_CLIENTS,
        "every slow client is cut off"
    );
    assert!(
        tally.refused.load(Ordering::Relaxed) > 0,
        "the flood is refused in part"
    );
    assert!(
        threads_flooded < 300,
        "threads stay bounded: {threads_flooded}"
    );
    assert!(
        rss_after < rss_before * 2 + 20_000,
        "memory stays flat: {rss_before} kB → {rss_after} kB"
    );
}
