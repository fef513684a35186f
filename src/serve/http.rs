//! Answers requests: the portal's files under its base path, the reload
//! script and its event stream. A request names a file of the built portal
//! (looked up by name, never joined onto a folder), so no path can reach a
//! file outside it; files streamed from the site are checked to still be
//! inside the site when they are opened.

use super::conn::{Answer, Body, Request, Response};
use super::{MAX_STREAMS, POLL, Portal, Served, Shared, Status};
use crate::diagnostics::Diagnostic;
use crate::messages::Message;
use crate::model::Language;
use crate::msg;
use crate::render::escape;
use crate::sync::Unpoisoned;
use std::io::{Read, Write};
use std::sync::Arc;
use std::sync::atomic::Ordering;

const RELOAD_JS: &str = include_str!("reload.js");
/// Addresses of the server itself, outside any portal's base path.
const OWN_PREFIX: &str = "/__abierto/";
/// Pings keep event streams alive and find closed tabs.
const PING_EVERY: std::time::Duration = std::time::Duration::from_secs(15);

/// What a request gets. A bug answering one request must not take its
/// connection's thread down with the server's state locked: it is a 500.
pub(super) fn answer(request: &Request, shared: &Arc<Shared>) -> Answer {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        answer_unguarded(request, shared)
    }))
    .unwrap_or_else(|_| {
        let language = shared.status().language;
        Answer::Respond(said(500, msg!("serve-http-failed"), language))
    })
}

fn answer_unguarded(request: &Request, shared: &Arc<Shared>) -> Answer {
    if !matches!(request.method.as_str(), "GET" | "HEAD") {
        let language = shared.status().language;
        let mut response = said(405, msg!("serve-http-method"), language);
        response.headers.push(("Allow", "GET, HEAD".to_string()));
        return Answer::Respond(response);
    }
    let path = request.url.split(['?', '#']).next().unwrap_or_default();
    match path.strip_prefix(OWN_PREFIX) {
        Some("reload.js") => Answer::Respond(bytes(
            200,
            RELOAD_JS.as_bytes().to_vec(),
            "text/javascript; charset=utf-8",
        )),
        Some("events") => events(shared),
        _ => Answer::Respond(portal_response(path, shared)),
    }
}

/// What a request path names in the portal.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// An output file, e.g. `datos/index.html`.
    File(String),
    Redirect(String),
    NotFound,
    BadRequest,
}

/// Finds what `path` (the request's path, still percent-encoded) names in
/// a portal under `base_path` (`/` or `/repo/`) whose output files are those
/// for which `exists` is true. Anything that could climb out of the portal
/// is a bad request: `.` and `..` segments (also encoded), encoded `/` or
/// `\`, backslashes, NUL, empty segments, and anything that is not a path
/// from the root.
pub fn resolve(path: &str, base_path: &str, exists: impl Fn(&str) -> bool) -> Target {
    let Some(segments) = segments(path) else {
        return Target::BadRequest;
    };
    let base: Vec<&str> = base_path.split('/').filter(|s| !s.is_empty()).collect();
    let trailing_slash = path.ends_with('/');
    if segments.len() < base.len() || segments[..base.len()] != base[..] {
        // `/` of a portal under `/repo/` leads to it, as a visitor would expect.
        return if segments.is_empty() {
            Target::Redirect(base_path.to_string())
        } else {
            Target::NotFound
        };
    }
    let rest = &segments[base.len()..];
    if rest.is_empty() && !trailing_slash {
        return Target::Redirect(base_path.to_string());
    }
    let name = rest.join("/");
    if rest.is_empty() || trailing_slash {
        let index = if name.is_empty() {
            "index.html".to_string()
        } else {
            format!("{name}/index.html")
        };
        return if exists(&index) {
            Target::File(index)
        } else {
            Target::NotFound
        };
    }
    if exists(&name) {
        Target::File(name)
    } else if exists(&format!("{name}/index.html")) {
        // GitHub Pages sends `/datos` on to `/datos/`.
        Target::Redirect(format!("{base_path}{name}/"))
    } else {
        Target::NotFound
    }
}

