//! The hosting API under `/api`: every endpoint of the contract, a JSON 405 for a
//! method a route lacks, and a JSON 404 for any other `/api` path.

pub mod blackberry;
pub mod domain;
pub mod openapi;
pub mod webmail;

use axum::{
    extract::FromRequestParts,
    http::{header, request::Parts, HeaderMap, Method},
    routing::{any, get, put, MethodRouter},
    Router,
};
use serde::Serialize;

use crate::{
    error::ApiError,
    fixture::{Domain, Fixture, Mailbox},
    state::AppState,
};

const EMAIL: &str = "/api/accounts/{account}/email/{domain}";
const EXCHANGE: &str = "/api/accounts/{account}/exchange/{domain}/mailboxes/{mailbox}/blackberry";

/// The `/api` routes. Each is also answered with a trailing `/`, the form the
/// API's own links use.
pub fn router() -> Router<AppState> {
    let routes: [(String, MethodRouter<AppState>, &'static str); 8] = [
        (
            format!("{EMAIL}/usernames/{{mailbox}}/webmail"),
            get(webmail::get_webmail).put(webmail::put_webmail),
            "GET, HEAD, PUT",
        ),
        (
            format!("{EMAIL}/usernames/{{mailbox}}/mailbox"),
            get(webmail::get_mailbox),
            "GET, HEAD",
        ),
        (
            format!("{EMAIL}/webmailNames"),
            get(domain::webmail_names),
            "GET, HEAD",
        ),
        (
            format!("{EMAIL}/webmailLimits"),
            get(domain::webmail_limits),
            "GET, HEAD",
        ),
        (
            format!("{EMAIL}/usernames"),
            get(domain::usernames),
            "GET, HEAD",
        ),
        (EXCHANGE.to_owned(), get(blackberry::status), "GET, HEAD"),
        (
            format!("{EXCHANGE}/statistics"),
            get(blackberry::statistics),
            "GET, HEAD",
        ),
        (format!("{EXCHANGE}/action"), put(blackberry::action), "PUT"),
    ];
    let mut router = Router::new();
    for (path, methods, allow) in routes {
        let methods = methods.fallback(move |method: Method| async move {
            ApiError::MethodNotAllowed {
                method: method.to_string(),
                allow,
            }
        });
        router = router
            .route(&format!("{path}/"), methods.clone())
            .route(&path, methods);
    }
    router
        .route("/api/openapi.json", get(openapi::document))
        .route("/api", any(unknown_path))
        .route("/api/", any(unknown_path))
        .route("/api/{*rest}", any(unknown_path))
}

async fn unknown_path(method: Method, uri: axum::http::Uri) -> ApiError {
    ApiError::NotFound(format!(
        "No API endpoint {method} {}",
        uri.path().trim_start_matches("/api")
    ))
}

/// The account, domain and mailbox names of an API path, percent-decoded. Read from
/// the raw path (segments 3, 5 and 7 of `/api/accounts/{a}/{email|exchange}/{d}/
/// {usernames|mailboxes}/{m}`) and decoded with the same rules the client's encoder
/// follows, so `%2F`, `+` and `%25` mean exactly what the client meant.
#[derive(Debug, Clone)]
pub struct Names {
    /// Account number.
    pub account: String,
    /// Domain name.
    pub domain: String,
    /// Mailbox name, on the per-mailbox paths.
    pub mailbox: Option<String>,
}

impl Names {
    /// The mailbox name; only called on per-mailbox routes.
    pub fn mailbox(&self) -> &str {
        self.mailbox.as_deref().unwrap_or_default()
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Names {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let segments: Vec<&str> = parts.uri.path().split('/').collect();
        let decode = |index: usize| -> Result<Option<String>, ApiError> {
            match segments.get(index) {
                None => Ok(None),
                Some(raw) => ox_core::url::decode_segment(raw).map(Some).ok_or_else(|| {
                    ApiError::BadRequest(format!(
                        "The path segment {raw:?} is not valid percent-encoded UTF-8"
                    ))
                }),
            }
        };
        let missing = || ApiError::NotFound("No such API endpoint".to_owned());
        Ok(Names {
            account: decode(3)?.ok_or_else(missing)?,
            domain: decode(5)?.ok_or_else(missing)?,
            mailbox: decode(7)?,
        })
    }
}

/// The API base URL as the client reached it (`http://host:port/api`), for links.
pub fn api_base(headers: &HeaderMap) -> String {
    match headers.get(header::HOST).and_then(|h| h.to_str().ok()) {
        Some(host) => format!("http://{host}/api"),
        None => "/api".to_owned(),
    }
}

/// A link as the API writes it: `href` first, as in the documentation's example.
#[derive(Debug, Clone, Serialize)]
pub struct WireLink {
    /// Absolute URL.
    pub href: String,
    /// Relation, `self` for the resource itself.
    pub rel: &'static str,
}

impl WireLink {
    /// A `self` link.
    pub fn this(href: String) -> Vec<WireLink> {
        vec![WireLink { href, rel: "self" }]
    }
}

/// Percent-encodes a name as one path segment, as the client does.
pub fn segment(name: &str) -> String {
    // encode_segment refuses only "", "." and ".." which cannot be names reached
    // through a route; fall back to the name itself rather than failing an answer.
    ox_core::url::encode_segment("name", name).unwrap_or_else(|_| name.to_owned())
}

/// `{base}/accounts/{a}/email/{d}` with encoded segments.
pub fn email_url(base: &str, names: &Names) -> String {
    format!(
        "{base}/accounts/{}/email/{}",
        segment(&names.account),
        segment(&names.domain)
    )
}

/// `{base}/accounts/{a}/exchange/{d}/mailboxes/{m}/blackberry` with encoded segments.
pub fn exchange_url(base: &str, names: &Names) -> String {
    format!(
        "{base}/accounts/{}/exchange/{}/mailboxes/{}/blackberry",
        segment(&names.account),
        segment(&names.domain),
        segment(names.mailbox())
    )
}

/// The domain named by the path, or 404.
pub fn find_domain<'a>(data: &'a Fixture, names: &Names) -> Result<&'a Domain, ApiError> {
    let account = data
        .accounts
        .get(&names.account)
        .ok_or_else(|| ApiError::NotFound(format!("Account {} does not exist", names.account)))?;
    account
        .domains
        .get(&names.domain)
        .ok_or_else(|| ApiError::NotFound(format!("Domain {} does not exist", names.domain)))
}

