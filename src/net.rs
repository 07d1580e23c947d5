//! HTTP for `brief add` and `brief fetch` (feature `net`): the only place brief opens a
//! connection. The reader never calls it.
//!
//! One [`Client`] (a `ureq` agent, rustls, blocking) with connect and read timeouts, a cap on
//! each exchange's total time, at most 10 redirects (a loop is an error), a cap on the body
//! counted after gzip/brotli decompression (so a gzip bomb stops at the cap), only `http` and
//! `https`, conditional requests, and retries with back-off on 5xx, 429 and time-outs. Every
//! failure is a [`NetError`] whose text is one line for the user.

use std::fmt;
use std::time::Duration;

use ureq::ResponseExt as _;

/// How the client behaves; [`Settings::default`] is what `brief` uses.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Connect timeout, and the longest wait for any read.
    pub timeout: Duration,
    /// Retries after a 5xx, a 429 or a time-out (so `retries + 1` attempts at most).
    pub retries: u32,
    /// The first retry waits this long, each next one twice as long.
    pub backoff: Duration,
    /// The largest body read, in bytes, after decompression.
    pub max_body: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(15),
            retries: 2,
            backoff: Duration::from_millis(500),
            max_body: 16 * 1024 * 1024,
        }
    }
}

/// The longest wait a server may ask for with `Retry-After` before brief gives up instead.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(30);

/// A body that arrived, with what the headers said about it.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// The URL it came from, after redirects.
    pub url: String,
    /// The body, decompressed.
    pub body: Vec<u8>,
    /// The media type without parameters, lowercase (`text/html`).
    pub mime: Option<String>,
    /// The `charset` parameter of `Content-Type`.
    pub charset: Option<String>,
    /// The `ETag` header, for the next conditional request.
    pub etag: Option<String>,
    /// The `Last-Modified` header, for the next conditional request.
    pub last_modified: Option<String>,
}

/// What a GET gave.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// A 2xx response and its body.
    Fetched(Page),
    /// 304: unchanged since the validators given.
    NotModified,
}

/// Validators of a previous response, for a conditional request.
#[derive(Debug, Clone, Default)]
pub struct Validators {
    /// Sent as `If-None-Match`.
    pub etag: Option<String>,
    /// Sent as `If-Modified-Since`.
    pub last_modified: Option<String>,
}

/// Why a fetch failed: one line, without the URL (the caller names it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetError {
    /// What went wrong.
    pub message: String,
    /// Whether trying again later may help (5xx, 429, time-outs, dropped connections).
    pub transient: bool,
    retry_after: Option<Duration>,
}

impl NetError {
    fn fatal(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            transient: false,
            retry_after: None,
        }
    }

    fn transient(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            transient: true,
            retry_after: None,
        }
    }
}

impl fmt::Display for NetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for NetError {}

/// The parsed URL when it is one brief fetches (`http`/`https` with a host), else why not.
pub fn check_url(url: &str) -> Result<url::Url, NetError> {
    let parsed =
        url::Url::parse(url.trim()).map_err(|e| NetError::fatal(format!("not a URL ({e})")))?;
    match parsed.scheme() {
        "http" | "https" => {}
        other => {
            return Err(NetError::fatal(format!(
                "only http and https URLs are fetched, not '{other}:'"
            )));
        }
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(NetError::fatal("the URL has no host"));
    }
    Ok(parsed)
}

/// The key under which requests to a URL's server are counted (`host:port`).
pub fn host_key(url: &str) -> String {
    url::Url::parse(url).map_or_else(
        |_| String::new(),
        |u| {
            format!(
                "{}:{}",
                u.host_str().unwrap_or(""),
                u.port_or_known_default().unwrap_or(0)
            )
        },
    )
}

/// An HTTP client; cheap to share between threads (`&Client` is `Send`).
pub struct Client {
    agent: ureq::Agent,
    settings: Settings,
}

impl Client {
    /// A client with these settings.
    pub fn new(settings: Settings) -> Self {
        let t = settings.timeout;
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(10)
            .max_redirects_will_error(true)
            .timeout_resolve(Some(t))
            .timeout_connect(Some(t))
            .timeout_per_read(Some(t))
            .timeout_per_write(Some(t))
            // A server that sends a byte now and then never trips the read timeout.
            .timeout_per_call(Some(t.saturating_mul(4)))
            .user_agent(concat!(
                "brief/",
                env!("CARGO_PKG_VERSION"),
                " (news reader)"
            ))
            .max_idle_connections_per_host(2)
            .build();
        Self {
            agent: config.into(),
            settings,
        }
    }

