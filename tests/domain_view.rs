//! The domain view in a real browser, against a fake API: the list, the limits, and
//! the bulk plan change's basics (verdicts before sending, one PUT per passing row,
//! cancel).
#![cfg(all(target_arch = "wasm32", feature = "domain"))]

mod support;

use ox_core::error::ApiError;
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn json<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> T {
    serde_json::from_value(v).unwrap_or_else(|e| panic!("fixture: {e}"))
}

fn domain_config() -> ox_core::config::PanelConfig {
    config(r#"{"account": "test", "domain": "test.com"}"#)
}

/// Six mailboxes: two on activesync (the limit is 3), one without upgrades.
fn replies() -> Replies {
    let row = |name: &str, t: &str, allow: bool, quota: u64| serde_json::json!({"username": name, "type": t, "allowUpgrade": allow, "quota": quota, "master": false});
    Replies {
        limits: Ok(json(
            serde_json::json!({"webmailLimits": {"standard": -1, "activesync": 3, "premium": -1}}),
        )),
        usernames: Ok(json(serde_json::json!({"totalCount": 6, "list": [
            row("anna", "standard", true, 1024),
            row("bert", "standard", true, 1024),
            row("carl", "standard", false, 1024),
            row("dora", "standard", true, 1024),
            row("sync.one", "activesync", true, 5120),
            row("sync.two", "activesync", true, 5120),
        ]}))),
        ..Replies::default()
    }
}

fn rows(root: &Element) -> Vec<String> {
    let list = root
        .query_selector_all("[data-testid=mailbox-row]")
        .unwrap_or_else(|_| panic!("query"));
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .filter_map(|e| e.get_attribute("data-username"))
        .collect()
}

fn row_part(root: &Element, user: &str, testid: &str) -> Option<Element> {
    query(
        root,
        &format!("[data-testid=mailbox-row][data-username=\"{user}\"] [data-testid={testid}]"),
    )
}

fn select(root: &Element, user: &str) {
    let el = row_part(root, user, "bulk-select").unwrap_or_else(|| panic!("no row {user}"));
    click(&el);
}

fn type_into(input: &Element, text: &str) {
    if let Some(i) = input.dyn_ref::<HtmlInputElement>() {
        i.set_value(text);
    }
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(e) = web_sys::Event::new_with_event_init_dict("input", &init) {
        let _ = input.dispatch_event(&e);
    }
}

async fn loaded(root: &Element) -> Vec<String> {
    wait_testid(root, "mailbox-list").await;
    rows(root)
}

#[wasm_bindgen_test]
async fn the_list_the_limits_and_a_page_request_with_details() {
    let api = FakeApi::new(replies());
    let (root, _h) = render(&api, domain_config());
    assert_eq!(
        loaded(&root).await,
        ["anna", "bert", "carl", "dora", "sync.one", "sync.two"]
    );
    let calls = api.calls_of("usernames");
    assert!(
        calls
            .iter()
            .any(|c| c.contains("page=1&pageSize=25&sortField=username&sortOrder=asc&details=1")),
        "{calls:?}"
    );
    until("limits counted", || {
        text(&root, "limit-activesync").contains("2 of 3 used")
    })
    .await;
    assert_eq!(
        text(&root, "limit-activesync"),
        "SMX Sync Advanced: 2 of 3 used"
    );
    assert_eq!(
        row_part(&root, "sync.one", "row-plan").and_then(|e| e.text_content()),
        Some("SMX Sync Advanced".into())
    );
    // Every control has a name.
    let select_box = row_part(&root, "anna", "bulk-select").unwrap_or_else(|| panic!("select"));
    assert_eq!(
        select_box.get_attribute("aria-label").as_deref(),
        Some("Select anna")
    );
}

#[wasm_bindgen_test]
async fn the_filter_is_debounced_into_one_contains_request() {
    let api = FakeApi::new(replies());
    let (root, _h) = render(&api, domain_config());
    loaded(&root).await;
    let before = api.calls_of("usernames").len();
    let input = wait_testid(&root, "mailbox-filter").await;
    type_into(&input, "a");
    type_into(&input, "an");
    until("one filtered request", || {
        api.calls_of("usernames")
            .iter()
            .any(|c| c.contains("filterUsername=*an*"))
    })
    .await;
    let filtered: Vec<String> = api.calls_of("usernames")[before..]
        .iter()
        .filter(|c| c.contains("filterUsername"))
        .cloned()
        .collect();
    assert_eq!(filtered.len(), 1, "{filtered:?}");
}

#[wasm_bindgen_test]
async fn bulk_verdicts_before_sending_then_one_put_per_passing_row() {
    let api = FakeApi::new(replies());
    let (root, _h) = render(&api, domain_config());
    loaded(&root).await;
    until("counts read", || {
        text(&root, "limit-activesync").contains("used")
    })
    .await;
    for user in ["anna", "bert", "carl", "dora"] {
        select(&root, user);
    }
    click(&wait_testid(&root, "bulk-target-activesync").await);
    until("preview", || {
        by_testid(&root, "bulk-preview").is_some_and(|e| e.get_attribute("data-send").is_some())
    })
    .await;
    let preview = by_testid(&root, "bulk-preview").unwrap_or_else(|| panic!("preview"));
    // 3 of 3 after anna: bert... only one seat is left (2 of 3 used); carl is refused
    // for its own reason, bert and dora because anna takes the last seat.
    assert_eq!(preview.get_attribute("data-send").as_deref(), Some("1"));
    assert_eq!(preview.get_attribute("data-refused").as_deref(), Some("3"));
    let carl = query(&root, "[data-testid=bulk-refused][data-username=carl]")
        .unwrap_or_else(|| panic!("carl refused"));
    assert_eq!(
        carl.get_attribute("data-code").as_deref(),
        Some("upgrade_not_allowed")
    );
    let bert = query(&root, "[data-testid=bulk-refused][data-username=bert]")
        .unwrap_or_else(|| panic!("bert refused"));
    assert_eq!(
        bert.get_attribute("data-selection").as_deref(),
        Some("true")
    );
    assert!(api.calls_of("put_webmail").is_empty());

    // To premium (no limit) all but carl pass.
    click(&wait_testid(&root, "bulk-target-premium").await);
    until("preview for premium", || {
        by_testid(&root, "bulk-preview").and_then(|e| e.get_attribute("data-send"))
            == Some("3".into())
    })
    .await;
    click(&wait_testid(&root, "bulk-submit").await);
    until("every row answered", || {
        by_testid(&root, "bulk-progress").and_then(|e| e.get_attribute("data-phase"))
            == Some("finished".into())
    })
    .await;
    let mut puts = api.calls_of("put_webmail");
    puts.sort();
    assert_eq!(
        puts,
        [
            r#"put_webmail {"type":"premium"} @anna"#,
            r#"put_webmail {"type":"premium"} @bert"#,
            r#"put_webmail {"type":"premium"} @dora"#,
        ]
    );
    until("outcome in the row", || {
        row_part(&root, "anna", "bulk-result").and_then(|e| e.get_attribute("data-state"))
            == Some("done".into())
    })
    .await;
    assert!(text(&root, "bulk-progress-text").contains("3 of 3 finished"));
}

#[wasm_bindgen_test]
async fn cancel_sends_nothing_more_and_retry_only_the_failed() {
    let api = FakeApi::new(replies());
    let (root, _h) = render(&api, domain_config());
    loaded(&root).await;
    click(&wait_testid(&root, "bulk-select-page").await);
    click(&wait_testid(&root, "bulk-target-standard").await);
    until("preview", || {
        by_testid(&root, "bulk-preview").and_then(|e| e.get_attribute("data-send"))
            == Some("2".into())
    })
    .await;
    // Four are on standard already and the two activesync ones may move down: 2 to send.
    assert!(!is_disabled(&wait_testid(&root, "bulk-submit").await));
    click(&wait_testid(&root, "bulk-target-premium").await);
    until("5 to send", || {
        by_testid(&root, "bulk-preview").and_then(|e| e.get_attribute("data-send"))
            == Some("5".into())
    })
    .await;
    api.hold("put_webmail");
    api.replies().put_webmail = Err(ApiError::Server {
        status: 502,
        message: None,
    });
    click(&wait_testid(&root, "bulk-submit").await);
    until("four in flight", || api.calls_of("put_webmail").len() == 4).await;
    click(&wait_testid(&root, "bulk-cancel").await);
    api.release("put_webmail");
    until("cancelled", || {
        by_testid(&root, "bulk-progress").and_then(|e| e.get_attribute("data-phase"))
            == Some("cancelled".into())
    })
    .await;
    assert_eq!(api.calls_of("put_webmail").len(), 4);
    // The four sent failed (502); retry sends exactly those four again.
    api.replies().put_webmail = Ok(());
    click(&wait_testid(&root, "bulk-retry").await);
    until("retried", || api.calls_of("put_webmail").len() == 8).await;
    until("finished", || {
        by_testid(&root, "bulk-progress").and_then(|e| e.get_attribute("data-phase"))
            == Some("cancelled".into())
            || by_testid(&root, "bulk-progress").and_then(|e| e.get_attribute("data-phase"))
                == Some("finished".into())
    })
    .await;
    let calls = api.calls_of("put_webmail");
    assert_eq!(calls[..4], calls[4..]);
}

#[wasm_bindgen_test]
async fn opening_a_mailbox_shows_its_panels_and_back_returns_to_the_page() {
    let api = FakeApi::new(replies());
    let (root, _h) = render(&api, domain_config());
    loaded(&root).await;
    let open = row_part(&root, "bert", "open-mailbox").unwrap_or_else(|| panic!("open"));
    click(&open);
    wait_testid(&root, "webmail-panel").await;
    wait_testid(&root, "blackberry-panel").await;
    until("the panel read bert's settings", || {
        api.calls().iter().any(|c| c == "webmail @bert")
    })
    .await;
    assert!(by_testid(&root, "mailbox-list").is_none());
    click(&wait_testid(&root, "domain-back").await);
    assert_eq!(loaded(&root).await.len(), 6);
}

#[wasm_bindgen_test]
async fn a_failed_page_read_says_so_and_tries_again() {
    let mut r = replies();
    r.usernames = Err(ApiError::Server {
        status: 500,
        message: None,
    });
    let api = FakeApi::new(r);
    let (root, _h) = render(&api, domain_config());
    wait_testid(&root, "load-error").await;
    api.replies().usernames = replies().usernames;
    // The list's own retry (counts failed too; either retry button reads again).
    let list_retry =
        query(&root, ".oxp-mailboxes [data-testid=retry]").unwrap_or_else(|| panic!("list retry"));
    click(&list_retry);
    assert_eq!(loaded(&root).await.len(), 6);
}
