//! The per-mailbox OX endpoints: webmail GET/PUT and the mailbox record.

mod common;

use axum::http::Method;
use common::{schema::check_answer, webmail, Emu, ADMIN, USER};
use hostway_emulator::demo::ODD_NAME;
use ox_core::types::{MailboxInfo, WebmailSettings};
use serde_json::json;

fn mailbox_path(name: &str) -> String {
    format!("/api/accounts/test/email/test.com/usernames/{name}/mailbox")
}

#[tokio::test]
async fn every_demo_mailbox_answers_and_parses_as_the_clients_types() {
    let emu = Emu::demo();
    let names: Vec<String> = emu.state.data().accounts["test"].domains["test.com"]
        .mailboxes
        .keys()
        .cloned()
        .collect();
    assert!(names.len() >= 15);
    for name in names {
        let segment = ox_core::url::encode_segment("mailbox", &name).expect("segment");
        let path = webmail(&segment);
        let answer = emu.get(&path, USER).await;
        answer.expect_json(200);
        check_answer("GET", &path, &answer);
        let settings: WebmailSettings =
            serde_json::from_str(&answer.body).expect("WebmailSettings");
        assert_eq!(
            settings.links[0].href,
            format!("http://emu.test{path}/"),
            "the self link is the request's own URL"
        );
        let token = settings.auth_token.expect("token").expose().to_owned();
        assert!(token.len() >= 40);

        let path = mailbox_path(&segment);
        let answer = emu.get(&path, USER).await;
        answer.expect_json(200);
        check_answer("GET", &path, &answer);
        let info: MailboxInfo = serde_json::from_str(&answer.body).expect("MailboxInfo");
        assert_eq!(info.username, name);
        assert_eq!(
            info.auth_token.expect("token").expose(),
            token,
            "one token per mailbox"
        );
    }
}

#[tokio::test]
async fn tokens_are_stable_across_restarts() {
    let a = Emu::demo().get(&webmail("sync.user"), USER).await.json();
    let b = Emu::demo().get(&webmail("sync.user"), USER).await.json();
    assert_eq!(a["authToken"], b["authToken"]);
    let c = Emu::demo().get(&webmail("premium.user"), USER).await.json();
    assert_ne!(a["authToken"], c["authToken"]);
}

