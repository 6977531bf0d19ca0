//! The per-mailbox OX endpoints: webmail settings (GET, PUT) and the mailbox record.

use std::collections::BTreeMap;

use axum::{
    body::Bytes,
    extract::State,
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use ox_core::{
    rules::{apply, evaluate, CurrentPlan, DomainFacts},
    types::{OxType, WebmailUpdate},
};
use serde::Serialize;

use super::{
    api_base, email_url, find_domain_mut, find_mailbox, parse_body, segment, Names, WireLink,
};
use crate::{
    auth::Caller,
    error::ApiError,
    fixture::{Domain, Mailbox},
    json::{self, Json},
    state::AppState,
    token::auth_token,
};

/// The webmail GET body, in the documentation's field order.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WebmailBody<'a> {
    auth_token: String,
    r#type: &'a str,
    allow_upgrade: bool,
    reset_password: bool,
    theme: &'a str,
    language: &'a str,
    timezone: &'a str,
    links: Vec<WireLink>,
}

/// The mailbox GET body.
#[derive(Serialize)]
struct MailboxBody<'a> {
    username: &'a str,
    master: bool,
    quota: u64,
    usage: u64,
    #[serde(rename = "authToken")]
    auth_token: String,
    links: Vec<WireLink>,
    sitemail_urls: Vec<String>,
}

/// The mailbox's token: the fixture's, else one made up from its path.
fn token_of(names: &Names, mailbox: &Mailbox) -> String {
    mailbox
        .auth_token
        .clone()
        .unwrap_or_else(|| auth_token(&names.account, &names.domain, names.mailbox()))
}

fn mailbox_url(headers: &HeaderMap, names: &Names) -> String {
    format!(
        "{}/usernames/{}",
        email_url(&api_base(headers), names),
        segment(names.mailbox())
    )
}

/// `GET .../usernames/{mailbox}/webmail`.
pub async fn get_webmail(
    State(state): State<AppState>,
    caller: Caller,
    names: Names,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    caller.check_account(&names.account)?;
    let data = state.data();
    let (_, mailbox) = find_mailbox(&data, &names)?;
    let body = WebmailBody {
        auth_token: token_of(&names, mailbox),
        r#type: &mailbox.r#type,
        allow_upgrade: mailbox.allow_upgrade,
        reset_password: mailbox.reset_password,
        theme: &mailbox.theme,
        language: &mailbox.language,
        timezone: &mailbox.timezone,
        links: WireLink::this(format!("{}/webmail/", mailbox_url(&headers, &names))),
    };
    Ok(Json(StatusCode::OK, body).into_response())
}

/// `GET .../usernames/{mailbox}/mailbox`.
pub async fn get_mailbox(
    State(state): State<AppState>,
    caller: Caller,
    names: Names,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    caller.check_account(&names.account)?;
    let data = state.data();
    let (domain, mailbox) = find_mailbox(&data, &names)?;
    let body = MailboxBody {
        username: names.mailbox(),
        master: mailbox.master,
        quota: domain.quota_of(mailbox),
        usage: mailbox.usage,
        auth_token: token_of(&names, mailbox),
        links: WireLink::this(format!("{}/mailbox/", mailbox_url(&headers, &names))),
        sitemail_urls: Vec::new(),
    };
    Ok(Json(StatusCode::OK, body).into_response())
}

/// A map keyed by type name, keyed by [`OxType`].
fn typed<V: Copy>(map: &BTreeMap<String, V>) -> BTreeMap<OxType, V> {
    map.iter()
        .map(|(k, v)| (OxType::from(k.as_str()), *v))
        .collect()
}

/// What the rule engine needs to know about the mailbox's domain, from the fixture
/// (the mailbox's own usage is added by the caller).
pub fn domain_facts(domain: &Domain) -> DomainFacts {
    let mut counts: BTreeMap<OxType, u64> = BTreeMap::new();
    for other in domain.mailboxes.values() {
        *counts
            .entry(OxType::from(other.r#type.as_str()))
            .or_default() += 1;
    }
    DomainFacts {
        supported: Some(
            domain
                .webmail_names
                .keys()
                .map(|k| OxType::from(k.as_str()))
                .collect(),
        ),
        quotas_mb: typed(&domain.plan_quotas_mb),
        usage_mb: None,
        limits: typed(&domain.webmail_limits),
        counts: Some(counts),
        upgrades_enabled: domain.upgrades_enabled,
    }
}

/// `PUT .../usernames/{mailbox}/webmail`: judged by the rule engine, answered with
/// the first broken rule's exact body, else applied (204).
pub async fn put_webmail(
    State(state): State<AppState>,
    caller: Caller,
    names: Names,
    body: Bytes,
) -> Result<Response, ApiError> {
    caller.check_account(&names.account)?;
    let update = parse_body::<WebmailUpdate>(&body);
    let mut data = state.data();
    let domain = find_domain_mut(&mut data, &names)?;
    let mut facts = domain_facts(domain);
    // The one look-up of the mailbox; `domain.plan_quotas_mb` stays readable beside it.
    let mailbox = domain
        .mailboxes
        .get_mut(names.mailbox())
        .ok_or_else(|| ApiError::NotFound(format!("Mailbox {} does not exist", names.mailbox())))?;
    // A missing mailbox answers 404 before a malformed body answers 400.
    let update = update?;
    facts.usage_mb = Some(mailbox.usage);
    let current = CurrentPlan::new(mailbox.r#type.as_str(), mailbox.allow_upgrade);
    if let Err(violations) = evaluate(&current, &update, caller.role, &facts) {
        let body = violations
            .first()
            .map(|v| v.response_body())
            .unwrap_or_else(|| serde_json::json!({"message": "Bad request"}));
        return Err(ApiError::Rejected(body));
    }
    let next = apply(&current, &update);
    if next.r#type != current.r#type {
        if let Some(quota) = domain.plan_quotas_mb.get(next.r#type.as_str()) {
            mailbox.quota = Some(*quota);
        }
    }
    mailbox.r#type = next.r#type.as_str().to_owned();
    mailbox.allow_upgrade = next.allow_upgrade;
    if let Some(reset) = update.reset_password {
        mailbox.reset_password = reset;
    }
    if let Some(theme) = update.theme {
        mailbox.theme = theme;
    }
    if let Some(language) = update.language {
        mailbox.language = language;
    }
    if let Some(timezone) = update.timezone {
        mailbox.timezone = timezone;
    }
    tracing::info!(
        account = %names.account,
        domain = %names.domain,
        mailbox = %names.mailbox(),
        from = %current.r#type,
        to = %next.r#type,
        allow_upgrade = next.allow_upgrade,
        "webmail plan changed"
    );
    Ok(json::empty(StatusCode::NO_CONTENT))
}
