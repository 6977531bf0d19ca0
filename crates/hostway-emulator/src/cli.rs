//! The command line (`docs/contract.md` §5) and the serving options derived from it.

use std::{path::PathBuf, time::Duration};

use axum::http::{HeaderName, HeaderValue};
use clap::Parser;

/// The Content-Security-Policy sent with the front end unless `--csp` changes it.
pub const DEFAULT_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'self'";

/// A faithful stand-in for the Hostway hosting API, for demos and tests.
#[derive(Debug, Clone, Parser)]
#[command(name = "hostway-emulator", version, about)]
pub struct Args {
    /// Address to listen on; port 0 picks a free port (the printed line tells which).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub listen: String,
    /// Fixture JSON file to load instead of the built-in demo data.
    #[arg(long, value_name = "FILE")]
    pub fixture: Option<PathBuf>,
    /// Directory of the built front end to serve at `/` (index.html for unknown paths).
    #[arg(long, value_name = "DIR")]
    pub dist: Option<PathBuf>,
    /// A further path prefix under which the `--dist` files are served too,
    /// e.g. `/panel/modules/ox/`.
    #[arg(long, value_name = "PATH", default_value = "/")]
    pub dist_prefix: String,
    /// Allow this origin to call the API from a browser (CORS, with credentials).
    #[arg(long, value_name = "ORIGIN")]
    pub cors_origin: Option<String>,
    /// Content-Security-Policy sent with the `--dist` files.
    #[arg(long, value_name = "POLICY", default_value = DEFAULT_CSP)]
    pub csp: String,
    /// Switch off the control endpoints (`/__emulator/...` then answers 404). They are
    /// for development and tests only.
    #[arg(long)]
    pub no_control: bool,
    /// Answer every `/api` request this many milliseconds late (not the front end's
    /// files, not the control endpoints): a network's latency, for benchmarks.
    #[arg(long, value_name = "MS", default_value_t = 0)]
    pub latency_ms: u64,
    /// Serve the `--dist` files as a CDN does for pages on other origins: every answer
    /// that is not an HTML page gets `Access-Control-Allow-Origin: *` and
    /// `Cross-Origin-Resource-Policy: cross-origin`.
    #[arg(long)]
    pub cdn: bool,
    /// A header for every `--dist` answer, as `"Name: value"` (repeatable); it replaces
    /// the emulator's own of that name (`--csp`'s policy, for one).
    #[arg(long = "header", value_name = "NAME: VALUE")]
    pub headers: Vec<String>,
    /// Where the host pages that have a `.headers` file load the bundle from: `{bundle}`
    /// in them (and `{bundle-origin}` in their headers). An `http(s)://` URL or a path,
    /// ending in `/`; default `/`.
    #[arg(long, value_name = "URL")]
    pub bundle_url: Option<String>,
}

/// How the router serves what is not the API; checked once, so building the router
/// cannot fail.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The built front end, if any.
    pub dist: Option<PathBuf>,
    /// The extra prefix the front end is served under (`/panel/modules/ox`, no
    /// trailing slash), if any.
    pub dist_prefix: Option<String>,
    /// The Content-Security-Policy header value for the front end.
    pub csp: HeaderValue,
    /// The one origin allowed by CORS (never on the control endpoints), if any.
    pub cors_origin: Option<HeaderValue>,
    /// Whether the control endpoints `/__emulator/...` are served.
    pub control: bool,
    /// How late every `/api` answer is sent (`--latency-ms`).
    pub latency: Duration,
    /// `--cdn`: CORS and CORP on every front-end answer that is not an HTML page.
    pub cdn: bool,
    /// `--header` values, in order; each replaces the emulator's own of that name.
    pub headers: Vec<(HeaderName, HeaderValue)>,
    /// `--bundle-url` (default `/`).
    pub bundle_url: String,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            dist: None,
            dist_prefix: None,
            csp: HeaderValue::from_static(DEFAULT_CSP),
            cors_origin: None,
            control: true,
            latency: Duration::ZERO,
            cdn: false,
            headers: Vec::new(),
            bundle_url: "/".to_owned(),
        }
    }
}

/// A command-line value that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum OptionsError {
    /// `--dist` is not a directory.
    #[error("--dist {0}: not a directory")]
    DistNotADirectory(String),
    /// `--dist-prefix` is not a plain absolute path.
    #[error("--dist-prefix {0:?}: {1}")]
    BadPrefix(String, &'static str),
    /// `--csp` cannot be a header value.
    #[error("--csp: not a valid header value (no line breaks or control characters)")]
    BadCsp,
    /// `--cors-origin` is not an origin.
    #[error("--cors-origin {0:?}: expected an origin such as http://localhost:3000")]
    BadOrigin(String),
    /// `--latency-ms` is beyond what a fault may delay.
    #[error("--latency-ms {0}: at most {max}", max = crate::faults::MAX_DELAY_MS)]
    BadLatency(u64),
    /// `--header` is not `Name: value`.
    #[error("--header {0:?}: expected \"Name: value\" with a valid header name and value")]
    BadHeader(String),
    /// `--bundle-url` is neither an http(s) URL nor a path, or lacks its final `/`.
    #[error(
        "--bundle-url {0:?}: expected an http(s):// URL or a path starting with '/', ending in '/'"
    )]
    BadBundleUrl(String),
}

