//! The documented examples, reproduced exactly.
//!
//! The PUT page gives seven request/response pairs (six refusals, one success); a
//! faithful server, and so the rule engine, must answer each with the same status and
//! byte-identical body. The page does not give the account's state for each example,
//! so each row states the simplest state that the example describes.

use ox_core::{evaluate, CurrentPlan, DomainFacts, OxType, Role, WebmailSettings, WebmailUpdate};
use serde_json::Value;

/// What a server built on the engine answers: status and body text.
fn answer(current: &CurrentPlan, body: &str, role: Role, facts: &DomainFacts) -> (u16, String) {
    let request: WebmailUpdate = serde_json::from_str(body).expect("request JSON");
    match evaluate(current, &request, role, facts) {
        Ok(()) => (204, String::new()),
        Err(violations) => (
            400,
            serde_json::to_string(&violations[0].response_body()).expect("body"),
        ),
    }
}

struct Row {
    what: &'static str,
    current_type: &'static str,
    allow_upgrade: bool,
    usage_mb: Option<u64>,
    request: &'static str,
    status: u16,
    body: &'static str,
}

const ROWS: &[Row] = &[
    Row {
        what: "empty type is a missing required field",
        current_type: "standard",
        allow_upgrade: true,
        usage_mb: None,
        request: r#"{"type": ""}"#,
        status: 400,
        body: r#"{"type":"Required"}"#,
    },
    Row {
        what: "a type outside the supported list",
        current_type: "standard",
        allow_upgrade: true,
        usage_mb: None,
        request: r#"{"type": "invalid-type"}"#,
        status: 400,
        body: r#"{"type":"\"invalid-type\" is not one of standard, activesync, premium"}"#,
    },
    Row {
        what: "premium together with allowUpgrade false, on a standard account",
        current_type: "standard",
        allow_upgrade: true,
        usage_mb: None,
        request: r#"{"type": "premium", "allowUpgrade": false}"#,
        status: 400,
        body: r#"{"message":"The allowUpgrade option is inconsistent with the provided type"}"#,
    },
    Row {
        what: "switching allowUpgrade off on a premium account, no type given",
        current_type: "premium",
        allow_upgrade: true,
        usage_mb: None,
        request: r#"{"allowUpgrade": false}"#,
        status: 400,
        body: r#"{"message":"The account is already upgraded. Please downgrade it to standard first."}"#,
    },
    Row {
        what: "switching allowUpgrade off on an activesync account, no type given",
        current_type: "activesync",
        allow_upgrade: true,
        usage_mb: None,
        request: r#"{"allowUpgrade": false}"#,
        status: 400,
        body: r#"{"message":"The account is already upgraded. Please downgrade it to standard first."}"#,
    },
    Row {
        what: "upgrading while allowUpgrade is off",
        current_type: "standard",
        allow_upgrade: false,
        usage_mb: None,
        request: r#"{"type": "premium"}"#,
        status: 400,
        body: r#"{"message":"This account is not allowed to be upgraded"}"#,
    },
    Row {
        what: "upgrading a standard account that may be upgraded",
        current_type: "standard",
        allow_upgrade: true,
        usage_mb: None,
        request: r#"{"type": "premium"}"#,
        status: 204,
        body: "",
    },
    Row {
        what: "downgrading while the mailbox holds more than standard's quota",
        current_type: "premium",
        allow_upgrade: true,
        usage_mb: Some(3000),
        request: r#"{"type": "standard"}"#,
        status: 400,
        body: r#"{"message":"Current mailbox usage is larger than the new quota value"}"#,
    },
];

fn facts_for(row: &Row) -> DomainFacts {
    let mut facts = DomainFacts {
        usage_mb: row.usage_mb,
        ..DomainFacts::default()
    };
    facts.quotas_mb.insert(OxType::standard(), 1024);
    facts.quotas_mb.insert(OxType::activesync(), 5120);
    facts.quotas_mb.insert(OxType::premium(), 25600);
    facts
}

