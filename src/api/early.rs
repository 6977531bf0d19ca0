//! Reads the standalone page's boot script started before the module was loaded
//! (static/boot.js, "Early reads"), taken over by the client instead of sending its own.
//!
//! The client stays the authority on what is read and how: an early read is adopted only
//! by a GET for exactly the URL the client built itself, sent with the same credentials
//! mode, and only once. Whatever finds no early read is sent as usual, so a boot script
//! that declines (or is absent, as under `mount()`) changes nothing but the timing.

use std::cell::RefCell;

use js_sys::{Function, Map, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// One read started by the boot script.
#[derive(Clone)]
pub struct EarlyRead {
    /// Resolves to the `Response`, or rejects as `fetch` does.
    pub response: Promise,
    abort: Option<Function>,
    /// Sent with an `Authorization` header (else with the browser's own credentials).
    authorized: bool,
}

impl EarlyRead {
    /// Aborts the boot script's fetch (the client's timeout); never throws.
    pub fn abort(&self) {
        if let Some(abort) = &self.abort {
            let _ = abort.call0(&JsValue::UNDEFINED);
        }
    }
}

/// The early reads of one mount, by URL; each can be taken once.
#[derive(Default)]
pub struct EarlyReads {
    reads: RefCell<Vec<(String, EarlyRead)>>,
}

impl EarlyReads {
    /// Reads the boot script's `Map` of URL → `{response, abort, authorized}`. Anything
    /// else (`undefined`, a malformed entry) is left out: the client then reads for itself.
    pub fn from_js(value: &JsValue) -> Self {
        let mut reads = Vec::new();
        if let Some(map) = value.dyn_ref::<Map>() {
            map.for_each(&mut |entry, key| {
                let field = |name: &str| Reflect::get(&entry, &JsValue::from_str(name)).ok();
                let (Some(url), Some(response)) = (
                    key.as_string(),
                    field("response").and_then(|p| p.dyn_into::<Promise>().ok()),
                ) else {
                    return;
                };
                let abort = field("abort").and_then(|f| f.dyn_into::<Function>().ok());
                let authorized = field("authorized").and_then(|b| b.as_bool());
                if let Some(authorized) = authorized {
                    reads.push((
                        url,
                        EarlyRead {
                            response,
                            abort,
                            authorized,
                        },
                    ));
                }
            });
        }
        Self {
            reads: RefCell::new(reads),
        }
    }

    /// The early read of `url`, if one was started the way the client would send it
    /// (`authorized`: with an `Authorization` header). Taken once: a re-read is sent.
    pub fn take(&self, url: &str, authorized: bool) -> Option<EarlyRead> {
        let mut reads = self.reads.borrow_mut();
        let at = reads.iter().position(|(u, _)| u == url)?;
        let (_, read) = reads.swap_remove(at);
        if read.authorized == authorized {
            Some(read)
        } else {
            // Not what the client would send: dropped, and read again the usual way.
            read.abort();
            None
        }
    }

    /// Aborts every read nobody took (`unmount`).
    pub fn abort_all(&self) {
        for (_, read) in self.reads.borrow_mut().drain(..) {
            read.abort();
        }
    }
}
