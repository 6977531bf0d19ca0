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

use std::hash::Hasher;

use axum::{
    body::Body,
    extract::Request,
    http::{header, HeaderValue, Method, StatusCode},
    middleware::{self, Next},
    response::{IntoResponse, Response},
    Router,
};
use tower_http::{
    services::{ServeDir, ServeFile},
    set_header::SetResponseHeaderLayer,
};

use crate::{cli::ServeOptions, state::AppState};

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
    let csp =
        SetResponseHeaderLayer::overriding(header::CONTENT_SECURITY_POLICY, options.csp.clone());
    let nosniff = SetResponseHeaderLayer::overriding(
        header::X_CONTENT_TYPE_OPTIONS,
        header::HeaderValue::from_static("nosniff"),
    );
    let mut static_routes = Router::new();
    if let Some(prefix) = &options.dist_prefix {
        static_routes = static_routes.nest_service(prefix, files.clone());
    }
    let static_routes = static_routes
        .fallback_service(files)
        .layer(middleware::from_fn(validators))
        .layer(csp)
        .layer(nosniff);
    router.merge(static_routes)
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
