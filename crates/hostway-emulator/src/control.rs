//! The control endpoints under `/__emulator` (not part of the hosting API):
//! unauthenticated, and answered only to loopback peers.
//!
//! - `POST /__emulator/reset`: a fixture JSON body replaces all state and clears the
//!   request log, the action log and the fault rules (an empty body loads the demo data).
//! - `GET /__emulator/requests`: every `/api` request since the last reset.
//! - `POST /__emulator/faults`: replaces the fault rules (`[]` clears them);
//!   `GET` shows them with the firings they have left.
//! - `GET /__emulator/actions`: every accepted BlackBerry action since the last reset.

use std::net::SocketAddr;

use axum::{
    body::Bytes,
    extract::{ConnectInfo, DefaultBodyLimit, Request, State},
    http::StatusCode,
    middleware::{self, Next},
    response::{IntoResponse, Response},
    routing::{any, get, post},
    Router,
};

use crate::{
    demo,
    faults::FaultRule,
    fixture::Fixture,
    json::{self, Json},
    state::AppState,
};

/// The control routes.
pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .route(
            "/__emulator/reset",
            post(reset).fallback(method_not_allowed),
        )
        .route(
            "/__emulator/requests",
            get(requests).fallback(method_not_allowed),
        )
        .route(
            "/__emulator/faults",
            post(set_faults)
                .get(get_faults)
                .fallback(method_not_allowed),
        )
        .route(
            "/__emulator/actions",
            get(actions).fallback(method_not_allowed),
        )
        .route("/__emulator", any(unknown))
        .route("/__emulator/", any(unknown))
        .route("/__emulator/{*rest}", any(unknown))
        .layer(middleware::from_fn_with_state(state, loopback_only))
        // Fixtures can be large (thousands of generated mailboxes).
        .layer(DefaultBodyLimit::max(64 * 1024 * 1024))
}

/// Refuses (403) peers that are not on the loopback interface. Requests without a
/// peer address (in-process tests) are local by construction.
async fn loopback_only(State(_): State<AppState>, request: Request, next: Next) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip());
    match peer {
        Some(ip) if !ip.to_canonical().is_loopback() => json::message(
            StatusCode::FORBIDDEN,
            "The control endpoints answer only on the loopback interface",
        ),
        _ => next.run(request).await,
    }
}

async fn reset(State(state): State<AppState>, body: Bytes) -> Response {
    let fixture = if body.iter().all(u8::is_ascii_whitespace) {
        demo::fixture()
    } else {
        match Fixture::from_json(&body, "request body") {
            Ok(fixture) => fixture,
            Err(err) => return json::message(StatusCode::BAD_REQUEST, err.to_string()),
        }
    };
    state.reset(fixture);
    tracing::info!("state reset");
    json::empty(StatusCode::NO_CONTENT)
}

async fn requests(State(state): State<AppState>) -> Response {
    let log = state.requests().clone();
    Json(StatusCode::OK, log).into_response()
}

async fn set_faults(State(state): State<AppState>, body: Bytes) -> Response {
    let mut de = serde_json::Deserializer::from_slice(&body);
    let rules: Vec<FaultRule> = match serde_path_to_error::deserialize(&mut de) {
        Ok(rules) => rules,
        Err(err) => {
            let path = err.path().to_string();
            return json::message(
                StatusCode::BAD_REQUEST,
                format!("Invalid fault rules at `{path}`: {}", err.into_inner()),
            );
        }
    };
    if let Err(err) = de.end() {
        return json::message(
            StatusCode::BAD_REQUEST,
            format!("Invalid fault rules: {err}"),
        );
    }
    for (index, rule) in rules.iter().enumerate() {
        if let Err(why) = rule.validate() {
            return json::message(
                StatusCode::BAD_REQUEST,
                format!("Invalid fault rule {index}: {why}"),
            );
        }
    }
    tracing::info!(rules = rules.len(), "fault rules set");
    *state.faults() = rules;
    json::empty(StatusCode::NO_CONTENT)
}

async fn get_faults(State(state): State<AppState>) -> Response {
    let rules = state.faults().clone();
    Json(StatusCode::OK, rules).into_response()
}

async fn actions(State(state): State<AppState>) -> Response {
    let records = state.actions().all().to_vec();
    Json(StatusCode::OK, records).into_response()
}

async fn method_not_allowed() -> Response {
    json::message(
        StatusCode::METHOD_NOT_ALLOWED,
        "This method is not supported here",
    )
}

async fn unknown() -> Response {
    json::message(
        StatusCode::NOT_FOUND,
        "Unknown control endpoint; see /__emulator/reset, /__emulator/requests, /__emulator/faults, /__emulator/actions",
    )
}
