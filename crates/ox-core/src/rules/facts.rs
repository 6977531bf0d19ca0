//! What is known about the mailbox's domain when a plan change is judged.
//!
//! The client rarely knows everything (counts need a full mailbox list, quotas come
//! from the host's configuration), so every fact is optional and a rule that needs an
//! unknown fact does not fire: the server stays the final judge.

use std::collections::BTreeMap;

use crate::types::{OxType, UsernamesList, WebmailLimits, WebmailNames, KNOWN_TYPES};

/// Domain facts for the rule engine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DomainFacts {
    /// The domain's types (from `webmailNames`); `None` means the documented three.
    pub supported: Option<Vec<OxType>>,
    /// Quota in MB of each type, where known.
    pub quotas_mb: BTreeMap<OxType, u64>,
    /// The mailbox's current usage in MB, where known.
    pub usage_mb: Option<u64>,
    /// `webmailLimits`; zero or negative means no limit.
    pub limits: BTreeMap<OxType, i64>,
    /// How many mailboxes of each type the domain has now, where known.
    pub counts: Option<BTreeMap<OxType, u64>>,
    /// False where the product disables upgrades.
    pub upgrades_enabled: bool,
}

impl Default for DomainFacts {
    fn default() -> Self {
        DomainFacts {
            supported: None,
            quotas_mb: BTreeMap::new(),
            usage_mb: None,
            limits: BTreeMap::new(),
            counts: None,
            upgrades_enabled: true,
        }
    }
}

impl DomainFacts {
    /// The supported types in display order, without duplicates.
    pub fn supported_types(&self) -> Vec<OxType> {
        match &self.supported {
            None => OxType::defaults(),
            Some(list) => {
                let mut v = list.clone();
                v.sort();
                v.dedup();
                v
            }
        }
    }

    /// Whether the domain offers this type (no allocation: evaluated on every click).
    pub fn supports(&self, t: &OxType) -> bool {
        match &self.supported {
            None => KNOWN_TYPES.contains(&t.as_str()),
            Some(list) => list.contains(t),
        }
    }

    /// The positive limit for a type, if it has one.
    pub fn limit_for(&self, t: &OxType) -> Option<u64> {
        crate::types::positive_limit(&self.limits, t)
    }

    /// Takes the supported types from `webmailNames`; an empty map says nothing
    /// useful, so it leaves the documented default in place.
    pub fn set_names(&mut self, names: &WebmailNames) {
        self.supported = (!names.webmail_names.is_empty()).then(|| names.supported());
    }

    /// Takes the limits from `webmailLimits`.
    pub fn set_limits(&mut self, limits: &WebmailLimits) {
        self.limits = limits.webmail_limits.clone();
    }

    /// Counts mailboxes per type from a `details=1` list, but only when the list is
    /// the whole domain and every entry reports its type: a partial count would let
    /// the limit rule pass a change the server refuses.
    pub fn counts_from_list(list: &UsernamesList) -> Option<BTreeMap<OxType, u64>> {
        if list.total_count != list.list.len() as u64 {
            return None;
        }
        let mut counts = BTreeMap::new();
        for entry in &list.list {
            *counts.entry(entry.r#type.clone()?).or_insert(0) += 1;
        }
        Some(counts)
    }
}
