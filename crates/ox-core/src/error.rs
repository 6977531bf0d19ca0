//! Everything that can go wrong calling the API, as one enum.
//!
//! Error bodies come from the API, from proxies and from load balancers, so
//! [`error_from_response`] accepts anything (empty, truncated, HTML, binary) and
//! always returns a value. Raw bodies are never copied into errors: they are not ours
//! to show and a success body may hold a token.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use thiserror::Error;

use crate::url::UrlError;

/// A failed API call.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ApiError {
    /// The request never got an answer (connection refused, dropped, CORS...).
    #[error("network error: {0}")]
    Network(String),
    /// No answer in time.
    #[error("the server did not answer in time")]
    Timeout,
    /// The URL could not be built from the configuration.
    #[error("invalid request: {0}")]
    InvalidRequest(UrlError),
    /// 400 with a field map such as `{"type": "Required"}`.
    #[error("the request was refused: {}", fields_text(.0))]
    BadRequestFields(BTreeMap<String, String>),
    /// 400 with `{"message": ...}`.
    #[error("the request was refused: {0}")]
    BadRequestMessage(String),
    /// 401: bad credentials or not allowed.
    #[error("not authorized")]
    Unauthorized,
    /// 404, with the server's message if it gave one.
    #[error("not found{}", suffix(.0))]
    NotFound(Option<String>),
    /// 405.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// 409 (e.g. a BlackBerry service not in `open` billing status).
    #[error("conflict{}", suffix(.0))]
    Conflict(Option<String>),
    /// 5xx.
    #[error("server error {status}{}", suffix(.message))]
    Server {
        status: u16,
        message: Option<String>,
    },
    /// Any other status.
    #[error("unexpected status {0}")]
    UnexpectedStatus(u16),
    /// A body that could not be read as the expected JSON.
    #[error("unreadable response (status {status}): {detail}")]
    InvalidBody { status: u16, detail: String },
}

fn fields_text(fields: &BTreeMap<String, String>) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{k}: {v}"))
        .collect::<Vec<_>>()
        .join("; ")
}

fn suffix(message: &Option<String>) -> String {
    message
        .as_deref()
        .map(|m| format!(": {m}"))
        .unwrap_or_default()
}

impl ApiError {
    /// A stable short code, for tests, events and logs.
    pub fn kind(&self) -> &'static str {
        match self {
            ApiError::Network(_) => "network",
            ApiError::Timeout => "timeout",
            ApiError::InvalidRequest(_) => "invalid_request",
            ApiError::BadRequestFields(_) => "bad_request_fields",
            ApiError::BadRequestMessage(_) => "bad_request_message",
            ApiError::Unauthorized => "unauthorized",
            ApiError::NotFound(_) => "not_found",
            ApiError::MethodNotAllowed => "method_not_allowed",
            ApiError::Conflict(_) => "conflict",
            ApiError::Server { .. } => "server",
            ApiError::UnexpectedStatus(_) => "unexpected_status",
            ApiError::InvalidBody { .. } => "invalid_body",
        }
    }

    /// The HTTP status behind the error, when there was an answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Network(_) | ApiError::Timeout | ApiError::InvalidRequest(_) => None,
            ApiError::BadRequestFields(_) | ApiError::BadRequestMessage(_) => Some(400),
            ApiError::Unauthorized => Some(401),
            ApiError::NotFound(_) => Some(404),
            ApiError::MethodNotAllowed => Some(405),
            ApiError::Conflict(_) => Some(409),
            ApiError::Server { status, .. }
            | ApiError::UnexpectedStatus(status)
            | ApiError::InvalidBody { status, .. } => Some(*status),
        }
    }
}

impl From<UrlError> for ApiError {
    fn from(e: UrlError) -> Self {
        ApiError::InvalidRequest(e)
    }
}

/// An answer's body as JSON, however it was parsed: by `serde_json` from bytes
/// ([`JsonBody::from_bytes`], natively and in the tests), or by the browser's own parser
/// (the app reads `JSON.parse`'s value into a [`Value`]; its wasm carries no JSON text
/// parser). Everything after the parse is decided here, once, for both.
#[derive(Clone, Debug, PartialEq)]
pub enum JsonBody {
    /// Empty or only white space (a 204, say).
    Blank,
    /// Parsed.
    Json(Value),
    /// Not JSON; the parser's words, for the error's detail (never shown to users).
    NotJson(String),
}

