//! The errors of the API routes, each answered as the hosting API answers it.

use axum::{
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};

use crate::json;

/// Why an API request fails.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// No `Authorization` header, an unknown one, or one bound to another account.
    #[error("{0}")]
    Unauthorized(&'static str),
    /// The account, domain, mailbox or path does not exist.
    #[error("{0}")]
    NotFound(String),
    /// The route exists but not for this method; `allow` lists the methods it has.
    #[error("Method {method} is not supported here")]
    MethodNotAllowed { method: String, allow: &'static str },
    /// A malformed request: bad JSON, a bad query parameter, an unknown action.
    #[error("{0}")]
    BadRequest(String),
    /// A request the rules refuse, with the exact body the server sends.
    #[error("rejected by the upgrade rules")]
    Rejected(serde_json::Value),
    /// The state does not allow it (a BlackBerry service not in billing status open).
    #[error("{0}")]
    Conflict(String),
    /// The request body is larger than the emulator accepts.
    #[error("The request body is larger than {0} bytes")]
    TooLarge(usize),
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let text = self.to_string();
        match self {
            // No `WWW-Authenticate: Basic` challenge: with it, a browser answers a script's
            // 401 with its own login prompt instead of handing the 401 to the panel.
            ApiError::Unauthorized(_) => json::message(StatusCode::UNAUTHORIZED, text),
            ApiError::NotFound(_) => json::message(StatusCode::NOT_FOUND, text),
            ApiError::MethodNotAllowed { allow, .. } => {
                let mut response = json::message(StatusCode::METHOD_NOT_ALLOWED, text);
                response
                    .headers_mut()
                    .insert(header::ALLOW, HeaderValue::from_static(allow));
                response
            }
            ApiError::BadRequest(_) => json::message(StatusCode::BAD_REQUEST, text),
            ApiError::Rejected(body) => json::Json(StatusCode::BAD_REQUEST, body).into_response(),
            ApiError::Conflict(_) => json::message(StatusCode::CONFLICT, text),
            ApiError::TooLarge(_) => json::message(StatusCode::PAYLOAD_TOO_LARGE, text),
        }
    }
}
