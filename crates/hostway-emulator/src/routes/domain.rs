//! The domain-wide OX endpoints: plan names, limits and the mailbox list.

use std::collections::BTreeMap;

use axum::{
    extract::State,
    http::{HeaderMap, StatusCode, Uri},
    response::{IntoResponse, Response},
};
use ox_core::types::{SortField, SortOrder, UsernamesQuery};
use serde::Serialize;

use super::{api_base, email_url, find_domain, segment, Names, WireLink};
use crate::{auth::Caller, error::ApiError, json::Json, state::AppState};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NamesBody<'a> {
    webmail_names: &'a BTreeMap<String, String>,
    links: Vec<WireLink>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LimitsBody {
    webmail_limits: BTreeMap<String, i64>,
    links: Vec<WireLink>,
}

/// `GET .../email/{domain}/webmailNames`.
pub async fn webmail_names(
    State(state): State<AppState>,
    caller: Caller,
    names: Names,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    caller.check_account(&names.account)?;
    let data = state.data();
    let domain = find_domain(&data, &names)?;
    let body = NamesBody {
        webmail_names: &domain.webmail_names,
        links: WireLink::this(format!(
            "{}/webmailNames/",
            email_url(&api_base(&headers), &names)
        )),
    };
    Ok(Json(StatusCode::OK, body).into_response())
}

/// `GET .../email/{domain}/webmailLimits`: every supported type, -1 where the fixture
/// sets no limit.
pub async fn webmail_limits(
    State(state): State<AppState>,
    caller: Caller,
    names: Names,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    caller.check_account(&names.account)?;
    let data = state.data();
    let domain = find_domain(&data, &names)?;
    let mut limits: BTreeMap<String, i64> = domain
        .webmail_names
        .keys()
        .map(|t| (t.clone(), -1))
        .collect();
    limits.extend(domain.webmail_limits.iter().map(|(k, v)| (k.clone(), *v)));
    let body = LimitsBody {
        webmail_limits: limits,
        links: WireLink::this(format!(
            "{}/webmailLimits/",
            email_url(&api_base(&headers), &names)
        )),
    };
    Ok(Json(StatusCode::OK, body).into_response())
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ListBody {
    total_count: usize,
    list: Vec<ListEntry>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ListEntry {
    username: String,
    webmail_access: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    r#type: Option<String>,
    quota: u64,
    master: bool,
    trial_type: Option<String>,
    trial_expiration: Option<String>,
    allow_upgrade: bool,
    links: Vec<WireLink>,
}

/// `GET .../email/{domain}/usernames`: filtered (`*` wildcards, case-insensitive),
/// sorted (by username, or by quota then username), then paged (1-based `page`,
/// with `pageSize`); `totalCount` counts the matches before paging.
pub async fn usernames(
    State(state): State<AppState>,
    caller: Caller,
    names: Names,
    headers: HeaderMap,
    uri: Uri,
) -> Result<Response, ApiError> {
    caller.check_account(&names.account)?;
    let query = UsernamesQuery::from_query_string(uri.query().unwrap_or(""))
        .map_err(ApiError::BadRequest)?;
    let page = match (query.page, query.page_size) {
        (None, None) => None,
        (Some(page), Some(size)) if page >= 1 && size >= 1 => Some((page as usize, size as usize)),
        (Some(_), Some(_)) => {
            return Err(ApiError::BadRequest(
                "page and pageSize must be at least 1".to_owned(),
            ))
        }
        _ => {
            return Err(ApiError::BadRequest(
                "page and pageSize must be given together".to_owned(),
            ))
        }
    };
    let data = state.data();
    let domain = find_domain(&data, &names)?;
    let base = email_url(&api_base(&headers), &names);
    let pattern = query.filter_username.as_deref().map(Pattern::new);
    let mut matches: Vec<(&String, u64, &crate::fixture::Mailbox)> = domain
        .mailboxes
        .iter()
        .filter(|(name, _)| pattern.as_ref().is_none_or(|p| p.matches(name)))
        .map(|(name, mailbox)| (name, domain.quota_of(mailbox), mailbox))
        .collect();
    let by_name = |a: &(&String, u64, _), b: &(&String, u64, _)| a.0.cmp(b.0);
    match query.sort_field.unwrap_or(SortField::Username) {
        SortField::Username => matches.sort_by(by_name),
        SortField::Quota => matches.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| by_name(a, b))),
    }
    if query.sort_order == Some(SortOrder::Desc) {
        matches.reverse();
    }
    let total_count = matches.len();
    let (skip, take) = match page {
        None => (0, usize::MAX),
        Some((page, size)) => ((page - 1).saturating_mul(size), size),
    };
    let list = matches
        .into_iter()
        .skip(skip)
        .take(take)
        .map(|(name, quota, mailbox)| ListEntry {
            username: name.clone(),
            webmail_access: mailbox.webmail_access,
            r#type: query.details.then(|| mailbox.r#type.clone()),
            quota,
            master: mailbox.master,
            trial_type: mailbox.trial_type.clone(),
            trial_expiration: mailbox.trial_expiration.clone(),
            allow_upgrade: mailbox.allow_upgrade,
            links: WireLink::this(format!("{base}/usernames/{}/", segment(name))),
        })
        .collect();
    Ok(Json(StatusCode::OK, ListBody { total_count, list }).into_response())
}

/// A `filterUsername` pattern: `*` matches any run of characters, everything else
/// matches itself, ignoring case.
struct Pattern {
    parts: Vec<String>,
}

impl Pattern {
    fn new(pattern: &str) -> Pattern {
        Pattern {
            parts: pattern.split('*').map(str::to_lowercase).collect(),
        }
    }

    fn matches(&self, name: &str) -> bool {
        let name = name.to_lowercase();
        let [first, middle @ .., last] = self.parts.as_slice() else {
            // A pattern without `*`: split gives one part, matched exactly.
            return self.parts.first().is_some_and(|only| *only == name);
        };
        let Some(mut rest) = name.strip_prefix(first.as_str()) else {
            return false;
        };
        for part in middle {
            match rest.find(part.as_str()) {
                Some(at) => rest = &rest[at + part.len()..],
                None => return false,
            }
        }
        rest.len() >= last.len() && rest.ends_with(last.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Pattern;

    #[test]
    fn wildcards() {
        let m = |p: &str, n: &str| Pattern::new(p).matches(n);
        assert!(m("john.smith", "John.Smith"));
        assert!(!m("john", "john.smith"));
        assert!(m("john*", "john.smith"));
        assert!(m("*smith", "john.smith"));
        assert!(m("*n.s*", "john.smith"));
        assert!(m("*", "anything"));
        assert!(m("j*h*h", "john.smith"));
        assert!(!m("j*h*x", "john.smith"));
        assert!(!m("ab*ba", "aba"));
        assert!(m("ab*ba", "abba"));
        assert!(m("", ""));
        assert!(!m("", "x"));
    }
}