    /// The settings it was made with.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// GET `url` (`accept` as the `Accept` header), conditional when `validators` are given,
    /// retried with back-off on transient failures.
    pub fn get(
        &self,
        url: &str,
        accept: &str,
        validators: Option<&Validators>,
    ) -> Result<Outcome, NetError> {
        check_url(url)?;
        let mut attempt = 0;
        loop {
            match self.get_once(url, accept, validators) {
                Err(e) if e.transient && attempt < self.settings.retries => {
                    let backoff = self.settings.backoff.saturating_mul(1 << attempt.min(16));
                    let wait = match e.retry_after {
                        Some(w) if w > MAX_RETRY_AFTER => return Err(e),
                        Some(w) => w.max(backoff),
                        None => backoff,
                    };
                    std::thread::sleep(wait);
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    fn get_once(
        &self,
        url: &str,
        accept: &str,
        validators: Option<&Validators>,
    ) -> Result<Outcome, NetError> {
        let mut req = self.agent.get(url).header("Accept", accept);
        if let Some(v) = validators {
            if let Some(e) = &v.etag {
                req = req.header("If-None-Match", e);
            }
            if let Some(m) = &v.last_modified {
                req = req.header("If-Modified-Since", m);
            }
        }
        let https = url
            .trim_start()
            .get(..6)
            .is_some_and(|s| s.eq_ignore_ascii_case("https:"));
        let mut resp = req.call().map_err(|e| self.problem(e, https))?;
        let status = resp.status().as_u16();
        if status == 304 {
            return Ok(Outcome::NotModified);
        }
        if !(200..300).contains(&status) {
            return Err(status_problem(status, resp.headers()));
        }
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let etag = header("etag");
        let last_modified = header("last-modified");
        let final_url = resp.get_uri().to_string();
        let mime = resp.body().mime_type().map(str::to_ascii_lowercase);
        let charset = resp.body().charset().map(str::to_string);
        let body = resp
            .body_mut()
            .with_config()
            .limit(self.settings.max_body)
            .read_to_vec()
            .map_err(|e| self.problem(e, https))?;
        Ok(Outcome::Fetched(Page {
            url: final_url,
            body,
            mime,
            charset,
            etag,
            last_modified,
        }))
    }

    /// One line for a transport error (`https`: whether the request was made over TLS, where
    /// bad data on the connection is TLS refusing it).
    fn problem(&self, e: ureq::Error, https: bool) -> NetError {
        let secs = self.settings.timeout.as_secs_f64();
        match e {
            ureq::Error::Timeout(_) => {
                NetError::transient(format!("timed out (no answer within {secs} s)"))
            }
            ureq::Error::HostNotFound => NetError::fatal("host not found"),
            ureq::Error::ConnectionFailed => NetError::transient("could not connect"),
            ureq::Error::TooManyRedirects => {
                NetError::fatal("too many redirects (more than 10; a redirect loop?)")
            }
            ureq::Error::RedirectFailed => NetError::fatal("a redirect that cannot be followed"),
            ureq::Error::BadUri(u) => NetError::fatal(format!("bad URL ({u})")),
            ureq::Error::BodyExceedsLimit(_) => NetError::fatal(format!(
                "larger than {} MB (after decompression), the most brief reads",
                self.settings.max_body / (1024 * 1024)
            )),
            ureq::Error::Decompress(how, _) => {
                NetError::fatal(format!("bad {how} data in the response"))
            }
            ureq::Error::Tls(m) => NetError::fatal(format!("TLS failure: {m}")),
            ureq::Error::Rustls(e) => NetError::fatal(format!("TLS failure: {e}")),
            ureq::Error::Pem(e) => NetError::fatal(format!("TLS failure: {e}")),
            ureq::Error::LargeResponseHeader(..) => NetError::fatal("response headers too large"),
            ureq::Error::Protocol(e) => NetError::fatal(format!("not a valid HTTP response ({e})")),
            ureq::Error::Io(e) => match e.kind() {
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => {
                    NetError::transient(format!("timed out (no answer within {secs} s)"))
                }
                std::io::ErrorKind::ConnectionRefused => NetError::transient("connection refused"),
                std::io::ErrorKind::ConnectionReset
                | std::io::ErrorKind::ConnectionAborted
                | std::io::ErrorKind::UnexpectedEof
                | std::io::ErrorKind::BrokenPipe => {
                    NetError::transient("the connection was closed before the response ended")
                }
                std::io::ErrorKind::InvalidData if https => {
                    NetError::fatal(format!("TLS failure: {e}"))
                }
                std::io::ErrorKind::InvalidData => {
                    NetError::fatal(format!("bad data in the response ({e})"))
                }
                _ if e.to_string().contains("lookup address") => NetError::fatal("host not found"),
                _ => {
                    let msg = e.to_string();
                    let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
                    NetError::transient(msg.to_lowercase())
                }
            },
            other => NetError::fatal(other.to_string()),
        }
    }
}

/// One line for a status that is neither 2xx nor 304.
fn status_problem(status: u16, headers: &ureq::http::HeaderMap) -> NetError {
    let reason = ureq::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("");
    let code = if reason.is_empty() {
        format!("HTTP {status}")
    } else {
        format!("HTTP {status} {reason}")
    };
    match status {
        404 => NetError::fatal(format!("not found ({code})")),
        410 => NetError::fatal(format!("gone for good ({code})")),
        429 => {
            let after = headers
                .get("retry-after")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok())
                .map(Duration::from_secs);
            let mut e = NetError::transient(format!("rate limited by the server ({code})"));
            // A date in Retry-After, or none at all: the usual back-off.
            e.retry_after = after;
            e
        }
        500..=599 => NetError::transient(format!("server error ({code})")),
        401 | 403 => NetError::fatal(format!("access refused ({code})")),
        _ => NetError::fatal(code),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_with_a_host_are_fetched() {
        assert!(check_url("https://example.org/a").is_ok());
        assert!(check_url("http://127.0.0.1:8080/feed").is_ok());
        let e = check_url("ftp://example.org/feed").unwrap_err();
        assert!(e.message.contains("only http and https"), "{e}");
        assert!(check_url("file:///etc/passwd").is_err());
        assert!(check_url("not a url").is_err());
        assert!(check_url("javascript:alert(1)").is_err());
    }

    #[test]
    fn host_keys_count_ports() {
        assert_eq!(host_key("https://example.org/a"), "example.org:443");
        assert_eq!(host_key("http://127.0.0.1:81/b"), "127.0.0.1:81");
        assert_eq!(host_key("::"), "");
    }
}
