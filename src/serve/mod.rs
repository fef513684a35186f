//! Serve: the preview of a portal while it is being written. Builds the site
//! (drafts included) into memory, serves it on 127.0.0.1 under the base URL's
//! path as GitHub Pages will, watches the site and rebuilds on every save
//! (reusing what did not change), and tells open tabs to reload. When the
//! site has errors the last good pages stay served with the errors over them.
//!
//! `http.rs` answers requests, `watch.rs` turns file events into rebuilds,
//! `reload.js` is the script injected into served pages (never into `build`).

mod conn;
mod http;
mod watch;

/// How a request's path names a file of the portal (public so that the
/// fuzz target in `fuzz/` can drive it).
pub use http::{Target, resolve};

use crate::build::{BuildOptions, Portals, Run, Session};
use crate::diagnostics::Diagnostic;
use crate::load::Change;
use crate::messages::Message;
use crate::model::Language;
use crate::msg;
use crate::output::Content;
use crate::progress::Progress;
use crate::render::RenderOptions;
use crate::sync::Unpoisoned;
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::thread::JoinHandle;
use std::time::Duration;

/// How to serve a site.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub site: PathBuf,
    /// The port to try first; 0 for any free port.
    pub port: u16,
    /// The address to listen on: 127.0.0.1 unless opened to the network on purpose.
    pub bind: IpAddr,
    /// Replaces `base_url` from portal.toml.
    pub base_url: Option<String>,
    /// Serve this participant's own portal (`--participant ID`) rather than the network's.
    pub participant: Option<String>,
    /// Render `draft = true` stories (on unless asked to preview as published).
    pub include_drafts: bool,
    /// Print what changed and how long rebuilds take.
    pub verbose: bool,
    /// The language of messages when asked for (`--lang`); else the site's.
    pub language: Option<Language>,
}

/// Open event streams (one per open tab) at most.
const MAX_STREAMS: usize = 64;

/// A file of the served portal.
enum Served {
    Bytes(Arc<Vec<u8>>),
    /// A data or static file of the site, streamed from disk.
    Disk(PathBuf),
}

/// The last portal that built without errors.
struct Portal {
    /// By output file (`datos/index.html`).
    files: HashMap<String, Served>,
    /// `/` or `/repo/`.
    base_path: String,
}

/// What open tabs are told: a rebuild happened, and whether it failed.
#[derive(Clone, Default)]
struct Status {
    generation: u64,
    /// The last rebuild changed only stylesheets.
    css_only: bool,
    /// Errors of the last rebuild (shown over the last good pages).
    errors: Vec<Diagnostic>,
    /// The language they are shown in.
    language: Language,
}

/// What the server's threads share.
struct Shared {
    site_root: PathBuf,
    /// `--lang`, when given.
    asked_language: Option<Language>,
    /// Where the analysis keeps the files it makes (UTF-8 copies, sheets as
    /// CSV, KML as GeoJSON): downloads may be served from there too.
    made_files: PathBuf,
    portal: RwLock<Option<Arc<Portal>>>,
    status: Mutex<Status>,
    rebuilt: Condvar,
    stopping: AtomicBool,
    streams: AtomicUsize,
    /// Open connections (see `conn.rs`).
    connections: AtomicUsize,
}

impl Shared {
    fn status(&self) -> Status {
        self.status.lock().unpoisoned().clone()
    }

    fn portal(&self) -> Option<Arc<Portal>> {
        self.portal.read().unpoisoned().clone()
    }

    /// The language of messages now: asked for, or the site's (which an edit may change).
    fn language(&self) -> Language {
        self.asked_language.unwrap_or_else(|| {
            crate::load::site_language(&self.site_root)
                .unwrap_or_else(crate::messages::language_from_env)
        })
    }

    fn stopping(&self) -> bool {
        self.stopping.load(Ordering::SeqCst)
    }

