//! The only place that knows URLs, headers, timeouts and status codes.
//!
//! Adding an endpoint: its URL in `ox_core::url::Endpoints`, its method on [`Api`]
//! here (one `send`), the fake in `tests/support`; see the README's "Adding an endpoint".

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use futures::future::{self, Either};
use gloo_net::http::{Method, Request};
use gloo_timers::callback::Timeout;
use gloo_timers::future::TimeoutFuture;
use ox_core::config::{PanelConfig, MAX_TIMEOUT_MS};
use ox_core::error::{parse_body, ApiError, JsonBody};
use ox_core::secret::Secret;
use ox_core::types::{
    BlackberryAction, BlackberryActionRequest, BlackberryStatistics, BlackberryStatus, MailboxInfo,
    UsernamesList, UsernamesQuery, WebmailLimits, WebmailNames, WebmailSettings, WebmailUpdate,
};
use ox_core::url::{Endpoints, UrlError};
use serde::de::{DeserializeOwned, IgnoredAny};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestCredentials};

use super::early::{EarlyRead, EarlyReads};
use super::{Api, ApiFuture};

/// Default time after which a request is aborted.
pub const DEFAULT_TIMEOUT_MS: u32 = 15_000;

/// The `Authorization` value, shared with the mount handle so a host can swap it
/// without remounting. Never rendered, logged or stored.
pub type AuthCell = Rc<RefCell<Option<Secret>>>;

/// Called on every 401, whichever request got it.
pub type UnauthorizedHook = Rc<dyn Fn()>;

#[derive(Clone)]
pub struct HttpApi {
    inner: Rc<Inner>,
}

struct Inner {
    endpoints: Endpoints,
    account: String,
    domain: String,
    mailbox: Option<String>,
    bb_domain: String,
    bb_user: Option<String>,
    auth: AuthCell,
    timeout_ms: u32,
    on_unauthorized: UnauthorizedHook,
    /// Cleared by `unmount`: a read or re-read that a pending answer would start after
    /// it (e.g. the re-read after a plan change) is never sent.
    open: Rc<Cell<bool>>,
    /// What the boot script read before the module started (empty under `mount()`).
    early: Rc<EarlyReads>,
    /// The reads under way, aborted by [`HttpApi::close`]; shared with the clients
    /// `for_mailbox` makes.
    reads: Rc<InFlight>,
}

/// Aborts one read.
type Abort = Rc<dyn Fn()>;

/// Aborts of the reads under way, each removed when its read ends (or is dropped).
#[derive(Default)]
struct InFlight {
    next: Cell<u32>,
    aborts: RefCell<Vec<(u32, Abort)>>,
}

impl InFlight {
    fn add(&self, abort: Abort) -> InFlightEntry<'_> {
        let id = self.next.get().wrapping_add(1);
        self.next.set(id);
        self.aborts.borrow_mut().push((id, abort));
        InFlightEntry { set: self, id }
    }

    fn abort_all(&self) {
        // Taken out first: an abort may settle its read, whose entry then finds nothing.
        let aborts = std::mem::take(&mut *self.aborts.borrow_mut());
        for (_, abort) in aborts {
            abort();
        }
    }
}

/// One read in [`InFlight`], for as long as it lives.
struct InFlightEntry<'a> {
    set: &'a InFlight,
    id: u32,
}

impl Drop for InFlightEntry<'_> {
    fn drop(&mut self) {
        self.set
            .aborts
            .borrow_mut()
            .retain(|(id, _)| *id != self.id);
    }
}

/// Which connections a request may travel on.
#[derive(Clone, Copy)]
enum Pool {
    /// Reads.
    Shared,
    /// Writes (plan changes, device actions): never on a connection a read left idle.
    Isolated,
}

struct Raw {
    status: u16,
    body: JsonBody,
}

