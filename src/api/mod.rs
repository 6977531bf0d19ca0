//! The typed API boundary. Components see only [`Api`] (through [`ApiRef`]); the HTTP
//! details live in [`http`], and tests substitute a fake.

pub mod counts;
pub mod early;
pub mod http;
pub mod json;

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use ox_core::error::ApiError;
use ox_core::types::{
    BlackberryAction, BlackberryStatistics, BlackberryStatus, MailboxInfo, UsernamesList,
    UsernamesQuery, WebmailLimits, WebmailNames, WebmailSettings, WebmailUpdate,
};

/// A boxed future, because components hold the client as `Rc<dyn Api>`.
pub type ApiFuture<T> = Pin<Box<dyn Future<Output = Result<T, ApiError>>>>;

/// Every call the panels make, bound to the mailbox of one mounted instance.
pub trait Api {
    fn webmail(&self) -> ApiFuture<WebmailSettings>;
    fn webmail_names(&self) -> ApiFuture<WebmailNames>;
    fn webmail_limits(&self) -> ApiFuture<WebmailLimits>;
    fn mailbox(&self) -> ApiFuture<MailboxInfo>;
    fn usernames(&self, query: UsernamesQuery) -> ApiFuture<UsernamesList>;
    /// Sends the PUT once; never retried here or anywhere else.
    fn put_webmail(&self, update: WebmailUpdate) -> ApiFuture<()>;
    fn blackberry_status(&self) -> ApiFuture<BlackberryStatus>;
    fn blackberry_statistics(&self) -> ApiFuture<BlackberryStatistics>;
    /// Sends the action once and gives the 2xx status it was accepted with;
    /// destructive actions are never retried.
    fn blackberry_action(&self, action: BlackberryAction) -> ApiFuture<u16>;
    /// The same client (credentials, timeout, open state) bound to another mailbox of
    /// the domain, whose BlackBerry user is that mailbox too: the domain view's
    /// opened mailbox.
    fn for_mailbox(&self, mailbox: &str) -> Rc<dyn Api>;
}

/// The client as components hold it; equal when it is the same instance.
#[derive(Clone)]
pub struct ApiRef(pub Rc<dyn Api>);

impl ApiRef {
    pub fn new(api: impl Api + 'static) -> Self {
        Self(Rc::new(api))
    }
}

impl PartialEq for ApiRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for ApiRef {
    type Target = dyn Api;
    fn deref(&self) -> &Self::Target {
        &*self.0
    }
}

/// What a JS exception says (a rejected `fetch`'s `TypeError` or `AbortError`, a
/// `JSON.parse` `SyntaxError`), as text; `otherwise` when it is not an `Error`.
pub(crate) fn js_error_text(error: &wasm_bindgen::JsValue, otherwise: &str) -> String {
    use wasm_bindgen::JsCast;
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| otherwise.to_owned())
}