    /// Publishes a rebuild: new pages if it succeeded, and a new generation
    /// for the open tabs either way; its errors are shown in `language`.
    fn publish(&self, run: Run, css_only: bool, language: Language) {
        let errors: Vec<Diagnostic> = run
            .diagnostics
            .into_iter()
            .filter(|d| d.is_error())
            .collect();
        let failed = !errors.is_empty() || run.site_root.is_none();
        if !failed {
            let files = run
                .files
                .into_iter()
                .map(|f| {
                    let served = match f.content {
                        Content::Bytes(bytes) => Served::Bytes(bytes),
                        Content::CopyOf(path) => Served::Disk(path),
                    };
                    (f.route.output_file(), served)
                })
                .collect();
            let portal = Portal {
                files,
                base_path: run.base_path,
            };
            *self.portal.write().unpoisoned() = Some(Arc::new(portal));
        }
        let mut status = self.status.lock().unpoisoned();
        status.language = language;
        status.css_only = css_only && !failed && status.errors.is_empty();
        status.generation += 1;
        status.errors = errors;
        drop(status);
        self.rebuilt.notify_all();
    }
}

/// A running preview server.
pub struct Server {
    shared: Arc<Shared>,
    address: SocketAddr,
    threads: Vec<JoinHandle<()>>,
}

impl Server {
    /// Builds the site, starts serving it and watching it. Fails only when
    /// the site folder does not exist or no port can be opened.
    pub fn start(options: &ServeOptions) -> Result<Server, Message> {
        let site_root = std::fs::canonicalize(&options.site)
            .ok()
            .filter(|p| p.is_dir())
            .ok_or_else(|| {
                msg!(
                    "serve-no-folder",
                    folder = options.site.display().to_string()
                )
            })?;
        let preview = BuildOptions::preview(site_root.clone());
        let mut session = Session::new(BuildOptions {
            base_url: options.base_url.clone(),
            render: RenderOptions {
                include_drafts: options.include_drafts,
                ..preview.render
            },
            // The first build may be long: it shows its progress; rebuilds are quick.
            progress: Progress::for_terminal(!options.verbose, language(options)),
            portals: options
                .participant
                .clone()
                .map_or(Portals::Network, Portals::Participant),
            ..preview
        });
        let (listener, address) = listen(options.bind, options.port, language(options))?;
        let shared = Arc::new(Shared {
            site_root: site_root.clone(),
            asked_language: options.language,
            made_files: crate::analyse::cache::location(&site_root, None).join("files"),
            portal: RwLock::new(None),
            status: Mutex::new(Status::default()),
            rebuilt: Condvar::new(),
            stopping: AtomicBool::new(false),
            streams: AtomicUsize::new(0),
            connections: AtomicUsize::new(0),
        });
        let first = rebuild(&mut session, &[]);
        session.set_progress(Progress::hidden());
        let language = shared.language();
        report(&first, &[], options.verbose, language);
        shared.publish(first, false, language);

        let mut threads = Vec::new();
        let for_accept = shared.clone();
        threads.push(std::thread::spawn(move || {
            conn::accept(listener, for_accept, http::answer)
        }));
        threads.push(watch::start(session, shared.clone(), options.verbose)?);
        Ok(Server {
            shared,
            address,
            threads,
        })
    }

    /// The address of the portal's home, e.g. `http://127.0.0.1:8000/red/`.
    pub fn url(&self) -> String {
        let host = match self.address.ip() {
            ip if ip.is_unspecified() => "127.0.0.1".to_string(),
            IpAddr::V6(ip) => format!("[{ip}]"),
            ip => ip.to_string(),
        };
        let base = self
            .shared
            .portal()
            .map_or("/".to_string(), |p| p.base_path.clone());
        format!("http://{host}:{}{base}", self.address.port())
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// A handle that stops the server from another thread (Ctrl-C).
    pub fn stopper(&self) -> impl Fn() + Send + Sync + 'static {
        let shared = self.shared.clone();
        move || {
            shared.stopping.store(true, Ordering::SeqCst);
            shared.rebuilt.notify_all();
        }
    }

    /// Waits until the server is stopped, then lets its threads finish.
    pub fn wait(self) {
        for thread in self.threads {
            let _ = thread.join();
        }
    }

    /// Stops the server and waits for its threads.
    pub fn stop(self) {
        (self.stopper())();
        self.wait();
    }
}

