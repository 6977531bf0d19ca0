//! The standalone page's address: the domain view keeps its position in the hash so
//! reload and the browser's back button work. Only the standalone page (which owns
//! its address) does this; a host follows `oxpanel:navigate` instead.

use std::cell::Cell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::nav::{parse_hash, to_hash, Nav};

thread_local! {
    static STANDALONE: Cell<bool> = const { Cell::new(false) };
}

/// Called by `mountStandalone`: this page's address belongs to the module.
pub fn set_standalone() {
    STANDALONE.with(|s| s.set(true));
}

pub fn is_standalone() -> bool {
    STANDALONE.with(Cell::get)
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The position the address names now.
pub fn read() -> Nav {
    parse_hash(&current_hash())
}

/// Puts `nav` into the address: a new history entry when the opened mailbox changes
/// (so "back" returns to the list), else the current entry is replaced.
pub fn write(nav: &Nav, previous: Option<&Nav>) {
    let hash = to_hash(nav);
    if hash == current_hash() {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    // An empty hash still has to replace the old one: keep path and query, drop `#…`.
    let url = if hash.is_empty() {
        let l = window.location();
        format!(
            "{}{}",
            l.pathname().unwrap_or_default(),
            l.search().unwrap_or_default()
        )
    } else {
        hash
    };
    let new_entry = previous.is_some_and(|p| p.mailbox != nav.mailbox);
    let _ = if new_entry {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// Listens to `popstate` and `hashchange` until dropped.
pub struct Listener {
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

impl Listener {
    pub fn new(on_change: impl Fn(Nav) + 'static) -> Option<Self> {
        let window = web_sys::window()?;
        let closure =
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| on_change(read()));
        for name in ["popstate", "hashchange"] {
            let _ = window.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
        }
        Some(Self { closure })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            for name in ["popstate", "hashchange"] {
                let _ = window.remove_event_listener_with_callback(
                    name,
                    self.closure.as_ref().unchecked_ref(),
                );
            }
        }
    }
}
