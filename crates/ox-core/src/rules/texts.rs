//! The server's texts for each rule.
//!
//! The first six are quoted by the PUT documentation and must match byte for byte;
//! rules 4b, 6 and 7 have no documented text, so these are ours, in the same style.

use crate::types::OxType;

/// Rule 1, `type` missing or empty (field text).
pub const REQUIRED: &str = "Required";
/// Rule 2.
pub const INCONSISTENT: &str = "The allowUpgrade option is inconsistent with the provided type";
/// Rule 3.
pub const ALREADY_UPGRADED: &str =
    "The account is already upgraded. Please downgrade it to standard first.";
/// Rule 4.
pub const NOT_ALLOWED: &str = "This account is not allowed to be upgraded";
/// Rule 4b (our text): a user turning `allowUpgrade` on.
pub const OWNER_ONLY: &str = "The allowUpgrade option can only be turned on by the account owner";
/// Rule 5.
pub const USAGE_OVER_QUOTA: &str = "Current mailbox usage is larger than the new quota value";
/// Rule 7 (our text).
pub const UPGRADES_DISABLED: &str = "Upgrades are disabled for this account";

/// Rule 1, unknown type (field text): `"x" is not one of standard, activesync, premium`.
pub fn not_one_of(given: &str, supported: &[OxType]) -> String {
    let list: Vec<&str> = supported.iter().map(OxType::as_str).collect();
    format!("\"{given}\" is not one of {}", list.join(", "))
}

/// Rule 6 (our text): `The domain has reached its limit of 2 activesync mailboxes`.
pub fn limit_reached(limit: u64, t: &OxType) -> String {
    format!("The domain has reached its limit of {limit} {t} mailboxes")
}