/// The decoded segments of a request path, or `None` when it is not a plain
/// path inside the portal.
fn segments(path: &str) -> Option<Vec<String>> {
    let rest = path.strip_prefix('/')?;
    let mut segments = Vec::new();
    let mut parts: Vec<&str> = rest.split('/').collect();
    if parts.last() == Some(&"") {
        parts.pop();
    }
    for raw in parts {
        let segment = crate::percent::decode_exact(raw)?;
        if segment.is_empty()
            || segment == "."
            || segment == ".."
            || segment.contains(['/', '\\', '\0', ':'])
        {
            return None;
        }
        segments.push(segment);
    }
    Some(segments)
}

fn portal_response(path: &str, shared: &Shared) -> Response {
    let status = shared.status();
    let Some(portal) = shared.portal() else {
        // Nothing ever built: the errors take the place of every page.
        return html(500, error_page(&status));
    };
    match resolve(path, &portal.base_path, |name| {
        portal.files.contains_key(name)
    }) {
        Target::File(name) => file_response(200, &name, &portal, shared, &status),
        Target::Redirect(location) => {
            let mut response = text(302, "");
            response.headers.push(("Location", location));
            response
        }
        Target::BadRequest => said(400, msg!("serve-http-bad-address"), status.language),
        Target::NotFound => file_response(404, "404.html", &portal, shared, &status),
    }
}

fn file_response(
    code: u16,
    name: &str,
    portal: &Portal,
    shared: &Shared,
    status: &Status,
) -> Response {
    let kind = content_type(name);
    let is_html = kind.starts_with("text/html");
    match portal.files.get(name) {
        Some(Served::Bytes(content)) if is_html => html(code, with_preview(content, status)),
        Some(Served::Bytes(content)) => bytes(code, content.to_vec(), &kind),
        Some(Served::Disk(path)) => {
            // The site may have changed since it was built: open only a
            // regular file that is still inside the site, or one the
            // analysis made from it in its cache.
            let made = std::fs::canonicalize(&shared.made_files).ok();
            let allowed = |real: &std::path::PathBuf| {
                real.starts_with(&shared.site_root)
                    || made.as_ref().is_some_and(|made| real.starts_with(made))
            };
            let file = std::fs::canonicalize(path)
                .ok()
                .filter(|real| allowed(real) && real.is_file())
                .and_then(|real| std::fs::File::open(real).ok());
            match file {
                Some(mut file) if is_html => {
                    let mut content = Vec::new();
                    if file.read_to_end(&mut content).is_err() {
                        return said(500, msg!("serve-http-unreadable"), status.language);
                    }
                    html(code, with_preview(&content, status))
                }
                Some(file) => match file.metadata() {
                    Ok(metadata) => Response {
                        status: code,
                        headers: common_headers(&kind),
                        body: Body::File(file, metadata.len()),
                    },
                    Err(_) => said(500, msg!("serve-http-unreadable"), status.language),
                },
                None => said(404, msg!("serve-http-gone"), status.language),
            }
        }
        None => said(404, msg!("serve-http-not-found"), status.language),
    }
}

/// A page as served: the reload script, and the errors over it when the last
/// rebuild failed.
fn with_preview(page: &[u8], status: &Status) -> Vec<u8> {
    let mut insert = String::new();
    if !status.errors.is_empty() {
        insert.push_str(&overlay(&status.errors, status.language));
    }
    insert.push_str(&reload_tag(status.generation));
    let text = String::from_utf8_lossy(page);
    let at = text.rfind("</body>").unwrap_or(text.len());
    let mut out = String::with_capacity(text.len() + insert.len());
    out.push_str(&text[..at]);
    out.push_str(&insert);
    out.push_str(&text[at..]);
    out.into_bytes()
}

fn reload_tag(generation: u64) -> String {
    format!("<script src=\"{OWN_PREFIX}reload.js\" data-generation=\"{generation}\"></script>")
}

