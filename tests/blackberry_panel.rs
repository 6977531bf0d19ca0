#![cfg(target_arch = "wasm32")]
//! The BlackBerry panel in a real browser with a fake API: the status card, why actions
//! are unavailable, the confirmation dialog's keyboard behaviour and typed check, that a
//! confirmed action is sent exactly once, and the message for every outcome.

mod support;

use ox_core::error::ApiError;
use support::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const ACTION: &str = "blackberry_action";

fn fixture<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> T {
    serde_json::from_value(v).unwrap_or_else(|e| panic!("fixture does not parse: {e}"))
}

fn with_status(status: &str) -> FakeApi {
    let api = FakeApi::new(Replies::default());
    api.replies().bb_status = Ok(fixture(serde_json::json!({ "billingStatus": status })));
    api
}

/// A DOM event built through the page's own constructors (`KeyboardEvent`, `Event`),
/// bubbling and cancelable like a real one.
fn event(constructor: &str, kind: &str, fields: &[(&str, JsValue)]) -> web_sys::Event {
    let init = js_sys::Object::new();
    let defaults = [
        ("bubbles", JsValue::TRUE),
        ("cancelable", JsValue::TRUE),
        ("composed", JsValue::TRUE),
    ];
    for (k, v) in defaults.iter().chain(fields.iter()) {
        let _ = js_sys::Reflect::set(&init, &JsValue::from_str(k), v);
    }
    let ctor = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(constructor))
        .ok()
        .and_then(|c| c.dyn_into::<js_sys::Function>().ok())
        .unwrap_or_else(|| panic!("no {constructor} constructor"));
    let args = js_sys::Array::of2(&JsValue::from_str(kind), &init);
    js_sys::Reflect::construct(&ctor, &args)
        .unwrap_or_else(|_| panic!("cannot build {constructor}"))
        .unchecked_into()
}

/// Presses a key on `el`; returns whether the panel prevented the default action.
fn press(el: &Element, key: &str, shift: bool, repeat: bool) -> bool {
    let e = event(
        "KeyboardEvent",
        "keydown",
        &[
            ("key", key.into()),
            ("shiftKey", shift.into()),
            ("repeat", repeat.into()),
        ],
    );
    let _ = el.dispatch_event(&e);
    e.default_prevented()
}

fn type_into(input: &Element, text: &str) {
    if let Some(i) = input.dyn_ref::<HtmlInputElement>() {
        i.set_value(text);
    }
    let _ = input.dispatch_event(&event("Event", "input", &[]));
}

fn active() -> Option<Element> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
}

fn is_active(el: &Element) -> bool {
    active().is_some_and(|a| a.is_same_node(Some(el)))
}

fn testid_attr(root: &Element, id: &str, attr: &str) -> Option<String> {
    by_testid(root, id).and_then(|e| e.get_attribute(attr))
}

async fn ready(root: &Element) {
    wait_testid(root, "blackberry-status").await;
    until("actions settled", || {
        by_testid(root, "bb-action-wipe").is_some() && by_testid(root, "loading").is_none()
    })
    .await;
}

async fn open_dialog(root: &Element, action: &str) -> Element {
    let button = wait_testid(root, &format!("bb-action-{action}")).await;
    assert!(!is_disabled(&button), "{action} is enabled");
    click(&button);
    let dialog = wait_testid(root, "confirm-dialog").await;
    until("focus moves into the dialog", || {
        by_testid(root, "confirm-cancel").is_some_and(|c| is_active(&c))
    })
    .await;
    dialog
}

/// Opens a dialog, types the name where needed and confirms.
async fn confirm(root: &Element, action: &str) {
    open_dialog(root, action).await;
    if let Some(input) = by_testid(root, "confirm-input") {
        type_into(&input, "john.smith");
    }
    let submit = wait_testid(root, "confirm-submit").await;
    until("confirm enabled", || !is_disabled(&submit)).await;
    click(&submit);
    until("dialog closed", || {
        by_testid(root, "confirm-dialog").is_none()
    })
    .await;
}

async fn settle() {
    for _ in 0..20 {
        tick().await;
    }
}

// ---------------------------------------------------------------- status card

