//! Taking over the boot script's early reads (src/api/early.rs): only for the exact URL
//! the client builds, only with the same credentials mode, only once, under the client's
//! timeout; a malformed hand-over is ignored.
#![cfg(target_arch = "wasm32")]

mod support;

use ox_core::error::ApiError;
use ox_core::types::BillingStatus;
use ox_panel::api::early::EarlyReads;
use ox_panel::api::http::HttpApi;
use ox_panel::api::Api;
use support::http_client;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The status URL under the test server's `/no-api` (which answers 404 to anything).
const STATUS: &str = "/no-api/accounts/test/exchange/test.com/mailboxes/john.smith/blackberry/";

#[wasm_bindgen(inline_js = r#"
export function early_reads(url, body, authorized, never) {
  const state = { aborted: 0 };
  const response = never ? new Promise(() => {}) : Promise.resolve(new Response(body, { status: 200 }));
  const reads = new Map([[url, { response, abort: () => { state.aborted += 1; }, authorized }]]);
  return [reads, state];
}
export function aborted(state) { return state.aborted; }
"#)]
extern "C" {
    fn early_reads(url: &str, body: &str, authorized: bool, never: bool) -> js_sys::Array;
    fn aborted(state: &JsValue) -> u32;
}

const OPEN: &str = r#"{"billingStatus": "open", "links": []}"#;

fn client(auth: Option<&str>, timeout_ms: Option<u32>, early: &JsValue) -> HttpApi {
    http_client(auth, timeout_ms, EarlyReads::from_js(early))
}

fn status(result: Result<ox_core::types::BlackberryStatus, ApiError>) -> Option<BillingStatus> {
    result.ok().map(|s| s.billing_status)
}

#[wasm_bindgen_test]
async fn the_early_answer_is_taken_once_for_its_url() {
    let pair = early_reads(STATUS, OPEN, true, false);
    let api = client(Some("Basic x"), None, &pair.get(0));
    assert_eq!(
        status(api.blackberry_status().await),
        Some(BillingStatus::Open)
    );
    // Taken: the re-read goes to the (404-answering) server.
    assert!(matches!(
        api.blackberry_status().await,
        Err(ApiError::NotFound(_))
    ));
    // Another URL never takes it.
    let pair = early_reads(STATUS, OPEN, true, false);
    let api = client(Some("Basic x"), None, &pair.get(0));
    assert!(api.blackberry_statistics().await.is_err());
    assert_eq!(
        status(api.blackberry_status().await),
        Some(BillingStatus::Open)
    );
}

#[wasm_bindgen_test]
async fn a_read_sent_another_way_is_dropped_and_sent_again() {
    // Sent with a header, but this client has none (cookie mode): not taken, aborted.
    let pair = early_reads(STATUS, OPEN, true, false);
    let api = client(None, None, &pair.get(0));
    assert!(matches!(
        api.blackberry_status().await,
        Err(ApiError::NotFound(_))
    ));
    assert_eq!(aborted(&pair.get(1)), 1);
    // And the other way round.
    let pair = early_reads(STATUS, OPEN, false, false);
    let api = client(Some("Basic x"), None, &pair.get(0));
    assert!(api.blackberry_status().await.is_err());
    assert_eq!(aborted(&pair.get(1)), 1);
}

#[wasm_bindgen_test]
async fn an_early_read_that_never_answers_times_out_and_is_aborted() {
    let pair = early_reads(STATUS, OPEN, true, true);
    let api = client(Some("Basic x"), Some(50), &pair.get(0));
    assert_eq!(
        api.blackberry_status().await.map(|_| ()),
        Err(ApiError::Timeout)
    );
    assert_eq!(aborted(&pair.get(1)), 1);
}

#[wasm_bindgen_test]
async fn a_malformed_hand_over_is_ignored() {
    let entry_without_flag = js_sys::Map::new();
    let entry = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &entry,
        &"response".into(),
        &js_sys::Promise::resolve(&JsValue::NULL),
    );
    entry_without_flag.set(&STATUS.into(), &entry);
    for early in [
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from_str(STATUS),
        js_sys::Object::new().into(),
        entry_without_flag.into(),
    ] {
        let api = client(Some("Basic x"), None, &early);
        assert!(
            matches!(api.blackberry_status().await, Err(ApiError::NotFound(_))),
            "{early:?}: the client read for itself"
        );
    }
    // A promise that gives no Response is an error value, not a throw.
    let reads = js_sys::Map::new();
    let entry = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &entry,
        &"response".into(),
        &js_sys::Promise::resolve(&JsValue::from(42)),
    );
    let _ = js_sys::Reflect::set(&entry, &"authorized".into(), &JsValue::TRUE);
    reads.set(&STATUS.into(), &entry);
    let api = client(Some("Basic x"), None, &reads.into());
    assert!(matches!(
        api.blackberry_status().await,
        Err(ApiError::Network(_))
    ));
}