/// The errors of the site, over the page.
fn overlay(errors: &[Diagnostic], language: Language) -> String {
    let text = |message: crate::messages::Message| escape(&message.text(language));
    let mut out = format!(
        "<div id=\"abierto-errors\" role=\"alert\" lang=\"{}\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;\
         background:#1b1b1b;color:#fff;font:1rem/1.5 system-ui,sans-serif;padding:1.5rem;text-align:left\">\
         <h1 style=\"font-size:1.5rem;margin:0 0 .5rem;color:#ffb4a8\">{}</h1>\
         <p style=\"margin:0 0 1rem\">{}</p><ol style=\"padding-left:1.5rem\">",
        language.code(),
        text(msg!("serve-overlay-title", count = errors.len())),
        text(msg!("serve-overlay-intro")),
    );
    for error in errors {
        let mut place = error.file.clone();
        if let Some(line) = error.line {
            place.push_str(&format!(":{line}"));
            if let Some(column) = error.column {
                place.push_str(&format!(":{column}"));
            }
        }
        out.push_str(&format!(
            "<li style=\"margin-bottom:1rem\"><code style=\"color:#9fd3ff;font-size:1rem\">{}</code><br>{}",
            escape(&place),
            escape(&error.message_text(language))
        ));
        if let Some(help) = error.help_text(language) {
            out.push_str(&format!(
                "<br><span style=\"color:#d6d6d6\">{}: {}</span>",
                text(msg!("diagnostic-help")),
                escape(&help)
            ));
        }
        out.push_str("</li>");
    }
    out.push_str(&format!(
        "</ol><button type=\"button\" onclick=\"this.parentNode.remove()\" \
         style=\"font:inherit;padding:.25rem .75rem\">{}</button></div>",
        text(msg!("serve-overlay-hide"))
    ));
    out
}

/// The page shown in place of every page when the site never built.
fn error_page(status: &Status) -> Vec<u8> {
    let errors = if status.errors.is_empty() {
        vec![Diagnostic::error("portal.toml", msg!("serve-not-loaded"))]
    } else {
        status.errors.clone()
    };
    format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title></head><body>{}{}</body></html>",
        status.language.code(),
        escape(&msg!("serve-page-title").text(status.language)),
        overlay(&errors, status.language),
        reload_tag(status.generation)
    )
    .into_bytes()
}

/// The event stream an open tab listens to: on connecting, the current
/// generation; then one `reload` event per rebuild. It keeps its connection
/// (a tab may keep it open for hours) and writes straight to it, flushing
/// each event.
fn events(shared: &Arc<Shared>) -> Answer {
    if shared.streams.fetch_add(1, Ordering::SeqCst) >= MAX_STREAMS {
        shared.streams.fetch_sub(1, Ordering::SeqCst);
        let language = shared.status().language;
        let mut response = said(503, msg!("serve-http-too-many-tabs"), language);
        response.headers.push(("Retry-After", "5".to_string()));
        return Answer::Respond(response);
    }
    let shared = shared.clone();
    Answer::Stream(Box::new(move |writer: &mut dyn Write, head_only: bool| {
        let _ = stream_events(writer, &shared, head_only);
        shared.streams.fetch_sub(1, Ordering::SeqCst);
    }))
}

fn stream_events(writer: &mut dyn Write, shared: &Shared, head_only: bool) -> std::io::Result<()> {
    writer.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\n\
          Connection: close\r\nX-Content-Type-Options: nosniff\r\n\r\n",
    )?;
    if head_only {
        return writer.flush();
    }
    writer.write_all(b"retry: 1000\n\n")?;
    let mut sent = None;
    let mut status = shared.status.lock().unpoisoned();
    loop {
        if shared.stopping() {
            return Ok(());
        }
        let message = if sent != Some(status.generation) {
            sent = Some(status.generation);
            format!(
                "event: reload\ndata: {{\"generation\":{},\"css_only\":{},\"errors\":{}}}\n\n",
                status.generation,
                status.css_only,
                status.errors.len()
            )
        } else {
            ": ping\n\n".to_string()
        };
        drop(status);
        writer.write_all(message.as_bytes())?;
        writer.flush()?;
        status = shared.status.lock().unpoisoned();
        let deadline = std::time::Instant::now() + PING_EVERY;
        while sent == Some(status.generation) && !shared.stopping() {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                break;
            }
            status = shared
                .rebuilt
                .wait_timeout(status, left.min(POLL * 5))
                .unpoisoned()
                .0;
        }
    }
}

/// The content type of an output file, by its extension (`mime_guess`'s
/// table, as the catalogs use); text said to be UTF-8, as what abierto
/// writes is.
pub(super) fn content_type(name: &str) -> String {
    let guess = mime_guess::from_path(name).first_or_octet_stream();
    if guess.type_() == mime_guess::mime::TEXT {
        format!("{}; charset=utf-8", guess.essence_str())
    } else {
        guess.essence_str().to_string()
    }
}

