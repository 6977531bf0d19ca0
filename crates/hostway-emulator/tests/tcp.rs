//! Over a real loopback connection with a raw TCP client: the `drop` fault (the
//! client must see the connection end with no answer at all), delays, and the
//! control endpoints.

use std::{
    net::SocketAddr,
    time::{Duration, Instant},
};

use hostway_emulator::{app, demo, AppState};
use serde_json::{json, Value};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::{TcpListener, TcpStream},
};

async fn start() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let router = app(AppState::new(demo::fixture()));
    tokio::spawn(async move {
        let _ = axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await;
    });
    addr
}

/// What came back on the socket: the bytes read, and how reading ended.
struct Raw {
    bytes: Vec<u8>,
    ended_with_error: bool,
}

impl Raw {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }

    fn status(&self) -> u16 {
        self.text()
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0)
    }

    fn body(&self) -> String {
        let text = self.text();
        text.split_once("\r\n\r\n")
            .map(|(_, b)| b.to_owned())
            .unwrap_or_default()
    }
}

/// Sends one request (`Connection: close`) byte for byte and reads until the server
/// closes the connection.
async fn send(addr: SocketAddr, method: &str, path: &str, auth: Option<&str>, body: &str) -> Raw {
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    let mut request = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    if let Some(auth) = auth {
        request.push_str(&format!("Authorization: {auth}\r\n"));
    }
    request.push_str(&format!(
        "Content-Type: application/json; charset=UTF-8\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    ));
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut bytes = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut bytes))
        .await
        .expect("the server answers or closes within 10 s");
    Raw {
        bytes,
        ended_with_error: read.is_err(),
    }
}

const JOHN: &str = "/api/accounts/test/email/test.com/usernames/john.smith/webmail";

#[tokio::test]
async fn a_drop_fault_closes_the_connection_without_any_answer() {
    let addr = start().await;
    let set = send(
        addr,
        "POST",
        "/__emulator/faults",
        None,
        r#"[{"pathContains": "john.smith", "drop": true, "times": 1}]"#,
    )
    .await;
    assert_eq!(set.status(), 204, "{}", set.text());

    let dropped = send(addr, "GET", JOHN, Some(demo::USER_AUTH), "").await;
    assert!(
        dropped.bytes.is_empty(),
        "no byte of an answer may reach the client, got {:?}",
        dropped.text()
    );
    let _ = dropped.ended_with_error; // EOF or reset: both are a connection error to an HTTP client.

    // The rule fired once; the server is still there and answers normally.
    let again = send(addr, "GET", JOHN, Some(demo::USER_AUTH), "").await;
    assert_eq!(again.status(), 200, "{}", again.text());
    assert!(again.body().contains("\"type\":\"standard\""));

    // The dropped request was logged like any other.
    let log = send(addr, "GET", "/__emulator/requests", None, "").await;
    let log: Value = serde_json::from_str(&log.body()).expect("log");
    assert_eq!(log.as_array().map(Vec::len), Some(2));
    assert_eq!(log[0]["path"], JOHN);
}

#[tokio::test]
async fn a_dropped_put_is_not_applied() {
    let addr = start().await;
    send(
        addr,
        "POST",
        "/__emulator/faults",
        None,
        r#"[{"method": "PUT", "drop": true}]"#,
    )
    .await;
    let dropped = send(
        addr,
        "PUT",
        JOHN,
        Some(demo::USER_AUTH),
        r#"{"type": "premium"}"#,
    )
    .await;
    assert!(dropped.bytes.is_empty());
    let action = "/api/accounts/test/exchange/test.com/mailboxes/john.smith/blackberry/action";
    let dropped = send(
        addr,
        "PUT",
        action,
        Some(demo::USER_AUTH),
        r#"{"action": "wipe"}"#,
    )
    .await;
    assert!(dropped.bytes.is_empty());
    send(addr, "POST", "/__emulator/faults", None, "[]").await;
    let get = send(addr, "GET", JOHN, Some(demo::USER_AUTH), "").await;
    assert!(get.body().contains("\"type\":\"standard\""));
    let actions = send(addr, "GET", "/__emulator/actions", None, "").await;
    assert_eq!(actions.body(), "[]");
}

#[tokio::test]
async fn a_delayed_drop_waits_first() {
    let addr = start().await;
    send(
        addr,
        "POST",
        "/__emulator/faults",
        None,
        r#"[{"drop": true, "delayMs": 250}]"#,
    )
    .await;
    let started = Instant::now();
    let dropped = send(addr, "GET", JOHN, Some(demo::USER_AUTH), "").await;
    assert!(started.elapsed() >= Duration::from_millis(250));
    assert!(dropped.bytes.is_empty());
}

