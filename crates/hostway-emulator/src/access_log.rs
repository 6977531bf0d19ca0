//! One log line per request: method, path (without the query), status and time.
//! Headers are never logged, so neither is `Authorization`.

use std::time::Instant;

use axum::{extract::Request, middleware::Next, response::Response};

use crate::faults::Dropped;

/// Middleware: logs each request once its answer is ready.
pub async fn log(request: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let elapsed_ms = format!("{:.2}", start.elapsed().as_secs_f64() * 1000.0);
    if response.extensions().get::<Dropped>().is_some() {
        tracing::info!(%method, %path, status = "dropped", %elapsed_ms, "request");
    } else {
        let status = response.status().as_u16();
        tracing::info!(%method, %path, status, %elapsed_ms, "request");
    }
    response
}
