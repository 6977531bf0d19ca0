//! Domain-wide OX facts: which types a domain offers and how many of each it may have.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{lenient, Link, OxType};

/// `GET .../email/{domain}/webmailNames`: the supported types and their plan names.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WebmailNames {
    #[serde(deserialize_with = "lenient::names_map")]
    pub webmail_names: BTreeMap<OxType, String>,
    #[serde(default, deserialize_with = "lenient::links")]
    pub links: Vec<Link>,
}

impl WebmailNames {
    /// The supported types in display order.
    pub fn supported(&self) -> Vec<OxType> {
        self.webmail_names.keys().cloned().collect()
    }

    /// The plan name to show for a type, if the domain names it.
    pub fn name_for(&self, t: &OxType) -> Option<&str> {
        self.webmail_names.get(t).map(String::as_str)
    }
}

/// `GET .../email/{domain}/webmailLimits`: the most mailboxes of each type.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WebmailLimits {
    /// Zero or negative means no limit.
    #[serde(deserialize_with = "lenient::limits_map")]
    pub webmail_limits: BTreeMap<OxType, i64>,
    #[serde(default, deserialize_with = "lenient::links")]
    pub links: Vec<Link>,
}

impl WebmailLimits {
    /// The limit for a type, only when there is one (a positive value).
    pub fn limit_for(&self, t: &OxType) -> Option<u64> {
        positive_limit(&self.webmail_limits, t)
    }
}

/// A type's limit in a `webmailLimits` map, only when it is one: zero or negative
/// means none.
pub(crate) fn positive_limit(limits: &BTreeMap<OxType, i64>, t: &OxType) -> Option<u64> {
    limits
        .get(t)
        .and_then(|n| u64::try_from(*n).ok())
        .filter(|n| *n > 0)
}
