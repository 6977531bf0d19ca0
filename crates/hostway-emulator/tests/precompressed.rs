//! The front end's files: precompressed `.br`/`.gz` siblings chosen by
//! `Accept-Encoding`, validators (`ETag`, `Cache-Control: no-cache`, 304), the wasm
//! content type; and `--latency-ms`, which delays the API only.

mod common;

use std::{
    path::PathBuf,
    time::{Duration, Instant},
};

use axum::{
    body::Body,
    http::{header, HeaderMap, Method, Request, StatusCode},
    Router,
};
use common::{webmail, USER};
use hostway_emulator::{app, demo, AppState, ServeOptions};
use http_body_util::BodyExt;
use tower::ServiceExt;

const JS: &str = "export default 1;";
const JS_BR: &[u8] = b"pretend brotli of app.js";
const JS_GZ: &[u8] = b"pretend gzip of app.js";
const WASM: &[u8] = b"\0asm\x01\0\0\0";
const WASM_BR: &[u8] = b"pretend brotli of the wasm";

/// A throw-away `dist/`: app.js with both siblings, the wasm with a `.br` only, and a
/// style sheet with none. The siblings' bytes are recognisable, not real compression:
/// the server only picks files, it never decodes them.
fn dist_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hostway-precomp-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("mkdir");
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).expect("write");
    write("index.html", b"<!doctype html><title>ox-panel</title>");
    write("app.js", JS.as_bytes());
    write("app.js.br", JS_BR);
    write("app.js.gz", JS_GZ);
    write("app_bg.wasm", WASM);
    write("app_bg.wasm.br", WASM_BR);
    write("style.css", b"body{}");
    dir
}

fn emulator(dist: Option<PathBuf>, latency_ms: u64) -> Router {
    let args = hostway_emulator::Args {
        listen: "127.0.0.1:0".to_owned(),
        fixture: None,
        dist,
        dist_prefix: "/".to_owned(),
        cors_origin: None,
        csp: hostway_emulator::cli::DEFAULT_CSP.to_owned(),
        no_control: false,
        latency_ms,
        cdn: false,
        headers: Vec::new(),
        bundle_url: None,
    };
    let options = ServeOptions::from_args(&args).expect("options");
    app(AppState::with_options(demo::fixture(), options))
}

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: header::HeaderName) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

async fn get(app: &Router, path: &str, headers: &[(header::HeaderName, &str)]) -> Answer {
    let mut request = Request::builder()
        .method(Method::GET)
        .uri(path)
        .header(header::HOST, "emu.test");
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    let request = request.body(Body::empty()).expect("request");
    let response = app.clone().oneshot(request).await.expect("infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

#[track_caller]
fn assert_revalidated(answer: &Answer) {
    assert_eq!(answer.header(header::CACHE_CONTROL), Some("no-cache"));
    assert_eq!(answer.header(header::VARY), Some("accept-encoding"));
    let etag = answer.header(header::ETAG).expect("an ETag");
    assert!(etag.starts_with('"') && etag.ends_with('"'), "{etag}");
}

#[tokio::test]
async fn brotli_is_chosen_when_accepted() {
    let app = emulator(Some(dist_dir("br")), 0);
    let answer = get(
        &app,
        "/app.js",
        &[(header::ACCEPT_ENCODING, "gzip, deflate, br")],
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body, JS_BR);
    assert_eq!(answer.header(header::CONTENT_ENCODING), Some("br"));
    assert!(answer
        .header(header::CONTENT_TYPE)
        .is_some_and(|t| t.contains("javascript")));
    assert_revalidated(&answer);
}

#[tokio::test]
async fn gzip_is_the_fallback_when_brotli_is_not_accepted() {
    let app = emulator(Some(dist_dir("gz")), 0);
    let answer = get(&app, "/app.js", &[(header::ACCEPT_ENCODING, "gzip")]).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body, JS_GZ);
    assert_eq!(answer.header(header::CONTENT_ENCODING), Some("gzip"));
    assert!(answer
        .header(header::CONTENT_TYPE)
        .is_some_and(|t| t.contains("javascript")));
    assert_revalidated(&answer);
}

#[tokio::test]
async fn identity_without_an_accepted_encoding() {
    let app = emulator(Some(dist_dir("identity")), 0);
    for accept in [None, Some("identity"), Some("zstd")] {
        let headers: Vec<_> = accept
            .map(|a| (header::ACCEPT_ENCODING, a))
            .into_iter()
            .collect();
        let answer = get(&app, "/app.js", &headers).await;
        assert_eq!(answer.status, StatusCode::OK, "{accept:?}");
        assert_eq!(answer.body, JS.as_bytes(), "{accept:?}");
        assert_eq!(answer.header(header::CONTENT_ENCODING), None, "{accept:?}");
        assert_revalidated(&answer);
    }
}

#[tokio::test]
async fn a_file_without_a_precompressed_sibling_is_sent_plain() {
    let app = emulator(Some(dist_dir("plain")), 0);
    let answer = get(&app, "/style.css", &[(header::ACCEPT_ENCODING, "br, gzip")]).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body, b"body{}");
    assert_eq!(answer.header(header::CONTENT_ENCODING), None);
    assert!(answer
        .header(header::CONTENT_TYPE)
        .is_some_and(|t| t.starts_with("text/css")));
    assert_revalidated(&answer);
    // The wasm has a .br but no .gz: gzip-only clients get it plain.
    let wasm = get(&app, "/app_bg.wasm", &[(header::ACCEPT_ENCODING, "gzip")]).await;
    assert_eq!(wasm.body, WASM);
    assert_eq!(wasm.header(header::CONTENT_ENCODING), None);
}

