//! External links (`abierto check --external`): every `http(s)://` address
//! that a story, page or descriptor links to is asked for once, however often
//! it is linked, by a small pool of workers with at most a few requests per
//! host at a time; each request has a timeout, the whole check a deadline,
//! and timeouts, connection failures and 5xx answers are retried with
//! backoff. HEAD first, GET when a server refuses HEAD (405, 501); redirects
//! are followed up to a bound. A broken link is a warning at each place it is
//! written; a slow or flaky network never makes the check fail. `build` never
//! comes here: it makes no request.

use super::links::Link;
use crate::diagnostics::{Code, Diagnostic, SourceText};
use crate::messages::Message;
use crate::model::Site;
use crate::msg;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// How the external check may use the network.
#[derive(Debug, Clone)]
pub struct Settings {
    /// For one request: connecting, sending and receiving the answer's head.
    pub timeout: Duration,
    /// For the whole check: addresses not asked by then are reported as not checked.
    pub deadline: Duration,
    /// Requests in flight at once.
    pub workers: usize,
    /// Requests in flight to one host at once.
    pub per_host: usize,
    /// Further attempts after a timeout, a connection failure or a 5xx answer.
    pub retries: u32,
    /// Wait before the first retry; doubled for each next one.
    pub backoff: Duration,
    pub max_redirects: u32,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            timeout: Duration::from_secs(10),
            deadline: Duration::from_secs(120),
            workers: 8,
            per_host: 2,
            retries: 2,
            backoff: Duration::from_millis(500),
            max_redirects: 5,
        }
    }
}

/// What the external check did, for the summary.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Summary {
    /// Places that link to an external address.
    pub links: usize,
    /// Distinct addresses.
    pub addresses: usize,
    /// Addresses asked for before the deadline.
    pub checked: usize,
    pub broken: usize,
    pub seconds: f64,
}

/// The answer about one address.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    Fine,
    Broken { problem: Message, help: Message },
    NotChecked,
}

/// The `http(s)://` addresses written in the site's descriptors (datasets and
/// participants): remote resources, websites, links in descriptions.
pub fn descriptor_links(site: &Site) -> Vec<Link> {
    let files = site
        .datasets
        .iter()
        .map(|d| &d.source_file)
        .chain(site.participants.iter().map(|p| &p.source_file));
    let mut links = Vec::new();
    for file in files {
        let Ok(text) = std::fs::read_to_string(site.root.join(file)) else {
            continue;
        };
        links.extend(addresses_in(file, &text));
    }
    links
}

/// The addresses in a TOML text, with their places; comment lines are skipped.
fn addresses_in(file: &str, text: &str) -> Vec<Link> {
    let source = SourceText::new(file, text);
    let lower = text.to_ascii_lowercase();
    let mut links = Vec::new();
    let mut from = 0;
    while let Some(found) = ["http://", "https://"]
        .iter()
        .filter_map(|scheme| lower[from..].find(scheme))
        .min()
    {
        let start = from + found;
        let rest = &text[start..];
        // The address ends at a space or quote, or at the `)` that closes a
        // Markdown link (one it opened itself is part of it).
        let mut depth = 0usize;
        let end = rest
            .char_indices()
            .find(|&(_, c)| match c {
                '(' => {
                    depth += 1;
                    false
                }
                ')' if depth == 0 => true,
                ')' => {
                    depth -= 1;
                    false
                }
                c => c.is_whitespace() || "\"'<>`\\".contains(c),
            })
            .map_or(rest.len(), |(i, _)| i);
        let address = rest[..end].trim_end_matches(['.', ',', ';', ':', ']']);
        from = start + end.max(1);
        let (line, column) = source.line_column(start);
        let commented = text[..start]
            .rsplit('\n')
            .next()
            .is_some_and(|before| before.trim_start().starts_with('#'));
        if address.len() > "https://".len() && !commented {
            links.push(Link {
                file: file.to_string(),
                line,
                column,
                destination: address.to_string(),
            });
        }
    }
    links
}

/// The address asked for: the link without its `#fragment`.
fn address_of(link: &Link) -> &str {
    let destination = link.destination.trim();
    destination.split('#').next().unwrap_or(destination)
}

fn host_of(address: &str) -> String {
    let after = address.split_once("://").map_or(address, |(_, rest)| rest);
    let authority = after.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or(authority);
    host.to_ascii_lowercase()
}

