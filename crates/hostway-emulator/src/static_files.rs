//! The built front end (`--dist`): served at `/` and under `--dist-prefix`, with
//! `index.html` for every unknown non-API path (the app routes on the client), and a
//! strict Content-Security-Policy on every one of these answers.

use axum::{http::header, Router};
use tower_http::{
    services::{ServeDir, ServeFile},
    set_header::SetResponseHeaderLayer,
};

use crate::{cli::ServeOptions, state::AppState};

/// Adds the front end to `router`, or a JSON 404 for non-API paths without `--dist`.
pub fn attach(router: Router<AppState>, options: &ServeOptions) -> Router<AppState> {
    let Some(dist) = &options.dist else {
        return router.fallback(not_served);
    };
    // ServeDir knows `.wasm` as application/wasm (mime_guess), which browsers need
    // for streaming compilation.
    let files = ServeDir::new(dist).fallback(ServeFile::new(dist.join("index.html")));
    let csp =
        SetResponseHeaderLayer::overriding(header::CONTENT_SECURITY_POLICY, options.csp.clone());
    let nosniff = SetResponseHeaderLayer::overriding(
        header::X_CONTENT_TYPE_OPTIONS,
        header::HeaderValue::from_static("nosniff"),
    );
    let mut static_routes = Router::new();
    if let Some(prefix) = &options.dist_prefix {
        static_routes = static_routes.nest_service(prefix, files.clone());
    }
    let static_routes = static_routes
        .fallback_service(files)
        .layer(csp)
        .layer(nosniff);
    router.merge(static_routes)
}

async fn not_served() -> axum::response::Response {
    crate::json::message(
        axum::http::StatusCode::NOT_FOUND,
        "Not found. The API is under /api; start with --dist DIR to serve the front end.",
    )
}