#[wasm_bindgen_test]
async fn shows_the_billing_status_and_the_device() {
    let api = FakeApi::new(Replies::default());
    api.replies().bb_statistics = Ok(fixture(serde_json::json!({"statistics": {
        "name": "John Smith", "pin": 12345678, "deviceType": "BlackBerry Bold", "deviceStatus": "Running",
        "dataService": 1, "forwarded": 1234, "sent": 4, "pending": 0, "filtered": null,
        "lastTransactionResult": "OK", "lastFwdTime": "11/20/2026 10:00:00", "lastSentTime": "13/45/2026 99:00:00"
    }})));
    api.hold("blackberry_status");
    let (root, _app) = render(&api, default_config());
    wait_testid(&root, "loading").await;
    api.release("blackberry_status");
    ready(&root).await;
    assert_eq!(text(&root, "blackberry-status").trim(), "Active");
    assert_eq!(
        testid_attr(&root, "blackberry-status", "data-billing").as_deref(),
        Some("open")
    );
    wait_testid(&root, "bb-device").await;
    assert_eq!(text(&root, "bb-device-name"), "John Smith");
    assert_eq!(text(&root, "bb-device-pin"), "12345678");
    assert_eq!(text(&root, "bb-device-type"), "BlackBerry Bold");
    assert_eq!(text(&root, "bb-device-status"), "Running");
    assert_eq!(text(&root, "bb-device-data"), "On");
    assert_eq!(text(&root, "bb-device-forwarded"), "1,234");
    assert_eq!(text(&root, "bb-device-filtered"), "not available");
    let fwd = text(&root, "bb-device-last-forward");
    assert!(
        fwd.contains("2026") && fwd.contains("Nov"),
        "locale date, got {fwd:?}"
    );
    assert!(
        !fwd.contains("11/20/2026 10:00:00"),
        "not the raw API text: {fwd:?}"
    );
    let time = query(&root, "[data-testid=bb-device-last-forward] time")
        .and_then(|t| t.get_attribute("datetime"));
    assert_eq!(time.as_deref(), Some("2026-11-20T10:00:00"));
    assert_eq!(
        text(&root, "bb-device-last-send"),
        "not available",
        "garbage is not shown"
    );
    // Status and statistics were read once each, in parallel.
    assert_eq!(api.calls_of("blackberry_status").len(), 1);
    assert_eq!(api.calls_of("blackberry_statistics").len(), 1);
    assert!(api.calls_of(ACTION).is_empty());
}

#[wasm_bindgen_test]
async fn dates_follow_the_locale() {
    let api = FakeApi::new(Replies::default());
    let (root, _app) = render(
        &api,
        config(
            r#"{"account": "test", "domain": "test.com", "mailbox": "john.smith", "locale": "de_DE"}"#,
        ),
    );
    wait_testid(&root, "bb-device").await;
    let fwd = text(&root, "bb-device-last-forward");
    assert!(fwd.contains("20.11.2026"), "German date, got {fwd:?}");
}

#[wasm_bindgen_test]
async fn an_unknown_billing_status_is_quoted() {
    let api = with_status("frozen");
    let (root, _app) = render(&api, default_config());
    ready(&root).await;
    let status = text(&root, "blackberry-status");
    assert!(status.contains("“frozen”"), "{status}");
    assert!(is_disabled(
        &wait_testid(&root, "bb-action-resendServiceBooks").await
    ));
    assert!(text(&root, "bb-actions-reason").contains("“frozen”"));
}

// ---------------------------------------------------------------- disabled states

