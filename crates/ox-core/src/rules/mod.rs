//! The upgrade-rule engine: what the server answers to a webmail PUT.
//!
//! The panel shows the customer, before anything is sent, exactly what the server
//! would say. [`evaluate`] returns every broken rule, in the order the server checks
//! them; the server answers with the first one (400 and [`Violation::response_body`]).
//!
//! # The rules (numbered as in the API contract)
//!
//! 1. `type` is required (missing or `""`) and must be one of the domain's types.
//! 2. `allowUpgrade: false` with a type other than standard is inconsistent.
//! 3. The account is not standard and the request sets `allowUpgrade: false`.
//! 4. `allowUpgrade` is currently off and the request asks for a non-standard type.
//!    4b. (this project's reading, below) `allowUpgrade` is currently off and the
//!    request turns it on.
//! 5. A move to a type whose known quota is below the known usage.
//! 6. A move to a type whose positive limit the known counts already reach.
//! 7. Upgrades disabled: the type cannot change and `allowUpgrade` cannot go from
//!    false to true.
//! 8. Rules 2–4 (and 4b) bind [`Role::User`] only; 1 and 5–7 bind everyone.
//!
//! # Check order: 3, 1, 2, 4, 4b, 7, 6, 5
//!
//! Derived from the PUT documentation's examples:
//! - `{"allowUpgrade": false}` (no `type`) on an upgraded account answers "already
//!   upgraded", not `Required`: rule 3 comes before rule 1.
//! - `{"type": "premium", "allowUpgrade": false}` on a standard account answers
//!   "inconsistent": rule 3 does not fire there (standard account) and rule 2 does.
//! - `{"type": ""}` / `{"type": "invalid-type"}` answer with the `type` field map and
//!   `{"type": "premium"}` with "not allowed": rule 1 before rule 4; rule 2 before 4
//!   because both concern the same request fields and 2 is the request's own
//!   inconsistency, independent of the account.
//! - The permission rules (2–4) come before the domain rules (7, 6, 5): what the
//!   caller may ask at all is decided before what the domain can hold. Among the
//!   domain rules, the product-wide switch (7) is checked before the domain count
//!   (6) and the mailbox's own usage (5), from the most general to the most specific.
//!
//! # Who may turn `allowUpgrade` on (rule 4b)
//!
//! The documentation says what `allowUpgrade: false` blocks (rule 4) but not who may
//! switch it back on. Read as "anyone", rule 4 would be void: an end user would send
//! `{"type": "standard", "allowUpgrade": true}`, then `{"type": "premium"}`, and be
//! upgraded against the account owner's setting. Evidence for the reading taken here:
//! rule 8 exempts the owner (admin credentials) from rules 2–4, which makes the flag
//! the owner's tool for restricting the mailbox's user; and the panel's own reason for
//! a blocked upgrade tells the user that the account owner can turn upgrades on. So
//! only admin credentials may turn it from false to true: a user's request gets 400
//! with [`texts::OWNER_ONLY`] (code [`ViolationCode::UpgradeNotAllowed`], field
//! `allowUpgrade`: the same reason as rule 4, seen from the checkbox), and the plan
//! form shows the checkbox disabled with that reason. Turning it off stays open to the
//! user where rules 2 and 3 allow it. Checked right after rule 4, with the other
//! permission rules; it needs no valid type.
//!
//! Rule 3 is read literally: it fires even when the same request also asks for
//! `standard` (its text says to downgrade first, i.e. in a separate request).
//! Rules that need a valid target type (2, 4, 5, 6 and the type half of 7) are only
//! checked when rule 1 passed; rules 5 and 6 only when the type actually changes.

mod facts;
mod plan;
mod role;
pub mod texts;
mod violation;

pub use facts::DomainFacts;
pub use plan::CurrentPlan;
pub use role::Role;
pub use violation::{Violation, ViolationCode};

use crate::types::{OxType, WebmailUpdate};

/// Field names as [`Violation::field`] reports them.
pub const FIELD_TYPE: &str = "type";
pub const FIELD_ALLOW_UPGRADE: &str = "allowUpgrade";

