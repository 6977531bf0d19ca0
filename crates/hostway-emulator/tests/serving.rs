//! Serving the front end (`--dist`, `--dist-prefix`, `--csp`), CORS, the OpenAPI
//! document, and what the access log writes.

mod common;

use std::path::PathBuf;

use axum::{
    body::Body,
    http::{header, Method, Request},
};
use common::{webmail, Emu, USER};
use hostway_emulator::{app, cli::DEFAULT_CSP, demo, AppState, ServeOptions};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// A throw-away `dist/` with an index, a script, a style sheet and a wasm module.
fn dist_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hostway-emulator-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("assets")).expect("mkdir");
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>ox-panel</title>",
    )
    .expect("write");
    std::fs::write(dir.join("app.js"), "export default 1;").expect("write");
    std::fs::write(dir.join("assets/style.css"), "body{}").expect("write");
    std::fs::write(dir.join("app_bg.wasm"), b"\0asm\x01\0\0\0").expect("write");
    dir
}

fn emu_serving(dist: PathBuf, prefix: &str, csp: &str, cors: Option<&str>) -> Emu {
    let args = hostway_emulator::Args {
        listen: "127.0.0.1:0".to_owned(),
        fixture: None,
        dist: Some(dist),
        dist_prefix: prefix.to_owned(),
        cors_origin: cors.map(str::to_owned),
        csp: csp.to_owned(),
        no_control: false,
        latency_ms: 0,
        cdn: false,
        headers: Vec::new(),
        bundle_url: None,
    };
    let options = ServeOptions::from_args(&args).expect("options");
    let state = AppState::with_options(demo::fixture(), options);
    Emu {
        app: app(state.clone()),
        state,
    }
}

#[tokio::test]
async fn dist_is_served_with_spa_fallback_csp_and_wasm_type() {
    let emu = emu_serving(dist_dir("dist"), "/", DEFAULT_CSP, None);
    let index = emu.call(Method::GET, "/", None, None).await;
    assert_eq!(index.status.as_u16(), 200);
    assert!(index.body.contains("<title>ox-panel</title>"));
    assert!(index.content_type().starts_with("text/html"));
    assert_eq!(index.headers["content-security-policy"], DEFAULT_CSP);
    assert_eq!(
        DEFAULT_CSP,
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'self'"
    );
    let wasm = emu.call(Method::GET, "/app_bg.wasm", None, None).await;
    assert_eq!(wasm.status.as_u16(), 200);
    assert_eq!(wasm.content_type(), "application/wasm");
    assert_eq!(wasm.headers["content-security-policy"], DEFAULT_CSP);
    let js = emu.call(Method::GET, "/app.js", None, None).await;
    assert!(js.content_type().contains("javascript"));
    let css = emu.call(Method::GET, "/assets/style.css", None, None).await;
    assert!(css.content_type().starts_with("text/css"));
    for route in ["/mailbox/john.smith", "/deep/link?x=1", "/index.html"] {
        let page = emu.call(Method::GET, route, None, None).await;
        assert_eq!(page.status.as_u16(), 200, "{route}");
        assert!(page.body.contains("ox-panel"), "{route}");
        assert_eq!(page.headers["content-security-policy"], DEFAULT_CSP);
    }
    // The API is never shadowed by the front end.
    emu.call(Method::GET, "/api/nothing", Some(USER), None)
        .await
        .expect_message(404);
    emu.get(&webmail("john.smith"), USER).await.expect_json(200);
}

#[tokio::test]
async fn dist_is_served_under_a_prefix_too() {
    let emu = emu_serving(dist_dir("prefix"), "/panel/modules/ox/", DEFAULT_CSP, None);
    let js = emu
        .call(Method::GET, "/panel/modules/ox/app.js", None, None)
        .await;
    assert_eq!(
        (js.status.as_u16(), js.body.as_str()),
        (200, "export default 1;")
    );
    assert_eq!(js.headers["content-security-policy"], DEFAULT_CSP);
    let wasm = emu
        .call(Method::GET, "/panel/modules/ox/app_bg.wasm", None, None)
        .await;
    assert_eq!(wasm.content_type(), "application/wasm");
    let index = emu
        .call(Method::GET, "/panel/modules/ox/", None, None)
        .await;
    assert!(index.body.contains("ox-panel"));
    let css = emu
        .call(
            Method::GET,
            "/panel/modules/ox/assets/style.css",
            None,
            None,
        )
        .await;
    assert_eq!(css.body, "body{}");
    let fallback = emu
        .call(Method::GET, "/panel/modules/ox/some/route", None, None)
        .await;
    assert!(fallback.body.contains("ox-panel"));
    // Still at the root as well.
    let root = emu.call(Method::GET, "/app.js", None, None).await;
    assert_eq!(root.body, "export default 1;");
}