#[wasm_bindgen_test]
async fn every_status_but_open_disables_the_actions_with_the_reason() {
    for (status, words, phrase) in [
        ("pending", "Being set up", "still being set up"),
        ("suspended", "Suspended", "suspended"),
        ("close_pending", "Closing", "being closed"),
        ("closed", "Closed", "closed"),
        ("purge_pending", "Being removed", "being removed"),
    ] {
        let api = with_status(status);
        let (root, app) = render(&api, default_config());
        ready(&root).await;
        assert_eq!(text(&root, "blackberry-status").trim(), words, "{status}");
        let reason = wait_testid(&root, "bb-actions-reason").await;
        let reason_text = reason.text_content().unwrap_or_default();
        assert!(reason_text.contains(phrase), "{status}: {reason_text}");
        assert_eq!(
            reason.get_attribute("data-reason").as_deref(),
            Some("not_open")
        );
        let reason_id = reason.id();
        for action in ["resendServiceBooks", "wipe", "reinitialize"] {
            let button = wait_testid(&root, &format!("bb-action-{action}")).await;
            assert!(is_disabled(&button), "{status}: {action} disabled");
            let described = button.get_attribute("aria-describedby").unwrap_or_default();
            assert!(
                described.split(' ').any(|id| id == reason_id),
                "{status}: {action} described by the reason"
            );
            click(&button);
        }
        settle().await;
        assert!(
            by_testid(&root, "confirm-dialog").is_none(),
            "{status}: no dialog"
        );
        assert!(api.calls_of(ACTION).is_empty());
        app.destroy();
    }
}

#[wasm_bindgen_test]
async fn no_service_on_404() {
    let api = FakeApi::new(Replies::default());
    api.replies().bb_status = Err(ApiError::NotFound(None));
    api.replies().bb_statistics = Err(ApiError::NotFound(None));
    let (root, _app) = render(&api, default_config());
    ready(&root).await;
    assert_eq!(
        text(&root, "blackberry-status").trim(),
        "No BlackBerry service on this mailbox."
    );
    assert_eq!(
        testid_attr(&root, "bb-actions-reason", "data-reason").as_deref(),
        Some("no_service")
    );
    assert!(text(&root, "bb-actions-reason").contains("no BlackBerry service"));
    for action in ["resendServiceBooks", "wipe", "reinitialize"] {
        assert!(is_disabled(
            &wait_testid(&root, &format!("bb-action-{action}")).await
        ));
    }
    assert!(by_testid(&root, "bb-device").is_none());
    assert!(
        by_testid(&root, "load-error").is_none(),
        "a 404 is not a load failure"
    );
}

#[wasm_bindgen_test]
async fn a_failed_read_offers_try_again() {
    let api = FakeApi::new(Replies::default());
    api.replies().bb_status = Err(ApiError::Server {
        status: 502,
        message: None,
    });
    let (root, _app) = render(&api, default_config());
    let failure = wait_testid(&root, "load-error").await;
    assert!(failure
        .text_content()
        .unwrap_or_default()
        .contains("BlackBerry service status"));
    assert_eq!(
        testid_attr(&root, "bb-actions-reason", "data-reason").as_deref(),
        Some("unreadable")
    );
    assert!(is_disabled(&wait_testid(&root, "bb-action-wipe").await));
    api.replies().bb_status = Ok(fixture(serde_json::json!({"billingStatus": "open"})));
    click(&wait_testid(&root, "retry").await);
    until("status after retry", || {
        text(&root, "blackberry-status").trim() == "Active"
    })
    .await;
    assert!(by_testid(&root, "load-error").is_none());
    assert!(!is_disabled(&wait_testid(&root, "bb-action-wipe").await));
    assert_eq!(api.calls_of("blackberry_status").len(), 2);
    assert_eq!(
        api.calls_of("blackberry_statistics").len(),
        1,
        "only the failed read is repeated"
    );
}

// ---------------------------------------------------------------- the dialog

#[wasm_bindgen_test]
async fn the_wipe_dialog_is_an_alert_that_names_the_loss() {
    let api = FakeApi::new(Replies::default());
    let (root, _app) = render(&api, default_config());
    ready(&root).await;
    let dialog = open_dialog(&root, "wipe").await;
    assert_eq!(dialog.get_attribute("role").as_deref(), Some("alertdialog"));
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    let labelled = dialog.get_attribute("aria-labelledby").unwrap_or_default();
    let described = dialog.get_attribute("aria-describedby").unwrap_or_default();
    let title = query(&root, &format!("#{labelled}"))
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    let body = query(&root, &format!("#{described}"))
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    assert!(title.contains("Wipe"), "{title}");
    assert!(
        body.contains("deleted") && body.contains("cannot be recovered"),
        "{body}"
    );
    assert!(body.contains("john.smith"), "{body}");
    assert_eq!(
        text(&root, "confirm-submit").trim(),
        "Wipe device permanently"
    );
    // The rest of the panel is out of reach while it is open.
    assert!(query(&root, ".oxp-bb-content[inert]").is_some());

    let dialog = open_dialog_again(&root, "reinitialize").await;
    assert_eq!(dialog.get_attribute("role").as_deref(), Some("alertdialog"));
    assert_eq!(text(&root, "confirm-submit").trim(), "Reinitialize device");
    assert!(api.calls_of(ACTION).is_empty());
}

