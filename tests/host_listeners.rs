//! The container's listener record (`src/host_listeners.rs`): what Yew adds to the
//! element it renders into, and `forget()`s, is removed and freed by `release`.
#![cfg(target_arch = "wasm32")]

mod support;

use std::cell::Cell;
use std::rc::Rc;

use ox_panel::host_listeners::HostListeners;
use support::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Adds a capturing `click` listener to `target` the way Yew 0.23 does (an options
/// object with `capture`, then `forget()`); `calls` counts its calls and is held by it.
fn add_forgotten(target: &web_sys::Element, calls: &Rc<Cell<u32>>) {
    let calls = calls.clone();
    let closure =
        Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| calls.set(calls.get() + 1));
    let options = web_sys::AddEventListenerOptions::new();
    options.set_capture(true);
    target
        .add_event_listener_with_callback_and_add_event_listener_options(
            "click",
            closure.as_ref().unchecked_ref(),
            &options,
        )
        .unwrap_or_else(|_| panic!("addEventListener"));
    closure.forget();
}

fn click(target: &web_sys::Element) {
    let event = web_sys::Event::new("click").unwrap_or_else(|_| panic!("new Event"));
    let _ = target.dispatch_event(&event);
}

fn has_own_add(target: &web_sys::Element) -> bool {
    js_sys::Object::has_own(target, &JsValue::from_str("addEventListener"))
}

#[wasm_bindgen_test]
fn release_removes_the_recorded_listeners_and_frees_their_forgotten_closures() {
    let root = fresh_root();
    let mut listeners = HostListeners::record(&root);
    assert!(has_own_add(&root), "the record is in place");
    let calls = Rc::new(Cell::new(0));
    add_forgotten(&root, &calls);
    assert_eq!(listeners.len(), 1);

    click(&root);
    assert_eq!(calls.get(), 1, "the listener was added for real");
    assert_eq!(
        Rc::strong_count(&calls),
        2,
        "the forgotten closure holds its capture"
    );

    listeners.release();
    assert_eq!(
        Rc::strong_count(&calls),
        1,
        "the forgotten closure (and what it captured) was dropped"
    );
    click(&root);
    assert_eq!(calls.get(), 1, "the listener is gone from the element");
    assert!(listeners.is_empty());
    assert!(
        !has_own_add(&root),
        "the element's own addEventListener is back"
    );

    // Released twice (an unmount called again): nothing happens.
    listeners.release();
}

#[wasm_bindgen_test]
fn dropped_without_release_the_listeners_stay_and_the_hook_goes() {
    let root = fresh_root();
    let calls = Rc::new(Cell::new(0));
    {
        let _listeners = HostListeners::record(&root);
        add_forgotten(&root, &calls);
    }
    assert!(!has_own_add(&root), "no hook to a dropped closure is left");
    click(&root);
    assert_eq!(calls.get(), 1, "the running app keeps its listener");
    // Registrations after the drop go straight to the element.
    add_forgotten(&root, &calls);
    click(&root);
    assert_eq!(calls.get(), 3);
}
