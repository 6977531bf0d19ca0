//! The request log behind `GET /__emulator/requests`: every `/api` request since the
//! last reset, in order of arrival, with its path exactly as received (still
//! percent-encoded, query included) and its raw body. The `Authorization` header is
//! never recorded.

use axum::{
    body::{to_bytes, Body},
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};
use serde::Serialize;

use crate::{error::ApiError, raw_path::raw_path, state::AppState};

/// The largest request body the emulator reads.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// One logged request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoggedRequest {
    /// `GET`, `PUT`, ...
    pub method: String,
    /// Path and query exactly as received.
    pub path: String,
    /// The raw body (invalid UTF-8 replaced by U+FFFD).
    pub body: String,
}

/// Middleware: buffers the body, logs the request, and passes it on unchanged.
pub async fn record(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let bytes = match to_bytes(body, MAX_BODY_BYTES).await {
        Ok(bytes) => bytes,
        Err(_) => return ApiError::TooLarge(MAX_BODY_BYTES).into_response(),
    };
    let request = Request::from_parts(parts, Body::from(bytes.clone()));
    state.requests().push(LoggedRequest {
        method: request.method().as_str().to_owned(),
        path: raw_path(&request),
        body: String::from_utf8_lossy(&bytes).into_owned(),
    });
    next.run(request).await
}
