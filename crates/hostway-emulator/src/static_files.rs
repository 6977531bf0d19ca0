//! The built front end (`--dist`): served at `/` and under `--dist-prefix`, with
//! `index.html` for every unknown non-API path (the app routes on the client), and a
//! strict Content-Security-Policy on every one of these answers.
//!
//! A file `X` is answered from `X.br` or `X.gz` next to it when the request's
//! `Accept-Encoding` allows (with `Content-Encoding`, the original's `Content-Type` and
//! `Vary: Accept-Encoding`), else from `X`. The bundle's names are stable (Trunk's
//! `filehash = false`), so the browser must revalidate every time (`Cache-Control:
//! no-cache`) and an unchanged file costs a 304: each answer carries an `ETag` made
//! from the bytes sent (so each encoding has its own), checked against `If-None-Match`.
//!
//! Headers: every answer gets `--csp`'s policy and `X-Content-Type-Options: nosniff`,
//! then each `--header` (replacing one of the same name); with `--cdn`, every answer that
//! is not an HTML page also gets `Access-Control-Allow-Origin: *` and
//! `Cross-Origin-Resource-Policy: cross-origin`.
//!
//! Host pages (docs/contract.md §5): a page `X.html` with a file `X.html.headers` next to
//! it is a host page with a policy of its own. It is answered with the headers that file
//! lists (`Name: value` lines, `#` comments), which win over the emulator's, never
//! compressed or cached; in it and in those headers `{nonce}` becomes a fresh random
//! nonce per answer, `{bundle}` the `--bundle-url` and `{bundle-origin}` that URL's
//! origin (`'self'` for a path).

use std::{
    hash::Hasher,
    path::{Path, PathBuf},
    sync::Arc,
};

use axum::{
    body::Body,
    extract::{Request, State},
    http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode},
    middleware::{self, Next},
    response::{IntoResponse, Response},
    Router,
};
use tower_http::services::{ServeDir, ServeFile};

use crate::{
    cli::{bundle_origin, parse_header_line, ServeOptions},
    state::AppState,
};

/// The largest file the validator reads to hash (far above any bundle file).
const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// Adds the front end to `router`, or a JSON 404 for non-API paths without `--dist`.
pub fn attach(router: Router<AppState>, options: &ServeOptions) -> Router<AppState> {
    let Some(dist) = &options.dist else {
        return router.fallback(not_served);
    };
    // ServeDir knows `.wasm` as application/wasm (mime_guess), which browsers need
    // for streaming compilation; with precompressed siblings it keeps that type.
    let index = ServeFile::new(dist.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    let files = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index);
    let mut defaults = vec![
        (header::CONTENT_SECURITY_POLICY, options.csp.clone()),
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
    ];
    for (name, value) in &options.headers {
        defaults.retain(|(n, _)| n != name);
        defaults.push((name.clone(), value.clone()));
    }
    let defaults = Arc::new(Defaults {
        headers: defaults,
        cdn: options.cdn,
    });
    let pages = Arc::new(HostPages {
        dist: dist.clone(),
        prefix: options.dist_prefix.clone(),
        bundle: options.bundle_url.clone(),
        bundle_origin: bundle_origin(&options.bundle_url).unwrap_or_else(|| "'self'".to_owned()),
    });
    let mut static_routes = Router::new();
    if let Some(prefix) = &options.dist_prefix {
        static_routes = static_routes.nest_service(prefix, files.clone());
    }
    let static_routes = static_routes
        .fallback_service(files)
        .layer(middleware::from_fn(validators))
        .layer(middleware::from_fn_with_state(pages, host_pages))
        .layer(middleware::from_fn_with_state(defaults, default_headers));
    router.merge(static_routes)
}

/// The headers every front-end answer gets unless it has its own.
struct Defaults {
    headers: Vec<(HeaderName, HeaderValue)>,
    cdn: bool,
}

async fn default_headers(
    State(defaults): State<Arc<Defaults>>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let headers = response.headers_mut();
    for (name, value) in &defaults.headers {
        if !headers.contains_key(name) {
            headers.insert(name.clone(), value.clone());
        }
    }
    // A CDN's files are public: any origin may read them (a module script and the .wasm
    // are CORS requests), and a cross-origin isolated page may embed them (CORP). The
    // pages themselves are not a CDN's business.
    if defaults.cdn && !html {
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        );
        headers.insert(
            HeaderName::from_static("cross-origin-resource-policy"),
            HeaderValue::from_static("cross-origin"),
        );
    }
    response
}

/// Where the host pages are and what their placeholders become.
struct HostPages {
    dist: PathBuf,
    prefix: Option<String>,
    bundle: String,
    bundle_origin: String,
}

