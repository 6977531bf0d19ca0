//! JSON answers: every JSON body the emulator sends carries the content type the
//! hosting API documents, `application/json; charset=UTF-8`.

use axum::{
    body::Body,
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use serde::Serialize;

/// The content type of every JSON answer.
pub const JSON_CONTENT_TYPE: &str = "application/json; charset=UTF-8";

/// A serialisable value answered as JSON with a status.
pub struct Json<T>(pub StatusCode, pub T);

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        match serde_json::to_vec(&self.1) {
            Ok(bytes) => raw_json(self.0, bytes),
            Err(err) => {
                tracing::error!(%err, "could not serialise an answer");
                raw_json(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    br#"{"message": "Internal server error"}"#.to_vec(),
                )
            }
        }
    }
}

/// Bytes that already are JSON, answered with the JSON content type.
pub fn raw_json(status: StatusCode, bytes: impl Into<Body>) -> Response {
    let mut response = Response::new(bytes.into());
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(JSON_CONTENT_TYPE),
    );
    response
}

/// `{"message": text}` with a status: the shape the API uses for its errors.
pub fn message(status: StatusCode, text: impl Into<String>) -> Response {
    Json(
        status,
        MessageBody {
            message: text.into(),
        },
    )
    .into_response()
}

#[derive(Serialize)]
struct MessageBody {
    message: String,
}

/// An empty answer (204 No Content, 202 Accepted).
pub fn empty(status: StatusCode) -> Response {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = status;
    response
}
