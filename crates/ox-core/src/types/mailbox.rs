//! `GET .../usernames/{mailbox}/mailbox`: the mailbox's quota and usage.

use serde::{Deserialize, Serialize};

use super::{lenient, AuthToken, Link};

/// The mailbox record; `usage` feeds the "usage larger than the new quota" rule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MailboxInfo {
    pub username: String,
    #[serde(default, deserialize_with = "lenient::bool_or_false")]
    pub master: bool,
    /// MB.
    #[serde(deserialize_with = "lenient::u64_num")]
    pub quota: u64,
    /// MB.
    #[serde(deserialize_with = "lenient::u64_num")]
    pub usage: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_token: Option<AuthToken>,
    #[serde(default, deserialize_with = "lenient::links")]
    pub links: Vec<Link>,
    /// Documented in snake case, unlike everything else; its shape is not documented.
    #[serde(rename = "sitemail_urls", alias = "sitemailUrls", default)]
    pub sitemail_urls: serde_json::Value,
}
