//! The BlackBerry endpoints: status, statistics, actions.

mod common;

use axum::http::Method;
use common::{blackberry, schema::check_answer, Emu, ADMIN, USER};
use ox_core::types::{BillingStatus, BlackberryStatistics, BlackberryStatus};
use serde_json::json;

#[tokio::test]
async fn status_for_every_billing_status() {
    let emu = Emu::demo();
    for (mailbox, status) in [
        ("john.smith", "open"),
        ("bb.pending", "pending"),
        ("bb.suspended", "suspended"),
        ("bb.close-pending", "close_pending"),
        ("bb.closed", "closed"),
        ("bb.purge-pending", "purge_pending"),
    ] {
        for path in [
            blackberry(mailbox, ""),
            blackberry(mailbox, "").trim_end_matches('/').to_owned(),
        ] {
            let answer = emu.get(&path, USER).await;
            let body = answer.expect_json(200);
            check_answer("GET", &path, &answer);
            assert_eq!(body["billingStatus"], status);
            assert_eq!(
                body["links"][0]["href"],
                format!("http://emu.test{}", blackberry(mailbox, ""))
            );
            let parsed: BlackberryStatus = serde_json::from_str(&answer.body).expect("status");
            assert_eq!(parsed.billing_status, BillingStatus::parse(status));
        }
    }
}

#[tokio::test]
async fn statistics_as_documented() {
    let emu = Emu::demo();
    let path = blackberry("john.smith", "statistics");
    let answer = emu.get(&path, USER).await;
    let body = answer.expect_json(200);
    check_answer("GET", &path, &answer);
    assert_eq!(
        body["statistics"],
        json!({"name": "John Smith", "pin": 12345678, "deviceType": "BlackBerry Bold", "deviceStatus": "Running", "dataService": 1, "forwarded": 10, "sent": 4, "pending": 0, "filtered": 1, "lastTransactionResult": "OK", "lastFwdTime": "11/20/2026 10:00:00", "lastSentTime": "11/20/2026 10:05:00"})
    );
    // In the documented order.
    let keys: Vec<&str> = [
        "\"name\"",
        "\"pin\"",
        "\"deviceType\"",
        "\"deviceStatus\"",
        "\"dataService\"",
        "\"forwarded\"",
        "\"sent\"",
        "\"pending\"",
        "\"filtered\"",
        "\"lastTransactionResult\"",
        "\"lastFwdTime\"",
        "\"lastSentTime\"",
    ]
    .to_vec();
    let positions: Vec<usize> = keys
        .iter()
        .map(|k| answer.body.find(k).unwrap_or(usize::MAX))
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{}", answer.body);
    let parsed: BlackberryStatistics = serde_json::from_str(&answer.body).expect("statistics");
    assert_eq!(parsed.statistics.pin, Some(12_345_678));
    // Statistics of a non-open service are still readable.
    emu.get(&blackberry("bb.closed", "statistics"), USER)
        .await
        .expect_json(200);
}

#[tokio::test]
async fn a_device_without_data_has_nulls() {
    let emu = Emu::from_json(json!({
        "credentials": {USER: "user"},
        "accounts": {"a": {"domains": {"d.com": {"mailboxes": {"m": {"blackberry": {}}}}}}}
    }));
    let path = "/api/accounts/a/exchange/d.com/mailboxes/m/blackberry/statistics";
    let answer = emu.get(path, USER).await;
    let body = answer.expect_json(200);
    check_answer("GET", path, &answer);
    assert_eq!(body["statistics"]["pin"], json!(null));
    assert_eq!(body["statistics"]["lastFwdTime"], json!(null));
    let status = emu
        .get(
            "/api/accounts/a/exchange/d.com/mailboxes/m/blackberry/",
            USER,
        )
        .await;
    assert_eq!(status.expect_json(200)["billingStatus"], "open");
}

