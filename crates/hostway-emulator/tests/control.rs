//! The control endpoints, in-process: reset, request log, fault rules, action log,
//! and the loopback-only guard.

mod common;

use std::{
    net::SocketAddr,
    time::{Duration, Instant},
};

use axum::{
    body::Body,
    extract::ConnectInfo,
    http::{header, Method, Request},
};
use common::{blackberry, john_fixture, webmail, Emu, USER};
use serde_json::{json, Value};
use tower::ServiceExt;

async fn log(emu: &Emu) -> Value {
    emu.call(Method::GET, "/__emulator/requests", None, None)
        .await
        .expect_json(200)
}

async fn set_faults(emu: &Emu, rules: Value) {
    emu.post("/__emulator/faults", &rules.to_string())
        .await
        .expect_empty(204);
}

#[tokio::test]
async fn the_request_log_records_method_raw_path_and_raw_body() {
    let emu = Emu::demo();
    assert_eq!(log(&emu).await, json!([]));
    let odd =
        "/api/accounts/test/email/test.com/usernames/odd%20name%2Btag%2F%C3%BC%2350%25/webmail";
    emu.get(odd, USER).await.expect_json(200);
    let body = "{\"type\":  \"premium\" ,\n \"allowUpgrade\": true}";
    emu.put(&webmail("john.smith"), USER, body)
        .await
        .expect_empty(204);
    let query = "/api/accounts/test/email/big-domain.com/usernames?filterUsername=al%2A&page=1&pageSize=5&details=1";
    emu.get(query, USER).await.expect_json(200);
    emu.put(&blackberry("john.smith", "action"), USER, "not json")
        .await
        .expect_message(400);
    emu.call(Method::GET, "/api/nothing?x=%20", None, None)
        .await
        .expect_message(404);
    // Control requests and static files are not API requests.
    emu.call(Method::GET, "/__emulator/faults", None, None)
        .await
        .expect_json(200);
    assert_eq!(
        log(&emu).await,
        json!([
            {"method": "GET", "path": odd, "body": ""},
            {"method": "PUT", "path": "/api/accounts/test/email/test.com/usernames/john.smith/webmail", "body": body},
            {"method": "GET", "path": query, "body": ""},
            {"method": "PUT", "path": "/api/accounts/test/exchange/test.com/mailboxes/john.smith/blackberry/action", "body": "not json"},
            {"method": "GET", "path": "/api/nothing?x=%20", "body": ""},
        ])
    );
}