impl JsonBody {
    /// Parses with `serde_json`; a UTF-8 byte-order mark, which some servers prepend and
    /// JSON parsers refuse, is dropped first (the browser's `Response.text()` drops it too).
    pub fn from_bytes(body: &[u8]) -> Self {
        let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
        if body.iter().all(u8::is_ascii_whitespace) {
            return JsonBody::Blank;
        }
        match serde_json::from_slice(body) {
            Ok(value) => JsonBody::Json(value),
            Err(e) => JsonBody::NotJson(e.to_string()),
        }
    }
}

fn message_of(map: &Map<String, Value>) -> Option<String> {
    ["message", "error"]
        .iter()
        .find_map(|k| map.get(*k).and_then(Value::as_str))
        .map(str::to_owned)
}

/// Text of one field error: a string, or a list of strings joined.
fn field_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => {
            let texts: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
            (!texts.is_empty()).then(|| texts.join("; "))
        }
        _ => None,
    }
}

fn bad_request(body: &JsonBody) -> ApiError {
    let invalid = |detail: String| ApiError::InvalidBody {
        status: 400,
        detail,
    };
    let map = match body {
        JsonBody::Blank => return invalid("empty body".to_owned()),
        JsonBody::Json(Value::Object(map)) => map,
        JsonBody::Json(_) => return invalid("the body is JSON but not an object".to_owned()),
        JsonBody::NotJson(e) => return invalid(format!("the body is not JSON ({e})")),
    };
    if let Some(Value::String(m)) = map.get("message") {
        return ApiError::BadRequestMessage(m.clone());
    }
    let fields: BTreeMap<String, String> = map
        .iter()
        .filter_map(|(k, v)| field_text(v).map(|t| (k.clone(), t)))
        .collect();
    if fields.is_empty() {
        invalid("no message and no field errors in the body".to_owned())
    } else {
        ApiError::BadRequestFields(fields)
    }
}

/// Turns a non-2xx answer into an [`ApiError`]. Never panics, whatever the body.
pub fn error_from_response(status: u16, body: &[u8]) -> ApiError {
    error_from_body(status, &JsonBody::from_bytes(body))
}

/// [`error_from_response`] for a body already parsed.
pub fn error_from_body(status: u16, body: &JsonBody) -> ApiError {
    let message = || match body {
        JsonBody::Json(Value::Object(map)) => message_of(map),
        _ => None,
    };
    match status {
        400 => bad_request(body),
        401 => ApiError::Unauthorized,
        404 => ApiError::NotFound(message()),
        405 => ApiError::MethodNotAllowed,
        408 => ApiError::Timeout,
        409 => ApiError::Conflict(message()),
        500..=599 => ApiError::Server {
            status,
            message: message(),
        },
        _ => ApiError::UnexpectedStatus(status),
    }
}

/// Reads a 2xx body as `T`; any other status goes through [`error_from_response`].
/// An empty body reads as JSON `null`, so `()` and `Option<T>` accept a 204.
pub fn parse_success<T: DeserializeOwned>(status: u16, body: &[u8]) -> Result<T, ApiError> {
    parse_body(status, JsonBody::from_bytes(body))
}

/// [`parse_success`] for a body already parsed.
pub fn parse_body<T: DeserializeOwned>(status: u16, body: JsonBody) -> Result<T, ApiError> {
    if !(200..300).contains(&status) {
        return Err(error_from_body(status, &body));
    }
    let invalid = |detail: String| ApiError::InvalidBody { status, detail };
    let value = match body {
        JsonBody::Blank => Value::Null,
        JsonBody::Json(value) => value,
        JsonBody::NotJson(e) => return Err(invalid(e)),
    };
    // Through one `Value`: whichever parser read the text, each answer type's
    // `Deserialize` is compiled once, for `Value` (a type error's detail has no line and
    // column, which nobody is shown).
    T::deserialize(value).map_err(|e| invalid(e.to_string()))
}