impl HttpApi {
    /// `open`: the instance's switch, which `unmount` turns off for good.
    pub fn new(
        config: &PanelConfig,
        auth: AuthCell,
        on_unauthorized: UnauthorizedHook,
        open: Rc<Cell<bool>>,
        early: Rc<EarlyReads>,
    ) -> Self {
        Self {
            inner: Rc::new(Inner {
                endpoints: config.endpoints(),
                account: config.account.clone(),
                domain: config.domain.clone(),
                mailbox: config.mailbox.clone(),
                bb_domain: config.bb_domain().to_owned(),
                bb_user: config.bb_user().map(str::to_owned),
                auth,
                // Validated already; bounded again because a larger value would turn
                // negative in the browser's timer and abort every request at once.
                timeout_ms: config
                    .timeout_ms
                    .unwrap_or(DEFAULT_TIMEOUT_MS)
                    .clamp(1, MAX_TIMEOUT_MS),
                on_unauthorized,
                open,
                early,
                reads: Rc::default(),
            }),
        }
    }

    /// `unmount`: from now on no request is sent, the boot script's reads nobody took
    /// and the reads under way are aborted (their timers end with them). A write under
    /// way is left to finish: it went out once, as confirmed, and is never repeated.
    pub fn close(&self) {
        let me = &self.inner;
        me.open.set(false);
        me.early.abort_all();
        me.reads.abort_all();
    }
}

impl Inner {
    fn mailbox(&self) -> Result<&str, UrlError> {
        self.mailbox
            .as_deref()
            .ok_or(UrlError::EmptySegment("mailbox"))
    }

    fn bb_user(&self) -> Result<&str, UrlError> {
        self.bb_user
            .as_deref()
            .ok_or(UrlError::EmptySegment("exchangeUser"))
    }

    /// The request's headers, set through the fallible `Headers.set` (gloo-net's own
    /// `header()` throws from inside the request future, which then never finishes).
    /// A credential no header can carry (the configuration and `setAuthorization`
    /// refuse those) counts as refused: a 401 without sending anything.
    fn headers(&self) -> Result<web_sys::Headers, ApiError> {
        let not_sent = |_| ApiError::Network("the browser refused a request header".into());
        let headers = web_sys::Headers::new().map_err(not_sent)?;
        headers
            .set("Accept", "application/json")
            .map_err(not_sent)?;
        headers
            .set("Content-Type", "application/json; charset=UTF-8")
            .map_err(not_sent)?;
        if let Some(secret) = self.auth.borrow().as_ref() {
            if headers.set("Authorization", secret.expose()).is_err() {
                (self.on_unauthorized)();
                return Err(ApiError::Unauthorized);
            }
        }
        Ok(headers)
    }

    /// One fetch with the configured credentials and an abort after the timeout; none
    /// at all once the instance was unmounted. Every request goes through here; a read
    /// the boot script already started for this very URL is taken over instead
    /// ([`EarlyReads`]).
    async fn send(
        &self,
        method: Method,
        url: &str,
        body: Option<String>,
        pool: Pool,
    ) -> Result<Raw, ApiError> {
        if !self.open.get() {
            return Err(ApiError::Network("the panel was unmounted".into()));
        }
        let has_auth = self.auth.borrow().is_some();
        let early = match (&method, pool) {
            (&Method::GET, Pool::Shared) => self.early.take(url, has_auth),
            _ => None,
        };
        let timed_out = Rc::new(Cell::new(false));
        let outcome = match early {
            Some(early) => {
                let read = early.clone();
                let _read = self.reads.add(Rc::new(move || read.abort()));
                self.adopt(early, &timed_out).await
            }
            None => {
                self.fetch(method, url, body, pool, has_auth, &timed_out)
                    .await?
            }
        };
        match outcome {
            Ok(raw) => {
                if raw.status == 401 {
                    (self.on_unauthorized)();
                }
                Ok(raw)
            }
            Err(_) if timed_out.get() => Err(ApiError::Timeout),
            Err(e) => Err(ApiError::Network(e)),
        }
    }

