//! The OX plan panel in a real browser, against a fake API.
#![cfg(target_arch = "wasm32")]

mod support;

use ox_core::error::ApiError;
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlInputElement;

wasm_bindgen_test_configure!(run_in_browser);

fn checked(root: &web_sys::Element, id: &str) -> bool {
    by_testid(root, id)
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.checked())
        .unwrap_or(false)
}

async fn loaded(root: &web_sys::Element) {
    wait_testid(root, "current-plan").await;
    until("loading gone", || by_testid(root, "loading").is_none()).await;
}

#[wasm_bindgen_test]
async fn shell_shows_the_configured_mailbox_and_both_sections() {
    let api = FakeApi::default();
    let (root, _h) = render(&api, default_config());
    wait_testid(&root, "webmail-panel").await;
    assert!(by_testid(&root, "blackberry-panel").is_some());
    let target = text(&root, "panel-target");
    assert!(target.contains("test"), "{target}");
    assert!(target.contains("john.smith@test.com"), "{target}");
    assert_eq!(
        root.query_selector("h1")
            .ok()
            .flatten()
            .and_then(|h| h.text_content())
            .as_deref(),
        Some("Mailbox settings")
    );
}

#[wasm_bindgen_test]
async fn loading_then_current_plan_and_usage() {
    let api = FakeApi::default();
    api.hold("webmail");
    let (root, _h) = render(&api, default_config());
    wait_testid(&root, "loading").await;
    assert!(by_testid(&root, "current-plan").is_none());
    // Every read started at once, before any answered: the counts' first page too,
    // without waiting for the limits.
    for call in [
        "webmail",
        "webmail_names",
        "webmail_limits",
        "mailbox",
        "usernames",
    ] {
        assert_eq!(
            api.calls_of(call).len(),
            1,
            "{call} not started in parallel: {:?}",
            api.calls()
        );
    }
    api.release("webmail");
    loaded(&root).await;
    assert_eq!(text(&root, "current-plan"), "SMX Mail Basic (standard)");
    assert!(
        text(&root, "usage-text").contains("200 MB of 1 GB"),
        "{}",
        text(&root, "usage-text")
    );
    assert!(checked(&root, "plan-option-standard"));
    assert!(!root.inner_html().contains("secret-token-never-shown"));
    // No limit is positive: the first page was all that was read of the counts.
    assert_eq!(api.calls_of("usernames").len(), 1);
}

