//! The BlackBerry service of an Exchange mailbox: status, statistics and actions.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{lenient, Link};

/// Billing status of the BlackBerry service. Only `open` accepts actions (the API
/// answers 409 otherwise). Values outside the documented six are kept, not rejected.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum BillingStatus {
    Pending,
    Open,
    Suspended,
    ClosePending,
    Closed,
    PurgePending,
    Unknown(String),
}

impl BillingStatus {
    /// The wire string (the original one for `Unknown`).
    pub fn as_str(&self) -> &str {
        match self {
            BillingStatus::Pending => "pending",
            BillingStatus::Open => "open",
            BillingStatus::Suspended => "suspended",
            BillingStatus::ClosePending => "close_pending",
            BillingStatus::Closed => "closed",
            BillingStatus::PurgePending => "purge_pending",
            BillingStatus::Unknown(s) => s,
        }
    }

    /// Reads a wire string; never fails.
    pub fn parse(s: &str) -> Self {
        match s {
            "pending" => BillingStatus::Pending,
            "open" => BillingStatus::Open,
            "suspended" => BillingStatus::Suspended,
            "close_pending" => BillingStatus::ClosePending,
            "closed" => BillingStatus::Closed,
            "purge_pending" => BillingStatus::PurgePending,
            other => BillingStatus::Unknown(other.to_owned()),
        }
    }

    /// Whether device actions can be expected to be accepted.
    pub fn is_open(&self) -> bool {
        *self == BillingStatus::Open
    }
}

impl fmt::Display for BillingStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for BillingStatus {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for BillingStatus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(|s| BillingStatus::parse(&s))
    }
}

/// `GET .../blackberry/`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BlackberryStatus {
    pub billing_status: BillingStatus,
    #[serde(default, deserialize_with = "lenient::links")]
    pub links: Vec<Link>,
}

/// The device statistics. Display-only, so every field is optional and tolerant:
/// missing, null or unusable values are `None`, numbers may come as strings.
/// Serialized with explicit `null`s, as documented.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Statistics {
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_u64")]
    pub pin: Option<u64>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub device_type: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub device_status: Option<String>,
    /// 0 or 1.
    #[serde(default, deserialize_with = "lenient::opt_u8")]
    pub data_service: Option<u8>,
    #[serde(default, deserialize_with = "lenient::opt_u64")]
    pub forwarded: Option<u64>,
    #[serde(default, deserialize_with = "lenient::opt_u64")]
    pub sent: Option<u64>,
    #[serde(default, deserialize_with = "lenient::opt_u64")]
    pub pending: Option<u64>,
    #[serde(default, deserialize_with = "lenient::opt_u64")]
    pub filtered: Option<u64>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub last_transaction_result: Option<String>,
    /// `MM/DD/YYYY HH:MM:SS`; see [`super::ApiTimestamp`].
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub last_fwd_time: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub last_sent_time: Option<String>,
}

/// `GET .../blackberry/statistics`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BlackberryStatistics {
    #[serde(default)]
    pub statistics: Statistics,
    #[serde(default, deserialize_with = "lenient::links")]
    pub links: Vec<Link>,
}

/// The three device actions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum BlackberryAction {
    /// Harmless: resends the configuration that fixes sync problems.
    #[serde(rename = "resendServiceBooks")]
    ResendServiceBooks,
    /// Permanently erases the device back to factory defaults.
    #[serde(rename = "wipe")]
    Wipe,
    /// Erases the device and sets synchronisation up again with a new password.
    #[serde(rename = "reinitialize")]
    Reinitialize,
}

impl BlackberryAction {
    pub fn as_str(self) -> &'static str {
        match self {
            BlackberryAction::ResendServiceBooks => "resendServiceBooks",
            BlackberryAction::Wipe => "wipe",
            BlackberryAction::Reinitialize => "reinitialize",
        }
    }

    /// All actions, harmless first.
    pub fn all() -> [Self; 3] {
        [
            BlackberryAction::ResendServiceBooks,
            BlackberryAction::Wipe,
            BlackberryAction::Reinitialize,
        ]
    }

    /// True for the actions that erase the device and need a confirmation.
    pub fn is_destructive(self) -> bool {
        !matches!(self, BlackberryAction::ResendServiceBooks)
    }
}

impl fmt::Display for BlackberryAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `PUT .../blackberry/action` body: `{"action":"wipe","actionData":""}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BlackberryActionRequest {
    pub action: BlackberryAction,
    /// None of the documented actions uses it; sent empty. A string when present
    /// (the documented type): the emulator refuses anything else with 400.
    #[serde(default)]
    pub action_data: String,
}

impl BlackberryActionRequest {
    pub fn new(action: BlackberryAction) -> Self {
        BlackberryActionRequest {
            action,
            action_data: String::new(),
        }
    }
}
