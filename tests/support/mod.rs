//! Shared helpers for the browser tests: a programmable fake API and DOM waiting.
#![allow(dead_code)]

use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};
use std::rc::Rc;

use futures::channel::oneshot;
use ox_core::config::{parse_config_json, PanelConfig};
use ox_core::error::ApiError;
use ox_core::types::{
    BlackberryAction, BlackberryStatistics, BlackberryStatus, MailboxInfo, UsernamesList,
    UsernamesQuery, WebmailLimits, WebmailNames, WebmailSettings, WebmailUpdate,
};
use ox_panel::api::{Api, ApiFuture, ApiRef};
use ox_panel::app::{App, AppProps};
use ox_panel::events::Events;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// What each call answers; read when the call resolves, so a test may change it
/// between calls.
pub struct Replies {
    pub webmail: Result<WebmailSettings, ApiError>,
    pub names: Result<WebmailNames, ApiError>,
    pub limits: Result<WebmailLimits, ApiError>,
    pub mailbox: Result<MailboxInfo, ApiError>,
    pub usernames: Result<UsernamesList, ApiError>,
    pub put_webmail: Result<(), ApiError>,
    pub bb_status: Result<BlackberryStatus, ApiError>,
    pub bb_statistics: Result<BlackberryStatistics, ApiError>,
    /// The action's answer: the 2xx status it was accepted with, or the error.
    pub bb_action: Result<u16, ApiError>,
}

fn json<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> T {
    serde_json::from_value(v).unwrap_or_else(|e| panic!("test fixture does not parse: {e}"))
}

impl Default for Replies {
    fn default() -> Self {
        Self {
            webmail: Ok(json(serde_json::json!({
                "authToken": "secret-token-never-shown", "type": "standard", "allowUpgrade": true,
                "resetPassword": false, "theme": "t", "language": "en_US", "timezone": "America/Chicago",
                "links": [{"href": "/x", "rel": "self"}]
            }))),
            names: Ok(json(serde_json::json!({"webmailNames": {
                "standard": "SMX Mail Basic", "activesync": "SMX Sync Advanced", "premium": "SMA Collaborate Premium"
            }}))),
            limits: Ok(json(
                serde_json::json!({"webmailLimits": {"standard": -1, "activesync": -1, "premium": -1}}),
            )),
            mailbox: Ok(json(
                serde_json::json!({"username": "john.smith", "master": false, "quota": 1024, "usage": 200}),
            )),
            usernames: Ok(json(serde_json::json!({"totalCount": 0, "list": []}))),
            put_webmail: Ok(()),
            bb_status: Ok(json(serde_json::json!({"billingStatus": "open"}))),
            bb_statistics: Ok(json(serde_json::json!({"statistics": {
                "name": "John Smith", "pin": 12345678, "deviceType": "BlackBerry Bold", "deviceStatus": "Running",
                "dataService": 1, "forwarded": 10, "sent": 4, "pending": 0, "filtered": 1,
                "lastTransactionResult": "OK", "lastFwdTime": "11/20/2026 10:00:00", "lastSentTime": null
            }}))),
            bb_action: Ok(202),
        }
    }
}

#[derive(Default)]
struct Inner {
    replies: Replies,
    calls: Vec<String>,
    held: HashSet<&'static str>,
    waiting: Vec<(&'static str, oneshot::Sender<()>)>,
}

/// A fake [`Api`] that records every call (`"put_webmail {json}"`, `"blackberry_action wipe"`)
/// and can hold calls of a kind until released, to look at in-flight states.
#[derive(Clone, Default)]
pub struct FakeApi {
    inner: Rc<RefCell<Inner>>,
    /// Domain view: the mailbox a `for_mailbox` client is bound to; its calls are
    /// recorded with ` @name` at the end.
    bound: Option<String>,
}

impl FakeApi {
    pub fn new(replies: Replies) -> Self {
        let fake = Self::default();
        fake.inner.borrow_mut().replies = replies;
        fake
    }

    pub fn replies(&self) -> std::cell::RefMut<'_, Replies> {
        std::cell::RefMut::map(self.inner.borrow_mut(), |i| &mut i.replies)
    }

    pub fn calls(&self) -> Vec<String> {
        self.inner.borrow().calls.clone()
    }

    pub fn calls_of(&self, name: &str) -> Vec<String> {
        self.calls()
            .into_iter()
            .filter(|c| c.split(' ').next() == Some(name))
            .collect()
    }

    /// Calls named `name` wait until [`FakeApi::release`].
    pub fn hold(&self, name: &'static str) {
        self.inner.borrow_mut().held.insert(name);
    }

    pub fn release(&self, name: &'static str) {
        let mut inner = self.inner.borrow_mut();
        inner.held.remove(name);
        let waiting = std::mem::take(&mut inner.waiting);
        for (n, tx) in waiting {
            if n == name {
                let _ = tx.send(());
            } else {
                inner.waiting.push((n, tx));
            }
        }
    }

    fn call<T: 'static>(
        &self,
        name: &'static str,
        detail: String,
        pick: fn(&Replies) -> Result<T, ApiError>,
    ) -> ApiFuture<T> {
        let inner = self.inner.clone();
        let gate = {
            let mut i = inner.borrow_mut();
            let mut call = if detail.is_empty() {
                name.to_owned()
            } else {
                format!("{name} {detail}")
            };
            if let Some(mailbox) = &self.bound {
                call.push_str(&format!(" @{mailbox}"));
            }
            i.calls.push(call);
            if i.held.contains(name) {
                let (tx, rx) = oneshot::channel();
                i.waiting.push((name, tx));
                Some(rx)
            } else {
                None
            }
        };
        Box::pin(async move {
            if let Some(rx) = gate {
                let _ = rx.await;
            }
            let reply = pick(&inner.borrow().replies);
            reply
        })
    }
}