#[tokio::test]
async fn odd_names_are_percent_decoded_exactly_once() {
    let emu = Emu::demo();
    let encoded = ox_core::url::encode_segment("mailbox", ODD_NAME).expect("segment");
    assert_eq!(encoded, "odd%20name%2Btag%2F%C3%BC%2350%25");
    let answer = emu.get(&webmail(&encoded), USER).await;
    let body = answer.expect_json(200);
    assert_eq!(
        body["links"][0]["href"],
        format!("http://emu.test/api/accounts/test/email/test.com/usernames/{encoded}/webmail/")
    );
    // `+` in a path segment is a plus, not a space.
    emu.get(&webmail("odd%20name+tag%2F%C3%BC%2350%25"), USER)
        .await
        .expect_json(200);
    // Decoded twice it would be another name: not found.
    emu.get(&webmail("odd%2520name%2Btag%2F%C3%BC%2350%25"), USER)
        .await
        .expect_message(404);
    // Malformed percent-encoding is a 400 with a JSON message.
    emu.get(&webmail("odd%zz"), USER).await.expect_message(400);
    emu.get(&webmail("%FF"), USER).await.expect_message(400);
    // A PUT reaches the same mailbox.
    emu.put(&webmail(&encoded), USER, r#"{"type": "premium"}"#)
        .await
        .expect_empty(204);
    let info = emu
        .get(&mailbox_path(&encoded), USER)
        .await
        .expect_json(200);
    assert_eq!(info["username"], ODD_NAME);
    assert_eq!(info["quota"], 25600);
}

#[tokio::test]
async fn unknown_account_domain_or_mailbox_is_404_json() {
    let emu = Emu::demo();
    for path in [
        "/api/accounts/nope/email/test.com/usernames/john.smith/webmail",
        "/api/accounts/test/email/nope.com/usernames/john.smith/webmail",
        "/api/accounts/test/email/test.com/usernames/nobody/webmail",
        "/api/accounts/nope/email/test.com/usernames/john.smith/mailbox",
        "/api/accounts/test/email/nope.com/usernames/john.smith/mailbox",
        "/api/accounts/test/email/test.com/usernames/nobody/mailbox",
    ] {
        let answer = emu.get(path, USER).await;
        answer.expect_message(404);
        check_answer("GET", path, &answer);
    }
    let put = emu
        .put(&webmail("nobody"), USER, r#"{"type": "premium"}"#)
        .await;
    put.expect_message(404);
    check_answer("PUT", &webmail("nobody"), &put);
    // 404 comes before the body is judged.
    emu.put(&webmail("nobody"), USER, "not json")
        .await
        .expect_message(404);
}

#[tokio::test]
async fn malformed_put_bodies_are_400_json_messages() {
    let emu = Emu::demo();
    let john = webmail("john.smith");
    for body in [
        "",
        "not json",
        "{",
        r#"{"type": "premium"} x"#,
        "[]",
        "\"premium\"",
        r#"{"type": 5}"#,
        r#"{"allowUpgrade": "no"}"#,
    ] {
        let answer = emu.put(&john, USER, body).await;
        let message = answer.expect_message(400);
        assert!(
            message.starts_with("The request body is"),
            "{body}: {message}"
        );
        check_answer("PUT", &john, &answer);
    }
    let john = emu.get(&webmail("john.smith"), USER).await.expect_json(200);
    assert_eq!(john["type"], "standard");
}

#[tokio::test]
async fn put_changes_are_visible_and_set_the_new_plan_quota() {
    let emu = Emu::demo();
    let john = webmail("john.smith");
    assert_eq!(
        emu.get(&mailbox_path("john.smith"), USER).await.json()["quota"],
        1024
    );
    emu.put(
        &john,
        USER,
        r#"{"type": "premium", "allowUpgrade": true, "resetPassword": true, "theme": "dark", "language": "de_DE", "timezone": "Europe/Berlin"}"#,
    )
    .await
    .expect_empty(204);
    let after = emu.get(&john, USER).await.expect_json(200);
    assert_eq!(after["type"], "premium");
    assert_eq!(after["resetPassword"], true);
    assert_eq!(after["theme"], "dark");
    assert_eq!(after["language"], "de_DE");
    assert_eq!(after["timezone"], "Europe/Berlin");
    let info = emu
        .get(&mailbox_path("john.smith"), USER)
        .await
        .expect_json(200);
    assert_eq!(info["quota"], 25600);
    assert_eq!(info["usage"], 200);
    // And back down; fields not sent stay as they are.
    emu.put(&john, USER, r#"{"type": "standard"}"#)
        .await
        .expect_empty(204);
    let after = emu.get(&john, USER).await.expect_json(200);
    assert_eq!(after["type"], "standard");
    assert_eq!(after["theme"], "dark");
    assert_eq!(
        emu.get(&mailbox_path("john.smith"), USER).await.json()["quota"],
        1024
    );
    // allowUpgrade false on standard is fine, and then upgrades are refused.
    emu.put(
        &john,
        USER,
        r#"{"type": "standard", "allowUpgrade": false}"#,
    )
    .await
    .expect_empty(204);
    emu.put(&john, USER, r#"{"type": "activesync"}"#)
        .await
        .expect_message(400);
}

#[tokio::test]
async fn the_domain_limit_counts_the_mailboxes_of_each_type() {
    let emu = Emu::demo();
    let limit = ox_core::rules::texts::limit_reached(2, &ox_core::types::OxType::activesync());
    // Two activesync mailboxes already: a third is refused.
    assert_eq!(
        emu.put(&webmail("john.smith"), USER, r#"{"type": "activesync"}"#)
            .await
            .expect_message(400),
        limit
    );
    // Staying on activesync is not a move.
    emu.put(&webmail("sync.user"), USER, r#"{"type": "activesync"}"#)
        .await
        .expect_empty(204);
    // One moves away: there is room again.
    emu.put(&webmail("sync.second"), USER, r#"{"type": "premium"}"#)
        .await
        .expect_empty(204);
    emu.put(&webmail("john.smith"), USER, r#"{"type": "activesync"}"#)
        .await
        .expect_empty(204);
    assert_eq!(
        emu.put(&webmail("locked.user"), ADMIN, r#"{"type": "activesync"}"#)
            .await
            .expect_message(400),
        limit
    );
}

#[tokio::test]
async fn a_domain_with_its_own_types_names_them_in_rule_1() {
    let emu = Emu::from_json(json!({
        "credentials": {USER: "user"},
        "accounts": {"a": {"domains": {"d.com": {
            "webmailNames": {"standard": "Basic", "starter": "Starter"},
            "mailboxes": {"m": {}}
        }}}}
    }));
    let path = "/api/accounts/a/email/d.com/usernames/m/webmail";
    assert_eq!(
        emu.put(path, USER, r#"{"type": "premium"}"#)
            .await
            .expect_json(400),
        json!({"type": "\"premium\" is not one of standard, starter"})
    );
    emu.put(path, USER, r#"{"type": "starter"}"#)
        .await
        .expect_empty(204);
    assert_eq!(emu.get(path, USER).await.json()["type"], "starter");
}

#[tokio::test]
async fn upgrades_disabled_domain_keeps_the_type() {
    let emu = Emu::demo();
    let basic = "/api/accounts/test/email/basic-only.com/usernames/basic.user/webmail";
    assert_eq!(
        emu.put(basic, USER, r#"{"type": "premium"}"#)
            .await
            .expect_message(400),
        ox_core::rules::texts::UPGRADES_DISABLED
    );
    emu.put(basic, USER, r#"{"type": "standard"}"#)
        .await
        .expect_empty(204);
}

#[tokio::test]
async fn trailing_slash_and_head_and_405() {
    let emu = Emu::demo();
    let john = webmail("john.smith");
    emu.get(&format!("{john}/"), USER).await.expect_json(200);
    emu.put(&format!("{john}/"), USER, r#"{"type": "standard"}"#)
        .await
        .expect_empty(204);
    let head = emu.call(Method::HEAD, &john, Some(USER), None).await;
    assert_eq!(head.status.as_u16(), 200);
    for method in [Method::POST, Method::DELETE, Method::PATCH] {
        let answer = emu
            .call(method.clone(), &john, Some(USER), Some("{}"))
            .await;
        assert!(answer.expect_message(405).contains(method.as_str()));
        assert_eq!(answer.headers["allow"], "GET, HEAD, PUT");
        check_answer("GET", &john, &answer);
        let answer = emu
            .call(method, &mailbox_path("john.smith"), Some(USER), None)
            .await;
        answer.expect_message(405);
        assert_eq!(answer.headers["allow"], "GET, HEAD");
    }
}

#[tokio::test]
async fn unknown_api_paths_are_404_json() {
    let emu = Emu::demo();
    for path in [
        "/api",
        "/api/",
        "/api/nothing",
        "/api/accounts",
        "/api/accounts/test/email/test.com",
        "/api/accounts/test/email/test.com/usernames/john.smith",
        "/api/accounts/test/email/test.com/usernames/john.smith/webmail/extra",
        "/api/accounts/test/exchange/test.com/mailboxes/john.smith",
    ] {
        for method in [Method::GET, Method::PUT, Method::POST] {
            emu.call(method, path, Some(USER), None)
                .await
                .expect_message(404);
        }
    }
}

#[tokio::test]
async fn api_base_in_links_follows_the_host_header() {
    let emu = Emu::demo();
    let answer = emu.get(&webmail("john.smith"), USER).await.json();
    assert!(answer["links"][0]["href"]
        .as_str()
        .unwrap_or_default()
        .starts_with("http://emu.test/api/accounts/test/"));
}
