//! Connections: HTTP/1.1 read and written by hand, with limits, so that no
//! client can tie the preview up. At most [`MAX_CONNECTIONS`] are open at
//! once (one thread each; more are answered 503 and closed); a request head
//! must arrive whole within [`HEAD_TIMEOUT`] and fit in [`MAX_HEAD`] bytes (a
//! client that sends a byte now and then, or never finishes, is cut off); an
//! idle keep-alive connection is closed after the same time; a write that
//! makes no progress for [`WRITE_TIMEOUT`] ends the connection (a client that
//! stopped reading). What a request gets is decided in `http.rs`.

use super::Shared;
use std::fs::File;
use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// Open connections at most (each has a thread; event streams count too).
pub(super) const MAX_CONNECTIONS: usize = 256;
/// A request head (request line and headers) is at most this long.
const MAX_HEAD: usize = 16 * 1024;
/// Time for a whole request head to arrive, and for an idle connection to
/// send its next request.
const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// Time a write may block before the client is given up.
const WRITE_TIMEOUT: Duration = Duration::from_secs(30);
/// How often the accept loop looks whether the server is stopping.
const ACCEPT_POLL: Duration = Duration::from_millis(25);

/// A request as the handlers see it.
pub(super) struct Request {
    pub method: String,
    /// The request target as sent (path, query).
    pub url: String,
}

pub(super) enum Body {
    Bytes(Vec<u8>),
    /// A file of the site and its length when opened.
    File(File, u64),
}

pub(super) struct Response {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Body,
}

/// Writes an event stream to a connection: `(writer, head_only)`.
pub(super) type StreamWriter = Box<dyn FnOnce(&mut dyn Write, bool) + Send>;

/// What a handler does with a request.
pub(super) enum Answer {
    Respond(Response),
    /// The connection becomes an event stream: `stream(writer, head_only)`
    /// writes to it until the client leaves or the server stops.
    Stream(StreamWriter),
}

/// Accepts connections until the server stops; `handle` answers requests.
pub(super) fn accept(
    listener: TcpListener,
    shared: Arc<Shared>,
    handle: fn(&Request, &Arc<Shared>) -> Answer,
) {
    while !shared.stopping() {
        let stream = match listener.accept() {
            Ok((stream, _)) => stream,
            Err(error) if error.kind() == io::ErrorKind::WouldBlock => {
                std::thread::sleep(ACCEPT_POLL);
                continue;
            }
            // Out of file descriptors and the like: wait for some to close.
            Err(_) => {
                std::thread::sleep(ACCEPT_POLL);
                continue;
            }
        };
        let _ = stream.set_nonblocking(false);
        let _ = stream.set_nodelay(true);
        let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
        if shared.connections.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            shared.connections.fetch_sub(1, Ordering::SeqCst);
            refuse(stream);
            continue;
        }
        let for_thread = shared.clone();
        let spawned = std::thread::Builder::new()
            .name("abierto-connection".into())
            .spawn(move || {
                serve(stream, &for_thread, handle);
                for_thread.connections.fetch_sub(1, Ordering::SeqCst);
            });
        if spawned.is_err() {
            shared.connections.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

/// Too many connections: a short 503, without blocking the accept loop.
fn refuse(mut stream: TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_millis(100)));
    let _ = stream.write_all(
        b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n\
          Content-Length: 21\r\nRetry-After: 1\r\nConnection: close\r\n\r\ntoo many connections\n",
    );
}

/// Answers the requests of one connection until it closes, times out or
/// asks to close.
fn serve(
    mut stream: TcpStream,
    shared: &Arc<Shared>,
    handle: fn(&Request, &Arc<Shared>) -> Answer,
) {
    let mut pending = Vec::new();
    while !shared.stopping() {
        let head = match read_head(&mut stream, &mut pending) {
            Ok(Some(head)) => head,
            Ok(None) => return,
            Err(status) => {
                let message = format!("{}\n", reason(status));
                let _ = write(&mut stream, &plain(status, &message), false, false);
                return;
            }
        };
        let Some(head) = parse(&head) else {
            let _ = write(&mut stream, &plain(400, "bad request\n"), false, false);
            return;
        };
        let head_only = head.request.method == "HEAD";
        match handle(&head.request, shared) {
            Answer::Respond(response) => {
                // A request body is not read: the connection cannot go on after it.
                let keep_alive = head.keep_alive && !head.has_body;
                if write(&mut stream, &response, head_only, keep_alive).is_err() || !keep_alive {
                    return;
                }
            }
            Answer::Stream(stream_events) => {
                stream_events(&mut stream, head_only);
                return;
            }
        }
    }
}