/// Closes the open dialog with Cancel and opens another.
async fn open_dialog_again(root: &Element, action: &str) -> Element {
    click(&wait_testid(root, "confirm-cancel").await);
    until("dialog closed", || {
        by_testid(root, "confirm-dialog").is_none()
    })
    .await;
    open_dialog(root, action).await
}

#[wasm_bindgen_test]
async fn resend_asks_a_simple_confirm() {
    let api = FakeApi::new(Replies::default());
    let (root, _app) = render(&api, default_config());
    ready(&root).await;
    let dialog = open_dialog(&root, "resendServiceBooks").await;
    assert_eq!(dialog.get_attribute("role").as_deref(), Some("dialog"));
    assert!(
        by_testid(&root, "confirm-input").is_none(),
        "nothing to type"
    );
    let submit = wait_testid(&root, "confirm-submit").await;
    assert!(!is_disabled(&submit));
    click(&submit);
    until("accepted", || {
        testid_attr(&root, "bb-result", "data-outcome").as_deref() == Some("accepted")
    })
    .await;
    assert_eq!(
        api.calls_of(ACTION),
        vec!["blackberry_action resendServiceBooks".to_owned()]
    );
}

#[wasm_bindgen_test]
async fn focus_starts_on_cancel_and_returns_to_the_button() {
    let api = FakeApi::new(Replies::default());
    let (root, _app) = render(&api, default_config());
    ready(&root).await;
    for action in ["wipe", "reinitialize", "resendServiceBooks"] {
        open_dialog(&root, action).await;
        click(&wait_testid(&root, "confirm-cancel").await);
        until("dialog closed", || {
            by_testid(&root, "confirm-dialog").is_none()
        })
        .await;
        let button = wait_testid(&root, &format!("bb-action-{action}")).await;
        until("focus back on the opening button", || is_active(&button)).await;
    }
    assert!(api.calls_of(ACTION).is_empty(), "cancel sends nothing");
}

#[wasm_bindgen_test]
async fn escape_closes_and_sends_nothing() {
    let api = FakeApi::new(Replies::default());
    let (root, _app) = render(&api, default_config());
    ready(&root).await;
    open_dialog(&root, "wipe").await;
    let input = wait_testid(&root, "confirm-input").await;
    type_into(&input, "john.smith");
    assert!(press(&input, "Escape", false, false), "Escape is handled");
    until("dialog closed", || {
        by_testid(&root, "confirm-dialog").is_none()
    })
    .await;
    let button = wait_testid(&root, "bb-action-wipe").await;
    until("focus back on wipe", || is_active(&button)).await;
    // Reopening starts empty: the typed name is not kept.
    open_dialog(&root, "wipe").await;
    let input = wait_testid(&root, "confirm-input").await;
    assert_eq!(
        input
            .dyn_ref::<HtmlInputElement>()
            .map(|i| i.value())
            .unwrap_or_default(),
        ""
    );
    assert!(is_disabled(&wait_testid(&root, "confirm-submit").await));
    press(
        &wait_testid(&root, "confirm-cancel").await,
        "Escape",
        false,
        false,
    );
    until("dialog closed", || {
        by_testid(&root, "confirm-dialog").is_none()
    })
    .await;
    settle().await;
    assert!(api.calls_of(ACTION).is_empty());
}

