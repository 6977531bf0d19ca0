//! A broken rule: a stable code for programs, the server's exact text for people.

use std::fmt;

use serde::Serialize;
use serde_json::{json, Value};

/// Which rule was broken. The `as_str` codes are stable and safe to match on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ViolationCode {
    /// Rule 1: `type` missing or empty.
    TypeRequired,
    /// Rule 1: `type` not among the domain's types.
    TypeNotSupported,
    /// Rule 2: `allowUpgrade: false` with a type other than standard.
    InconsistentAllowUpgrade,
    /// Rule 3: `allowUpgrade: false` while the account is not standard.
    AlreadyUpgraded,
    /// Rule 4: a non-standard type while `allowUpgrade` is off; rule 4b: end-user
    /// credentials turning `allowUpgrade` on (field `allowUpgrade`).
    UpgradeNotAllowed,
    /// Rule 5: the new type's quota is below the mailbox's usage.
    UsageOverQuota,
    /// Rule 6: the domain already has as many mailboxes of the new type as it may.
    LimitReached,
    /// Rule 7: the product disables upgrades.
    UpgradesDisabled,
}

impl ViolationCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ViolationCode::TypeRequired => "type_required",
            ViolationCode::TypeNotSupported => "type_not_supported",
            ViolationCode::InconsistentAllowUpgrade => "inconsistent_allow_upgrade",
            ViolationCode::AlreadyUpgraded => "already_upgraded",
            ViolationCode::UpgradeNotAllowed => "upgrade_not_allowed",
            ViolationCode::UsageOverQuota => "usage_over_quota",
            ViolationCode::LimitReached => "limit_reached",
            ViolationCode::UpgradesDisabled => "upgrades_disabled",
        }
    }
}

impl fmt::Display for ViolationCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One broken rule.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Violation {
    pub code: ViolationCode,
    /// The form control it concerns: `"type"`, `"allowUpgrade"`, or none (a message
    /// about the whole change). Only `"type"` violations are answered as a field map.
    pub field: Option<&'static str>,
    /// The exact text the server sends.
    pub server_text: String,
}

impl Violation {
    /// The HTTP status the server answers with.
    pub const STATUS: u16 = 400;

    pub fn new(code: ViolationCode, field: Option<&'static str>, text: impl Into<String>) -> Self {
        Violation {
            code,
            field,
            server_text: text.into(),
        }
    }

    /// The server's 400 body: `{"type": text}` for the `type` field errors of rule 1,
    /// `{"message": text}` for everything else.
    pub fn response_body(&self) -> Value {
        match self.field {
            Some("type") => json!({ "type": self.server_text }),
            _ => json!({ "message": self.server_text }),
        }
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.server_text)
    }
}
