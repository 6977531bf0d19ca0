//! Every example of the provider's documentation pages, reproduced exactly: the
//! webmail GET example and all seven webmail PUT examples (status and body), and the
//! BlackBerry action PUT's documented codes.

mod common;

use common::{john_fixture, schema::check_answer, webmail, Emu, USER};
use serde_json::json;

const JOHN: &str = "/api/accounts/test/email/test.com/usernames/john.smith/webmail";

#[tokio::test]
async fn webmail_get_example() {
    let emu = Emu::demo();
    let answer = emu.get(JOHN, USER).await;
    assert_eq!(answer.status.as_u16(), 200);
    assert_eq!(answer.content_type(), "application/json; charset=UTF-8");
    // Same fields, same values, same order as the documentation's example, with
    // {APIBaseURL} being the base the request came in on.
    assert_eq!(
        answer.body,
        concat!(
            r#"{"authToken":"PoiC9iyBehe13ZHWyhfa2eArKUJy+RJ5WpyN0eCBs2+Ns8SIdvhgto9zWLDnGZWlgTV9MuJ1F+//XnoKZWxjaRr2qh++437fChyxZmaHwe7g==","#,
            r#""type":"standard","allowUpgrade":true,"resetPassword":false,"theme":"test_theme","language":"en_US","timezone":"America/Chicago","#,
            r#""links":[{"href":"http://emu.test/api/accounts/test/email/test.com/usernames/john.smith/webmail/","rel":"self"}]}"#
        )
    );
    check_answer("GET", JOHN, &answer);
}

/// One PUT example: on an emulator, this body gives this status and body.
async fn put_example(emu: &Emu, body: &str, status: u16, expected: Option<serde_json::Value>) {
    let answer = emu.put(JOHN, USER, body).await;
    match expected {
        Some(expected) => {
            assert_eq!(answer.expect_json(status), expected, "PUT {body}");
        }
        None => answer.expect_empty(status),
    }
    check_answer("PUT", JOHN, &answer);
}

#[tokio::test]
async fn put_missing_required_type() {
    put_example(
        &Emu::demo(),
        r#"{"type": ""}"#,
        400,
        Some(json!({"type": "Required"})),
    )
    .await;
}

#[tokio::test]
async fn put_invalid_type() {
    put_example(
        &Emu::demo(),
        r#"{"type": "invalid-type"}"#,
        400,
        Some(json!({"type": "\"invalid-type\" is not one of standard, activesync, premium"})),
    )
    .await;
}

#[tokio::test]
async fn put_inconsistent_allow_upgrade_and_type() {
    put_example(
        &Emu::demo(),
        r#"{"type": "premium", "allowUpgrade": false}"#,
        400,
        Some(json!({"message": "The allowUpgrade option is inconsistent with the provided type"})),
    )
    .await;
}

#[tokio::test]
async fn put_allow_upgrade_false_on_an_upgraded_account() {
    let emu = Emu::from_json(john_fixture(json!({"type": "premium", "quota": 25600})));
    put_example(
        &emu,
        r#"{"allowUpgrade": false}"#,
        400,
        Some(json!({"message": "The account is already upgraded. Please downgrade it to standard first."})),
    )
    .await;
}

#[tokio::test]
async fn put_upgrade_while_allow_upgrade_is_false() {
    let emu = Emu::from_json(john_fixture(json!({"allowUpgrade": false})));
    put_example(
        &emu,
        r#"{"type": "premium"}"#,
        400,
        Some(json!({"message": "This account is not allowed to be upgraded"})),
    )
    .await;
}

#[tokio::test]
async fn put_success() {
    let emu = Emu::demo();
    put_example(&emu, r#"{"type": "premium"}"#, 204, None).await;
    let after = emu.get(JOHN, USER).await.expect_json(200);
    assert_eq!(after["type"], "premium");
    assert_eq!(after["allowUpgrade"], true);
}

#[tokio::test]
async fn put_downgrade_with_usage_over_the_new_quota() {
    let emu = Emu::from_json(john_fixture(
        json!({"type": "premium", "quota": 25600, "usage": 2000}),
    ));
    put_example(
        &emu,
        r#"{"type": "standard"}"#,
        400,
        Some(json!({"message": "Current mailbox usage is larger than the new quota value"})),
    )
    .await;
}

#[tokio::test]
async fn the_examples_in_the_documentations_order_on_one_mailbox() {
    // The page's examples read as one story on john.smith: three refusals on the
    // standard account, the upgrade, then the refusal of allowUpgrade false.
    let emu = Emu::demo();
    put_example(
        &emu,
        r#"{"type": ""}"#,
        400,
        Some(json!({"type": "Required"})),
    )
    .await;
    put_example(
        &emu,
        r#"{"type": "invalid-type"}"#,
        400,
        Some(json!({"type": "\"invalid-type\" is not one of standard, activesync, premium"})),
    )
    .await;
    put_example(
        &emu,
        r#"{"type": "premium", "allowUpgrade": false}"#,
        400,
        Some(json!({"message": "The allowUpgrade option is inconsistent with the provided type"})),
    )
    .await;
    put_example(&emu, r#"{"type": "premium"}"#, 204, None).await;
    put_example(
        &emu,
        r#"{"allowUpgrade": false}"#,
        400,
        Some(json!({"message": "The account is already upgraded. Please downgrade it to standard first."})),
    )
    .await;
    // Nothing but the accepted change reached the state.
    let after = emu.get(&webmail("john.smith"), USER).await.expect_json(200);
    assert_eq!(
        (after["type"].as_str(), after["allowUpgrade"].as_bool()),
        (Some("premium"), Some(true))
    );
}

#[tokio::test]
async fn blackberry_action_documented_codes() {
    let emu = Emu::demo();
    let body = r#"{"action": "resendServiceBooks", "actionData": ""}"#;
    let action = |m: &str| common::blackberry(m, "action");
    emu.put(&action("john.smith"), USER, body)
        .await
        .expect_empty(202);
    emu.put(&action("no.blackberry"), USER, body)
        .await
        .expect_message(404);
    emu.put(&action("bb.suspended"), USER, body)
        .await
        .expect_message(409);
    let get = emu.get(&action("john.smith"), USER).await;
    get.expect_message(405);
    assert_eq!(get.headers["allow"], "PUT");
}