#[tokio::test]
async fn csp_can_be_changed() {
    let emu = emu_serving(dist_dir("csp"), "/", "default-src 'none'", None);
    let index = emu.call(Method::GET, "/", None, None).await;
    assert_eq!(
        index.headers["content-security-policy"],
        "default-src 'none'"
    );
}

#[tokio::test]
async fn without_dist_non_api_paths_are_json_404() {
    let emu = Emu::demo();
    emu.call(Method::GET, "/", None, None)
        .await
        .expect_message(404);
    emu.call(Method::GET, "/index.html", None, None)
        .await
        .expect_message(404);
}

#[tokio::test]
async fn cors_for_the_configured_origin() {
    let emu = emu_serving(
        dist_dir("cors"),
        "/",
        DEFAULT_CSP,
        Some("http://panel.example:3000"),
    );
    let preflight = Request::builder()
        .method(Method::OPTIONS)
        .uri(webmail("john.smith"))
        .header(header::ORIGIN, "http://panel.example:3000")
        .header(header::ACCESS_CONTROL_REQUEST_METHOD, "PUT")
        .header(
            header::ACCESS_CONTROL_REQUEST_HEADERS,
            "authorization, content-type",
        )
        .body(Body::empty())
        .expect("request");
    let response = emu.app.clone().oneshot(preflight).await.expect("ok");
    assert!(response.status().is_success());
    let h = response.headers();
    assert_eq!(
        h[header::ACCESS_CONTROL_ALLOW_ORIGIN],
        "http://panel.example:3000"
    );
    assert_eq!(h[header::ACCESS_CONTROL_ALLOW_CREDENTIALS], "true");
    let allowed = h[header::ACCESS_CONTROL_ALLOW_HEADERS]
        .to_str()
        .unwrap_or("")
        .to_ascii_lowercase();
    assert!(allowed.contains("authorization") && allowed.contains("content-type"));
    let methods = h[header::ACCESS_CONTROL_ALLOW_METHODS]
        .to_str()
        .unwrap_or("");
    assert!(methods.contains("PUT") && methods.contains("GET"));

    let get = Request::builder()
        .uri(webmail("john.smith"))
        .header(header::ORIGIN, "http://panel.example:3000")
        .header(header::AUTHORIZATION, USER)
        .body(Body::empty())
        .expect("request");
    let response = emu.app.clone().oneshot(get).await.expect("ok");
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response.headers()[header::ACCESS_CONTROL_ALLOW_ORIGIN],
        "http://panel.example:3000"
    );
    let other = Request::builder()
        .uri(webmail("john.smith"))
        .header(header::ORIGIN, "http://evil.example")
        .header(header::AUTHORIZATION, USER)
        .body(Body::empty())
        .expect("request");
    let response = emu.app.clone().oneshot(other).await.expect("ok");
    assert!(!response
        .headers()
        .contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN));

    // Without --cors-origin there are no CORS headers at all.
    let plain = Emu::demo();
    let get = Request::builder()
        .uri(webmail("john.smith"))
        .header(header::ORIGIN, "http://panel.example:3000")
        .header(header::AUTHORIZATION, USER)
        .body(Body::empty())
        .expect("request");
    let response = plain.app.clone().oneshot(get).await.expect("ok");
    assert!(!response
        .headers()
        .contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN));
}

#[tokio::test]
async fn bad_serving_options_are_refused() {
    let args = |dist: Option<PathBuf>, prefix: &str, csp: &str, cors: Option<&str>| {
        hostway_emulator::Args {
            listen: "127.0.0.1:0".to_owned(),
            fixture: None,
            dist,
            dist_prefix: prefix.to_owned(),
            cors_origin: cors.map(str::to_owned),
            csp: csp.to_owned(),
            no_control: false,
            latency_ms: 0,
            cdn: false,
            headers: Vec::new(),
            bundle_url: None,
        }
    };
    assert!(ServeOptions::from_args(&args(
        Some("/nonexistent/dir".into()),
        "/",
        DEFAULT_CSP,
        None
    ))
    .is_err());
    assert!(ServeOptions::from_args(&args(None, "/x/{y}", DEFAULT_CSP, None)).is_err());
    assert!(ServeOptions::from_args(&args(None, "/api", DEFAULT_CSP, None)).is_err());
    assert!(ServeOptions::from_args(&args(None, "/", "a\nb", None)).is_err());
    assert!(ServeOptions::from_args(&args(None, "/", DEFAULT_CSP, Some("*"))).is_err());
}