#[tokio::test]
async fn the_wasm_is_application_wasm_compressed_or_not() {
    let app = emulator(Some(dist_dir("wasm")), 0);
    let br = get(&app, "/app_bg.wasm", &[(header::ACCEPT_ENCODING, "br")]).await;
    assert_eq!(br.status, StatusCode::OK);
    assert_eq!(br.body, WASM_BR);
    assert_eq!(br.header(header::CONTENT_ENCODING), Some("br"));
    assert_eq!(br.header(header::CONTENT_TYPE), Some("application/wasm"));
    let plain = get(&app, "/app_bg.wasm", &[]).await;
    assert_eq!(plain.body, WASM);
    assert_eq!(plain.header(header::CONTENT_TYPE), Some("application/wasm"));
}

#[tokio::test]
async fn a_matching_if_none_match_gets_304_per_encoding() {
    let app = emulator(Some(dist_dir("etag")), 0);
    let first = get(&app, "/app.js", &[(header::ACCEPT_ENCODING, "br")]).await;
    let etag = first.header(header::ETAG).expect("ETag").to_owned();
    let again = get(
        &app,
        "/app.js",
        &[
            (header::ACCEPT_ENCODING, "br"),
            (header::IF_NONE_MATCH, &etag),
        ],
    )
    .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    assert_eq!(again.header(header::ETAG), Some(etag.as_str()));
    assert_revalidated(&again);
    // Another encoding is another representation: another tag, a full answer.
    let plain = get(&app, "/app.js", &[(header::IF_NONE_MATCH, &etag)]).await;
    assert_eq!(plain.status, StatusCode::OK);
    assert_eq!(plain.body, JS.as_bytes());
    assert_ne!(plain.header(header::ETAG), Some(etag.as_str()));
    // A stale tag (the file changed) gets the new file, even with If-Modified-Since.
    let stale = get(
        &app,
        "/app.js",
        &[
            (header::ACCEPT_ENCODING, "br"),
            (header::IF_NONE_MATCH, "\"0000000000000000-1\""),
            (header::IF_MODIFIED_SINCE, "Fri, 01 Jan 2100 00:00:00 GMT"),
        ],
    )
    .await;
    assert_eq!(stale.status, StatusCode::OK);
    assert_eq!(stale.body, JS_BR);
    // The index (also the client-side routes' fallback) is validated the same way.
    let index = get(&app, "/some/route", &[]).await;
    assert_eq!(index.status, StatusCode::OK);
    let tag = index.header(header::ETAG).expect("ETag").to_owned();
    let index_again = get(&app, "/some/route", &[(header::IF_NONE_MATCH, &tag)]).await;
    assert_eq!(index_again.status, StatusCode::NOT_MODIFIED);
}

#[tokio::test]
async fn latency_delays_the_api_only() {
    let latency = Duration::from_millis(300);
    let app = emulator(Some(dist_dir("latency")), 300);
    let started = Instant::now();
    let file = get(&app, "/app.js", &[]).await;
    let file_took = started.elapsed();
    assert_eq!(file.status, StatusCode::OK);
    let started = Instant::now();
    let api = get(
        &app,
        &webmail("john.smith"),
        &[(header::AUTHORIZATION, USER)],
    )
    .await;
    let api_took = started.elapsed();
    assert_eq!(
        api.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&api.body)
    );
    assert!(api_took >= latency, "the API answered after {api_took:?}");
    assert!(file_took < latency, "a file took {file_took:?}");
    // Without the flag nothing waits.
    let quick = emulator(None, 0);
    let started = Instant::now();
    get(
        &quick,
        &webmail("john.smith"),
        &[(header::AUTHORIZATION, USER)],
    )
    .await;
    assert!(started.elapsed() < latency);
}

#[test]
fn an_unbounded_latency_is_refused() {
    let args = hostway_emulator::Args {
        listen: "127.0.0.1:0".to_owned(),
        fixture: None,
        dist: None,
        dist_prefix: "/".to_owned(),
        cors_origin: None,
        csp: hostway_emulator::cli::DEFAULT_CSP.to_owned(),
        no_control: false,
        latency_ms: 600_001,
        cdn: false,
        headers: Vec::new(),
        bundle_url: None,
    };
    let err = ServeOptions::from_args(&args).expect_err("refused");
    assert_eq!(err.to_string(), "--latency-ms 600001: at most 600000");
}
