//! Fault injection for `/api` requests, set through `POST /__emulator/faults`.
//!
//! The first rule that matches a request (and still has firings left) applies: it
//! waits `delayMs`, then either closes the connection without any answer (`drop`),
//! answers `status` with the raw `body` instead of the real answer, or (with neither)
//! lets the real handler answer late. Faulted requests are still logged, because the
//! request log sits outside this layer.

use std::{
    pin::Pin,
    task::{Context, Poll},
    time::Duration,
};

use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    http::{header, HeaderValue, StatusCode},
    middleware::Next,
    response::Response,
};
use serde::{Deserialize, Serialize};

use crate::{json, raw_path::raw_path, state::AppState};

/// One fault rule, as posted.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FaultRule {
    /// Only requests with this method (case-insensitive); absent: any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// Only requests whose raw path and query contain this; absent: any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_contains: Option<String>,
    /// Answer this status instead of the real answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// The raw body of the `status` answer (default empty). A JSON string is sent as
    /// its text; any other JSON value is sent serialised, as a convenience.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<serde_json::Value>,
    /// Wait this long before answering (or dropping).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delay_ms: Option<u64>,
    /// Close the connection without any answer.
    #[serde(default)]
    pub drop: bool,
    /// Fire at most this many times; absent: every time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<u32>,
}

/// The longest delay a rule may ask for (a typo must not hang a test run for hours).
pub const MAX_DELAY_MS: u64 = 600_000;

impl FaultRule {
    /// Checks what serde cannot: a real status code and a bounded delay.
    pub fn validate(&self) -> Result<(), String> {
        if let Some(status) = self.status {
            if !(100..=599).contains(&status) {
                return Err(format!("status {status} is not an HTTP status (100-599)"));
            }
            if self.drop {
                return Err("a rule cannot have both `status` and `drop`".to_owned());
            }
        }
        if self.delay_ms.is_some_and(|ms| ms > MAX_DELAY_MS) {
            return Err(format!("delayMs is at most {MAX_DELAY_MS}"));
        }
        Ok(())
    }

    fn matches(&self, method: &str, path: &str) -> bool {
        self.times != Some(0)
            && self
                .method
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(method))
            && self
                .path_contains
                .as_deref()
                .is_none_or(|needle| path.contains(needle))
    }
}

/// What a firing rule does, copied out of the lock.
struct Firing {
    delay: Option<Duration>,
    drop: bool,
    status: Option<u16>,
    body: Option<String>,
}

/// Finds the first matching rule, counts one firing, and returns what to do.
fn fire(state: &AppState, method: &str, path: &str) -> Option<Firing> {
    let mut rules = state.faults();
    let rule = rules.iter_mut().find(|rule| rule.matches(method, path))?;
    if let Some(times) = rule.times.as_mut() {
        *times -= 1;
    }
    Some(Firing {
        delay: rule.delay_ms.map(Duration::from_millis),
        drop: rule.drop,
        status: rule.status,
        body: match &rule.body {
            None => None,
            Some(serde_json::Value::String(text)) => Some(text.clone()),
            Some(value) => Some(value.to_string()),
        },
    })
}

/// Middleware: `--latency-ms`, every `/api` answer that much later (before any fault
/// rule's own delay).
pub async fn latency(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let latency = state.options().latency;
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    next.run(request).await
}

/// Middleware: applies the first matching fault rule, if any.
pub async fn inject(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = raw_path(&request);
    let Some(firing) = fire(&state, request.method().as_str(), &path) else {
        return next.run(request).await;
    };
    if let Some(delay) = firing.delay {
        tokio::time::sleep(delay).await;
    }
    if firing.drop {
        return dropped_connection();
    }
    match firing.status {
        Some(status) => status_answer(status, firing.body.unwrap_or_default()),
        None => next.run(request).await,
    }
}

/// The answer of a `status` rule: that status, the raw body, and a content type that
/// fits the body (JSON when it parses as JSON).
fn status_answer(status: u16, body: String) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let content_type = if body.is_empty() {
        None
    } else if serde_json::from_str::<serde_json::Value>(&body).is_ok() {
        Some(json::JSON_CONTENT_TYPE)
    } else {
        Some("text/plain; charset=utf-8")
    };
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    if let Some(content_type) = content_type {
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    }
    response
}

/// Marks a response whose connection is dropped, for the access log.
#[derive(Debug, Clone, Copy)]
pub struct Dropped;

/// A response whose body fails before its first byte. Hyper has only buffered the
/// status line and headers at that point; on the body error it closes the connection
/// without flushing them, so the client sees the connection end with no answer.
pub fn dropped_connection() -> Response {
    let mut response = Response::new(Body::new(FailingBody));
    response.extensions_mut().insert(Dropped);
    response
}

struct FailingBody;

impl http_body::Body for FailingBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        Poll::Ready(Some(Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionAborted,
            "connection dropped by an emulator fault rule",
        ))))
    }

    fn is_end_stream(&self) -> bool {
        false
    }
}