#[test]
fn every_put_example_answers_as_documented() {
    for row in ROWS {
        let current = CurrentPlan::new(row.current_type, row.allow_upgrade);
        let got = answer(&current, row.request, Role::User, &facts_for(row));
        assert_eq!(
            got,
            (row.status, row.body.to_owned()),
            "example: {}",
            row.what
        );
    }
}

#[test]
fn the_usage_example_passes_when_the_mailbox_fits() {
    let row = &ROWS[7];
    let mut facts = facts_for(row);
    facts.usage_mb = Some(1024);
    let current = CurrentPlan::new("premium", true);
    assert_eq!(
        answer(&current, row.request, Role::User, &facts).0,
        204,
        "usage equal to the quota fits"
    );
}

#[test]
fn the_put_example_bodies_serialize_as_sent() {
    let body = WebmailUpdate {
        r#type: Some("premium".into()),
        allow_upgrade: Some(false),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_string(&body).unwrap(),
        r#"{"type":"premium","allowUpgrade":false}"#
    );
    let only_flag = WebmailUpdate {
        allow_upgrade: Some(false),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_string(&only_flag).unwrap(),
        r#"{"allowUpgrade":false}"#
    );
    assert_eq!(
        serde_json::to_string(&WebmailUpdate::default()).unwrap(),
        "{}"
    );
}

/// The GET example, in the same shape (with a made-up token).
const GET_EXAMPLE: &str = r#"{
    "authToken": "Zm9vYmFyLXRva2VuLW5vdC1yZWFs+/==",
    "type": "standard",
    "allowUpgrade": true,
    "resetPassword": false,
    "theme": "test_theme",
    "language": "en_US",
    "timezone": "America/Chicago",
    "links": [
        {"href": "https://api.example/accounts/test/email/test.com/usernames/john.smith/webmail/", "rel": "self"}
    ]
}"#;

#[test]
fn the_get_example_parses() {
    let s: WebmailSettings = serde_json::from_str(GET_EXAMPLE).unwrap();
    assert_eq!(s.r#type, OxType::standard());
    assert!(s.allow_upgrade);
    assert!(!s.reset_password);
    assert_eq!(s.theme.as_deref(), Some("test_theme"));
    assert_eq!(s.language.as_deref(), Some("en_US"));
    assert_eq!(s.timezone.as_deref(), Some("America/Chicago"));
    assert_eq!(s.links.len(), 1);
    assert_eq!(s.links[0].rel, "self");
    assert!(s.links[0].href.ends_with("/john.smith/webmail/"));
    let token = s.auth_token.as_ref().unwrap();
    assert_eq!(token.expose(), "Zm9vYmFyLXRva2VuLW5vdC1yZWFs+/==");
    assert!(
        !format!("{s:?}").contains("Zm9vYmFy"),
        "Debug must hide the token"
    );
}

#[test]
fn the_get_template_form_parses_with_location_links() {
    let template = r#"{
        "authToken": "t", "type": "premium", "allowUpgrade": false, "resetPassword": true,
        "theme": "t", "language": "de_DE", "timezone": "Europe/Berlin",
        "links": [{"location": "/api/accounts/a/email/d/usernames/m/webmail/", "rel": "self"}]
    }"#;
    let s: WebmailSettings = serde_json::from_str(template).unwrap();
    assert_eq!(
        s.links[0].href,
        "/api/accounts/a/email/d/usernames/m/webmail/"
    );
    assert!(s.reset_password);
    let out: Value = serde_json::to_value(&s.links[0]).unwrap();
    assert_eq!(
        out,
        serde_json::json!({"rel": "self", "href": "/api/accounts/a/email/d/usernames/m/webmail/"})
    );
}

#[test]
fn the_get_body_tolerates_missing_optional_fields_and_extras() {
    let s: WebmailSettings = serde_json::from_str(
        r#"{"type": "starter", "allowUpgrade": true, "somethingNew": {"x": 1}, "links": null}"#,
    )
    .unwrap();
    assert_eq!(s.r#type.as_str(), "starter");
    assert!(s.auth_token.is_none() && s.theme.is_none() && s.links.is_empty());
    assert!(!s.reset_password);
    assert!(serde_json::from_str::<WebmailSettings>(r#"{"allowUpgrade": true}"#).is_err());
}