impl HostPages {
    /// The file of a request path that names an `.html` page under `dist` (plain
    /// segments only: no `..`, no encoded characters), if it has a `.headers` file.
    fn page_for(&self, path: &str) -> Option<(PathBuf, PathBuf)> {
        let rest = match &self.prefix {
            Some(prefix) => path
                .strip_prefix(prefix.as_str())
                .filter(|r| r.starts_with('/'))
                .unwrap_or(path),
            None => path,
        };
        let rest = rest.strip_prefix('/')?;
        let plain = |seg: &str| {
            !seg.is_empty()
                && !seg.starts_with('.')
                && seg
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        };
        if !rest.ends_with(".html") || !rest.split('/').all(plain) {
            return None;
        }
        let page = self.dist.join(rest);
        let headers = PathBuf::from(format!("{}.headers", page.display()));
        (page.is_file() && headers.is_file()).then_some((page, headers))
    }
}

/// A host page (see the module's documentation), or the next service for anything else.
async fn host_pages(State(pages): State<Arc<HostPages>>, request: Request, next: Next) -> Response {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return next.run(request).await;
    }
    let Some((page, headers)) = pages.page_for(request.uri().path()) else {
        return next.run(request).await;
    };
    match host_page(&pages, &page, &headers).await {
        Ok(response) => response,
        Err(why) => (StatusCode::INTERNAL_SERVER_ERROR, why).into_response(),
    }
}

async fn host_page(pages: &HostPages, page: &Path, headers: &Path) -> Result<Response, String> {
    let read = |path: &Path| {
        let path = path.to_owned();
        async move {
            tokio::fs::read_to_string(&path)
                .await
                .map_err(|e| format!("{}: {e}", path.display()))
        }
    };
    let (html, spec) = (read(page).await?, read(headers).await?);
    let nonce = nonce()?;
    let fill = |text: &str| {
        text.replace("{nonce}", &nonce)
            .replace("{bundle-origin}", &pages.bundle_origin)
            .replace("{bundle}", &pages.bundle)
    };
    let mut map = HeaderMap::new();
    map.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    // A new nonce every time: never reuse an answer.
    map.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    for (n, line) in spec.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (name, value) = parse_header_line(&fill(line)).ok_or_else(|| {
            format!(
                "{}:{}: not a \"Name: value\" header",
                headers.display(),
                n + 1
            )
        })?;
        map.insert(name, value);
    }
    let mut response = Response::new(Body::from(fill(&html)));
    *response.headers_mut() = map;
    Ok(response)
}

/// 128 random bits, hex (every hex digit is a base64 character, as a CSP nonce needs).
fn nonce() -> Result<String, String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| format!("no random nonce: {e}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Middleware around the file service: `Cache-Control`, `Vary`, `ETag`, and 304 for a
/// matching `If-None-Match`. Range requests and `HEAD` pass through (no ETag).
async fn validators(request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    let if_none_match = parts.headers.remove(header::IF_NONE_MATCH);
    if if_none_match.is_some() {
        // RFC 9110 §13.1.3: If-None-Match, when present, decides alone.
        parts.headers.remove(header::IF_MODIFIED_SINCE);
    }
    let hashable = parts.method == Method::GET && !parts.headers.contains_key(header::RANGE);
    let mut response = next.run(Request::from_parts(parts, body)).await;
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if !hashable || response.status() != StatusCode::OK {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_FILE_BYTES).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(&bytes);
    let etag = format!("\"{:016x}-{:x}\"", hasher.finish(), bytes.len());
    let matched = if_none_match
        .as_ref()
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| etag_matches(value, &etag));
    if let Ok(value) = HeaderValue::from_str(&etag) {
        parts.headers.insert(header::ETAG, value);
    }
    if matched {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// `If-None-Match` against our (strong) tag, with the weak comparison the header
/// uses: `*`, or any listed tag equal to ours with or without `W/`.
fn etag_matches(if_none_match: &str, etag: &str) -> bool {
    if_none_match.trim() == "*"
        || if_none_match
            .split(',')
            .map(str::trim)
            .any(|tag| tag.strip_prefix("W/").unwrap_or(tag) == etag)
}

async fn not_served() -> axum::response::Response {
    crate::json::message(
        axum::http::StatusCode::NOT_FOUND,
        "Not found. The API is under /api; start with --dist DIR to serve the front end.",
    )
}

#[cfg(test)]
mod tests {
    use super::etag_matches;

    #[test]
    fn if_none_match_lists_and_weak_tags_match() {
        assert!(etag_matches("\"a-1\"", "\"a-1\""));
        assert!(etag_matches("\"x\", W/\"a-1\"", "\"a-1\""));
        assert!(etag_matches("*", "\"a-1\""));
        assert!(!etag_matches("\"a-2\"", "\"a-1\""));
        assert!(!etag_matches("a-1", "\"a-1\""));
    }
}