#[tokio::test]
async fn status_and_delay_faults_over_tcp() {
    let addr = start().await;
    send(
        addr,
        "POST",
        "/__emulator/faults",
        None,
        r#"[{"pathContains": "/webmail", "status": 502, "body": "Bad gateway", "delayMs": 150, "times": 1}]"#,
    )
    .await;
    let started = Instant::now();
    let faulted = send(addr, "GET", JOHN, Some(demo::USER_AUTH), "").await;
    assert!(started.elapsed() >= Duration::from_millis(150));
    assert_eq!(faulted.status(), 502);
    assert_eq!(faulted.body(), "Bad gateway");
    assert_eq!(
        send(addr, "GET", JOHN, Some(demo::USER_AUTH), "")
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn control_endpoints_over_tcp_log_paths_and_bodies_exactly() {
    let addr = start().await;
    let fixture = json!({
        "credentials": {"Bearer t": "admin"},
        "accounts": {"acc 1": {"domains": {"d.com": {"mailboxes": {"ü+x": {}}}}}}
    });
    let reset = send(
        addr,
        "POST",
        "/__emulator/reset",
        None,
        &fixture.to_string(),
    )
    .await;
    assert_eq!(reset.status(), 204, "{}", reset.text());
    // Lower-case hex, a literal '+', a query with an encoded '*': kept as sent.
    let path = "/api/accounts/acc%201/email/d.com/usernames/%c3%bc+x/webmail";
    let body = "{ \"type\" : \"premium\" }";
    assert_eq!(
        send(addr, "PUT", path, Some("Bearer t"), body)
            .await
            .status(),
        204
    );
    let get = send(addr, "GET", path, Some("Bearer t"), "").await;
    assert!(
        get.body().contains("\"type\":\"premium\""),
        "{}",
        get.text()
    );
    let list = "/api/accounts/acc%201/email/d.com/usernames?filterUsername=%C3%BC%2A&details=1";
    let listed = send(addr, "GET", list, Some("Bearer t"), "").await;
    assert!(
        listed.body().contains("\"totalCount\":1"),
        "{}",
        listed.text()
    );
    let log = send(addr, "GET", "/__emulator/requests", None, "").await;
    assert_eq!(log.status(), 200);
    let log: Value = serde_json::from_str(&log.body()).expect("log");
    assert_eq!(
        log,
        json!([
            {"method": "PUT", "path": path, "body": body},
            {"method": "GET", "path": path, "body": ""},
            {"method": "GET", "path": list, "body": ""},
        ])
    );
    // The old demo data is gone.
    let demo_get = send(addr, "GET", JOHN, Some(demo::USER_AUTH), "").await;
    assert_eq!(demo_get.status(), 401);
}

/// Sends a request with exactly these header lines (plus `Connection: close` and the
/// length) and reads the whole answer.
async fn send_with_headers(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[&str],
    body: &str,
) -> Raw {
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    let mut request = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
    for line in headers {
        request.push_str(line);
        request.push_str("\r\n");
    }
    request.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut bytes = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut bytes))
        .await
        .expect("the server answers or closes within 10 s");
    Raw {
        bytes,
        ended_with_error: read.is_err(),
    }
}

#[tokio::test]
async fn control_endpoints_over_tcp_refuse_other_hosts_and_non_json_posts() {
    let addr = start().await;
    let own_host = format!("Host: {addr}");
    // DNS rebinding: a loopback peer, but the attacker's name in Host.
    let rebound = send_with_headers(
        addr,
        "GET",
        "/__emulator/requests",
        &["Host: attacker.example"],
        "",
    )
    .await;
    assert_eq!(rebound.status(), 403, "{}", rebound.text());
    assert!(
        !rebound.body().contains("\"method\""),
        "no log leaks: {}",
        rebound.body()
    );
    // What a cross-site form can send: a "simple" content type.
    for ct in ["text/plain", "application/x-www-form-urlencoded"] {
        let ct_line = format!("Content-Type: {ct}");
        let posted = send_with_headers(
            addr,
            "POST",
            "/__emulator/faults",
            &[&own_host, &ct_line],
            r#"[{"status": 500}]"#,
        )
        .await;
        assert_eq!(posted.status(), 415, "{}", posted.text());
    }
    // Nothing was installed.
    let faults = send_with_headers(addr, "GET", "/__emulator/faults", &[&own_host], "").await;
    assert_eq!(faults.status(), 200);
    assert_eq!(faults.body(), "[]");
    let localhost = format!("Host: localhost:{}", addr.port());
    let ok = send_with_headers(
        addr,
        "POST",
        "/__emulator/faults",
        &[&localhost, "Content-Type: application/json"],
        "[]",
    )
    .await;
    assert_eq!(ok.status(), 204, "{}", ok.text());
}
