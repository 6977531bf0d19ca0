//! The OpenAPI 3.0 document of the emulated subset, served unauthenticated at
//! `/api/openapi.json` for host-panel teams.

use axum::{http::StatusCode, response::Response};

/// The checked-in document.
pub const OPENAPI_JSON: &str = include_str!("../../openapi.json");

/// `GET /api/openapi.json`.
pub async fn document() -> Response {
    crate::json::raw_json(StatusCode::OK, OPENAPI_JSON)
}