impl Api for FakeApi {
    fn webmail(&self) -> ApiFuture<WebmailSettings> {
        self.call("webmail", String::new(), |r| r.webmail.clone())
    }
    fn webmail_names(&self) -> ApiFuture<WebmailNames> {
        self.call("webmail_names", String::new(), |r| r.names.clone())
    }
    fn webmail_limits(&self) -> ApiFuture<WebmailLimits> {
        self.call("webmail_limits", String::new(), |r| r.limits.clone())
    }
    fn mailbox(&self) -> ApiFuture<MailboxInfo> {
        self.call("mailbox", String::new(), |r| r.mailbox.clone())
    }
    fn usernames(&self, query: UsernamesQuery) -> ApiFuture<UsernamesList> {
        self.call("usernames", query.to_query_string(), |r| {
            r.usernames.clone()
        })
    }
    fn put_webmail(&self, update: WebmailUpdate) -> ApiFuture<()> {
        let body = serde_json::to_string(&update).unwrap_or_default();
        self.call("put_webmail", body, |r| r.put_webmail.clone())
    }
    fn blackberry_status(&self) -> ApiFuture<BlackberryStatus> {
        self.call("blackberry_status", String::new(), |r| r.bb_status.clone())
    }
    fn blackberry_statistics(&self) -> ApiFuture<BlackberryStatistics> {
        self.call("blackberry_statistics", String::new(), |r| {
            r.bb_statistics.clone()
        })
    }
    fn blackberry_action(&self, action: BlackberryAction) -> ApiFuture<u16> {
        self.call("blackberry_action", action.as_str().to_owned(), |r| {
            r.bb_action.clone()
        })
    }
    fn for_mailbox(&self, mailbox: &str) -> Rc<dyn Api> {
        Rc::new(FakeApi {
            inner: self.inner.clone(),
            bound: Some(mailbox.to_owned()),
        })
    }
}

pub fn config(json: &str) -> PanelConfig {
    parse_config_json(json).unwrap_or_else(|e| panic!("test config: {e}"))
}

/// The real HTTP client on the test server's `/no-api` (which answers 404 to anything),
/// with `auth`, `timeout_ms` and the boot script's `early` reads.
pub fn http_client(
    auth: Option<&str>,
    timeout_ms: Option<u32>,
    early: ox_panel::api::early::EarlyReads,
) -> ox_panel::api::http::HttpApi {
    let mut cfg = config(
        r#"{"apiBase": "/no-api", "account": "test", "domain": "test.com", "mailbox": "john.smith"}"#,
    );
    cfg.timeout_ms = timeout_ms;
    ox_panel::api::http::HttpApi::new(
        &cfg,
        Rc::new(RefCell::new(auth.map(ox_core::secret::Secret::new))),
        Rc::new(|| {}),
        Rc::new(std::cell::Cell::new(true)),
        Rc::new(early),
    )
}

pub fn default_config() -> PanelConfig {
    config(r#"{"account": "test", "domain": "test.com", "mailbox": "john.smith"}"#)
}

/// A fresh element in the document for one test.
pub fn fresh_root() -> Element {
    let document = gloo_utils_document();
    let root = document
        .create_element("div")
        .unwrap_or_else(|_| panic!("create div"));
    document.body().map(|b| b.append_child(&root));
    root
}

fn gloo_utils_document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .unwrap_or_else(|| panic!("no document"))
}

/// Renders the whole app with a fake API; returns the root element.
pub fn render(api: &FakeApi, config: PanelConfig) -> (Element, yew::AppHandle<App>) {
    let root = fresh_root();
    let events = Events::new(root.clone().into());
    let props = AppProps::new(Rc::new(config), ApiRef::new(api.clone()), events);
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    (root, handle)
}

/// Yields to the browser once: lets spawned futures and Yew's scheduler run.
pub async fn tick() {
    gloo_timers::future::TimeoutFuture::new(0).await;
    yew::scheduler::flush().await;
}

/// Waits until `cond` holds, yielding between checks; fails after a bounded number
/// of turns rather than after a fixed time.
pub async fn until(what: &str, mut cond: impl FnMut() -> bool) {
    for _ in 0..500 {
        yew::scheduler::flush().await;
        if cond() {
            return;
        }
        tick().await;
    }
    panic!("condition never held: {what}");
}

pub fn query(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

pub fn by_testid(root: &Element, id: &str) -> Option<Element> {
    query(root, &format!("[data-testid=\"{id}\"]"))
}

pub async fn wait_testid(root: &Element, id: &str) -> Element {
    until(&format!("[data-testid={id}] present"), || {
        by_testid(root, id).is_some()
    })
    .await;
    by_testid(root, id).unwrap_or_else(|| panic!("{id} vanished"))
}

pub fn text(root: &Element, id: &str) -> String {
    by_testid(root, id)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

pub fn click(el: &Element) {
    if let Some(h) = el.dyn_ref::<HtmlElement>() {
        h.click();
    }
}

pub fn is_disabled(el: &Element) -> bool {
    el.has_attribute("disabled")
}

/// Collects the `oxpanel:*` events dispatched on `target`.
pub fn record_events(target: &Element, name: &str) -> Rc<RefCell<Vec<String>>> {
    use wasm_bindgen::closure::Closure;
    let seen = Rc::new(RefCell::new(Vec::new()));
    let sink = seen.clone();
    let listener =
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            let detail = js_sys::JSON::stringify(&e.detail())
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_default();
            sink.borrow_mut().push(detail);
        });
    let _ = target.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
    listener.forget();
    seen
}

pub type Map = BTreeMap<String, String>;