#[tokio::test]
async fn openapi_document_is_served_without_auth() {
    let emu = Emu::demo();
    let answer = emu.call(Method::GET, "/api/openapi.json", None, None).await;
    let doc = answer.expect_json(200);
    assert_eq!(doc["openapi"], "3.0.3");
    assert_eq!(doc, common::schema::document());
    // Every path the document names is one the emulator routes.
    for path in doc["paths"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, _)| k)
    {
        let concrete = path
            .replace("{account}", "test")
            .replace("{domain}", "test.com")
            .replace("{mailboxName}", "john.smith")
            .replace("{username}", "john.smith");
        let method = if concrete.ends_with("/action") {
            Method::PUT
        } else {
            Method::GET
        };
        let body = (method == Method::PUT).then_some(r#"{"action": "resendServiceBooks"}"#);
        let answer = emu
            .call(method.clone(), &format!("/api{concrete}"), Some(USER), body)
            .await;
        assert!(
            answer.status.is_success(),
            "{method} {concrete}: {}",
            answer.status
        );
    }
}

#[tokio::test]
async fn body_collect_helper_reads_empty_bodies() {
    // A 204 has no body bytes at all (not even "null").
    let emu = Emu::demo();
    let request = Request::builder()
        .method(Method::PUT)
        .uri(webmail("john.smith"))
        .header(header::AUTHORIZATION, USER)
        .body(Body::from(r#"{"type": "premium"}"#))
        .expect("request");
    let response = emu.app.clone().oneshot(request).await.expect("ok");
    assert_eq!(response.status().as_u16(), 204);
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    assert!(bytes.is_empty());
}

fn emu_hardened(dist: PathBuf, cdn: bool, headers: &[&str], bundle_url: Option<&str>) -> Emu {
    let args = hostway_emulator::Args {
        listen: "127.0.0.1:0".to_owned(),
        fixture: None,
        dist: Some(dist),
        dist_prefix: "/panel/".to_owned(),
        cors_origin: None,
        csp: DEFAULT_CSP.to_owned(),
        no_control: false,
        latency_ms: 0,
        cdn,
        headers: headers.iter().map(|h| (*h).to_owned()).collect(),
        bundle_url: bundle_url.map(str::to_owned),
    };
    let options = ServeOptions::from_args(&args).expect("options");
    let state = AppState::with_options(demo::fixture(), options);
    Emu {
        app: app(state.clone()),
        state,
    }
}

/// `dist_dir` plus a host page with a `.headers` file, and one without.
fn dist_with_host_page(tag: &str) -> PathBuf {
    let dir = dist_dir(tag);
    std::fs::create_dir_all(dir.join("examples/hardened")).expect("mkdir");
    std::fs::write(
        dir.join("examples/hardened/nonce.html"),
        r#"<script type="module" nonce="{nonce}" src="{bundle}app.js"></script>"#,
    )
    .expect("write");
    std::fs::write(
        dir.join("examples/hardened/nonce.html.headers"),
        "# the page's own policy\n\
         Content-Security-Policy: script-src 'nonce-{nonce}' 'strict-dynamic'; connect-src {bundle-origin}\n\
         \n\
         Cross-Origin-Opener-Policy: same-origin\n",
    )
    .expect("write");
    std::fs::write(dir.join("examples/hardened/plain.html"), "<p>plain</p>").expect("write");
    dir
}

#[tokio::test]
async fn host_pages_get_their_own_headers_and_a_fresh_nonce_per_answer() {
    let emu = emu_hardened(
        dist_with_host_page("host-pages"),
        false,
        &[],
        Some("http://127.0.0.1:9091/cdn/"),
    );
    let mut nonces = Vec::new();
    for path in [
        "/examples/hardened/nonce.html",
        "/panel/examples/hardened/nonce.html",
    ] {
        let page = emu.call(Method::GET, path, None, None).await;
        assert_eq!(page.status.as_u16(), 200, "{path}");
        assert!(page.content_type().starts_with("text/html"));
        let csp = page.headers["content-security-policy"]
            .to_str()
            .expect("ascii");
        let nonce = csp
            .strip_prefix("script-src 'nonce-")
            .and_then(|rest| rest.split('\'').next())
            .expect("a nonce in the policy")
            .to_owned();
        assert_eq!(nonce.len(), 32);
        assert!(nonce.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(
            csp,
            format!(
                "script-src 'nonce-{nonce}' 'strict-dynamic'; connect-src http://127.0.0.1:9091"
            )
        );
        assert_eq!(
            page.body,
            format!(
                r#"<script type="module" nonce="{nonce}" src="http://127.0.0.1:9091/cdn/app.js"></script>"#
            )
        );
        assert_eq!(page.headers["cross-origin-opener-policy"], "same-origin");
        assert_eq!(page.headers["cache-control"], "no-store");
        assert_eq!(page.headers["x-content-type-options"], "nosniff");
        assert!(!page.headers.contains_key("etag"));
        nonces.push(nonce);
    }
    assert_ne!(nonces[0], nonces[1], "a new nonce per answer");
    // A page without a .headers file is a plain file of the bundle.
    let plain = emu
        .call(Method::GET, "/examples/hardened/plain.html", None, None)
        .await;
    assert_eq!(plain.body, "<p>plain</p>");
    assert_eq!(plain.headers["content-security-policy"], DEFAULT_CSP);
    // Only plain paths name a host page.
    let odd = emu
        .call(
            Method::GET,
            "/examples/hardened/../hardened/nonce.html",
            None,
            None,
        )
        .await;
    assert!(!odd.body.contains("nonce=\""));
}

#[tokio::test]
async fn header_flags_replace_the_defaults_and_cdn_adds_cors_and_corp() {
    let emu = emu_hardened(
        dist_with_host_page("cdn"),
        true,
        &[
            "Cross-Origin-Embedder-Policy: require-corp",
            "Content-Security-Policy: default-src 'none'",
        ],
        None,
    );
    for path in [
        "/app.js",
        "/app_bg.wasm",
        "/assets/style.css",
        "/panel/app.js",
    ] {
        let file = emu.call(Method::GET, path, None, None).await;
        assert_eq!(file.status.as_u16(), 200, "{path}");
        assert_eq!(file.headers["access-control-allow-origin"], "*", "{path}");
        assert_eq!(file.headers["cross-origin-resource-policy"], "cross-origin");
        assert_eq!(file.headers["cross-origin-embedder-policy"], "require-corp");
        assert_eq!(
            file.headers["content-security-policy"],
            "default-src 'none'"
        );
    }
    // Pages are not the CDN's: no CORS on them (the standalone page holds a credential).
    let index = emu.call(Method::GET, "/", None, None).await;
    assert!(!index.headers.contains_key("access-control-allow-origin"));
    assert_eq!(
        index.headers["cross-origin-embedder-policy"],
        "require-corp"
    );
    // A host page's own headers win; {bundle} defaults to the site's root.
    let page = emu
        .call(Method::GET, "/examples/hardened/nonce.html", None, None)
        .await;
    assert!(page.body.contains(r#"src="/app.js""#));
    assert!(page.headers["content-security-policy"]
        .to_str()
        .is_ok_and(|v| v.ends_with("connect-src 'self'")));
    // Without --cdn: none of it.
    let plain = emu_serving(dist_dir("no-cdn"), "/", DEFAULT_CSP, None);
    let js = plain.call(Method::GET, "/app.js", None, None).await;
    assert!(!js.headers.contains_key("access-control-allow-origin"));
    assert!(!js.headers.contains_key("cross-origin-resource-policy"));
}

#[tokio::test]
async fn bad_header_and_bundle_url_flags_are_refused() {
    let args = |headers: &[&str], bundle_url: Option<&str>| hostway_emulator::Args {
        listen: "127.0.0.1:0".to_owned(),
        fixture: None,
        dist: None,
        dist_prefix: "/".to_owned(),
        cors_origin: None,
        csp: DEFAULT_CSP.to_owned(),
        no_control: false,
        latency_ms: 0,
        cdn: false,
        headers: headers.iter().map(|h| (*h).to_owned()).collect(),
        bundle_url: bundle_url.map(str::to_owned),
    };
    assert!(ServeOptions::from_args(&args(&["X-Ok: 1"], Some("https://cdn.example/ox/"))).is_ok());
    assert!(ServeOptions::from_args(&args(&["no colon"], None)).is_err());
    assert!(ServeOptions::from_args(&args(&[], Some("https://cdn.example"))).is_err());
    assert!(ServeOptions::from_args(&args(&[], Some("cdn/"))).is_err());
}