/// Opens the port asked for, or the next free one, or any free one. The
/// listener does not block: the accept loop looks now and then whether the
/// server is stopping.
fn listen(
    bind: IpAddr,
    port: u16,
    language: Language,
) -> Result<(TcpListener, SocketAddr), Message> {
    let mut tries: Vec<u16> = Vec::new();
    if port != 0 {
        tries.extend((0..10).filter_map(|i| port.checked_add(i)));
    }
    tries.push(0);
    let mut last_error = String::new();
    for candidate in tries {
        match TcpListener::bind(SocketAddr::new(bind, candidate)) {
            Ok(listener) => {
                let address = listener
                    .local_addr()
                    .map_err(|e| msg!("serve-no-address", error = e.to_string()))?;
                listener.set_nonblocking(true).map_err(|e| {
                    msg!(
                        "serve-cannot-listen",
                        address = address.to_string(),
                        error = e.to_string()
                    )
                })?;
                if port != 0 && address.port() != port {
                    let line = msg!(
                        "serve-port-taken",
                        port = port.to_string(),
                        other = address.port().to_string()
                    );
                    eprintln!("{}", line.text(language));
                }
                return Ok((listener, address));
            }
            Err(error) => last_error = error.to_string(),
        }
    }
    Err(msg!(
        "serve-cannot-listen",
        address = bind.to_string(),
        error = last_error
    ))
}

/// Runs the pipeline; two files at one address are an error here as in
/// `build` (the preview could show only one of them).
fn rebuild(session: &mut Session, changes: &[Change]) -> Run {
    let mut run = session.run(changes);
    run.diagnostics
        .extend(crate::output::writer::check_collisions(&run.files));
    run
}

/// Prints the problems of a run and, unless quiet, what changed, how the
/// rebuild went and how long it took.
fn report(run: &Run, changes: &[Change], verbose: bool, language: Language) {
    if verbose {
        for change in changes {
            let line = msg!(
                "serve-changed",
                name = &change.name,
                kind = change.kind.key()
            );
            eprintln!("{}", line.text(language));
        }
    }
    for diagnostic in &run.diagnostics {
        eprintln!("{}", diagnostic.line_text(language));
    }
    if !verbose {
        return;
    }
    let line = msg!(
        "serve-rebuilt",
        first = if changes.is_empty() { "yes" } else { "no" },
        ms = crate::messages::Arg::decimal(run.elapsed.as_secs_f64() * 1000.0, 1),
        rendered = run.pages_rendered,
        pages = run.pages,
        read = run.data_files_read,
        problems = crate::check::report::summary_line(&run.diagnostics, language)
    );
    eprintln!("{}", line.text(language));
    if run.errors() > 0 || run.site_root.is_none() {
        eprintln!("{}", msg!("serve-errors-shown").text(language));
    }
}

/// The language of messages before the server runs: asked for, else the
/// site's, else the environment's.
fn language(options: &ServeOptions) -> Language {
    options.language.unwrap_or_else(|| {
        crate::load::site_language(&options.site).unwrap_or_else(crate::messages::language_from_env)
    })
}

/// Serves until Ctrl-C: the `abierto serve` command. Its error is in the
/// language of the run, ready to print.
pub fn run(options: &ServeOptions) -> Result<(), String> {
    let language = language(options);
    serve_until_stopped(options, language).map_err(|message| message.text(language))
}

fn serve_until_stopped(options: &ServeOptions, language: Language) -> Result<(), Message> {
    let server = Server::start(options)?;
    let stop = server.stopper();
    ctrlc::set_handler(stop)
        .map_err(|e| msg!("serve-cannot-handle-ctrl-c", error = e.to_string()))?;
    let serving = msg!(
        "serve-serving",
        site = options.site.display().to_string(),
        url = server.url()
    );
    println!("{}", serving.text(language));
    if !server.address().ip().is_loopback() {
        let line = msg!(
            "serve-open-to-network",
            address = server.address().to_string()
        );
        eprintln!("{}", line.text(language));
    }
    eprintln!("{}", msg!("serve-watching").text(language));
    use std::io::Write;
    let _ = std::io::stdout().flush();
    server.wait();
    eprintln!("{}", msg!("serve-stopped").text(language));
    Ok(())
}

/// How long threads wait before looking whether the server is stopping.
const POLL: Duration = Duration::from_millis(200);