/// The domain named by the path, mutably, or 404 (the same answers as [`find_domain`]).
pub fn find_domain_mut<'a>(
    data: &'a mut Fixture,
    names: &Names,
) -> Result<&'a mut Domain, ApiError> {
    let account = data
        .accounts
        .get_mut(&names.account)
        .ok_or_else(|| ApiError::NotFound(format!("Account {} does not exist", names.account)))?;
    account
        .domains
        .get_mut(&names.domain)
        .ok_or_else(|| ApiError::NotFound(format!("Domain {} does not exist", names.domain)))
}

/// The domain and mailbox named by the path, or 404.
pub fn find_mailbox<'a>(
    data: &'a Fixture,
    names: &Names,
) -> Result<(&'a Domain, &'a Mailbox), ApiError> {
    let domain = find_domain(data, names)?;
    let mailbox = domain
        .mailboxes
        .get(names.mailbox())
        .ok_or_else(|| ApiError::NotFound(format!("Mailbox {} does not exist", names.mailbox())))?;
    Ok((domain, mailbox))
}

/// Parses a JSON object request body, or answers 400 with a JSON message.
pub fn parse_body<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let value: serde_json::Value = serde_json::from_slice(body).map_err(|err| {
        ApiError::BadRequest(format!("The request body is not valid JSON: {err}"))
    })?;
    if !value.is_object() {
        return Err(ApiError::BadRequest(
            "The request body is not a JSON object".to_owned(),
        ));
    }
    serde_json::from_value(value)
        .map_err(|err| ApiError::BadRequest(format!("The request body is invalid: {err}")))
}
