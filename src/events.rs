//! The DOM events a host page listens to, dispatched on the mount element.

use ox_core::types::{BlackberryAction, OxType};
use serde::Serialize;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, EventTarget};

pub const PLAN_CHANGED: &str = "oxpanel:plan-changed";
pub const BLACKBERRY_ACTION: &str = "oxpanel:blackberry-action";
pub const AUTH_REQUIRED: &str = "oxpanel:auth-required";
// Domain view
pub const NAVIGATE: &str = "oxpanel:navigate";

/// Where this instance's events go. `None` (tests without a host) drops them.
#[derive(Clone, Default)]
pub struct Events {
    target: Option<EventTarget>,
}

impl PartialEq for Events {
    fn eq(&self, other: &Self) -> bool {
        match (&self.target, &other.target) {
            (Some(a), Some(b)) => JsValue::from(a) == JsValue::from(b),
            (None, None) => true,
            _ => false,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PlanChanged<'a> {
    from: &'a str,
    to: &'a str,
    allow_upgrade: bool,
}

#[derive(Serialize)]
struct ActionDone<'a> {
    action: &'a str,
    /// The HTTP status of the answer; `null` when none arrived.
    status: Option<u16>,
}

impl Events {
    pub fn new(target: EventTarget) -> Self {
        Self {
            target: Some(target),
        }
    }

    pub fn plan_changed(&self, from: &OxType, to: &OxType, allow_upgrade: bool) {
        self.dispatch(
            PLAN_CHANGED,
            &PlanChanged {
                from: from.as_str(),
                to: to.as_str(),
                allow_upgrade,
            },
        );
    }

    pub fn blackberry_action(&self, action: BlackberryAction, status: Option<u16>) {
        self.dispatch(
            BLACKBERRY_ACTION,
            &ActionDone {
                action: action.as_str(),
                status,
            },
        );
    }

    pub fn auth_required(&self) {
        self.dispatch(AUTH_REQUIRED, &serde_json::json!({}));
    }

    // Domain view
    /// The domain view moved: the mailbox opened (`null`: the list) and the list's
    /// position, so a host can keep its own address in step.
    pub fn navigate(&self, mailbox: Option<&str>, page: u32, sort: &str, filter: &str) {
        self.dispatch(
            NAVIGATE,
            &serde_json::json!({"mailbox": mailbox, "page": page, "sort": sort, "filter": filter}),
        );
    }

    fn dispatch<T: Serialize>(&self, name: &str, detail: &T) {
        let Some(target) = &self.target else { return };
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        let detail = detail.serialize(&serializer).unwrap_or(JsValue::NULL);
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        // Composed, so a host listening outside a shadow root still hears it.
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
            // A host listener that throws must not break the panel.
            let _ = target.dispatch_event(&event);
        }
    }
}