/// A preview must always show the latest build.
fn common_headers(kind: &str) -> Vec<(&'static str, String)> {
    vec![
        ("Content-Type", kind.to_string()),
        ("Cache-Control", "no-store".to_string()),
        ("X-Content-Type-Options", "nosniff".to_string()),
    ]
}

fn bytes(code: u16, content: Vec<u8>, kind: &str) -> Response {
    Response {
        status: code,
        headers: common_headers(kind),
        body: Body::Bytes(content),
    }
}

fn html(code: u16, content: Vec<u8>) -> Response {
    bytes(code, content, "text/html; charset=utf-8")
}

/// A plain-text answer for people: a message, in the language of the preview.
fn said(code: u16, message: Message, language: Language) -> Response {
    text(code, &format!("{}\n", message.text(language)))
}

fn text(code: u16, message: &str) -> Response {
    bytes(
        code,
        message.as_bytes().to_vec(),
        "text/plain; charset=utf-8",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn portal(base_path: &str) -> Portal {
        let mut files = HashMap::new();
        for name in [
            "index.html",
            "datos/index.html",
            "descargas/a/b/x.csv",
            "404.html",
        ] {
            files.insert(name.to_string(), Served::Bytes(Arc::new(Vec::new())));
        }
        Portal {
            files,
            base_path: base_path.to_string(),
        }
    }

    fn resolve_in(path: &str, portal: &Portal) -> Target {
        resolve(path, &portal.base_path, |name| {
            portal.files.contains_key(name)
        })
    }

    #[test]
    fn requests_name_files_of_the_portal_under_its_base_path() {
        let p = portal("/red/");
        assert_eq!(resolve_in("/red/", &p), Target::File("index.html".into()));
        assert_eq!(
            resolve_in("/red/datos/", &p),
            Target::File("datos/index.html".into())
        );
        assert_eq!(
            resolve_in("/red/descargas/a/b/x.csv", &p),
            Target::File("descargas/a/b/x.csv".into())
        );
        assert_eq!(
            resolve_in("/red/d%61tos/", &p),
            Target::File("datos/index.html".into())
        );
        assert_eq!(resolve_in("/", &p), Target::Redirect("/red/".into()));
        assert_eq!(resolve_in("/red", &p), Target::Redirect("/red/".into()));
        assert_eq!(
            resolve_in("/red/datos", &p),
            Target::Redirect("/red/datos/".into())
        );
        assert_eq!(resolve_in("/datos/", &p), Target::NotFound);
        assert_eq!(resolve_in("/red/nada/", &p), Target::NotFound);
        assert_eq!(
            resolve_in("/", &portal("/")),
            Target::File("index.html".into())
        );
    }

    #[test]
    fn no_request_climbs_out_of_the_portal() {
        let p = portal("/");
        for bad in [
            "/../etc/passwd",
            "/datos/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E/%2e%2e/etc/passwd",
            "/.%2e/etc/passwd",
            "/datos%2f..%2f..%2fetc%2fpasswd",
            "/datos%5c..%5cetc",
            "/..\\..\\etc\\passwd",
            "/datos/%00",
            "//etc/passwd",
            "/C:/Windows/win.ini",
            "/./index.html",
            "/%zz",
            "/%c0%ae%c0%ae/etc/passwd",
            "etc/passwd",
            "http://example.org/",
        ] {
            assert_eq!(resolve_in(bad, &p), Target::BadRequest, "{bad}");
        }
    }

    #[test]
    fn content_types_follow_extensions() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("x.GEOJSON"), "application/geo+json");
        assert_eq!(
            content_type("x.kml"),
            "application/vnd.google-earth.kml+xml"
        );
        assert_eq!(content_type("x.unknown"), "application/octet-stream");
        assert_eq!(content_type("estilo.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("no-extension"), "application/octet-stream");
    }

    #[test]
    fn errors_are_escaped_in_the_overlay() {
        let message = msg!("check-link-no-page", destination = "<script>");
        let error = Diagnostic::error("historias/<x>.md", message)
            .at_position(3, 4)
            .help(msg!("check-anchor-missing-headings", headings = "#a & b"));
        let html = overlay(&[error], Language::En);
        assert!(html.contains("historias/&lt;x&gt;.md:3:4"));
        assert!(html.contains("the link `&lt;script&gt;` names no page"));
        assert!(html.contains("help: headings here: #a &amp; b"));
    }
}
