//! Building the API's URLs safely.
//!
//! Account, domain and mailbox names end up in URL paths. Each is percent-encoded as a
//! single path segment, so a name holding `/`, `?`, `#` or `%` can never reach another
//! resource, and the dot segments `.` and `..` (which browsers resolve, even as
//! `%2e%2e`) are refused outright, as are empty names.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use thiserror::Error;

use crate::types::UsernamesQuery;

/// Everything but RFC 3986 "unreserved" (ALPHA DIGIT `-` `.` `_` `~`) is encoded.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Query values: as path segments, but `*` stays literal, being the documented
/// wildcard of `filterUsername` and harmless in a query.
const QUERY_VALUE: &AsciiSet = &SEGMENT.remove(b'*');

/// The API base used when none is configured.
pub const DEFAULT_API_BASE: &str = "/api";

/// Why a URL could not be built; names the offending value (`account`, `domain`,
/// `mailbox`, `exchangeDomain`, `exchangeUser`).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum UrlError {
    #[error("the {0} name is empty")]
    EmptySegment(&'static str),
    #[error("the {0} name cannot be \".\" or \"..\"")]
    DotSegment(&'static str),
}

/// Encodes one path segment; `name` says which value it is, for the error.
pub fn encode_segment(name: &'static str, value: &str) -> Result<String, UrlError> {
    match value {
        "" => Err(UrlError::EmptySegment(name)),
        "." | ".." => Err(UrlError::DotSegment(name)),
        _ => Ok(utf8_percent_encode(value, SEGMENT).to_string()),
    }
}

/// Encodes one query key or value.
pub fn encode_query_component(value: &str) -> String {
    utf8_percent_encode(value, QUERY_VALUE).to_string()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Decodes a percent-encoded segment strictly: `None` for a `%` not followed by two
/// hex digits or for bytes that are not UTF-8.
pub fn decode_segment(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hi = hex(*bytes.get(i + 1)?)?;
            let lo = hex(*bytes.get(i + 2)?)?;
            out.push(hi * 16 + lo);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Decodes a query key or value (`+` is a space, as in form encoding).
pub fn decode_query_component(s: &str) -> Option<String> {
    decode_segment(&s.replace('+', " "))
}

/// The URL of every endpoint, under one API base.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoints {
    base: String,
}

impl Default for Endpoints {
    fn default() -> Self {
        Endpoints::new(DEFAULT_API_BASE)
    }
}

impl Endpoints {
    /// `api_base` may be absolute (`https://host/api`) or relative (`/api`), with or
    /// without a trailing `/`.
    pub fn new(api_base: &str) -> Self {
        Endpoints {
            base: api_base.trim().trim_end_matches('/').to_owned(),
        }
    }

    fn email_domain(&self, account: &str, domain: &str) -> Result<String, UrlError> {
        Ok(format!(
            "{}/accounts/{}/email/{}",
            self.base,
            encode_segment("account", account)?,
            encode_segment("domain", domain)?
        ))
    }

    fn mailbox_base(&self, account: &str, domain: &str, mailbox: &str) -> Result<String, UrlError> {
        Ok(format!(
            "{}/usernames/{}",
            self.email_domain(account, domain)?,
            encode_segment("mailbox", mailbox)?
        ))
    }

    /// `.../email/{domain}/usernames/{mailbox}/webmail` (GET, PUT).
    pub fn webmail(&self, account: &str, domain: &str, mailbox: &str) -> Result<String, UrlError> {
        Ok(format!(
            "{}/webmail",
            self.mailbox_base(account, domain, mailbox)?
        ))
    }

    /// `.../email/{domain}/usernames/{mailbox}/mailbox`.
    pub fn mailbox(&self, account: &str, domain: &str, mailbox: &str) -> Result<String, UrlError> {
        Ok(format!(
            "{}/mailbox",
            self.mailbox_base(account, domain, mailbox)?
        ))
    }

    /// `.../email/{domain}/webmailNames`.
    pub fn webmail_names(&self, account: &str, domain: &str) -> Result<String, UrlError> {
        Ok(format!(
            "{}/webmailNames",
            self.email_domain(account, domain)?
        ))
    }

    /// `.../email/{domain}/webmailLimits`.
    pub fn webmail_limits(&self, account: &str, domain: &str) -> Result<String, UrlError> {
        Ok(format!(
            "{}/webmailLimits",
            self.email_domain(account, domain)?
        ))
    }

    /// `.../email/{domain}/usernames`, with `?query` when the query sets anything.
    pub fn usernames(
        &self,
        account: &str,
        domain: &str,
        query: &UsernamesQuery,
    ) -> Result<String, UrlError> {
        let path = format!("{}/usernames", self.email_domain(account, domain)?);
        let qs = query.to_query_string();
        Ok(if qs.is_empty() {
            path
        } else {
            format!("{path}?{qs}")
        })
    }

    fn exchange_mailbox(
        &self,
        account: &str,
        exchange_domain: &str,
        username: &str,
    ) -> Result<String, UrlError> {
        Ok(format!(
            "{}/accounts/{}/exchange/{}/mailboxes/{}/blackberry",
            self.base,
            encode_segment("account", account)?,
            encode_segment("exchangeDomain", exchange_domain)?,
            encode_segment("exchangeUser", username)?
        ))
    }

    /// `.../exchange/{domain}/mailboxes/{username}/blackberry/`: the trailing `/` is
    /// as documented.
    pub fn blackberry(
        &self,
        account: &str,
        exchange_domain: &str,
        username: &str,
    ) -> Result<String, UrlError> {
        Ok(format!(
            "{}/",
            self.exchange_mailbox(account, exchange_domain, username)?
        ))
    }

    /// `.../blackberry/statistics`.
    pub fn blackberry_statistics(
        &self,
        account: &str,
        exchange_domain: &str,
        username: &str,
    ) -> Result<String, UrlError> {
        Ok(format!(
            "{}/statistics",
            self.exchange_mailbox(account, exchange_domain, username)?
        ))
    }

    /// `.../blackberry/action` (PUT).
    pub fn blackberry_action(
        &self,
        account: &str,
        exchange_domain: &str,
        username: &str,
    ) -> Result<String, UrlError> {
        Ok(format!(
            "{}/action",
            self.exchange_mailbox(account, exchange_domain, username)?
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_is_strict() {
        assert_eq!(decode_segment("a%2Fb").as_deref(), Some("a/b"));
        assert_eq!(decode_segment("%e2%82%ac").as_deref(), Some("€"));
        assert_eq!(decode_segment("%"), None);
        assert_eq!(decode_segment("%4"), None);
        assert_eq!(decode_segment("%zz"), None);
        assert_eq!(decode_segment("%ff"), None);
        assert_eq!(decode_query_component("a+b%2B").as_deref(), Some("a b+"));
    }

    #[test]
    fn query_keeps_the_wildcard() {
        assert_eq!(encode_query_component("jo*n s&=+"), "jo*n%20s%26%3D%2B");
    }
}