#[tokio::test]
async fn no_service_or_no_mailbox_is_404() {
    let emu = Emu::demo();
    for mailbox in ["no.blackberry", "nobody"] {
        for rest in ["", "statistics"] {
            let path = blackberry(mailbox, rest);
            let answer = emu.get(&path, USER).await;
            answer.expect_message(404);
            check_answer("GET", &path, &answer);
        }
        let path = blackberry(mailbox, "action");
        let answer = emu
            .put(&path, USER, r#"{"action": "wipe", "actionData": ""}"#)
            .await;
        answer.expect_message(404);
        check_answer("PUT", &path, &answer);
    }
    emu.get(
        "/api/accounts/test/exchange/nope.com/mailboxes/john.smith/blackberry/",
        USER,
    )
    .await
    .expect_message(404);
    emu.get(
        "/api/accounts/nope/exchange/test.com/mailboxes/john.smith/blackberry/",
        USER,
    )
    .await
    .expect_message(404);
    assert!(emu.state.actions().all().is_empty());
}

#[tokio::test]
async fn unsupported_methods_are_405_with_allow() {
    let emu = Emu::demo();
    let cases = [
        (
            blackberry("john.smith", ""),
            "GET, HEAD",
            vec![Method::PUT, Method::POST, Method::DELETE],
        ),
        (
            blackberry("john.smith", "")
                .trim_end_matches('/')
                .to_owned(),
            "GET, HEAD",
            vec![Method::POST],
        ),
        (
            blackberry("john.smith", "statistics"),
            "GET, HEAD",
            vec![Method::PUT, Method::POST, Method::DELETE],
        ),
        (
            blackberry("john.smith", "action"),
            "PUT",
            vec![Method::GET, Method::POST, Method::DELETE],
        ),
    ];
    for (path, allow, methods) in cases {
        for method in methods {
            let answer = emu
                .call(
                    method.clone(),
                    &path,
                    Some(USER),
                    Some(r#"{"action": "wipe"}"#),
                )
                .await;
            answer.expect_message(405);
            assert_eq!(answer.headers["allow"], allow, "{method} {path}");
            let documented = if allow == "PUT" { "PUT" } else { "GET" };
            check_answer(documented, &path, &answer);
        }
    }
    assert!(emu.state.actions().all().is_empty());
}

async fn device_status(emu: &Emu, mailbox: &str) -> String {
    let path = blackberry(mailbox, "statistics");
    emu.get(&path, USER).await.expect_json(200)["statistics"]["deviceStatus"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn accepted_actions_are_recorded_once_and_shown_in_the_statistics() {
    let emu = Emu::demo();
    for (mailbox, action, shown) in [
        ("john.smith", "wipe", "Wipe pending"),
        ("sync.user", "reinitialize", "Reinitialize pending"),
        ("premium.user", "resendServiceBooks", "Service books sent"),
    ] {
        assert_eq!(device_status(&emu, mailbox).await, "Running");
        let path = blackberry(mailbox, "action");
        let body = format!(r#"{{"action": "{action}", "actionData": ""}}"#);
        let answer = emu.put(&path, USER, &body).await;
        answer.expect_empty(202);
        check_answer("PUT", &path, &answer);
        assert_eq!(device_status(&emu, mailbox).await, shown);
        let records: Vec<_> = emu
            .state
            .actions()
            .all()
            .iter()
            .filter(|r| r.mailbox == mailbox)
            .cloned()
            .collect();
        assert_eq!(records.len(), 1, "recorded exactly once");
        assert_eq!(records[0].action, action);
    }
    // actionData may be left out; admins may act too.
    emu.put(
        &blackberry("big.user", "action"),
        ADMIN,
        r#"{"action": "wipe"}"#,
    )
    .await
    .expect_empty(202);
    assert_eq!(emu.state.actions().all().len(), 4);
    let seqs: Vec<u64> = emu.state.actions().all().iter().map(|r| r.seq).collect();
    assert_eq!(seqs, [1, 2, 3, 4]);
}

#[tokio::test]
async fn non_open_billing_is_409_naming_the_status_and_not_recorded() {
    let emu = Emu::demo();
    for (mailbox, status) in [
        ("bb.pending", "pending"),
        ("bb.suspended", "suspended"),
        ("bb.close-pending", "close_pending"),
        ("bb.closed", "closed"),
        ("bb.purge-pending", "purge_pending"),
    ] {
        let path = blackberry(mailbox, "action");
        let answer = emu
            .put(
                &path,
                USER,
                r#"{"action": "resendServiceBooks", "actionData": ""}"#,
            )
            .await;
        let message = answer.expect_message(409);
        assert!(message.contains(&format!("\"{status}\"")), "{message}");
        check_answer("PUT", &path, &answer);
        let stats = emu
            .get(&blackberry(mailbox, "statistics"), USER)
            .await
            .expect_json(200);
        assert_eq!(stats["statistics"]["deviceStatus"], "Running");
    }
    assert!(emu.state.actions().all().is_empty());
}

#[tokio::test]
async fn unknown_actions_and_malformed_bodies_are_400() {
    let emu = Emu::demo();
    let path = blackberry("john.smith", "action");
    for body in [
        r#"{"action": "explode", "actionData": ""}"#,
        r#"{"action": "Wipe"}"#,
        r#"{"actionData": ""}"#,
        r#"{"action": 1}"#,
        // actionData is a string when present (the OpenAPI document says so).
        r#"{"action": "wipe", "actionData": {}}"#,
        r#"{"action": "wipe", "actionData": null}"#,
        r#"{"action": "wipe", "actionData": 0}"#,
        r#"{"action": "wipe", "actionData": []}"#,
        "[]",
        "",
        "wipe",
    ] {
        let answer = emu.put(&path, USER, body).await;
        answer.expect_message(400);
        check_answer("PUT", &path, &answer);
    }
    assert!(emu.state.actions().all().is_empty());
    let stats = emu
        .get(&blackberry("john.smith", "statistics"), USER)
        .await
        .expect_json(200);
    assert_eq!(stats["statistics"]["deviceStatus"], "Running");
}
