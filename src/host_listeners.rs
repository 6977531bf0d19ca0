//! The event listeners Yew puts on the element it renders into, recorded so that
//! `unmount` can release them.
//!
//! Why: Yew 0.23 delegates events. The first time a rendered element needs an event kind
//! (`click`, `change`, …), it adds one capturing listener for that kind to the app's
//! root element (`dom_bundle/subtree_root.rs`, `HostHandlers::add_listener`) and calls
//! `forget()` on the wasm-bindgen `Closure` behind it ("the registry is never dropped in
//! production"). Nothing removes those listeners, `AppHandle::destroy` included, and a
//! forgotten closure keeps its JS function in wasm-bindgen's externref table for good.
//! That function holds the Rust closure, the closure holds the subtree
//! (`Rc<SubtreeData>`), and the subtree holds the root element: the element, each of
//! its listeners and the subtree's registry stay alive after every unmount (measured in
//! Chromium: 4 listeners and the container node per mount of the standalone panels).
//! We found no upstream issue for it (yewstack/yew, searched 2026-12-04); the `FIXME`
//! next to that code points at #2989, which is about re-entrant listeners, not this.
//!
//! The work-around: the container gets an own `addEventListener` that forwards to the
//! real one and records each registration. `release` removes every recorded listener,
//! lets wasm-bindgen drop the forgotten Rust closure (its `_wbg_cb_unref`, the call
//! `Closure`'s own `Drop` makes), which drops the subtree and with it the last Rust
//! reference to the container, and frees the externref table slot `forget()` leaked.
//! Both are wasm-bindgen's internals, pinned exactly (Cargo.toml: `=0.2.130`); if they
//! are missing, the listeners are still removed and only the memory stays.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::convert::IntoWasmAbi;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

const ADD: &str = "addEventListener";
/// wasm-bindgen's release of a closure's Rust side (generated glue, 0.2.130).
const UNREF: &str = "_wbg_cb_unref";
/// wasm-bindgen's table of the JS values Rust holds, and its release of one slot.
const TABLE: &str = "__wbindgen_externrefs";
const DEALLOC: &str = "__externref_table_dealloc";

/// One `addEventListener` call on the container.
struct Registered {
    kind: String,
    listener: JsValue,
    capture: bool,
}

type Hook = Closure<dyn Fn(JsValue, JsValue, JsValue) -> Result<JsValue, JsValue>>;

/// The container's listeners since [`HostListeners::record`], until [`HostListeners::release`].
pub struct HostListeners {
    target: Element,
    seen: Rc<RefCell<Vec<Registered>>>,
    hook: Option<Hook>,
}

impl HostListeners {
    /// Records every listener added to `target` from now on (before Yew renders into
    /// it). If the browser refuses the own property, nothing is recorded and the
    /// listeners stay as before.
    pub fn record(target: &Element) -> Self {
        let seen = Rc::new(RefCell::new(Vec::new()));
        let mut me = Self {
            target: target.clone(),
            seen: seen.clone(),
            hook: None,
        };
        // The inherited `EventTarget.prototype.addEventListener`.
        let Some(add) = Reflect::get(target, &ADD.into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
        else {
            return me;
        };
        let this = JsValue::from(target.clone());
        let hook: Hook = Closure::new(move |kind: JsValue, listener: JsValue, options: JsValue| {
            let result = add.call3(&this, &kind, &listener, &options)?;
            if let Some(kind) = kind.as_string() {
                seen.borrow_mut().push(Registered {
                    kind,
                    listener,
                    capture: capture_of(&options),
                });
            }
            Ok(result)
        });
        if Reflect::set(target, &ADD.into(), hook.as_ref()).unwrap_or(false) {
            me.hook = Some(hook);
        }
        me
    }

    /// Removes every recorded listener from the container and releases the Rust closure
    /// behind each one Yew forgot. Call after `AppHandle::destroy`; never throws.
    pub fn release(&mut self) {
        if self.hook.take().is_some() {
            let _ = Reflect::delete_property(&self.target, &ADD.into());
        }
        let seen = std::mem::take(&mut *self.seen.borrow_mut());
        let functions: Vec<&Function> = seen
            .iter()
            .filter_map(|r| r.listener.dyn_ref::<Function>())
            .collect();
        for (registered, function) in seen.iter().zip(functions.iter()) {
            let _ = self.target.remove_event_listener_with_callback_and_bool(
                &registered.kind,
                function,
                registered.capture,
            );
            // Removed first, so the released closure is never called again. (Were it
            // running right now, wasm-bindgen's count defers the drop to its return.)
            if let Some(unref) = Reflect::get(function, &UNREF.into())
                .ok()
                .and_then(|f| f.dyn_into::<Function>().ok())
            {
                let _ = unref.call0(function);
            }
        }
        free_forgotten_slots(&functions);
    }

    /// How many listeners are recorded now (tests).
    pub fn len(&self) -> usize {
        self.seen.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Drop for HostListeners {
    /// Dropped without `release` (a handle freed while its app still runs): the app's
    /// listeners stay, but the hook goes, so a later registration reaches the element's
    /// own `addEventListener` instead of a dropped closure.
    fn drop(&mut self) {
        if self.hook.take().is_some() {
            let _ = Reflect::delete_property(&self.target, &ADD.into());
        }
    }
}

/// Frees the externref table slots `forget()` left holding `functions`, as dropping
/// the `Closure`s would have: without it each emptied JS function stays reachable from
/// the table for good (measured: 4 closures, about 0.5 KB of JS heap, per mount). The
/// table and its `dealloc` are wasm-bindgen's (0.2.130, pinned exactly); found by
/// identity, except the slots of our own record, which are still live. Anything
/// missing: nothing is freed.
fn free_forgotten_slots(functions: &[&Function]) {
    if functions.is_empty() {
        return;
    }
    let exports = wasm_bindgen::exports();
    let field = |target: &JsValue, name: &str| Reflect::get(target, &name.into()).ok();
    let Some(table) = field(&exports, TABLE) else {
        return;
    };
    let (Some(get), Some(dealloc), Some(len)) = (
        field(&table, "get").and_then(|f| f.dyn_into::<Function>().ok()),
        field(&exports, DEALLOC).and_then(|f| f.dyn_into::<Function>().ok()),
        field(&table, "length").and_then(|n| n.as_f64()),
    ) else {
        return;
    };
    // Our own references to the same functions: their slots stay (they are freed when
    // the record is dropped).
    let own: Vec<u32> = functions
        .iter()
        .map(|f| {
            let value: &JsValue = f;
            value.into_abi()
        })
        .collect();
    for index in 0..len as u32 {
        if own.contains(&index) {
            continue;
        }
        let Ok(value) = get.call1(&table, &index.into()) else {
            continue;
        };
        if functions.iter().any(|f| js_sys::Object::is(&value, f)) {
            let _ = dealloc.call1(&exports, &index.into());
        }
    }
}

/// `addEventListener`'s third argument: a boolean, or an object with `capture`.
fn capture_of(options: &JsValue) -> bool {
    if let Some(b) = options.as_bool() {
        return b;
    }
    if options.is_object() {
        return Reflect::get(options, &"capture".into())
            .ok()
            .and_then(|c| c.as_bool())
            .unwrap_or(false);
    }
    false
}
