//! `GET .../email/{domain}/usernames`: the domain's mailbox list and its query.

use serde::{Deserialize, Serialize};

use super::{lenient, Link, OxType};
use crate::url::{decode_query_component, encode_query_component};

/// Which column the list is sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortField {
    Username,
    Quota,
}

impl SortField {
    pub fn as_str(self) -> &'static str {
        match self {
            SortField::Username => "username",
            SortField::Quota => "quota",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "username" => Some(SortField::Username),
            "quota" => Some(SortField::Quota),
            _ => None,
        }
    }
}

/// Sort direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    Asc,
    Desc,
}

impl SortOrder {
    pub fn as_str(self) -> &'static str {
        match self {
            SortOrder::Asc => "asc",
            SortOrder::Desc => "desc",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "asc" => Some(SortOrder::Asc),
            "desc" => Some(SortOrder::Desc),
            _ => None,
        }
    }
}

/// The list's query parameters. `filter_username` may use `*` as a wildcard; the API
/// documents `page` and `page_size` as a pair.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct UsernamesQuery {
    pub filter_username: Option<String>,
    pub page: Option<u32>,
    pub page_size: Option<u32>,
    pub sort_field: Option<SortField>,
    pub sort_order: Option<SortOrder>,
    /// Sent as `details=1`: adds each mailbox's type to the list.
    pub details: bool,
}

impl UsernamesQuery {
    /// `filterUsername=...&page=...` without the leading `?`; empty when nothing is set.
    pub fn to_query_string(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(f) = &self.filter_username {
            parts.push(format!("filterUsername={}", encode_query_component(f)));
        }
        if let Some(p) = self.page {
            parts.push(format!("page={p}"));
        }
        if let Some(p) = self.page_size {
            parts.push(format!("pageSize={p}"));
        }
        if let Some(s) = self.sort_field {
            parts.push(format!("sortField={}", s.as_str()));
        }
        if let Some(s) = self.sort_order {
            parts.push(format!("sortOrder={}", s.as_str()));
        }
        if self.details {
            parts.push("details=1".to_owned());
        }
        parts.join("&")
    }

    /// The inverse of [`Self::to_query_string`], for the emulator: unknown keys are
    /// ignored, a leading `?` is allowed, a malformed known value is an error naming it.
    pub fn from_query_string(query: &str) -> Result<Self, String> {
        let mut q = UsernamesQuery::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode_query_component(raw_key)
                .ok_or_else(|| "a query key is not valid percent-encoded UTF-8".to_owned())?;
            let value = decode_query_component(raw_value)
                .ok_or_else(|| format!("`{key}` is not valid percent-encoded UTF-8"))?;
            let number = |v: &str| {
                v.parse::<u32>()
                    .map_err(|_| format!("`{key}` must be a non-negative integer"))
            };
            match key.as_str() {
                "filterUsername" => q.filter_username = Some(value),
                "page" => q.page = Some(number(&value)?),
                "pageSize" => q.page_size = Some(number(&value)?),
                "sortField" => {
                    q.sort_field = Some(
                        SortField::parse(&value)
                            .ok_or_else(|| "`sortField` must be username or quota".to_owned())?,
                    )
                }
                "sortOrder" => {
                    q.sort_order = Some(
                        SortOrder::parse(&value)
                            .ok_or_else(|| "`sortOrder` must be asc or desc".to_owned())?,
                    )
                }
                "details" => q.details = matches!(value.as_str(), "1" | "true"),
                _ => {}
            }
        }
        Ok(q)
    }
}

/// The list response.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UsernamesList {
    /// The docs show it as a string (`"{count}"`); a number is accepted too.
    #[serde(deserialize_with = "lenient::u64_num")]
    pub total_count: u64,
    #[serde(default)]
    pub list: Vec<UsernameEntry>,
}

/// One mailbox of the list; everything but the name is optional (`type` only comes
/// with `details=1`) and numbers or flags may arrive as strings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UsernameEntry {
    pub username: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient::opt_bool"
    )]
    pub webmail_access: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient::opt_ox_type"
    )]
    pub r#type: Option<OxType>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient::opt_u64"
    )]
    pub quota: Option<u64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient::opt_bool"
    )]
    pub master: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient::opt_string"
    )]
    pub trial_type: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient::opt_string"
    )]
    pub trial_expiration: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient::opt_bool"
    )]
    pub allow_upgrade: Option<bool>,
    #[serde(default, deserialize_with = "lenient::links")]
    pub links: Vec<Link>,
}