/// Asks for every address the links name and reports the broken ones, once
/// at each place they are written. Also says what it did.
pub fn check(links: &[Link], settings: &Settings) -> (Vec<Diagnostic>, Summary) {
    let started = Instant::now();
    let mut places: BTreeMap<&str, Vec<&Link>> = BTreeMap::new();
    for link in links {
        places.entry(address_of(link)).or_default().push(link);
    }
    let outcomes = ask_all(places.keys().copied(), settings);
    let mut diagnostics = Vec::new();
    let mut not_checked: Vec<&Link> = Vec::new();
    let mut summary = Summary {
        links: links.len(),
        addresses: places.len(),
        ..Summary::default()
    };
    for (address, links) in &places {
        match outcomes.get(*address).unwrap_or(&Outcome::NotChecked) {
            Outcome::Fine => summary.checked += 1,
            Outcome::NotChecked => not_checked.extend(links.iter().copied()),
            Outcome::Broken { problem, help } => {
                summary.checked += 1;
                summary.broken += 1;
                for link in links {
                    diagnostics.push(
                        Diagnostic::warning(
                            &link.file,
                            msg!(
                                "check-external-broken",
                                destination = &link.destination,
                                problem = problem.clone()
                            ),
                        )
                        .at_position(link.line, link.column)
                        .code(Code::BrokenExternalLink)
                        .help(help.clone()),
                    );
                }
            }
        }
    }
    if let Some(first) = not_checked.first() {
        diagnostics.push(
            Diagnostic::info(
                &first.file,
                msg!(
                    "check-external-not-checked",
                    count = not_checked.len(),
                    seconds = settings.deadline.as_secs()
                ),
            )
            .at_position(first.line, first.column)
            .help(msg!("check-external-not-checked-help")),
        );
    }
    summary.seconds = started.elapsed().as_secs_f64();
    (diagnostics, summary)
}

/// Addresses waiting, and requests in flight per host.
struct Queue<'a> {
    waiting: VecDeque<(&'a str, String)>,
    busy: HashMap<String, usize>,
}

/// Asks for each address with a pool of workers, at most `per_host` at a time to one host.
fn ask_all<'a>(
    addresses: impl Iterator<Item = &'a str>,
    settings: &Settings,
) -> HashMap<&'a str, Outcome> {
    let deadline = Instant::now() + settings.deadline;
    let queue = Mutex::new(Queue {
        waiting: addresses.map(|a| (a, host_of(a))).collect(),
        busy: HashMap::new(),
    });
    let turn = Condvar::new();
    let outcomes = Mutex::new(HashMap::new());
    let workers = settings
        .workers
        .max(1)
        .min(queue.lock().map_or(0, |q| q.waiting.len()));
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(settings.max_redirects)
        .timeout_connect(Some(settings.timeout))
        .user_agent(concat!("abierto-check/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Some((address, host)) = next(&queue, &turn, settings.per_host, deadline) {
                    let outcome = ask(&agent, address, settings, deadline);
                    if let Ok(mut outcomes) = outcomes.lock() {
                        outcomes.insert(address, outcome);
                    }
                    if let Ok(mut queue) = queue.lock()
                        && let Some(n) = queue.busy.get_mut(&host)
                    {
                        *n -= 1;
                    }
                    turn.notify_all();
                }
            });
        }
    });
    outcomes.into_inner().unwrap_or_default()
}

/// The next address whose host has room, waiting for one if needed; `None`
/// when nothing is left or the deadline has passed.
fn next<'a>(
    queue: &Mutex<Queue<'a>>,
    turn: &Condvar,
    per_host: usize,
    deadline: Instant,
) -> Option<(&'a str, String)> {
    let mut queue = queue.lock().ok()?;
    loop {
        if queue.waiting.is_empty() || Instant::now() >= deadline {
            return None;
        }
        let free = queue
            .waiting
            .iter()
            .position(|(_, host)| queue.busy.get(host).copied().unwrap_or(0) < per_host.max(1));
        if let Some(i) = free {
            let (address, host) = queue.waiting.remove(i)?;
            *queue.busy.entry(host.clone()).or_default() += 1;
            return Some((address, host));
        }
        queue = turn.wait_timeout(queue, Duration::from_millis(100)).ok()?.0;
    }
}

