//! The `mount` entry point as a host calls it.
#![cfg(target_arch = "wasm32")]

mod support;

use support::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn js_config(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap_or_else(|_| panic!("test config is not JSON"))
}

// The API is unreachable here; these tests are about the element, not the data.
const CONFIG: &str =
    r#"{"apiBase": "/no-api", "account": "test", "domain": "test.com", "mailbox": "john.smith"}"#;

#[wasm_bindgen_test]
async fn a_bad_config_is_shown_and_thrown_naming_the_key() {
    let root = fresh_root();
    let result = ox_panel::mount(root.clone(), js_config(r#"{"domain": "test.com"}"#));
    let Err(error) = result else {
        panic!("a config without account mounted")
    };
    let error: js_sys::Error = JsValue::from(error).unchecked_into();
    let message = String::from(error.message());
    assert!(message.contains("account"), "{message}");
    let shown = text(&root, "config-error");
    assert!(shown.contains("account"), "{shown}");
}

#[wasm_bindgen_test]
async fn a_second_mount_into_a_live_element_is_refused_and_unmount_frees_it() {
    let root = fresh_root();
    let mut first =
        ox_panel::mount(root.clone(), js_config(CONFIG)).unwrap_or_else(|_| panic!("first mount"));
    wait_testid(&root, "webmail-panel").await;
    assert!(
        ox_panel::mount(root.clone(), js_config(CONFIG)).is_err(),
        "second mount accepted"
    );
    assert!(
        by_testid(&root, "webmail-panel").is_some(),
        "the first panel is still there"
    );
    first.unmount();
    assert_eq!(
        root.child_element_count(),
        0,
        "unmount leaves the element empty"
    );
    let _second = ox_panel::mount(root.clone(), js_config(CONFIG))
        .unwrap_or_else(|_| panic!("mount after unmount"));
    wait_testid(&root, "webmail-panel").await;
}
