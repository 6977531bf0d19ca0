//! The path and query of a request exactly as the client sent them (still
//! percent-encoded): what the request log records and what fault rules match on.

use axum::extract::Request;

/// `/api/...?query`, byte for byte as received.
pub fn raw_path(request: &Request) -> String {
    request
        .uri()
        .path_and_query()
        .map(|pq| pq.as_str().to_owned())
        .unwrap_or_else(|| request.uri().path().to_owned())
}
