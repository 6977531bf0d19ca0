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

/// A server text recognised as one of the rules' texts above, with what it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recognised {
    pub code: super::ViolationCode,
    /// The plan type the text names (rules 1 and 6).
    pub r#type: Option<String>,
    /// The limit the text names (rule 6).
    pub limit: Option<u64>,
}

/// Which rule a server text is, so the panel can say it in the customer's language;
/// `None` for any other text (shown as the server's own words).
pub fn recognise(text: &str) -> Option<Recognised> {
    use super::ViolationCode as C;
    let plain = |code| Recognised {
        code,
        r#type: None,
        limit: None,
    };
    let code = match text {
        REQUIRED => Some(C::TypeRequired),
        INCONSISTENT => Some(C::InconsistentAllowUpgrade),
        ALREADY_UPGRADED => Some(C::AlreadyUpgraded),
        NOT_ALLOWED | OWNER_ONLY => Some(C::UpgradeNotAllowed),
        USAGE_OVER_QUOTA => Some(C::UsageOverQuota),
        UPGRADES_DISABLED => Some(C::UpgradesDisabled),
        _ => None,
    };
    if let Some(code) = code {
        return Some(plain(code));
    }
    if let Some(rest) = text.strip_prefix('"') {
        let (given, _) = rest.split_once("\" is not one of ")?;
        return Some(Recognised {
            r#type: Some(given.to_owned()),
            ..plain(C::TypeNotSupported)
        });
    }
    let rest = text.strip_prefix("The domain has reached its limit of ")?;
    let rest = rest.strip_suffix(" mailboxes")?;
    let (limit, t) = rest.split_once(' ')?;
    Some(Recognised {
        r#type: Some(t.to_owned()),
        limit: Some(limit.parse().ok()?),
        ..plain(C::LimitReached)
    })
}

#[cfg(test)]
mod tests {
    use super::super::ViolationCode as C;
    use super::*;

    #[test]
    fn every_rule_text_is_recognised() {
        for (text, code) in [
            (REQUIRED, C::TypeRequired),
            (INCONSISTENT, C::InconsistentAllowUpgrade),
            (ALREADY_UPGRADED, C::AlreadyUpgraded),
            (NOT_ALLOWED, C::UpgradeNotAllowed),
            (OWNER_ONLY, C::UpgradeNotAllowed),
            (USAGE_OVER_QUOTA, C::UsageOverQuota),
            (UPGRADES_DISABLED, C::UpgradesDisabled),
        ] {
            assert_eq!(recognise(text).map(|r| r.code), Some(code), "{text}");
        }
        let r = recognise(&not_one_of("gold", &OxType::defaults()));
        assert_eq!(
            r,
            Some(Recognised {
                code: C::TypeNotSupported,
                r#type: Some("gold".into()),
                limit: None
            })
        );
        let r = recognise(&limit_reached(2, &OxType::activesync()));
        assert_eq!(
            r,
            Some(Recognised {
                code: C::LimitReached,
                r#type: Some("activesync".into()),
                limit: Some(2)
            })
        );
    }

    #[test]
    fn other_texts_are_not() {
        for text in [
            "",
            "Required ",
            "Quota exceeded",
            "The domain has reached its limit of many x mailboxes",
            "\"unterminated",
        ] {
            assert_eq!(recognise(text), None, "{text}");
        }
    }
}
