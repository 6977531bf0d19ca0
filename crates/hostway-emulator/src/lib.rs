//! hostway-emulator: a faithful stand-in for the hosting provider's REST API (the OX
//! webmail and BlackBerry endpoints), for the demo, the browser tests and the teams
//! that embed the panel. See `docs/contract.md` §5 for its command line, control
//! endpoints and fixture shape, and `DEMO.md` for the built-in data set.
//!
//! [`app`] builds the router (usable in-process with `tower::ServiceExt::oneshot`);
//! [`run`] parses nothing, binds, prints `hostway-emulator listening on http://ADDR`
//! and serves until Ctrl-C.

pub mod access_log;
pub mod auth;
pub mod blackberry_log;
pub mod cli;
pub mod control;
pub mod demo;
pub mod error;
pub mod faults;
pub mod fixture;
pub mod json;
pub mod raw_path;
pub mod request_log;
pub mod routes;
pub mod state;
pub mod static_files;
pub mod token;

use std::{
    io::{IsTerminal, Write},
    net::SocketAddr,
    time::Duration,
};

use axum::{
    http::{header, Method},
    middleware, Router,
};
use tower_http::cors::{AllowOrigin, CorsLayer};

pub use cli::{Args, ServeOptions};
pub use fixture::Fixture;
pub use state::AppState;

/// The whole application: `/api`, `/__emulator`, and the front end where configured.
pub fn app(state: AppState) -> Router {
    let options = state.options().clone();
    let api = routes::router()
        .layer(middleware::from_fn_with_state(
            state.clone(),
            faults::inject,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            faults::latency,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            request_log::record,
        ));
    let mut router = static_files::attach(Router::new().merge(api), &options);
    if let Some(origin) = options.cors_origin {
        router = router.layer(
            CorsLayer::new()
                // A list (of one) answers only requests from that origin.
                .allow_origin(AllowOrigin::list([origin]))
                .allow_methods([Method::GET, Method::PUT, Method::OPTIONS])
                .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
                .allow_credentials(true)
                .max_age(Duration::from_secs(600)),
        );
    }
    // Merged after the CORS layer, so no origin is ever allowed to call them.
    let router = router.merge(if options.control {
        control::router(state.clone())
    } else {
        control::disabled()
    });
    router
        .layer(middleware::from_fn(access_log::log))
        .with_state(state)
}

/// Why the emulator could not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// A command-line value is unusable.
    #[error(transparent)]
    Options(#[from] cli::OptionsError),
    /// The fixture file is unreadable or malformed.
    #[error(transparent)]
    Fixture(#[from] fixture::FixtureError),
    /// The address cannot be bound.
    #[error("cannot listen on {addr}: {reason}")]
    Bind {
        /// The `--listen` value.
        addr: String,
        /// Why, in words.
        reason: String,
    },
    /// Serving failed.
    #[error("server error: {0}")]
    Serve(#[from] std::io::Error),
}

fn bind_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::AddrInUse => {
            "the address is already in use (another server is listening on this port; \
             pick another with --listen 127.0.0.1:PORT, or port 0 for a free one)"
                .to_owned()
        }
        std::io::ErrorKind::PermissionDenied => {
            format!("permission denied ({err}); ports below 1024 need privileges")
        }
        _ => err.to_string(),
    }
}

/// Starts the emulator as the command line says and serves until Ctrl-C (or SIGTERM).
pub async fn run(args: Args) -> Result<(), RunError> {
    init_logging();
    let options = ServeOptions::from_args(&args)?;
    let fixture = match &args.fixture {
        Some(path) => Fixture::load(path)?,
        None => demo::fixture(),
    };
    let listener = tokio::net::TcpListener::bind(&args.listen)
        .await
        .map_err(|err| RunError::Bind {
            addr: args.listen.clone(),
            reason: bind_reason(&err),
        })?;
    let addr = listener.local_addr()?;
    let state = AppState::with_options(fixture, options);
    let app = app(state);
    {
        let mut stdout = std::io::stdout().lock();
        writeln!(stdout, "hostway-emulator listening on http://{addr}")?;
        stdout.flush()?;
    }
    tracing::info!(%addr, fixture = ?args.fixture, dist = ?args.dist, "started");

    let (stop_tx, mut stop_rx) = tokio::sync::watch::channel(false);
    let serve = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        shutdown_signal().await;
        tracing::info!("shutting down");
        let _ = stop_tx.send(true);
    });
    tokio::select! {
        result = serve => result?,
        () = async move {
            // Give open connections a few seconds to finish, then stop regardless
            // (a browser's keep-alive or a delayed fault must not hold the exit).
            let _ = stop_rx.wait_for(|stopped| *stopped).await;
            tokio::time::sleep(Duration::from_secs(5)).await;
        } => tracing::warn!("connections still open after 5 s; stopping anyway"),
    }
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}

/// Logs go to stderr (stdout carries only the "listening" line); `RUST_LOG`
/// overrides the default level `info`.
fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .try_init();
}