#[wasm_bindgen_test]
async fn tab_and_shift_tab_stay_inside() {
    let api = FakeApi::new(Replies::default());
    let (root, _app) = render(&api, default_config());
    ready(&root).await;
    open_dialog(&root, "wipe").await;
    let input = wait_testid(&root, "confirm-input").await;
    let cancel = wait_testid(&root, "confirm-cancel").await;
    let submit = wait_testid(&root, "confirm-submit").await;
    // Submit is disabled, so Cancel is the last stop: Tab wraps to the input.
    assert!(press(&cancel, "Tab", false, false));
    assert!(
        is_active(&input),
        "Tab from the last element goes to the first"
    );
    assert!(press(&input, "Tab", true, false));
    assert!(
        is_active(&cancel),
        "Shift+Tab from the first goes to the last"
    );
    // Inside the cycle the browser moves focus itself.
    assert!(!press(&input, "Tab", false, false));
    type_into(&input, "john.smith");
    until("submit enabled", || !is_disabled(&submit)).await;
    assert!(press(&submit, "Tab", false, false));
    assert!(is_active(&input), "with Submit enabled it is the last stop");
    assert!(press(&input, "Tab", true, false));
    assert!(is_active(&submit));
    assert!(api.calls_of(ACTION).is_empty());
}

#[wasm_bindgen_test]
async fn the_name_must_be_typed_exactly() {
    let api = FakeApi::new(Replies::default());
    let (root, _app) = render(&api, default_config());
    ready(&root).await;
    open_dialog(&root, "wipe").await;
    let input = wait_testid(&root, "confirm-input").await;
    let submit = wait_testid(&root, "confirm-submit").await;
    assert!(is_disabled(&submit), "disabled before typing");
    for wrong in [
        "john",
        "john.smit",
        "John.Smith",
        "john.smith ",
        " john.smith",
        "john.smith2",
        "jane.doe",
    ] {
        type_into(&input, wrong);
        settle().await;
        assert!(is_disabled(&submit), "{wrong:?} keeps it disabled");
        click(&submit);
        // A submit event reaching the form anyway sends nothing either.
        if let Some(form) = query(&root, "[data-testid=confirm-dialog] form") {
            let _ = form.dispatch_event(&event("Event", "submit", &[]));
        }
    }
    settle().await;
    assert!(by_testid(&root, "confirm-dialog").is_some());
    assert!(api.calls_of(ACTION).is_empty());
    type_into(&input, "john.smith");
    until("enabled with the exact name", || !is_disabled(&submit)).await;
    type_into(&input, "john.smith.");
    until("disabled again", || is_disabled(&submit)).await;
    assert!(api.calls_of(ACTION).is_empty());
}

#[wasm_bindgen_test]
async fn the_exchange_user_is_the_name_to_type() {
    let api = FakeApi::new(Replies::default());
    let (root, _app) = render(
        &api,
        config(
            r#"{"account": "test", "domain": "test.com", "mailbox": "john.smith", "exchangeUser": "jsmith"}"#,
        ),
    );
    ready(&root).await;
    open_dialog(&root, "reinitialize").await;
    let input = wait_testid(&root, "confirm-input").await;
    let submit = wait_testid(&root, "confirm-submit").await;
    type_into(&input, "john.smith");
    settle().await;
    assert!(
        is_disabled(&submit),
        "the OX mailbox name is not the Exchange user"
    );
    type_into(&input, "jsmith");
    until("enabled", || !is_disabled(&submit)).await;
}

#[wasm_bindgen_test]
async fn the_typed_name_is_the_name_sent_untrimmed() {
    // The configured name has a trailing space; the request's URL carries it as it is,
    // so the confirmation asks for exactly that string.
    let api = FakeApi::new(Replies::default());
    let (root, _app) = render(
        &api,
        config(
            r#"{"account": "test", "domain": "test.com", "mailbox": "john.smith", "exchangeUser": "jsmith "}"#,
        ),
    );
    ready(&root).await;
    open_dialog(&root, "wipe").await;
    let input = wait_testid(&root, "confirm-input").await;
    let submit = wait_testid(&root, "confirm-submit").await;
    type_into(&input, "jsmith");
    settle().await;
    assert!(
        is_disabled(&submit),
        "the trimmed name is not the name sent"
    );
    type_into(&input, "jsmith ");
    until("enabled with the configured name", || !is_disabled(&submit)).await;
    click(&submit);
    until("sent once", || api.calls_of(ACTION).len() == 1).await;
}

// ---------------------------------------------------------------- exactly once

