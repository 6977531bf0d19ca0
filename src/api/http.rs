//! The only place that knows URLs, headers, timeouts and status codes.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_net::http::{Method, RequestBuilder};
use gloo_timers::callback::Timeout;
use ox_core::config::PanelConfig;
use ox_core::error::{error_from_response, parse_success, ApiError};
use ox_core::secret::Secret;
use ox_core::types::{
    BlackberryAction, BlackberryActionRequest, BlackberryStatistics, BlackberryStatus, MailboxInfo,
    UsernamesList, UsernamesQuery, WebmailLimits, WebmailNames, WebmailSettings, WebmailUpdate,
};
use ox_core::url::{Endpoints, UrlError};
use serde::de::{DeserializeOwned, IgnoredAny};
use web_sys::{AbortController, RequestCredentials};

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
    body: Vec<u8>,
}

impl HttpApi {
    pub fn new(config: &PanelConfig, auth: AuthCell, on_unauthorized: UnauthorizedHook) -> Self {
        Self {
            inner: Rc::new(Inner {
                endpoints: Endpoints::new(&config.api_base),
                account: config.account.clone(),
                domain: config.domain.clone(),
                mailbox: config.mailbox.clone(),
                bb_domain: config.bb_domain().to_owned(),
                bb_user: config.bb_user().map(str::to_owned),
                auth,
                timeout_ms: config.timeout_ms.unwrap_or(DEFAULT_TIMEOUT_MS),
                on_unauthorized,
            }),
        }
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

    /// One fetch with the configured credentials and an abort after the timeout.
    async fn send(
        &self,
        method: Method,
        url: &str,
        body: Option<String>,
        pool: Pool,
    ) -> Result<Raw, ApiError> {
        let controller = AbortController::new()
            .map_err(|_| ApiError::Network("the browser cannot abort requests".into()))?;
        let signal = controller.signal();
        let mut builder = RequestBuilder::new(url)
            .method(method)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json; charset=UTF-8")
            .abort_signal(Some(&signal));
        builder = match (self.auth.borrow().as_ref(), pool) {
            (Some(secret), Pool::Shared) => builder.header("Authorization", secret.expose()),
            // `omit` puts writes in a connection pool the reads do not use: Chromium
            // silently resends a request whose *reused* keep-alive connection closes
            // without an answer, and a change or a wipe must go out once. (The page's
            // own files and the reads sit in the default pool.)
            (Some(secret), Pool::Isolated) => builder
                .header("Authorization", secret.expose())
                .credentials(RequestCredentials::Omit),
            (None, _) => builder.credentials(RequestCredentials::Include),
        };
        let request = match body {
            Some(text) => builder.body(text),
            None => builder.build(),
        }
        .map_err(|e| ApiError::Network(e.to_string()))?;

        let timed_out = Rc::new(Cell::new(false));
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
            let body = response.binary().await?;
            Ok::<_, gloo_net::Error>(Raw { status, body })
        }
        .await;
        timer.cancel();
        match outcome {
            Ok(raw) => {
                if raw.status == 401 {
                    (self.on_unauthorized)();
                }
                Ok(raw)
            }
            Err(_) if timed_out.get() => Err(ApiError::Timeout),
            Err(e) => Err(ApiError::Network(e.to_string())),
        }
    }

    async fn get_json<T: DeserializeOwned>(
        &self,
        url: Result<String, UrlError>,
    ) -> Result<T, ApiError> {
        let url = url.map_err(ApiError::InvalidRequest)?;
        let raw = self.send(Method::GET, &url, None, Pool::Shared).await?;
        if (200..300).contains(&raw.status) {
            parse_success(raw.status, &raw.body)
        } else {
            Err(error_from_response(raw.status, &raw.body))
        }
    }

    /// A write whose success answer has no body (204 or 202).
    async fn put_no_content(
        &self,
        url: Result<String, UrlError>,
        body: String,
        pool: Pool,
    ) -> Result<(), ApiError> {
        let url = url.map_err(ApiError::InvalidRequest)?;
        let raw = self.send(Method::PUT, &url, Some(body), pool).await?;
        // A write's success has no body (or JSON); a 2xx with anything else (a proxy's
        // HTML page, a cut answer) is not the API's, so the change is not confirmed.
        parse_success::<IgnoredAny>(raw.status, &raw.body).map(|_| ())
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, ApiError> {
    serde_json::to_string(value).map_err(|e| ApiError::Network(e.to_string()))
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

    fn blackberry_action(&self, action: BlackberryAction) -> ApiFuture<()> {
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
}
