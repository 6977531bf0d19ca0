//! The control endpoints under `/__emulator` (not part of the hosting API; for
//! development and tests only): unauthenticated, so they are guarded instead.
//!
//! - Only loopback peers (403 otherwise).
//! - Only a loopback `Host` (`localhost`, `127.x.x.x`, `[::1]`, any port; 403
//!   otherwise): a page of another site that rebinds its DNS name to 127.0.0.1 still
//!   sends its own name, so it cannot read the request log.
//! - A POST must be `Content-Type: application/json` (415 otherwise): that is not a
//!   "simple" request, so a cross-site page cannot send it without a CORS preflight,
//!   which these routes never grant (they carry no CORS headers, whatever
//!   `--cors-origin` says).
//! - `--no-control` removes them (every `/__emulator` path answers 404).
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
    http::{header, HeaderMap, Method, StatusCode},
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

/// The routes when `--no-control` is given: every `/__emulator` path is unknown.
pub fn disabled() -> Router<AppState> {
    Router::new()
        .route("/__emulator", any(switched_off))
        .route("/__emulator/", any(switched_off))
        .route("/__emulator/{*rest}", any(switched_off))
}

async fn switched_off() -> Response {
    json::message(
        StatusCode::NOT_FOUND,
        "Not found (the control endpoints are switched off by --no-control)",
    )
}

/// Refuses peers that are not on the loopback interface (403; requests without a
/// peer address, in-process tests, are local by construction), a `Host` that is not
/// a loopback name or address (403), and a POST that is not JSON (415).
async fn loopback_only(State(_): State<AppState>, request: Request, next: Next) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip());
    if peer.is_some_and(|ip| !ip.to_canonical().is_loopback()) {
        return json::message(
            StatusCode::FORBIDDEN,
            "The control endpoints answer only on the loopback interface",
        );
    }
    if !host_is_loopback(request.headers()) {
        return json::message(
            StatusCode::FORBIDDEN,
            "The control endpoints answer only to a loopback Host (localhost, 127.0.0.1, [::1])",
        );
    }
    if request.method() == Method::POST && !is_json(request.headers()) {
        return json::message(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "A control POST needs Content-Type: application/json",
        );
    }
    next.run(request).await
}

/// Whether the `Host` header names this machine: `localhost`, `127.x.x.x` or `[::1]`,
/// with or without a port. A missing or unreadable `Host` is not.
pub fn host_is_loopback(headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
        return false;
    };
    let name = if let Some(rest) = host.strip_prefix('[') {
        // `[v6]` or `[v6]:port`
        match rest.split_once(']') {
            Some((v6, tail)) if tail.is_empty() || tail.strip_prefix(':').is_some_and(is_port) => {
                return v6
                    .parse::<std::net::Ipv6Addr>()
                    .is_ok_and(|ip| ip.is_loopback());
            }
            _ => return false,
        }
    } else {
        match host.split_once(':') {
            Some((name, port)) if is_port(port) => name,
            Some(_) => return false,
            None => host,
        }
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::Ipv4Addr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// 1 to 5 digits.
fn is_port(port: &str) -> bool {
    (1..=5).contains(&port.len()) && port.bytes().all(|b| b.is_ascii_digit())
}

/// Whether the `Content-Type` is `application/json` (any parameters, any case).
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
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