#[wasm_bindgen_test]
async fn a_double_click_sends_one_request() {
    let api = FakeApi::new(Replies::default());
    let (root, _app) = render(&api, default_config());
    let seen = record_events(&root, "oxpanel:blackberry-action");
    ready(&root).await;
    open_dialog(&root, "wipe").await;
    type_into(&wait_testid(&root, "confirm-input").await, "john.smith");
    let submit = wait_testid(&root, "confirm-submit").await;
    until("enabled", || !is_disabled(&submit)).await;
    let form = query(&root, "[data-testid=confirm-dialog] form");
    // Two clicks, held Enter (repeated submits) and a repeated keydown, before any re-render.
    click(&submit);
    click(&submit);
    if let Some(form) = &form {
        let _ = form.dispatch_event(&event("Event", "submit", &[]));
        let _ = form.dispatch_event(&event("Event", "submit", &[]));
    }
    press(&submit, "Enter", false, true);
    until("accepted", || {
        testid_attr(&root, "bb-result", "data-outcome").as_deref() == Some("accepted")
    })
    .await;
    settle().await;
    assert_eq!(
        api.calls_of(ACTION),
        vec!["blackberry_action wipe".to_owned()]
    );
    assert_eq!(
        *seen.borrow(),
        vec![r#"{"action":"wipe","status":202}"#.to_owned()]
    );
}

#[wasm_bindgen_test]
async fn while_in_flight_everything_is_locked() {
    let api = FakeApi::new(Replies::default());
    api.hold(ACTION);
    let (root, _app) = render(&api, default_config());
    ready(&root).await;
    confirm(&root, "reinitialize").await;
    until("pending", || {
        testid_attr(&root, "bb-result", "data-outcome").as_deref() == Some("pending")
    })
    .await;
    assert!(text(&root, "bb-result").contains("Reinitialize device"));
    assert_eq!(
        testid_attr(&root, "bb-actions-reason", "data-reason").as_deref(),
        Some("busy")
    );
    let outcome = query(&root, ".oxp-bb-outcome").unwrap_or_else(|| panic!("outcome region"));
    until("focus on the outcome", || is_active(&outcome)).await;
    for action in ["resendServiceBooks", "wipe", "reinitialize"] {
        let button = wait_testid(&root, &format!("bb-action-{action}")).await;
        assert!(is_disabled(&button), "{action} locked");
        click(&button);
    }
    settle().await;
    assert!(by_testid(&root, "confirm-dialog").is_none());
    let items = root
        .query_selector_all("[data-testid=bb-activity-item]")
        .map(|l| l.length())
        .unwrap_or(0);
    assert_eq!(items, 1);
    assert_eq!(
        testid_attr(&root, "bb-activity-item", "data-outcome").as_deref(),
        Some("pending")
    );
    assert_eq!(api.calls_of(ACTION).len(), 1);
    api.release(ACTION);
    until("accepted", || {
        testid_attr(&root, "bb-result", "data-outcome").as_deref() == Some("accepted")
    })
    .await;
    assert!(text(&root, "bb-result").contains("next time it connects"));
    // Status and statistics were read again; the action was not.
    until("re-read", || {
        api.calls_of("blackberry_statistics").len() == 2
    })
    .await;
    assert_eq!(api.calls_of("blackberry_status").len(), 2);
    assert_eq!(api.calls_of(ACTION).len(), 1);
    assert!(
        !is_disabled(&wait_testid(&root, "bb-action-wipe").await),
        "unlocked after the answer"
    );
}

#[wasm_bindgen_test]
async fn the_activity_list_is_newest_first() {
    let api = FakeApi::new(Replies::default());
    let (root, _app) = render(&api, default_config());
    ready(&root).await;
    confirm(&root, "resendServiceBooks").await;
    until("first accepted", || {
        testid_attr(&root, "bb-result", "data-outcome").as_deref() == Some("accepted")
    })
    .await;
    api.replies().bb_action = Err(ApiError::Server {
        status: 502,
        message: None,
    });
    until("unlocked", || {
        by_testid(&root, "bb-action-wipe").is_some_and(|b| !is_disabled(&b))
    })
    .await;
    confirm(&root, "wipe").await;
    until("second answered", || {
        testid_attr(&root, "bb-result", "data-outcome").as_deref() == Some("server")
    })
    .await;
    let items: Vec<(String, String, String)> = {
        let list = root
            .query_selector_all("[data-testid=bb-activity-item]")
            .ok();
        (0..list.as_ref().map(|l| l.length()).unwrap_or(0))
            .filter_map(|i| list.as_ref().and_then(|l| l.item(i)))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .map(|e| {
                (
                    e.get_attribute("data-action").unwrap_or_default(),
                    e.get_attribute("data-outcome").unwrap_or_default(),
                    e.text_content().unwrap_or_default(),
                )
            })
            .collect()
    };
    assert_eq!(items.len(), 2);
    assert_eq!(
        (items[0].0.as_str(), items[0].1.as_str()),
        ("wipe", "server")
    );
    assert_eq!(
        (items[1].0.as_str(), items[1].1.as_str()),
        ("resendServiceBooks", "accepted")
    );
    assert!(items[0].2.contains("502"), "{}", items[0].2);
    assert!(query(&root, "[data-testid=bb-activity-item] time")
        .and_then(|t| t.get_attribute("datetime"))
        .is_some());
    assert_eq!(api.calls_of(ACTION).len(), 2);
}

// ---------------------------------------------------------------- outcomes

#[wasm_bindgen_test]
async fn every_outcome_has_its_message() {
    /// The reply, its outcome code, words of its message, the event's status.
    type Case = (
        Result<u16, ApiError>,
        &'static str,
        &'static str,
        Option<u16>,
    );
    let cases: Vec<Case> = vec![
        (
            Ok(202),
            "accepted",
            "wiped the next time it connects",
            Some(202),
        ),
        // Another 2xx is reported with its own status, not as 202.
        (
            Ok(200),
            "accepted",
            "wiped the next time it connects",
            Some(200),
        ),
        (
            Err(ApiError::Network("reset".into())),
            "unknown",
            "check the device status before trying again",
            None,
        ),
        (Err(ApiError::Timeout), "unknown", "Outcome unknown", None),
        (
            Err(ApiError::NotFound(None)),
            "not_found",
            "no BlackBerry service",
            Some(404),
        ),
        (
            Err(ApiError::MethodNotAllowed),
            "method_not_allowed",
            "405",
            Some(405),
        ),
        (
            Err(ApiError::Server {
                status: 502,
                message: None,
            }),
            "server",
            "internal error (502)",
            Some(502),
        ),
        (
            Err(ApiError::Server {
                status: 503,
                message: None,
            }),
            "server",
            "error 503",
            Some(503),
        ),
        (
            Err(ApiError::Unauthorized),
            "unauthorized",
            "Sign in again",
            Some(401),
        ),
        (
            Err(ApiError::InvalidBody {
                status: 400,
                detail: "not JSON".into(),
            }),
            "invalid_body",
            "cannot read",
            Some(400),
        ),
        (
            Err(ApiError::UnexpectedStatus(418)),
            "unexpected_status",
            "status 418",
            Some(418),
        ),
    ];
    for (reply, code, words, status) in cases {
        let api = FakeApi::new(Replies::default());
        api.replies().bb_action = reply.clone();
        let (root, app) = render(&api, default_config());
        let seen = record_events(&root, "oxpanel:blackberry-action");
        ready(&root).await;
        confirm(&root, "wipe").await;
        until(code, || {
            testid_attr(&root, "bb-result", "data-outcome")
                .as_deref()
                .is_some_and(|c| c != "pending")
        })
        .await;
        assert_eq!(
            testid_attr(&root, "bb-result", "data-outcome").as_deref(),
            Some(code),
            "{reply:?}"
        );
        let message = text(&root, "bb-result");
        assert!(
            message.to_lowercase().contains(&words.to_lowercase()),
            "{reply:?}: {message}"
        );
        assert_eq!(
            testid_attr(&root, "bb-result", "data-status"),
            status.map(|s| s.to_string()),
            "{reply:?}"
        );
        let status_json = status
            .map(|s| s.to_string())
            .unwrap_or_else(|| "null".into());
        until("event", || !seen.borrow().is_empty()).await;
        assert_eq!(
            *seen.borrow(),
            vec![format!(r#"{{"action":"wipe","status":{status_json}}}"#)],
            "{reply:?}"
        );
        settle().await;
        assert_eq!(api.calls_of(ACTION).len(), 1, "{reply:?}: never retried");
        app.destroy();
    }
}

#[wasm_bindgen_test]
async fn a_conflict_names_the_billing_status() {
    let api = FakeApi::new(Replies::default());
    api.replies().bb_action = Err(ApiError::Conflict(None));
    let (root, _app) = render(&api, default_config());
    ready(&root).await;
    // The service was suspended since the page loaded.
    open_dialog(&root, "reinitialize").await;
    api.replies().bb_status = Ok(fixture(serde_json::json!({"billingStatus": "suspended"})));
    type_into(&wait_testid(&root, "confirm-input").await, "john.smith");
    let submit = wait_testid(&root, "confirm-submit").await;
    until("enabled", || !is_disabled(&submit)).await;
    click(&submit);
    until("conflict", || {
        testid_attr(&root, "bb-result", "data-outcome").as_deref() == Some("conflict")
    })
    .await;
    until("status re-read", || {
        text(&root, "blackberry-status").trim() == "Suspended"
    })
    .await;
    let message = text(&root, "bb-result");
    assert!(message.contains("suspended"), "{message}");
    assert_eq!(
        testid_attr(&root, "bb-actions-reason", "data-reason").as_deref(),
        Some("not_open")
    );
    assert_eq!(api.calls_of(ACTION).len(), 1);
}

#[wasm_bindgen_test]
async fn an_unknown_outcome_offers_no_retry() {
    let api = FakeApi::new(Replies::default());
    api.replies().bb_action = Err(ApiError::Timeout);
    let (root, _app) = render(&api, default_config());
    ready(&root).await;
    confirm(&root, "wipe").await;
    until("unknown", || {
        testid_attr(&root, "bb-result", "data-outcome").as_deref() == Some("unknown")
    })
    .await;
    // No button inside the outcome: trying again means the whole confirmation again.
    assert!(query(&root, ".oxp-bb-outcome button").is_none());
    until("statistics re-read to check the device", || {
        api.calls_of("blackberry_statistics").len() == 2
    })
    .await;
    settle().await;
    assert_eq!(api.calls_of(ACTION).len(), 1);
}

// ---------------------------------------------------------------- announcements

/// The `aria-live` value of the region the outcome is in.
fn outcome_politeness(root: &Element) -> Option<String> {
    by_testid(root, "bb-result")
        .and_then(|r| r.parent_element())
        .and_then(|region| region.get_attribute("aria-live"))
}

async fn until_enabled(root: &Element, action: &str) {
    until("the action enabled again", || {
        by_testid(root, &format!("bb-action-{action}")).is_some_and(|b| !is_disabled(&b))
    })
    .await;
}

#[wasm_bindgen_test]
async fn only_a_failed_destructive_action_is_announced_assertively() {
    let api = FakeApi::new(Replies::default());
    api.replies().bb_action = Err(ApiError::Server {
        status: 502,
        message: None,
    });
    let (root, _app) = render(&api, default_config());
    ready(&root).await;
    // Both regions are in the page before anything is sent, so what comes is read out.
    let regions = root
        .query_selector_all(".oxp-bb-outcome [aria-live]")
        .map(|l| l.length())
        .unwrap_or(0);
    assert_eq!(regions, 2);
    confirm(&root, "resendServiceBooks").await;
    until("resend refused", || {
        testid_attr(&root, "bb-result", "data-outcome").as_deref() == Some("server")
    })
    .await;
    assert_eq!(outcome_politeness(&root).as_deref(), Some("polite"));
    until_enabled(&root, "wipe").await;
    confirm(&root, "wipe").await;
    until("wipe refused", || {
        testid_attr(&root, "bb-result", "data-action").as_deref() == Some("wipe")
            && testid_attr(&root, "bb-result", "data-outcome").as_deref() == Some("server")
    })
    .await;
    assert_eq!(outcome_politeness(&root).as_deref(), Some("assertive"));
    until_enabled(&root, "reinitialize").await;
    api.replies().bb_action = Ok(202);
    confirm(&root, "reinitialize").await;
    until("reinitialize accepted", || {
        testid_attr(&root, "bb-result", "data-action").as_deref() == Some("reinitialize")
            && testid_attr(&root, "bb-result", "data-outcome").as_deref() == Some("accepted")
    })
    .await;
    assert_eq!(outcome_politeness(&root).as_deref(), Some("polite"));
}
