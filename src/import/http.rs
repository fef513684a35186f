//! What an import asks of web servers (a live CKAN's API, a DCAT catalog,
//! `--fetch`'s files), bounded: a time limit per request, a few tries with a
//! growing pause for the answers that say "later" (429, 5xx, a timeout, a
//! dropped connection), a deadline for the whole run, and a size limit for
//! each body, counted as it arrives.

use crate::messages::{Arg, Message};
use crate::msg;
use std::io::{Read, Write};
use std::time::{Duration, Instant};

/// The bounds of an import's requests.
#[derive(Debug, Clone)]
pub struct HttpLimits {
    /// Each request, from connecting to the last byte.
    pub timeout: Duration,
    /// Tries after the first, for answers that say "later".
    pub retries: u32,
    /// The pause before the first retry (doubled for each next one).
    pub pause: Duration,
    /// All the requests of the run.
    pub deadline: Duration,
}

impl Default for HttpLimits {
    fn default() -> Self {
        HttpLimits {
            timeout: Duration::from_secs(60),
            retries: 3,
            pause: Duration::from_secs(2),
            deadline: Duration::from_secs(60 * 60),
        }
    }
}

/// Why a request gave nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HttpProblem {
    Status(u16),
    TooLarge(u64),
    Timeout,
    Network(String),
    /// The run's deadline passed before it could be asked.
    Deadline,
}

impl HttpProblem {
    pub fn message(&self) -> Message {
        match self {
            HttpProblem::Status(status) => msg!("import-http-status", status = *status as i64),
            HttpProblem::TooLarge(limit) => {
                msg!("import-http-too-large", limit = Arg::size(*limit))
            }
            HttpProblem::Timeout => msg!("import-http-timeout"),
            HttpProblem::Network(error) => msg!("import-http-network", error = error),
            HttpProblem::Deadline => msg!("import-http-deadline"),
        }
    }
}

/// Whether a source is a web address rather than a file.
pub fn is_web_address(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// A client for one run: its agent and its deadline.
pub struct Client {
    agent: ureq::Agent,
    limits: HttpLimits,
    ends: Instant,
}

impl Client {
    pub fn new(limits: &HttpLimits) -> Client {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(10)
            .timeout_global(Some(limits.timeout))
            .user_agent(concat!("abierto-import/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Client {
            agent,
            limits: limits.clone(),
            ends: Instant::now() + limits.deadline,
        }
    }

    /// The body of `url`, at most `limit` bytes.
    pub fn get(&self, url: &str, limit: u64) -> Result<Vec<u8>, HttpProblem> {
        let mut body = Vec::new();
        self.with_retries(|| {
            body.clear();
            self.once(url, limit, &mut body)
        })?;
        Ok(body)
    }

    /// Writes the body of `url` to `out`, at most `limit` bytes; the bytes written.
    pub fn download(
        &self,
        url: &str,
        limit: u64,
        out: &mut dyn WriteReset,
    ) -> Result<u64, HttpProblem> {
        self.with_retries(|| {
            out.reset()
                .map_err(|e| HttpProblem::Network(e.to_string()))?;
            self.once(url, limit, out)
        })
    }

    fn with_retries(
        &self,
        mut ask: impl FnMut() -> Result<u64, HttpProblem>,
    ) -> Result<u64, HttpProblem> {
        let mut pause = self.limits.pause;
        for attempt in 0..=self.limits.retries {
            if Instant::now() >= self.ends {
                return Err(HttpProblem::Deadline);
            }
            match ask() {
                Err(problem) if attempt < self.limits.retries && later(&problem) => {
                    let left = self.ends.saturating_duration_since(Instant::now());
                    std::thread::sleep(pause.min(left));
                    pause *= 2;
                }
                other => return other,
            }
        }
        Err(HttpProblem::Deadline)
    }

    fn once(&self, url: &str, limit: u64, out: &mut dyn Write) -> Result<u64, HttpProblem> {
        let left = self.ends.saturating_duration_since(Instant::now());
        let response = self
            .agent
            .get(url)
            .config()
            .timeout_global(Some(self.limits.timeout.min(left)))
            .build()
            .call()
            .map_err(problem)?;
        let status = response.status().as_u16();
        if status >= 400 {
            return Err(HttpProblem::Status(status));
        }
        let declared = response
            .headers()
            .get("content-length")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|length| length > limit) {
            return Err(HttpProblem::TooLarge(limit));
        }
        let mut reader = response.into_body().into_reader().take(limit + 1);
        let copied = std::io::copy(&mut reader, out).map_err(|e| read_problem(&e))?;
        if copied > limit {
            return Err(HttpProblem::TooLarge(limit));
        }
        Ok(copied)
    }
}

/// A place a download is written to, emptied before each try.
pub trait WriteReset: Write {
    fn reset(&mut self) -> std::io::Result<()>;
}

impl WriteReset for Vec<u8> {
    fn reset(&mut self) -> std::io::Result<()> {
        self.clear();
        Ok(())
    }
}

impl WriteReset for std::fs::File {
    fn reset(&mut self) -> std::io::Result<()> {
        use std::io::Seek;
        self.set_len(0)?;
        self.seek(std::io::SeekFrom::Start(0)).map(|_| ())
    }
}

/// Whether a problem says "try again later".
fn later(problem: &HttpProblem) -> bool {
    match problem {
        HttpProblem::Status(status) => *status == 429 || *status >= 500,
        HttpProblem::Timeout | HttpProblem::Network(_) => true,
        HttpProblem::TooLarge(_) | HttpProblem::Deadline => false,
    }
}

fn problem(error: ureq::Error) -> HttpProblem {
    match error {
        ureq::Error::Timeout(_) => HttpProblem::Timeout,
        other => HttpProblem::Network(other.to_string()),
    }
}

fn read_problem(error: &std::io::Error) -> HttpProblem {
    let text = error.to_string();
    if error.kind() == std::io::ErrorKind::TimedOut || text.contains("timeout") {
        HttpProblem::Timeout
    } else {
        HttpProblem::Network(text)
    }
}

/// The text at `url` (a catalog), decoded as a file would be.
pub fn get_text(url: &str, limits: &HttpLimits) -> Result<String, crate::scaffold::Refusal> {
    let client = Client::new(limits);
    let bytes = client.get(url, 512 * 1024 * 1024).map_err(|problem| {
        crate::scaffold::Refusal::new(
            msg!("import-cannot-ask", url = url, problem = problem.message()),
            msg!("import-cannot-ask-help"),
        )
    })?;
    Ok(super::source::decode(&bytes))
}