    /// The client's own request; `Err` only when it could not be sent at all.
    async fn fetch(
        &self,
        method: Method,
        url: &str,
        body: Option<String>,
        pool: Pool,
        has_auth: bool,
        timed_out: &Rc<Cell<bool>>,
    ) -> Result<Result<Raw, String>, ApiError> {
        let controller = AbortController::new()
            .map_err(|_| ApiError::Network("the browser cannot abort requests".into()))?;
        let init = web_sys::RequestInit::new();
        init.set_method(method.as_str());
        init.set_headers(self.headers()?.as_ref());
        init.set_signal(Some(&controller.signal()));
        match (has_auth, pool) {
            (false, _) => init.set_credentials(RequestCredentials::Include),
            (true, Pool::Shared) => {}
            // `omit` puts writes in a connection pool the reads do not use: Chromium
            // silently resends a request whose *reused* keep-alive connection closes
            // without an answer, and a change or a wipe must go out once. (The page's
            // own files and the reads sit in the default pool.)
            (true, Pool::Isolated) => init.set_credentials(RequestCredentials::Omit),
        }
        if let Some(text) = body {
            init.set_body(&JsValue::from_str(&text));
        }
        // The URL exactly as built (gloo-net's builder would append a stray `&` to a
        // query). The constructor throws for a URL the browser refuses: an error value.
        let request = web_sys::Request::new_with_str_and_init(url, &init)
            .map(Request::from)
            .map_err(|e| ApiError::Network(super::js_error_text(&e, "the request failed")))?;

        let _read = matches!(pool, Pool::Shared).then(|| {
            let controller = controller.clone();
            self.reads.add(Rc::new(move || controller.abort()))
        });
        let timer = {
            let timed_out = timed_out.clone();
            Timeout::new(self.timeout_ms, move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        let outcome = async {
            let response = request.send().await?;
            let status = response.status();
            let body = super::json::parse(&response.text().await?);
            Ok::<_, gloo_net::Error>(Raw { status, body })
        }
        .await;
        timer.cancel();
        Ok(outcome.map_err(|e| e.to_string()))
    }

    /// The boot script's read of the same URL: its answer, under the client's timeout
    /// (counted from here, so never shorter than the client's own). The timeout does
    /// not rely on the boot script's abort to end the wait: it wins the race by itself.
    async fn adopt(&self, early: EarlyRead, timed_out: &Rc<Cell<bool>>) -> Result<Raw, String> {
        let answer = async {
            let value = JsFuture::from(early.response.clone())
                .await
                .map_err(|e| super::js_error_text(&e, "the request failed"))?;
            let response = value
                .dyn_into::<web_sys::Response>()
                .map_err(|_| "the early read did not give a response".to_owned())?;
            let response = gloo_net::http::Response::from(response);
            let status = response.status();
            let text = response.text().await.map_err(|e| e.to_string())?;
            Ok(Raw {
                status,
                body: super::json::parse(&text),
            })
        };
        let timer = TimeoutFuture::new(self.timeout_ms);
        match future::select(std::pin::pin!(answer), timer).await {
            Either::Left((outcome, _)) => outcome,
            Either::Right(((), _)) => {
                timed_out.set(true);
                early.abort();
                Err("timed out".to_owned())
            }
        }
    }

    async fn get_json<T: DeserializeOwned>(
        &self,
        url: Result<String, UrlError>,
    ) -> Result<T, ApiError> {
        let url = url.map_err(ApiError::InvalidRequest)?;
        let raw = self.send(Method::GET, &url, None, Pool::Shared).await?;
        parse_body(raw.status, raw.body)
    }

    /// A write whose success answer has no body (204 or 202): its 2xx status.
    async fn put_no_content(
        &self,
        url: Result<String, UrlError>,
        body: String,
        pool: Pool,
    ) -> Result<u16, ApiError> {
        let url = url.map_err(ApiError::InvalidRequest)?;
        let raw = self.send(Method::PUT, &url, Some(body), pool).await?;
        // A write's success has no body (or JSON); a 2xx with anything else (a proxy's
        // HTML page, a cut answer) is not the API's, so the change is not confirmed.
        parse_body::<IgnoredAny>(raw.status, raw.body).map(|_| raw.status)
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, ApiError> {
    super::json::to_text(value).map_err(ApiError::Network)
}

impl Api for HttpApi {
    fn webmail(&self) -> ApiFuture<WebmailSettings> {
        let me = self.inner.clone();
        Box::pin(async move {
            let url = me
                .mailbox()
                .and_then(|m| me.endpoints.webmail(&me.account, &me.domain, m));
            me.get_json(url).await
        })
    }

    fn webmail_names(&self) -> ApiFuture<WebmailNames> {
        let me = self.inner.clone();
        Box::pin(async move {
            let url = me.endpoints.webmail_names(&me.account, &me.domain);
            me.get_json(url).await
        })
    }

    fn webmail_limits(&self) -> ApiFuture<WebmailLimits> {
        let me = self.inner.clone();
        Box::pin(async move {
            let url = me.endpoints.webmail_limits(&me.account, &me.domain);
            me.get_json(url).await
        })
    }

    fn mailbox(&self) -> ApiFuture<MailboxInfo> {
        let me = self.inner.clone();
        Box::pin(async move {
            let url = me
                .mailbox()
                .and_then(|m| me.endpoints.mailbox(&me.account, &me.domain, m));
            me.get_json(url).await
        })
    }

    fn usernames(&self, query: UsernamesQuery) -> ApiFuture<UsernamesList> {
        let me = self.inner.clone();
        Box::pin(async move {
            let url = me.endpoints.usernames(&me.account, &me.domain, &query);
            me.get_json(url).await
        })
    }

    fn put_webmail(&self, update: WebmailUpdate) -> ApiFuture<()> {
        let me = self.inner.clone();
        Box::pin(async move {
            let url = me
                .mailbox()
                .and_then(|m| me.endpoints.webmail(&me.account, &me.domain, m));
            me.put_no_content(url, to_json(&update)?, Pool::Isolated)
                .await
                .map(|_| ())
        })
    }

    fn blackberry_status(&self) -> ApiFuture<BlackberryStatus> {
        let me = self.inner.clone();
        Box::pin(async move {
            let url = me
                .bb_user()
                .and_then(|u| me.endpoints.blackberry(&me.account, &me.bb_domain, u));
            me.get_json(url).await
        })
    }

    fn blackberry_statistics(&self) -> ApiFuture<BlackberryStatistics> {
        let me = self.inner.clone();
        Box::pin(async move {
            let url = me.bb_user().and_then(|u| {
                me.endpoints
                    .blackberry_statistics(&me.account, &me.bb_domain, u)
            });
            me.get_json(url).await
        })
    }

    fn blackberry_action(&self, action: BlackberryAction) -> ApiFuture<u16> {
        let me = self.inner.clone();
        Box::pin(async move {
            let url = me.bb_user().and_then(|u| {
                me.endpoints
                    .blackberry_action(&me.account, &me.bb_domain, u)
            });
            let body = to_json(&BlackberryActionRequest::new(action))?;
            me.put_no_content(url, body, Pool::Isolated).await
        })
    }

    fn for_mailbox(&self, mailbox: &str) -> Rc<dyn Api> {
        let inner = &self.inner;
        Rc::new(HttpApi {
            inner: Rc::new(Inner {
                endpoints: inner.endpoints.clone(),
                account: inner.account.clone(),
                domain: inner.domain.clone(),
                mailbox: Some(mailbox.to_owned()),
                bb_domain: inner.bb_domain.clone(),
                bb_user: Some(mailbox.to_owned()),
                auth: inner.auth.clone(),
                timeout_ms: inner.timeout_ms,
                on_unauthorized: inner.on_unauthorized.clone(),
                open: inner.open.clone(),
                early: inner.early.clone(),
                reads: inner.reads.clone(),
            }),
        })
    }
}