/// Judges a PUT body against the current plan. `Err` holds all violations, in check
/// order (see the module docs); the first is the server's answer.
pub fn evaluate(
    current: &CurrentPlan,
    request: &WebmailUpdate,
    role: Role,
    facts: &DomainFacts,
) -> Result<(), Vec<Violation>> {
    let mut found = Vec::new();
    let user = role == Role::User;
    let sets_allow_upgrade_false = request.allow_upgrade == Some(false);

    // Rule 3: an upgraded account cannot switch allowUpgrade off.
    if user && !current.r#type.is_standard() && sets_allow_upgrade_false {
        found.push(Violation::new(
            ViolationCode::AlreadyUpgraded,
            Some(FIELD_ALLOW_UPGRADE),
            texts::ALREADY_UPGRADED,
        ));
    }

    // Rule 1: a present, supported type; later type rules need it.
    let target: Option<OxType> = match request.r#type.as_deref() {
        None | Some("") => {
            found.push(Violation::new(
                ViolationCode::TypeRequired,
                Some(FIELD_TYPE),
                texts::REQUIRED,
            ));
            None
        }
        Some(given) => {
            let t = OxType::from(given);
            if facts.supports(&t) {
                Some(t)
            } else {
                found.push(Violation::new(
                    ViolationCode::TypeNotSupported,
                    Some(FIELD_TYPE),
                    texts::not_one_of(given, &facts.supported_types()),
                ));
                None
            }
        }
    };

    if let Some(t) = &target {
        // Rule 2: allowUpgrade off only fits standard.
        if user && sets_allow_upgrade_false && !t.is_standard() {
            found.push(Violation::new(
                ViolationCode::InconsistentAllowUpgrade,
                Some(FIELD_ALLOW_UPGRADE),
                texts::INCONSISTENT,
            ));
        }
        // Rule 4: without allowUpgrade, only standard.
        if user && !current.allow_upgrade && !t.is_standard() {
            found.push(Violation::new(
                ViolationCode::UpgradeNotAllowed,
                None,
                texts::NOT_ALLOWED,
            ));
        }
    }

    // Rule 4b: only the account owner turns allowUpgrade on (see the module docs).
    if user && request.allow_upgrade == Some(true) && !current.allow_upgrade {
        found.push(Violation::new(
            ViolationCode::UpgradeNotAllowed,
            Some(FIELD_ALLOW_UPGRADE),
            texts::OWNER_ONLY,
        ));
    }

    // Rule 7: upgrades disabled by the product.
    if !facts.upgrades_enabled {
        let moves = target.as_ref().is_some_and(|t| *t != current.r#type);
        let enables = request.allow_upgrade == Some(true) && !current.allow_upgrade;
        if moves || enables {
            let field = if moves {
                None
            } else {
                Some(FIELD_ALLOW_UPGRADE)
            };
            found.push(Violation::new(
                ViolationCode::UpgradesDisabled,
                field,
                texts::UPGRADES_DISABLED,
            ));
        }
    }

    if let Some(t) = target.as_ref().filter(|t| **t != current.r#type) {
        // Rule 6: the domain's limit for the new type.
        if let (Some(limit), Some(counts)) = (facts.limit_for(t), &facts.counts) {
            if counts.get(t).copied().unwrap_or(0) >= limit {
                found.push(Violation::new(
                    ViolationCode::LimitReached,
                    None,
                    texts::limit_reached(limit, t),
                ));
            }
        }
        // Rule 5: the mailbox must fit the new type's quota.
        if let (Some(quota), Some(usage)) = (facts.quotas_mb.get(t), facts.usage_mb) {
            if usage > *quota {
                found.push(Violation::new(
                    ViolationCode::UsageOverQuota,
                    None,
                    texts::USAGE_OVER_QUOTA,
                ));
            }
        }
    }

    if found.is_empty() {
        Ok(())
    } else {
        Err(found)
    }
}

/// The plan after the server accepted `request`: the fields it sent replace the
/// current ones. (Only meaningful when [`evaluate`] returned `Ok`.)
pub fn apply(current: &CurrentPlan, request: &WebmailUpdate) -> CurrentPlan {
    CurrentPlan {
        r#type: request
            .requested_type()
            .unwrap_or_else(|| current.r#type.clone()),
        allow_upgrade: request.allow_upgrade.unwrap_or(current.allow_upgrade),
    }
}