#[wasm_bindgen_test]
async fn options_in_order_with_names_and_submit_only_for_a_change() {
    let api = FakeApi::default();
    let (root, _h) = render(&api, default_config());
    loaded(&root).await;
    let radios: Vec<String> = (0..)
        .map_while(|i| root.query_selector_all("input[type=radio]").ok()?.get(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .filter_map(|e| e.get_attribute("data-testid"))
        .collect();
    assert_eq!(
        radios,
        [
            "plan-option-standard",
            "plan-option-activesync",
            "plan-option-premium"
        ]
    );
    let submit = wait_testid(&root, "plan-submit").await;
    assert!(is_disabled(&submit), "nothing to change yet");
    click(&wait_testid(&root, "plan-option-premium").await);
    until("submit enabled", || !is_disabled(&submit)).await;
    assert!(text(&root, "plan-summary").contains("from SMX Mail Basic to SMA Collaborate Premium"));
    assert!(by_testid(&root, "downgrade-warning").is_none());
}

#[wasm_bindgen_test]
async fn not_allowed_to_upgrade_disables_larger_plans_with_reason() {
    let api = FakeApi::default();
    api.replies().webmail = Ok(serde_json::from_value(
        serde_json::json!({"type": "standard", "allowUpgrade": false}),
    )
    .unwrap_or_else(|e| panic!("{e}")));
    let (root, _h) = render(&api, default_config());
    loaded(&root).await;
    for t in ["activesync", "premium"] {
        let option = wait_testid(&root, &format!("plan-option-{t}")).await;
        assert!(is_disabled(&option), "{t} should be disabled");
        let reason = wait_testid(&root, &format!("plan-option-{t}-reason")).await;
        assert_eq!(
            reason.get_attribute("data-code").as_deref(),
            Some("upgrade_not_allowed")
        );
        assert!(text(&root, &format!("plan-option-{t}-reason")).contains("Upgrades are turned off"));
        assert_eq!(option.get_attribute("aria-describedby"), Some(reason.id()));
    }
    assert!(by_testid(&root, "plan-option-standard-reason").is_none());
}

#[wasm_bindgen_test]
async fn a_user_cannot_turn_upgrades_on() {
    let api = FakeApi::default();
    api.replies().webmail = Ok(serde_json::from_value(
        serde_json::json!({"type": "standard", "allowUpgrade": false}),
    )
    .unwrap_or_else(|e| panic!("{e}")));
    let (root, _h) = render(&api, default_config());
    loaded(&root).await;
    let checkbox = wait_testid(&root, "allow-upgrade").await;
    assert!(is_disabled(&checkbox), "only the account owner turns it on");
    let reason = wait_testid(&root, "allow-upgrade-reason").await;
    assert_eq!(
        reason.get_attribute("data-code").as_deref(),
        Some("upgrade_not_allowed")
    );
    assert!(text(&root, "allow-upgrade-reason").contains("the account owner can turn them on"));
    assert_eq!(
        checkbox.get_attribute("aria-describedby"),
        Some(reason.id())
    );
    assert!(is_disabled(&wait_testid(&root, "plan-submit").await));
    assert!(api.calls_of("put_webmail").is_empty());
}

#[wasm_bindgen_test]
async fn admin_may_upgrade_despite_allow_upgrade_false() {
    let api = FakeApi::default();
    api.replies().webmail = Ok(serde_json::from_value(
        serde_json::json!({"type": "standard", "allowUpgrade": false}),
    )
    .unwrap_or_else(|e| panic!("{e}")));
    let mut config = default_config();
    config.role = ox_core::rules::Role::Admin;
    let (root, _h) = render(&api, config);
    loaded(&root).await;
    // The owner may turn allowUpgrade on, too.
    assert!(!is_disabled(&wait_testid(&root, "allow-upgrade").await));
    let premium = wait_testid(&root, "plan-option-premium").await;
    assert!(!is_disabled(&premium));
    click(&premium);
    let submit = wait_testid(&root, "plan-submit").await;
    until("submit enabled", || !is_disabled(&submit)).await;
    click(&submit);
    wait_testid(&root, "plan-success").await;
    assert_eq!(
        api.calls_of("put_webmail"),
        [r#"put_webmail {"type":"premium"}"#]
    );
}

#[wasm_bindgen_test]
async fn usage_above_a_smaller_quota_forbids_the_downgrade() {
    let api = FakeApi::default();
    api.replies().webmail = Ok(serde_json::from_value(
        serde_json::json!({"type": "premium", "allowUpgrade": true}),
    )
    .unwrap_or_else(|e| panic!("{e}")));
    api.replies().mailbox = Ok(serde_json::from_value(
        serde_json::json!({"username": "big", "master": false, "quota": 25600, "usage": 3000}),
    )
    .unwrap_or_else(|e| panic!("{e}")));
    let config = config(
        r#"{"account":"test","domain":"test.com","mailbox":"big","planQuotasMb":{"standard":1024,"activesync":5120}}"#,
    );
    let (root, _h) = render(&api, config);
    loaded(&root).await;
    assert!(is_disabled(
        &wait_testid(&root, "plan-option-standard").await
    ));
    let reason = wait_testid(&root, "plan-option-standard-reason").await;
    assert_eq!(
        reason.get_attribute("data-code").as_deref(),
        Some("usage_over_quota")
    );
    assert!(text(&root, "plan-option-standard-reason").contains("1 GB"));
    assert!(!is_disabled(
        &wait_testid(&root, "plan-option-activesync").await
    ));
    // The checkbox cannot be turned off on an upgraded account.
    assert!(is_disabled(&wait_testid(&root, "allow-upgrade").await));
    assert_eq!(
        wait_testid(&root, "allow-upgrade-reason")
            .await
            .get_attribute("data-code")
            .as_deref(),
        Some("already_upgraded")
    );
    // A downgrade that is allowed warns about what is lost.
    click(&wait_testid(&root, "plan-option-activesync").await);
    wait_testid(&root, "downgrade-warning").await;
}

#[wasm_bindgen_test]
async fn a_full_type_is_counted_and_forbidden() {
    let api = FakeApi::default();
    api.replies().limits = Ok(serde_json::from_value(
        serde_json::json!({"webmailLimits": {"standard": -1, "activesync": 2, "premium": -1}}),
    )
    .unwrap_or_else(|e| panic!("{e}")));
    api.replies().usernames = Ok(serde_json::from_value(serde_json::json!({"totalCount": "3", "list": [
        {"username": "a", "type": "activesync"}, {"username": "b", "type": "activesync"}, {"username": "john.smith", "type": "standard"}
    ]})).unwrap_or_else(|e| panic!("{e}")));
    let (root, _h) = render(&api, default_config());
    loaded(&root).await;
    let reason = wait_testid(&root, "plan-option-activesync-reason").await;
    assert_eq!(
        reason.get_attribute("data-code").as_deref(),
        Some("limit_reached")
    );
    assert!(text(&root, "plan-option-activesync-reason").contains('2'));
    let calls = api.calls_of("usernames");
    assert_eq!(calls.len(), 1, "{calls:?}");
    assert!(calls[0].contains("details=1"), "{calls:?}");
}

#[wasm_bindgen_test]
async fn upgrades_disabled_by_the_product() {
    let api = FakeApi::default();
    let config = config(
        r#"{"account":"test","domain":"test.com","mailbox":"john.smith","upgradesEnabled":false}"#,
    );
    let (root, _h) = render(&api, config);
    loaded(&root).await;
    for t in ["activesync", "premium"] {
        assert!(is_disabled(
            &wait_testid(&root, &format!("plan-option-{t}")).await
        ));
        let reason = wait_testid(&root, &format!("plan-option-{t}-reason")).await;
        assert_eq!(
            reason.get_attribute("data-code").as_deref(),
            Some("upgrades_disabled")
        );
    }
}

#[wasm_bindgen_test]
async fn one_click_one_put_locked_while_in_flight_then_success_and_event() {
    let api = FakeApi::default();
    let (root, _h) = render(&api, default_config());
    let events = record_events(&root, "oxpanel:plan-changed");
    loaded(&root).await;
    click(&wait_testid(&root, "plan-option-premium").await);
    let submit = wait_testid(&root, "plan-submit").await;
    until("submit enabled", || !is_disabled(&submit)).await;
    api.hold("put_webmail");
    click(&submit);
    click(&submit);
    until("locked", || is_disabled(&submit)).await;
    click(&submit);
    assert!(
        is_disabled(&wait_testid(&root, "plan-option-activesync").await),
        "form locked in flight"
    );
    assert_eq!(text(&root, "plan-submit"), "Changing plan…");
    assert_eq!(api.calls_of("put_webmail").len(), 1);
    api.replies().webmail = Ok(serde_json::from_value(
        serde_json::json!({"type": "premium", "allowUpgrade": true}),
    )
    .unwrap_or_else(|e| panic!("{e}")));
    api.release("put_webmail");
    wait_testid(&root, "plan-success").await;
    until("re-read shows premium", || {
        text(&root, "current-plan").contains("premium")
    })
    .await;
    assert_eq!(
        api.calls_of("put_webmail"),
        [r#"put_webmail {"type":"premium"}"#]
    );
    assert_eq!(
        api.calls_of("webmail").len(),
        2,
        "settings read again after 204"
    );
    assert_eq!(
        events.borrow().as_slice(),
        [r#"{"from":"standard","to":"premium","allowUpgrade":true}"#]
    );
}

#[wasm_bindgen_test]
async fn only_the_changed_fields_are_sent() {
    let api = FakeApi::default();
    let (root, _h) = render(&api, default_config());
    loaded(&root).await;
    click(&wait_testid(&root, "allow-upgrade").await);
    let submit = wait_testid(&root, "plan-submit").await;
    until("submit enabled", || !is_disabled(&submit)).await;
    click(&submit);
    wait_testid(&root, "plan-success").await;
    assert_eq!(
        api.calls_of("put_webmail"),
        [r#"put_webmail {"type":"standard","allowUpgrade":false}"#]
    );
}

async fn failure_message(error: ApiError) -> (String, String, bool, FakeApi) {
    let api = FakeApi::default();
    api.replies().put_webmail = Err(error);
    let (root, _h) = render(&api, default_config());
    loaded(&root).await;
    click(&wait_testid(&root, "plan-option-premium").await);
    let submit = wait_testid(&root, "plan-submit").await;
    until("submit enabled", || !is_disabled(&submit)).await;
    click(&submit);
    let error = wait_testid(&root, "plan-error").await;
    let kind = error.get_attribute("data-kind").unwrap_or_default();
    let message = text(&root, "plan-error");
    (message, kind, checked(&root, "plan-option-premium"), api)
}

#[wasm_bindgen_test]
async fn each_failure_is_shown_in_place_and_the_choice_kept() {
    let cases: Vec<(ApiError, &str)> = vec![
        (
            ApiError::BadRequestMessage(
                "Current mailbox usage is larger than the new quota value".into(),
            ),
            "The mailbox holds more than this plan's storage.",
        ),
        (
            ApiError::BadRequestFields([("type".to_owned(), "Required".to_owned())].into()),
            "Choose a plan.",
        ),
        (
            ApiError::BadRequestMessage("Billing hold".into()),
            "The server refused the change. The server's words: Billing hold",
        ),
        (ApiError::Unauthorized, "session has expired"),
        (ApiError::NotFound(None), "does not know this mailbox"),
        (
            ApiError::Server {
                status: 503,
                message: None,
            },
            "error 503",
        ),
        (
            ApiError::InvalidBody {
                status: 400,
                detail: "not json".into(),
            },
            "cannot read",
        ),
    ];
    for (error, expected) in cases {
        let (message, _kind, kept, api) = failure_message(error.clone()).await;
        assert!(message.contains(expected), "{error:?}: {message}");
        assert!(kept, "{error:?}: choice lost");
        assert_eq!(
            api.calls_of("put_webmail").len(),
            1,
            "{error:?}: never retried"
        );
    }
}

#[wasm_bindgen_test]
async fn a_lost_answer_says_so_and_rereads() {
    for error in [ApiError::Timeout, ApiError::Network("reset".into())] {
        let (message, kind, _kept, api) = failure_message(error.clone()).await;
        assert_eq!(kind, "unknown", "{error:?}");
        assert!(message.contains("did not confirm"), "{message}");
        until("re-read", || api.calls_of("webmail").len() == 2).await;
        assert_eq!(api.calls_of("put_webmail").len(), 1);
    }
}

#[wasm_bindgen_test]
async fn a_field_error_is_shown_at_the_field() {
    let api = FakeApi::default();
    api.replies().put_webmail = Err(ApiError::BadRequestFields(
        [("type".to_owned(), "Required".to_owned())].into(),
    ));
    let (root, _h) = render(&api, default_config());
    loaded(&root).await;
    click(&wait_testid(&root, "plan-option-premium").await);
    let submit = wait_testid(&root, "plan-submit").await;
    until("submit enabled", || !is_disabled(&submit)).await;
    click(&submit);
    assert_eq!(
        wait_testid(&root, "field-error-type")
            .await
            .text_content()
            .as_deref(),
        Some("Choose a plan."),
        "the server's known rule text, in the panel's words"
    );
}

#[wasm_bindgen_test]
async fn a_failed_read_offers_try_again_and_keeps_the_others() {
    let api = FakeApi::default();
    api.replies().names = Err(ApiError::Server {
        status: 502,
        message: None,
    });
    let (root, _h) = render(&api, default_config());
    loaded(&root).await;
    let failure = wait_testid(&root, "load-error").await;
    assert!(failure
        .text_content()
        .unwrap_or_default()
        .contains("the plans of this domain"));
    // Settings still shown, with the type as name for lack of the names.
    assert_eq!(text(&root, "current-plan"), "standard (standard)");
    api.replies().names = support::Replies::default().names;
    click(&wait_testid(&root, "retry").await);
    until("names loaded", || {
        text(&root, "current-plan") == "SMX Mail Basic (standard)"
    })
    .await;
    assert!(by_testid(&root, "load-error").is_none());
    assert_eq!(api.calls_of("webmail_names").len(), 2);
    assert_eq!(
        api.calls_of("webmail").len(),
        1,
        "only the failed read is repeated"
    );
}

#[wasm_bindgen_test]
async fn unauthorized_read_is_reported() {
    let api = FakeApi::default();
    api.replies().webmail = Err(ApiError::Unauthorized);
    let (root, _h) = render(&api, default_config());
    let failure = wait_testid(&root, "load-error").await;
    assert!(failure
        .text_content()
        .unwrap_or_default()
        .contains("sign in again"));
}

#[wasm_bindgen_test]
async fn a_change_reads_the_counts_again() {
    let api = FakeApi::default();
    api.replies().limits = Ok(serde_json::from_value(
        serde_json::json!({"webmailLimits": {"standard": -1, "activesync": 3, "premium": -1}}),
    )
    .unwrap_or_else(|e| panic!("{e}")));
    let (root, _h) = render(&api, default_config());
    loaded(&root).await;
    until("counted once", || api.calls_of("usernames").len() == 1).await;
    click(&wait_testid(&root, "plan-option-activesync").await);
    let submit = wait_testid(&root, "plan-submit").await;
    until("submit enabled", || !is_disabled(&submit)).await;
    click(&submit);
    wait_testid(&root, "plan-success").await;
    // The move changed how many mailboxes each type has.
    until("counted again", || api.calls_of("usernames").len() == 2).await;
    assert_eq!(api.calls_of("webmail").len(), 2);
    assert_eq!(api.calls_of("mailbox").len(), 2);
}

#[wasm_bindgen_test]
async fn a_huge_total_count_is_not_paged_and_the_server_decides() {
    let api = FakeApi::default();
    api.replies().limits = Ok(serde_json::from_value(
        serde_json::json!({"webmailLimits": {"standard": -1, "activesync": 2, "premium": -1}}),
    )
    .unwrap_or_else(|e| panic!("{e}")));
    api.replies().usernames = Ok(serde_json::from_value(
        serde_json::json!({"totalCount": 1_000_000, "list": [
            {"username": "a", "type": "activesync"}, {"username": "b", "type": "activesync"}
        ]}),
    )
    .unwrap_or_else(|e| panic!("{e}")));
    let (root, _h) = render(&api, default_config());
    loaded(&root).await;
    until("counted", || api.calls_of("usernames").len() == 1).await;
    // The counts are unknown, so the limit is the server's to enforce: the option
    // stays open, and no failure is shown.
    let option = wait_testid(&root, "plan-option-activesync").await;
    assert!(!is_disabled(&option));
    assert!(by_testid(&root, "plan-option-activesync-reason").is_none());
    assert!(by_testid(&root, "load-error").is_none());
    // A change reads the counts again: the positive signal that the first count is
    // long over. Each count read the first page only.
    click(&option);
    let submit = wait_testid(&root, "plan-submit").await;
    until("submit enabled", || !is_disabled(&submit)).await;
    click(&submit);
    wait_testid(&root, "plan-success").await;
    until("counted again", || api.calls_of("usernames").len() >= 2).await;
    assert_eq!(
        api.calls_of("usernames").len(),
        2,
        "{:?}",
        api.calls_of("usernames")
    );
}

#[wasm_bindgen_test]
async fn the_outcome_is_announced_politely_from_a_region_already_there() {
    let api = FakeApi::default();
    api.replies().put_webmail = Err(ApiError::Server {
        status: 502,
        message: None,
    });
    let (root, _h) = render(&api, default_config());
    loaded(&root).await;
    let submit = wait_testid(&root, "plan-submit").await;
    // Before any change the button is described by the "no change yet" hint, which exists.
    let described = submit.get_attribute("aria-describedby").unwrap_or_default();
    let hint = query(&root, &format!("[id='{described}']"));
    assert!(
        hint.is_some(),
        "aria-describedby={described} names an element"
    );
    let region = query(&root, "form .oxp-outcome[aria-live=polite]")
        .unwrap_or_else(|| panic!("the outcome's live region before any change"));
    assert_eq!(region.text_content().unwrap_or_default(), "");
    click(&wait_testid(&root, "plan-option-premium").await);
    until("submit enabled", || !is_disabled(&submit)).await;
    click(&submit);
    let error = wait_testid(&root, "plan-error").await;
    // A plan change is not destructive: its failure is polite, in the same region.
    assert!(error
        .parent_element()
        .is_some_and(|p| p.is_same_node(Some(&region))));
    assert!(error.get_attribute("role").is_none());
}