#[tokio::test]
async fn reset_replaces_all_state_and_clears_logs_and_faults() {
    let emu = Emu::demo();
    emu.put(&webmail("john.smith"), USER, r#"{"type": "premium"}"#)
        .await
        .expect_empty(204);
    emu.put(
        &blackberry("john.smith", "action"),
        USER,
        r#"{"action": "wipe"}"#,
    )
    .await
    .expect_empty(202);
    set_faults(&emu, json!([{"pathContains": "/never", "status": 500}])).await;
    assert_eq!(log(&emu).await.as_array().map(Vec::len), Some(2));

    let fixture = john_fixture(json!({"type": "activesync", "quota": 5120}));
    emu.post("/__emulator/reset", &fixture.to_string())
        .await
        .expect_empty(204);
    assert_eq!(log(&emu).await, json!([]));
    let faults = emu
        .call(Method::GET, "/__emulator/faults", None, None)
        .await;
    assert_eq!(faults.expect_json(200), json!([]));
    assert!(emu.state.actions().all().is_empty());
    let john = emu.get(&webmail("john.smith"), USER).await.expect_json(200);
    assert_eq!(john["type"], "activesync");
    emu.get(&webmail("sync.user"), USER)
        .await
        .expect_message(404);
    // The demo's bound credentials are not in this fixture.
    emu.get(&webmail("john.smith"), common::BOUND)
        .await
        .expect_message(401);

    // An empty body brings the demo data back.
    emu.post("/__emulator/reset", "").await.expect_empty(204);
    emu.get(&webmail("sync.user"), USER).await.expect_json(200);
    assert_eq!(
        emu.get(&webmail("john.smith"), USER).await.json()["type"],
        "standard"
    );
}

#[tokio::test]
async fn reset_with_a_bad_fixture_says_where_and_keeps_the_state() {
    let emu = Emu::demo();
    let bad = "{\"accounts\": {\"test\": {\"domains\": {\"test.com\": {\"mailboxes\": {\"x\": {\n\"allowUpgrade\": \"yes\"}}}}}}}";
    let message = emu.post("/__emulator/reset", bad).await.expect_message(400);
    assert!(
        message.contains("accounts.test.domains.test.com.mailboxes.x.allowUpgrade"),
        "{message}"
    );
    assert!(message.contains("line 2"), "{message}");
    let typo = emu
        .post("/__emulator/reset", r#"{"acounts": {}}"#)
        .await
        .expect_message(400);
    assert!(typo.contains("acounts"), "{typo}");
    emu.post("/__emulator/reset", "{").await.expect_message(400);
    emu.get(&webmail("john.smith"), USER).await.expect_json(200);
}

#[tokio::test]
async fn a_status_fault_answers_its_status_and_raw_body_and_is_still_logged() {
    let emu = Emu::demo();
    set_faults(
        &emu,
        json!([
            {"method": "put", "pathContains": "/webmail", "status": 502, "body": "{\"message\": \"Internal server error\"}"},
            {"pathContains": "/webmailNames", "status": 500, "body": "<html>oops</html>"},
            {"pathContains": "/blackberry/action", "status": 503},
        ]),
    )
    .await;
    let put = emu
        .put(&webmail("john.smith"), USER, r#"{"type": "premium"}"#)
        .await;
    assert_eq!(put.status.as_u16(), 502);
    assert_eq!(put.body, "{\"message\": \"Internal server error\"}");
    assert_eq!(put.content_type(), "application/json; charset=UTF-8");
    // The real handler did not run: the plan is unchanged.
    let get = emu.get(&webmail("john.smith"), USER).await;
    assert_eq!(
        get.expect_json(200)["type"],
        "standard",
        "GET is not matched by a PUT rule"
    );
    let names = emu
        .get("/api/accounts/test/email/test.com/webmailNames", USER)
        .await;
    assert_eq!(
        (names.status.as_u16(), names.body.as_str()),
        (500, "<html>oops</html>")
    );
    assert!(names.content_type().starts_with("text/plain"));
    let action = emu
        .put(
            &blackberry("john.smith", "action"),
            USER,
            r#"{"action": "wipe"}"#,
        )
        .await;
    assert_eq!((action.status.as_u16(), action.body.as_str()), (503, ""));
    assert!(
        emu.state.actions().all().is_empty(),
        "a faulted action is not applied"
    );
    // Faults apply before authentication, like a proxy in front of the API would.
    let anonymous = emu
        .call(
            Method::GET,
            "/api/accounts/test/email/test.com/webmailNames",
            None,
            None,
        )
        .await;
    assert_eq!(anonymous.status.as_u16(), 500);
    let logged = log(&emu).await;
    assert_eq!(logged.as_array().map(Vec::len), Some(5));
    assert_eq!(logged[0]["body"], r#"{"type": "premium"}"#);
}

#[tokio::test]
async fn times_bounds_firings_and_the_first_matching_rule_applies() {
    let emu = Emu::demo();
    set_faults(
        &emu,
        json!([
            {"pathContains": "john.smith", "status": 500, "times": 2},
            {"pathContains": "john", "status": 418},
        ]),
    )
    .await;
    let path = webmail("john.smith");
    assert_eq!(emu.get(&path, USER).await.status.as_u16(), 500);
    let rules = emu
        .call(Method::GET, "/__emulator/faults", None, None)
        .await
        .json();
    assert_eq!(rules[0]["times"], 1);
    assert_eq!(emu.get(&path, USER).await.status.as_u16(), 500);
    // Used up: the next rule matches now.
    assert_eq!(emu.get(&path, USER).await.status.as_u16(), 418);
    // `[]` clears.
    set_faults(&emu, json!([])).await;
    emu.get(&path, USER).await.expect_json(200);
}

#[tokio::test]
async fn a_delay_fault_delays_the_real_answer() {
    let emu = Emu::demo();
    set_faults(
        &emu,
        json!([{"pathContains": "/statistics", "delayMs": 300, "times": 1}]),
    )
    .await;
    let started = Instant::now();
    let answer = emu.get(&blackberry("john.smith", "statistics"), USER).await;
    assert!(started.elapsed() >= Duration::from_millis(300));
    answer.expect_json(200);
    // `times: 1`: used up, so the next request is not delayed.
    let rules = emu
        .call(Method::GET, "/__emulator/faults", None, None)
        .await
        .json();
    assert_eq!(rules[0]["times"], 0);
    emu.get(&blackberry("john.smith", "statistics"), USER)
        .await
        .expect_json(200);
    // Delay plus status.
    set_faults(
        &emu,
        json!([{"delayMs": 200, "status": 504, "body": "late"}]),
    )
    .await;
    let started = Instant::now();
    let answer = emu.get(&webmail("john.smith"), USER).await;
    assert!(started.elapsed() >= Duration::from_millis(200));
    assert_eq!(
        (answer.status.as_u16(), answer.body.as_str()),
        (504, "late")
    );
}

#[tokio::test]
async fn invalid_fault_rules_are_refused() {
    let emu = Emu::demo();
    for rules in [
        "{}",
        "[{\"status\": 99}]",
        "[{\"status\": 600}]",
        "[{\"status\": 500, \"drop\": true}]",
        "[{\"delayMs\": -1}]",
        "[{\"delayMs\": 99999999}]",
        "[{\"pathContain\": \"x\"}]",
        "[{\"times\": \"once\"}]",
        "nope",
    ] {
        emu.post("/__emulator/faults", rules)
            .await
            .expect_message(400);
    }
    let rules = emu
        .call(Method::GET, "/__emulator/faults", None, None)
        .await;
    assert_eq!(rules.expect_json(200), json!([]));
}

#[tokio::test]
async fn the_action_log_lists_accepted_actions() {
    let emu = Emu::demo();
    emu.put(
        &blackberry("john.smith", "action"),
        USER,
        r#"{"action": "reinitialize", "actionData": "x"}"#,
    )
    .await
    .expect_empty(202);
    emu.put(
        &blackberry("bb.closed", "action"),
        USER,
        r#"{"action": "wipe"}"#,
    )
    .await
    .expect_message(409);
    let actions = emu
        .call(Method::GET, "/__emulator/actions", None, None)
        .await;
    assert_eq!(
        actions.expect_json(200),
        json!([{"seq": 1, "account": "test", "domain": "test.com", "mailbox": "john.smith", "action": "reinitialize", "actionData": "x"}])
    );
}

#[tokio::test]
async fn control_paths_answer_json_errors() {
    let emu = Emu::demo();
    emu.call(Method::GET, "/__emulator/reset", None, None)
        .await
        .expect_message(405);
    emu.call(Method::DELETE, "/__emulator/requests", None, None)
        .await
        .expect_message(405);
    emu.call(Method::GET, "/__emulator/nothing", None, None)
        .await
        .expect_message(404);
    emu.call(Method::GET, "/__emulator", None, None)
        .await
        .expect_message(404);
}

#[tokio::test]
async fn control_endpoints_refuse_non_loopback_peers() {
    let emu = Emu::demo();
    let request = |peer: &str, path: &str| {
        let mut request = Request::builder()
            .method(Method::GET)
            .uri(path)
            .header(header::HOST, "127.0.0.1:8080")
            .body(Body::empty())
            .expect("request");
        let peer: SocketAddr = peer.parse().expect("addr");
        request.extensions_mut().insert(ConnectInfo(peer));
        request
    };
    for path in [
        "/__emulator/requests",
        "/__emulator/faults",
        "/__emulator/actions",
    ] {
        let remote = emu
            .app
            .clone()
            .oneshot(request("192.0.2.7:5555", path))
            .await
            .expect("ok");
        assert_eq!(remote.status().as_u16(), 403);
        let v6 = emu
            .app
            .clone()
            .oneshot(request("[2001:db8::1]:5555", path))
            .await
            .expect("ok");
        assert_eq!(v6.status().as_u16(), 403);
        for local in ["127.0.0.1:5555", "[::1]:5555", "[::ffff:127.0.0.1]:5555"] {
            let answer = emu
                .app
                .clone()
                .oneshot(request(local, path))
                .await
                .expect("ok");
            assert_eq!(answer.status().as_u16(), 200, "{local}");
        }
    }
}

/// A control request with exactly these headers (no peer address: in-process).
async fn raw_control(
    emu: &Emu,
    method: Method,
    path: &str,
    headers: &[(header::HeaderName, &str)],
    body: &str,
) -> common::Answer {
    let mut request = Request::builder().method(method).uri(path);
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    let response = emu
        .app
        .clone()
        .oneshot(request.body(Body::from(body.to_owned())).expect("request"))
        .await
        .expect("infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = http_body_util::BodyExt::collect(response.into_body())
        .await
        .expect("body")
        .to_bytes();
    common::Answer {
        status,
        headers,
        body: String::from_utf8(bytes.to_vec()).expect("utf-8"),
    }
}

#[tokio::test]
async fn control_posts_must_be_json() {
    let emu = Emu::demo();
    // A change that a reset would undo.
    emu.put(&webmail("john.smith"), USER, r#"{"type": "premium"}"#)
        .await
        .expect_empty(204);
    let refused: [Option<&str>; 5] = [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        Some("multipart/form-data; boundary=x"),
        Some("application/jsonx"),
    ];
    for path in ["/__emulator/reset", "/__emulator/faults"] {
        for content_type in refused {
            let mut headers = vec![(header::HOST, "127.0.0.1:8080")];
            if let Some(ct) = content_type {
                headers.push((header::CONTENT_TYPE, ct));
            }
            let answer = raw_control(&emu, Method::POST, path, &headers, "[]").await;
            let message = answer.expect_message(415);
            assert!(message.contains("application/json"), "{message}");
        }
    }
    // Nothing was reset: the change is still there.
    let settings = emu.get(&webmail("john.smith"), USER).await.expect_json(200);
    assert_eq!(settings["type"], "premium");
    // Any parameters and any case are fine.
    for ct in ["application/json", "Application/JSON; charset=UTF-8"] {
        let headers = [(header::HOST, "localhost"), (header::CONTENT_TYPE, ct)];
        raw_control(&emu, Method::POST, "/__emulator/faults", &headers, "[]")
            .await
            .expect_empty(204);
    }
    let headers = [
        (header::HOST, "localhost"),
        (header::CONTENT_TYPE, "application/json"),
    ];
    raw_control(&emu, Method::POST, "/__emulator/reset", &headers, "")
        .await
        .expect_empty(204);
    let settings = emu.get(&webmail("john.smith"), USER).await.expect_json(200);
    assert_eq!(settings["type"], "standard");
}

#[tokio::test]
async fn control_requests_need_a_loopback_host() {
    let emu = Emu::demo();
    for host in [
        "evil.example",
        "evil.example:8080",
        "127.0.0.1.evil.example",
        "localhost.evil.example",
        "localhost:80:80",
        "localhost:",
        "localhost:123456",
        "0.0.0.0:8080",
        "192.168.1.2",
        "[::2]:8080",
        "[::1]x",
        "[::1",
        "",
    ] {
        for (method, path) in [
            (Method::GET, "/__emulator/requests"),
            (Method::GET, "/__emulator/faults"),
            (Method::GET, "/__emulator/actions"),
            (Method::POST, "/__emulator/reset"),
            (Method::POST, "/__emulator/faults"),
        ] {
            let headers = [
                (header::HOST, host),
                (header::CONTENT_TYPE, "application/json"),
            ];
            let answer = raw_control(&emu, method.clone(), path, &headers, "[]").await;
            let message = answer.expect_message(403);
            assert!(message.contains("loopback Host"), "{host:?}: {message}");
        }
    }
    // No Host at all.
    raw_control(&emu, Method::GET, "/__emulator/requests", &[], "")
        .await
        .expect_message(403);
    for host in [
        "localhost",
        "LocalHost:9",
        "127.0.0.1",
        "127.0.0.1:8080",
        "127.1.2.3:1",
        "[::1]",
        "[::1]:8080",
        "[0:0:0:0:0:0:0:1]:8080",
    ] {
        raw_control(
            &emu,
            Method::GET,
            "/__emulator/requests",
            &[(header::HOST, host)],
            "",
        )
        .await
        .expect_json(200);
    }
}

fn emu_with(options: hostway_emulator::ServeOptions) -> Emu {
    let state =
        hostway_emulator::AppState::with_options(hostway_emulator::demo::fixture(), options);
    Emu {
        app: hostway_emulator::app(state.clone()),
        state,
    }
}

#[tokio::test]
async fn control_routes_never_carry_cors_headers() {
    let origin = "http://panel.example:3000";
    let emu = emu_with(hostway_emulator::ServeOptions {
        cors_origin: Some(header::HeaderValue::from_static(origin)),
        ..Default::default()
    });
    for path in [
        "/__emulator/reset",
        "/__emulator/faults",
        "/__emulator/requests",
    ] {
        let preflight = [
            (header::HOST, "127.0.0.1:8080"),
            (header::ORIGIN, origin),
            (header::ACCESS_CONTROL_REQUEST_METHOD, "POST"),
            (header::ACCESS_CONTROL_REQUEST_HEADERS, "content-type"),
        ];
        let answer = raw_control(&emu, Method::OPTIONS, path, &preflight, "").await;
        assert!(
            !answer
                .headers
                .contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN),
            "{path}: {:?}",
            answer.headers
        );
        let get = [(header::HOST, "127.0.0.1:8080"), (header::ORIGIN, origin)];
        let answer = raw_control(&emu, Method::GET, "/__emulator/requests", &get, "").await;
        assert_eq!(answer.status.as_u16(), 200);
        assert!(!answer
            .headers
            .contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN));
    }
    // The API keeps its CORS answer.
    let get = [
        (header::HOST, "127.0.0.1:8080"),
        (header::ORIGIN, origin),
        (header::AUTHORIZATION, USER),
    ];
    let answer = raw_control(&emu, Method::GET, &webmail("john.smith"), &get, "").await;
    assert_eq!(answer.status.as_u16(), 200);
    assert_eq!(answer.headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], origin);
}

#[tokio::test]
async fn no_control_switches_every_control_route_off() {
    use clap::Parser;
    let args =
        hostway_emulator::Args::try_parse_from(["hostway-emulator", "--no-control"]).expect("args");
    let options = hostway_emulator::ServeOptions::from_args(&args).expect("options");
    assert!(!options.control);
    let emu = emu_with(options);
    let headers = [
        (header::HOST, "127.0.0.1:8080"),
        (header::CONTENT_TYPE, "application/json"),
    ];
    for (method, path) in [
        (Method::POST, "/__emulator/reset"),
        (Method::GET, "/__emulator/requests"),
        (Method::POST, "/__emulator/faults"),
        (Method::GET, "/__emulator/faults"),
        (Method::GET, "/__emulator/actions"),
        (Method::GET, "/__emulator"),
        (Method::GET, "/__emulator/"),
    ] {
        let answer = raw_control(&emu, method, path, &headers, "").await;
        let message = answer.expect_message(404);
        assert!(message.contains("--no-control"), "{path}: {message}");
    }
    // The API is untouched.
    emu.get(&webmail("john.smith"), USER).await.expect_json(200);
    // Without the flag they are there.
    let args = hostway_emulator::Args::try_parse_from(["hostway-emulator"]).expect("args");
    assert!(
        hostway_emulator::ServeOptions::from_args(&args)
            .expect("options")
            .control
    );
}
