//! Credentials and roles.

mod common;

use axum::http::Method;
use common::{blackberry, schema::check_answer, webmail, Emu, ADMIN, BOUND, USER};
use serde_json::json;

#[tokio::test]
async fn missing_or_unknown_authorization_is_401_json_on_every_endpoint() {
    let emu = Emu::demo();
    let paths = [
        (Method::GET, webmail("john.smith")),
        (Method::PUT, webmail("john.smith")),
        (
            Method::GET,
            "/api/accounts/test/email/test.com/usernames/john.smith/mailbox".to_owned(),
        ),
        (
            Method::GET,
            "/api/accounts/test/email/test.com/webmailNames".to_owned(),
        ),
        (
            Method::GET,
            "/api/accounts/test/email/test.com/webmailLimits".to_owned(),
        ),
        (
            Method::GET,
            "/api/accounts/test/email/test.com/usernames".to_owned(),
        ),
        (Method::GET, blackberry("john.smith", "")),
        (Method::GET, blackberry("john.smith", "statistics")),
        (Method::PUT, blackberry("john.smith", "action")),
    ];
    for (method, path) in paths {
        for auth in [
            None,
            Some("Basic bm9ib2R5Om5vYm9keQ=="),
            Some(""),
            Some("basic ZGVtbzpkZW1v"),
        ] {
            let body = (method == Method::PUT).then_some(r#"{"type": "premium"}"#);
            let answer = emu.call(method.clone(), &path, auth, body).await;
            answer.expect_message(401);
            // A Basic challenge would make browsers prompt instead of the panel answering.
            assert!(!answer.headers.contains_key("www-authenticate"));
            check_answer(method.as_str(), &path, &answer);
        }
    }
    // Nothing changed.
    let john = emu.get(&webmail("john.smith"), USER).await.expect_json(200);
    assert_eq!(john["type"], "standard");
}

#[tokio::test]
async fn the_401_never_echoes_the_credentials() {
    let emu = Emu::demo();
    let answer = emu
        .call(
            Method::GET,
            &webmail("john.smith"),
            Some("Basic c2VjcmV0OnNlY3JldA=="),
            None,
        )
        .await;
    assert_eq!(answer.status.as_u16(), 401);
    assert!(!answer.body.contains("c2VjcmV0"));
}

#[tokio::test]
async fn a_credential_bound_to_an_account_is_refused_on_other_accounts() {
    let emu = Emu::demo();
    emu.get(&webmail("john.smith"), BOUND)
        .await
        .expect_json(200);
    let other = "/api/accounts/other/email/other.com/usernames/someone/webmail";
    emu.get(other, USER).await.expect_json(200);
    emu.get(other, BOUND).await.expect_message(401);
    // Also for accounts that do not exist: a bound credential learns nothing.
    emu.get("/api/accounts/nope/email/x.com/webmailNames", BOUND)
        .await
        .expect_message(401);
    emu.put(other, BOUND, r#"{"type": "premium"}"#)
        .await
        .expect_message(401);
    let bb = "/api/accounts/other/exchange/other.com/mailboxes/someone/blackberry/action";
    emu.put(bb, BOUND, r#"{"action": "wipe", "actionData": ""}"#)
        .await
        .expect_message(401);
    assert!(emu.state.actions().all().is_empty());
}

#[tokio::test]
async fn fixture_credentials_may_be_roles_or_bound_objects() {
    let emu = Emu::from_json(json!({
        "credentials": {
            "Bearer u": "user",
            "Bearer a": {"role": "admin", "account": "a1"},
        },
        "accounts": {
            "a1": {"domains": {"d.com": {"mailboxes": {"m": {"allowUpgrade": false}}}}},
            "a2": {"domains": {"d.com": {"mailboxes": {"m": {}}}}},
        }
    }));
    let path = |account: &str| format!("/api/accounts/{account}/email/d.com/usernames/m/webmail");
    emu.get(&path("a1"), "Bearer u").await.expect_json(200);
    emu.get(&path("a2"), "Bearer u").await.expect_json(200);
    emu.get(&path("a2"), "Bearer a").await.expect_message(401);
    // The bound admin may upgrade despite allowUpgrade false; the user may not.
    emu.put(&path("a1"), "Bearer u", r#"{"type": "premium"}"#)
        .await
        .expect_message(400);
    emu.put(&path("a1"), "Bearer a", r#"{"type": "premium"}"#)
        .await
        .expect_empty(204);
}

#[tokio::test]
async fn admin_may_change_the_type_despite_allow_upgrade_false() {
    let emu = Emu::demo();
    let locked = webmail("locked.user");
    let refused = emu.put(&locked, USER, r#"{"type": "premium"}"#).await;
    assert_eq!(
        refused.expect_message(400),
        "This account is not allowed to be upgraded"
    );
    emu.put(&locked, ADMIN, r#"{"type": "premium"}"#)
        .await
        .expect_empty(204);
    let after = emu.get(&locked, USER).await.expect_json(200);
    assert_eq!(after["type"], "premium");
    assert_eq!(after["allowUpgrade"], false);
}

#[tokio::test]
async fn only_the_owner_may_turn_allow_upgrade_on() {
    let emu = Emu::demo();
    let locked = webmail("locked.user");
    let before = emu.get(&locked, USER).await.expect_json(200);
    // The two-step way round rule 4: first the flag, then the upgrade.
    for body in [
        r#"{"type": "standard", "allowUpgrade": true}"#,
        r#"{"type": "standard", "allowUpgrade": true, "theme": "dark"}"#,
    ] {
        assert_eq!(
            emu.put(&locked, USER, body).await.expect_message(400),
            "The allowUpgrade option can only be turned on by the account owner"
        );
    }
    let after = emu.get(&locked, USER).await.expect_json(200);
    assert_eq!(after, before, "nothing was applied");
    assert_eq!(after["allowUpgrade"], false);
    assert_eq!(
        emu.put(&locked, USER, r#"{"type": "premium"}"#)
            .await
            .expect_message(400),
        "This account is not allowed to be upgraded"
    );
    // The account owner may.
    emu.put(
        &locked,
        ADMIN,
        r#"{"type": "standard", "allowUpgrade": true}"#,
    )
    .await
    .expect_empty(204);
    assert_eq!(
        emu.get(&locked, USER).await.expect_json(200)["allowUpgrade"],
        true
    );
    // Now the user may upgrade, and may re-send the flag unchanged.
    emu.put(
        &locked,
        USER,
        r#"{"type": "premium", "allowUpgrade": true}"#,
    )
    .await
    .expect_empty(204);
}

#[tokio::test]
async fn admin_is_not_bound_by_rules_2_and_3_but_is_by_5_to_7() {
    let emu = Emu::demo();
    // Rule 2 (user only): premium with allowUpgrade false.
    let john = webmail("john.smith");
    emu.put(&john, USER, r#"{"type": "premium", "allowUpgrade": false}"#)
        .await
        .expect_message(400);
    emu.put(
        &john,
        ADMIN,
        r#"{"type": "premium", "allowUpgrade": false}"#,
    )
    .await
    .expect_empty(204);
    // Rule 3 (user only): allowUpgrade false on an upgraded account.
    let premium = webmail("premium.user");
    emu.put(
        &premium,
        USER,
        r#"{"type": "premium", "allowUpgrade": false}"#,
    )
    .await
    .expect_message(400);
    emu.put(
        &premium,
        ADMIN,
        r#"{"type": "premium", "allowUpgrade": false}"#,
    )
    .await
    .expect_empty(204);
    // Rule 5 binds admins too.
    let big = emu
        .put(&webmail("big.user"), ADMIN, r#"{"type": "standard"}"#)
        .await;
    assert_eq!(
        big.expect_message(400),
        "Current mailbox usage is larger than the new quota value"
    );
    // Rule 6 binds admins too: activesync is full on test.com.
    let full = emu
        .put(
            &webmail("no.blackberry"),
            ADMIN,
            r#"{"type": "activesync"}"#,
        )
        .await;
    assert_eq!(
        full.expect_message(400),
        ox_core::rules::texts::limit_reached(2, &ox_core::types::OxType::activesync())
    );
    // Rule 7 binds admins too.
    let basic = "/api/accounts/test/email/basic-only.com/usernames/basic.user/webmail";
    let disabled = emu.put(basic, ADMIN, r#"{"type": "premium"}"#).await;
    assert_eq!(
        disabled.expect_message(400),
        ox_core::rules::texts::UPGRADES_DISABLED
    );
}
