//! Untrusted input that used to break a panel: a malformed locale, a credential no
//! header can carry, a timeout beyond the browser's timer, and the standalone page's
//! configuration element.
#![cfg(target_arch = "wasm32")]

mod support;

use ox_core::error::ApiError;
use ox_core::types::BlackberryAction;
use ox_panel::api::http::HttpApi;
use ox_panel::api::Api;
use support::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const BAD_LOCALES: [&str; 4] = ["123", "x", "en--US", "en-US-u-"];

#[wasm_bindgen_test]
fn numbers_survive_a_locale_the_browser_refuses() {
    for bad in BAD_LOCALES {
        assert_eq!(ox_panel::format::number(bad, 1234.5), "1,234.5", "{bad}");
        assert_eq!(ox_panel::format::megabytes(bad, 1536), "1.5 GB", "{bad}");
    }
    assert_eq!(ox_panel::format::number("de-DE", 1234.5), "1.234,5");
}

/// The panel, rendered with `locale` in the configuration (bypassing validation, as a
/// host-built config could) or with `language` from the server, shows in en-US.
async fn renders_in_en_us(config_locale: Option<&str>, server_language: &str) {
    let replies = Replies::default();
    let api = FakeApi::new(replies);
    if let Ok(settings) = api.replies().webmail.as_mut() {
        settings.language = Some(server_language.to_owned());
    }
    let mut cfg = default_config();
    cfg.locale = config_locale.map(str::to_owned);
    let (root, _app) = render(&api, cfg);
    until("usage shown", || {
        text(&root, "usage-text").contains("200 MB")
    })
    .await;
    let usage = text(&root, "usage-text");
    assert!(
        usage.contains("200 MB") && usage.contains("1 GB"),
        "{usage}"
    );
    let lang = query(&root, ".oxp-root").and_then(|e| e.get_attribute("lang"));
    assert_eq!(lang.as_deref(), Some("en-US"));
    wait_testid(&root, "bb-device").await;
}

#[wasm_bindgen_test]
async fn a_malformed_locale_falls_back_to_en_us_and_the_page_keeps_running() {
    for bad in BAD_LOCALES {
        renders_in_en_us(Some(bad), "en_US").await;
        renders_in_en_us(None, bad).await;
    }
    // Yew's scheduler still runs: a later panel on the same page renders too.
    renders_in_en_us(None, "en_US").await;
}

fn js_config(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap_or_else(|_| panic!("test config is not JSON"))
}

fn error_message(error: wasm_bindgen::JsError) -> String {
    let error: js_sys::Error = JsValue::from(error).unchecked_into();
    String::from(error.message())
}

#[wasm_bindgen_test]
fn a_credential_no_header_can_carry_is_refused_naming_the_key() {
    for bad in ["Basic abc\\r\\nX-Evil: 1", "Bearer ключ"] {
        let root = fresh_root();
        let json = format!(
            r#"{{"apiBase": "/no-api", "account": "test", "domain": "test.com", "mailbox": "john.smith", "authorization": "{bad}"}}"#
        );
        let Err(error) = ox_panel::mount(root.clone(), js_config(&json)) else {
            panic!("mounted with {bad:?}")
        };
        let message = error_message(error);
        assert!(message.contains("`authorization`"), "{message}");
        assert!(
            text(&root, "config-error").contains("`authorization`"),
            "shown in the element"
        );
        assert!(!message.contains("ключ"), "the value is not echoed");
    }
}

#[wasm_bindgen_test]
fn set_authorization_throws_on_a_bad_value_and_keeps_the_old_one() {
    let root = fresh_root();
    let json = r#"{"apiBase": "/no-api", "account": "test", "domain": "test.com", "mailbox": "john.smith", "authorization": "Basic ok"}"#;
    let handle = ox_panel::mount(root, js_config(json)).unwrap_or_else(|_| panic!("mount"));
    for bad in ["x\ny", "x\r\n", "Bearer ключ", " "] {
        let Err(error) = handle.set_authorization(Some(bad.to_owned())) else {
            panic!("accepted {bad:?}")
        };
        assert!(error_message(error).contains("`authorization`"));
    }
    assert!(handle
        .set_authorization(Some("Basic fresh".to_owned()))
        .is_ok());
    assert!(handle.set_authorization(None).is_ok());
}