/// Reads one request head into a buffer; bytes after it stay in `pending`
/// for the next request. `Ok(None)`: the connection closed or went quiet.
fn read_head(stream: &mut TcpStream, pending: &mut Vec<u8>) -> Result<Option<Vec<u8>>, u16> {
    let deadline = Instant::now() + HEAD_TIMEOUT;
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(end) = pending.windows(4).position(|w| w == b"\r\n\r\n") {
            let rest = pending.split_off(end + 4);
            return Ok(Some(std::mem::replace(pending, rest)));
        }
        if pending.len() > MAX_HEAD {
            return Err(431);
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return if pending.is_empty() {
                Ok(None)
            } else {
                Err(408)
            };
        }
        let _ = stream.set_read_timeout(Some(left));
        match stream.read(&mut chunk) {
            Ok(0) => return Ok(None),
            Ok(n) => pending.extend_from_slice(&chunk[..n]),
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error)
                if matches!(
                    error.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                return if pending.is_empty() {
                    Ok(None)
                } else {
                    Err(408)
                };
            }
            Err(_) => return Ok(None),
        }
    }
}

struct Head {
    request: Request,
    keep_alive: bool,
    has_body: bool,
}

/// The request line and the headers that matter here.
fn parse(head: &[u8]) -> Option<Head> {
    let text = std::str::from_utf8(head).ok()?;
    let mut lines = text.split("\r\n");
    let mut parts = lines.next()?.split(' ');
    let (method, url, version) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || method.is_empty() || url.is_empty() {
        return None;
    }
    let mut keep_alive = match version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        _ => return None,
    };
    let mut has_body = false;
    for line in lines.filter(|l| !l.is_empty()) {
        let (name, value) = line.split_once(':')?;
        let value = value.trim();
        if name.eq_ignore_ascii_case("connection") {
            if value.eq_ignore_ascii_case("close") {
                keep_alive = false;
            } else if value.eq_ignore_ascii_case("keep-alive") {
                keep_alive = true;
            }
        } else if name.eq_ignore_ascii_case("transfer-encoding")
            || name.eq_ignore_ascii_case("content-length") && value != "0"
        {
            has_body = true;
        }
    }
    Some(Head {
        request: Request {
            method: method.to_string(),
            url: url.to_string(),
        },
        keep_alive,
        has_body,
    })
}

/// Writes a response; an error means the connection is done.
fn write(
    stream: &mut TcpStream,
    response: &Response,
    head_only: bool,
    keep_alive: bool,
) -> io::Result<()> {
    let length = match &response.body {
        Body::Bytes(bytes) => bytes.len() as u64,
        Body::File(_, length) => *length,
    };
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Length: {length}\r\nConnection: {}\r\n",
        response.status,
        reason(response.status),
        if keep_alive { "keep-alive" } else { "close" }
    );
    for (name, value) in &response.headers {
        if !value.contains(['\r', '\n']) {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if head_only {
        return stream.flush();
    }
    match &response.body {
        Body::Bytes(bytes) => stream.write_all(bytes)?,
        Body::File(file, length) => {
            let copied = io::copy(&mut file.take(*length), stream)?;
            if copied < *length {
                // The file shrank while being sent: the response is short, so
                // the connection cannot be reused.
                return Err(io::Error::other("the file changed while it was sent"));
            }
        }
    }
    stream.flush()
}

fn plain(status: u16, message: &str) -> Response {
    Response {
        status,
        headers: vec![("Content-Type", "text/plain; charset=utf-8".to_string())],
        body: Body::Bytes(message.as_bytes().to_vec()),
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        302 => "Found",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_are_parsed_for_what_matters() {
        let head =
            parse(b"GET /red/?q=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
        assert_eq!(head.request.method, "GET");
        assert_eq!(head.request.url, "/red/?q=1");
        assert!(!head.keep_alive && !head.has_body);
        let head = parse(b"GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").unwrap();
        assert!(head.keep_alive);
        let head = parse(b"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\n").unwrap();
        assert!(head.keep_alive && head.has_body);
        for bad in [
            &b"GET /\r\n\r\n"[..],
            b"GET / HTTP/2\r\n\r\n",
            b"GET  / HTTP/1.1\r\n\r\n",
            b"GET / HTTP/1.1\r\nno colon\r\n\r\n",
            b"GET /\xff HTTP/1.1\r\n\r\n",
        ] {
            assert!(parse(bad).is_none(), "{}", String::from_utf8_lossy(bad));
        }
    }
}