/// Asks for one address: HEAD, then GET if HEAD is refused; retries what may pass.
fn ask(agent: &ureq::Agent, address: &str, settings: &Settings, deadline: Instant) -> Outcome {
    let mut attempt = 0;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Outcome::NotChecked;
        }
        let timeout = settings.timeout.min(left);
        let answer = match request(agent, "HEAD", address, timeout) {
            Ok(405 | 501) => request(agent, "GET", address, timeout),
            other => other,
        };
        let retry = match &answer {
            Ok(status) => *status >= 500,
            Err(error) if host_not_found(error) => false,
            Err(error) => matches!(
                error,
                ureq::Error::Timeout(_) | ureq::Error::Io(_) | ureq::Error::ConnectionFailed
            ),
        };
        if !retry || attempt >= settings.retries {
            return match answer {
                Ok(status) if status < 400 => Outcome::Fine,
                Ok(status) => broken_status(status, attempt),
                Err(error) => broken_error(&error, settings, attempt),
            };
        }
        let pause = settings.backoff * 2u32.saturating_pow(attempt);
        if Instant::now() + pause >= deadline {
            return Outcome::NotChecked;
        }
        std::thread::sleep(pause);
        attempt += 1;
    }
}

/// The final status of a request (after redirects); the body is not read.
fn request(
    agent: &ureq::Agent,
    method: &str,
    address: &str,
    timeout: Duration,
) -> Result<u16, ureq::Error> {
    let builder = if method == "HEAD" {
        agent.head(address)
    } else {
        agent.get(address)
    };
    let response = builder
        .config()
        .timeout_global(Some(timeout))
        .build()
        .call()?;
    Ok(response.status().as_u16())
}

/// The name does not resolve (the resolver's "not known"; a temporary
/// resolver failure is a network problem, tried again).
fn host_not_found(error: &ureq::Error) -> bool {
    match error {
        ureq::Error::HostNotFound => true,
        ureq::Error::Io(io) => {
            let text = io.to_string();
            text.contains("failed to lookup address") && !text.contains("Temporary failure")
        }
        _ => false,
    }
}

fn broken_status(status: u16, attempt: u32) -> Outcome {
    let reason = ureq::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .map_or(String::new(), |r| format!(" {r}"));
    let help = match status {
        404 | 410 => msg!("check-external-gone"),
        401 | 403 | 429 => msg!("check-external-refused"),
        500.. => msg!("check-external-server-failed"),
        _ => msg!("check-external-open-in-browser"),
    };
    Outcome::Broken {
        problem: msg!(
            "check-external-status",
            status = status.to_string(),
            reason = reason,
            tries = attempt + 1
        ),
        help,
    }
}

fn broken_error(error: &ureq::Error, settings: &Settings, attempt: u32) -> Outcome {
    let tries = attempt + 1;
    let (problem, help) = match error {
        error if host_not_found(error) => (
            msg!("check-external-no-host"),
            msg!("check-external-no-host-help"),
        ),
        ureq::Error::Timeout(_) => (
            msg!(
                "check-external-timeout",
                seconds = crate::messages::Arg::Decimal(settings.timeout.as_secs_f64().to_string()),
                tries = tries
            ),
            msg!("check-external-timeout-help"),
        ),
        ureq::Error::TooManyRedirects => (
            msg!("check-external-redirects", count = settings.max_redirects),
            msg!("check-external-redirects-help"),
        ),
        ureq::Error::Io(_) | ureq::Error::ConnectionFailed => (
            msg!(
                "check-external-no-connection",
                error = error.to_string(),
                tries = tries
            ),
            msg!("check-external-down-help"),
        ),
        other => (
            msg!("check-external-error", error = other.to_string()),
            msg!("check-external-open-in-browser"),
        ),
    };
    Outcome::Broken { problem, help }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_in_descriptors_are_found_where_they_are_written() {
        let text = "title = \"Baches\"\n# see https://commented.example/x\nwebsite = \"https://www.xalapa.gob.mx/\"\ndescription = \"Ver [la fuente](https://datos.example.mx/a_(b)) y http://otro.example/p.\"\n";
        let links = addresses_in("d.toml", text);
        let found: Vec<(usize, usize, &str)> = links
            .iter()
            .map(|l| (l.line, l.column, l.destination.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (3, 12, "https://www.xalapa.gob.mx/"),
                (4, 32, "https://datos.example.mx/a_(b)"),
                (4, 66, "http://otro.example/p"),
            ]
        );
        assert_eq!(
            host_of("https://user@Datos.Example.mx:8080/a?b#c"),
            "datos.example.mx:8080"
        );
    }
}