fn client(auth: Option<&str>, timeout_ms: Option<u32>) -> HttpApi {
    http_client(auth, timeout_ms, Default::default())
}

#[wasm_bindgen_test]
async fn a_header_the_browser_refuses_ends_as_an_error_value() {
    // Past validation (a config built in code): the request still ends, as a refusal,
    // instead of throwing inside its future and never finishing.
    for bad in ["x\ny", "Bearer ключ"] {
        let api = client(Some(bad), None);
        assert_eq!(
            api.blackberry_action(BlackberryAction::Wipe).await,
            Err(ApiError::Unauthorized),
            "{bad:?}"
        );
        assert_eq!(api.webmail().await.map(|_| ()), Err(ApiError::Unauthorized));
    }
}

#[wasm_bindgen_test]
async fn a_timeout_beyond_the_browser_timer_does_not_abort_at_once() {
    // The test server answers /no-api/... (a 404): an answer, not a time-out. Cast to
    // the timer's signed milliseconds, u32::MAX would fire at once and abort.
    let api = client(None, Some(u32::MAX));
    let outcome = api.webmail().await.map(|_| ());
    assert!(
        matches!(outcome, Err(ref e) if *e != ApiError::Timeout),
        "expected the server's answer, got {outcome:?}"
    );
}

fn config_element(json: &str) -> web_sys::Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .unwrap_or_else(|| panic!("no document"));
    if let Some(old) = document.get_element_by_id(ox_panel::config_source::CONFIG_ELEMENT_ID) {
        old.remove();
    }
    let script = document
        .create_element("script")
        .unwrap_or_else(|_| panic!("script"));
    let _ = script.set_attribute("type", "application/json");
    script.set_id(ox_panel::config_source::CONFIG_ELEMENT_ID);
    script.set_text_content(Some(json));
    document.body().map(|b| b.append_child(&script));
    script
}

#[wasm_bindgen_test]
fn the_page_config_is_removed_once_read_and_the_query_cannot_move_the_api() {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .unwrap_or_else(|| panic!("no document"));
    let json = r#"{"apiBase": "/api", "authorization": "Basic c2VjcmV0LXZhbHVl", "account": "test", "domain": "test.com", "mailbox": "john.smith"}"#;
    let page = "http://127.0.0.1:8080";
    for (search, expect) in [
        ("?apiBase=/other/api", Ok("/other/api")),
        (
            "?apiBase=http://127.0.0.1:8080/x",
            Ok("http://127.0.0.1:8080/x"),
        ),
        ("?apiBase=https://elsewhere.example/x", Err("apiBase")),
        ("?apiBase=//elsewhere.example/x", Err("apiBase")),
        ("?apiBase=/%5Celsewhere.example/x", Err("apiBase")),
        ("?apiBase=/%09/elsewhere.example/x", Err("apiBase")),
        ("?apiBase=javascript:alert(1)", Err("apiBase")),
        ("?apiBase=http://127.0.0.2:8080/api", Err("apiBase")),
    ] {
        config_element(json);
        let got = ox_panel::config_source::from_page(&document, search, page);
        let got = got
            .as_ref()
            .map(|c| c.api_base.as_str())
            .map_err(|e| e.key());
        assert_eq!(got, expect, "{search}");
        assert!(
            document
                .get_element_by_id(ox_panel::config_source::CONFIG_ELEMENT_ID)
                .is_none(),
            "the element is gone after {search}"
        );
        let html = document
            .document_element()
            .map(|e| e.outer_html())
            .unwrap_or_default();
        assert!(
            !html.contains("c2VjcmV0LXZhbHVl"),
            "the credential left the page"
        );
    }
}