impl ServeOptions {
    /// Checks the command line's serving options.
    pub fn from_args(args: &Args) -> Result<ServeOptions, OptionsError> {
        if let Some(dist) = &args.dist {
            if !dist.is_dir() {
                return Err(OptionsError::DistNotADirectory(dist.display().to_string()));
            }
        }
        let csp = HeaderValue::from_str(&args.csp).map_err(|_| OptionsError::BadCsp)?;
        let cors_origin = match &args.cors_origin {
            None => None,
            Some(origin) => Some(parse_origin(origin)?),
        };
        if args.latency_ms > crate::faults::MAX_DELAY_MS {
            return Err(OptionsError::BadLatency(args.latency_ms));
        }
        Ok(ServeOptions {
            dist: args.dist.clone(),
            dist_prefix: normalize_prefix(&args.dist_prefix)?,
            csp,
            cors_origin,
            control: !args.no_control,
            latency: Duration::from_millis(args.latency_ms),
            cdn: args.cdn,
            headers: args
                .headers
                .iter()
                .map(|line| {
                    parse_header_line(line).ok_or_else(|| OptionsError::BadHeader(line.clone()))
                })
                .collect::<Result<_, _>>()?,
            bundle_url: match &args.bundle_url {
                None => "/".to_owned(),
                Some(url) if bundle_origin(url).is_some() => url.clone(),
                Some(url) => return Err(OptionsError::BadBundleUrl(url.clone())),
            },
        })
    }
}

/// `"Name: value"` → the header; `None` when either part is not valid in HTTP.
pub fn parse_header_line(line: &str) -> Option<(HeaderName, HeaderValue)> {
    let (name, value) = line.split_once(':')?;
    let name = HeaderName::from_bytes(name.trim().as_bytes()).ok()?;
    let value = HeaderValue::from_str(value.trim()).ok()?;
    Some((name, value))
}

/// The CSP source of a `--bundle-url`: its origin (`http://cdn.example:8081`), or
/// `'self'` for a path; `None` when it is neither, or does not end in `/`.
pub fn bundle_origin(url: &str) -> Option<String> {
    if !url.ends_with('/') || url.contains(char::is_whitespace) {
        return None;
    }
    if url.starts_with('/') && !url.starts_with("//") {
        return Some("'self'".to_owned());
    }
    let scheme_end = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))
        .map(|rest| url.len() - rest.len())?;
    let host_end = url[scheme_end..].find('/').map(|i| scheme_end + i)?;
    let origin = &url[..host_end];
    (host_end > scheme_end && !origin.contains(['\'', ';', ','])).then(|| origin.to_owned())
}

fn parse_origin(origin: &str) -> Result<HeaderValue, OptionsError> {
    let bad = || OptionsError::BadOrigin(origin.to_owned());
    let rest = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
        .ok_or_else(bad)?;
    if rest.is_empty() || rest.contains('/') || rest.contains(char::is_whitespace) {
        return Err(bad());
    }
    HeaderValue::from_str(origin).map_err(|_| bad())
}

/// `/panel/modules/ox/` → `Some("/panel/modules/ox")`; `/` → `None`.
pub fn normalize_prefix(prefix: &str) -> Result<Option<String>, OptionsError> {
    let bad = |why| OptionsError::BadPrefix(prefix.to_owned(), why);
    if !prefix.starts_with('/') {
        return Err(bad("must start with '/'"));
    }
    let trimmed = prefix.trim_end_matches('/');
    if trimmed.is_empty() {
        return Ok(None);
    }
    if trimmed.contains("//") {
        return Err(bad("must not contain empty segments"));
    }
    let plain = |c: char| c.is_ascii_alphanumeric() || "/-._~".contains(c);
    if !trimmed.chars().all(plain) {
        return Err(bad(
            "only letters, digits, '/', '-', '.', '_' and '~' are allowed",
        ));
    }
    let first = trimmed.split('/').nth(1).unwrap_or_default();
    if first == "api" || first == "__emulator" {
        return Err(bad("must not be under /api or /__emulator"));
    }
    Ok(Some(trimmed.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_normalised_and_checked() {
        assert_eq!(normalize_prefix("/").ok(), Some(None));
        assert_eq!(
            normalize_prefix("/panel/modules/ox/").ok(),
            Some(Some("/panel/modules/ox".to_owned()))
        );
        assert!(normalize_prefix("panel").is_err());
        assert!(normalize_prefix("/a//b").is_err());
        assert!(normalize_prefix("/{x}").is_err());
        assert!(normalize_prefix("/api/x").is_err());
    }

    #[test]
    fn header_lines_and_bundle_urls_are_checked() {
        let (name, value) =
            parse_header_line("Cross-Origin-Opener-Policy:  same-origin").expect("a header line");
        assert_eq!(
            (name.as_str(), value.to_str().ok()),
            ("cross-origin-opener-policy", Some("same-origin"))
        );
        assert!(parse_header_line("no colon").is_none());
        assert!(parse_header_line("bad name: x").is_none());
        assert_eq!(bundle_origin("/").as_deref(), Some("'self'"));
        assert_eq!(
            bundle_origin("http://127.0.0.1:9091/cdn/ox/").as_deref(),
            Some("http://127.0.0.1:9091")
        );
        for bad in [
            "http://x",
            "//cdn.example/",
            "ftp://x/",
            "http:///",
            "cdn/",
            "http://a b/",
        ] {
            assert!(bundle_origin(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn origins_are_checked() {
        assert!(parse_origin("http://localhost:3000").is_ok());
        assert!(parse_origin("https://panel.example").is_ok());
        assert!(parse_origin("localhost:3000").is_err());
        assert!(parse_origin("http://x/path").is_err());
    }
}
