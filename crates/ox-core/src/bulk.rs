//! Bulk plan changes: the verdict of moving many mailboxes of a domain to one type.
//!
//! Nothing new is decided here: each row's request is [`request_for`] and its verdict
//! is [`evaluate`], exactly as for one mailbox. The only addition is the domain limit
//! counted across the selection: the rows before a row that would be sent take their
//! seats first, so the limit rule fires on the row that would overflow it.

use std::collections::BTreeMap;

use crate::rules::{evaluate, CurrentPlan, DomainFacts, Role, Violation, ViolationCode};
use crate::types::{OxType, UsernameEntry, WebmailUpdate};
use crate::verdicts::{request_for, FormChoice};

/// What would happen to one selected mailbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BulkVerdict {
    /// Already on the target type: nothing is sent.
    Unchanged,
    /// The rules let it pass: this body would be sent.
    Send(WebmailUpdate),
    /// The list does not say the mailbox's current plan (no `type` or no
    /// `allowUpgrade`): the body is sent and the server decides.
    ServerDecides(WebmailUpdate),
    /// The rules refuse it; nothing is sent. `because_of_selection`: the limit is only
    /// reached because earlier rows of the selection take the remaining seats.
    Refused {
        violation: Violation,
        because_of_selection: bool,
    },
}

impl BulkVerdict {
    /// The body to send, if any.
    pub fn request(&self) -> Option<&WebmailUpdate> {
        match self {
            BulkVerdict::Send(r) | BulkVerdict::ServerDecides(r) => Some(r),
            _ => None,
        }
    }
}

/// One selected row and its verdict, in selection order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BulkRow {
    pub username: String,
    pub verdict: BulkVerdict,
}

/// The verdicts of a whole selection.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BulkPlan {
    pub rows: Vec<BulkRow>,
}

impl BulkPlan {
    /// Rows that would be sent (including those the server decides).
    pub fn to_send(&self) -> impl Iterator<Item = (&str, &WebmailUpdate)> {
        self.rows
            .iter()
            .filter_map(|r| r.verdict.request().map(|u| (r.username.as_str(), u)))
    }

    pub fn send_count(&self) -> usize {
        self.to_send().count()
    }

    pub fn refused_count(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| matches!(r.verdict, BulkVerdict::Refused { .. }))
            .count()
    }

    pub fn unchanged_count(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.verdict == BulkVerdict::Unchanged)
            .count()
    }

    pub fn server_decides_count(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| matches!(r.verdict, BulkVerdict::ServerDecides(_)))
            .count()
    }
}

/// The current plan as the list reports it, when it reports all of it.
pub fn current_from_entry(entry: &UsernameEntry) -> Option<CurrentPlan> {
    Some(CurrentPlan {
        r#type: entry.r#type.clone()?,
        allow_upgrade: entry.allow_upgrade?,
    })
}

/// Judges moving every `selected` mailbox (in order) to `target`.
///
/// `facts` are the domain's (names, limits, base counts per type, product switch);
/// their `usage_mb` is ignored, since the list does not report usage: the quota rule
/// is left to the server. A row whose plan the list does not report is sent as
/// `{"type": target}` for the server to judge and takes no seat in the count (it may
/// already be on the target).
pub fn plan_bulk(
    selected: &[UsernameEntry],
    target: &OxType,
    role: Role,
    facts: &DomainFacts,
) -> BulkPlan {
    let base = facts.counts.as_ref();
    let base_target = base.map(|c| c.get(target).copied().unwrap_or(0));
    let limit = facts.limit_for(target);
    let mut taken: u64 = 0;
    let mut row_facts = DomainFacts {
        usage_mb: None,
        ..facts.clone()
    };
    let rows = selected
        .iter()
        .map(|entry| {
            let verdict = match current_from_entry(entry) {
                None => BulkVerdict::ServerDecides(WebmailUpdate::with_type(target.as_str())),
                Some(current) if current.r#type == *target => BulkVerdict::Unchanged,
                Some(current) => {
                    let choice = FormChoice {
                        r#type: target.clone(),
                        allow_upgrade: current.allow_upgrade,
                    };
                    match request_for(&current, &choice) {
                        None => BulkVerdict::Unchanged,
                        Some(request) => {
                            row_facts.counts = base.map(|c| {
                                let mut c: BTreeMap<OxType, u64> = c.clone();
                                *c.entry(target.clone()).or_insert(0) += taken;
                                c
                            });
                            match evaluate(&current, &request, role, &row_facts) {
                                Ok(()) => {
                                    taken += 1;
                                    BulkVerdict::Send(request)
                                }
                                Err(violations) => match violations.into_iter().next() {
                                    Some(violation) => {
                                        let because_of_selection = violation.code
                                            == ViolationCode::LimitReached
                                            && matches!(
                                                (base_target, limit),
                                                (Some(b), Some(l)) if b < l
                                            );
                                        BulkVerdict::Refused {
                                            violation,
                                            because_of_selection,
                                        }
                                    }
                                    None => {
                                        taken += 1;
                                        BulkVerdict::Send(request)
                                    }
                                },
                            }
                        }
                    }
                }
            };
            BulkRow {
                username: entry.username.clone(),
                verdict,
            }
        })
        .collect();
    BulkPlan { rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::WebmailLimits;

    fn entry(name: &str, t: Option<&str>, allow: Option<bool>) -> UsernameEntry {
        UsernameEntry {
            username: name.to_owned(),
            r#type: t.map(OxType::from),
            allow_upgrade: allow,
            ..UsernameEntry::default()
        }
    }

    fn facts(activesync_limit: i64, activesync_count: Option<u64>) -> DomainFacts {
        let mut f = DomainFacts::default();
        f.set_limits(&WebmailLimits {
            webmail_limits: [
                (OxType::standard(), -1),
                (OxType::activesync(), activesync_limit),
                (OxType::premium(), -1),
            ]
            .into_iter()
            .collect(),
            links: Vec::new(),
        });
        f.counts = activesync_count.map(|n| {
            [(OxType::standard(), 10), (OxType::activesync(), n)]
                .into_iter()
                .collect()
        });
        f
    }

    fn codes(plan: &BulkPlan) -> Vec<String> {
        plan.rows
            .iter()
            .map(|r| match &r.verdict {
                BulkVerdict::Unchanged => "unchanged".to_owned(),
                BulkVerdict::Send(_) => "send".to_owned(),
                BulkVerdict::ServerDecides(_) => "server".to_owned(),
                BulkVerdict::Refused {
                    violation,
                    because_of_selection,
                } => format!(
                    "{}{}",
                    violation.code,
                    if *because_of_selection {
                        "+selection"
                    } else {
                        ""
                    }
                ),
            })
            .collect()
    }

    #[test]
    fn the_limit_is_counted_across_the_selection() {
        // 0 of 2 used: the first two take the seats, the third is refused because of them.
        let rows = [
            entry("a", Some("standard"), Some(true)),
            entry("b", Some("standard"), Some(true)),
            entry("c", Some("standard"), Some(true)),
        ];
        let plan = plan_bulk(&rows, &OxType::activesync(), Role::User, &facts(2, Some(0)));
        assert_eq!(codes(&plan), ["send", "send", "limit_reached+selection"]);
        assert_eq!(plan.send_count(), 2);
        assert_eq!(plan.refused_count(), 1);
    }

    #[test]
    fn a_full_limit_is_not_because_of_the_selection() {
        let rows = [entry("a", Some("standard"), Some(true))];
        let plan = plan_bulk(&rows, &OxType::activesync(), Role::User, &facts(2, Some(2)));
        assert_eq!(codes(&plan), ["limit_reached"]);
    }

    #[test]
    fn refused_and_unchanged_rows_take_no_seat() {
        let rows = [
            entry("locked", Some("standard"), Some(false)),
            entry("already", Some("activesync"), Some(true)),
            entry("a", Some("standard"), Some(true)),
            entry("b", Some("premium"), Some(true)),
            entry("c", Some("standard"), Some(true)),
        ];
        let plan = plan_bulk(&rows, &OxType::activesync(), Role::User, &facts(3, Some(1)));
        assert_eq!(
            codes(&plan),
            [
                "upgrade_not_allowed",
                "unchanged",
                "send",
                "send",
                "limit_reached+selection"
            ]
        );
        // The request is the single panel's: only `type`, allowUpgrade unchanged.
        assert_eq!(
            plan.rows[2].verdict.request(),
            Some(&WebmailUpdate::with_type("activesync"))
        );
    }

    #[test]
    fn the_account_owner_is_not_bound_by_allow_upgrade() {
        let rows = [entry("locked", Some("standard"), Some(false))];
        let plan = plan_bulk(&rows, &OxType::premium(), Role::Admin, &facts(-1, None));
        assert_eq!(codes(&plan), ["send"]);
    }

    #[test]
    fn an_unknown_plan_is_left_to_the_server_and_takes_no_seat() {
        let rows = [
            entry("x", None, Some(true)),
            entry("y", Some("standard"), None),
            entry("a", Some("standard"), Some(true)),
        ];
        let plan = plan_bulk(&rows, &OxType::activesync(), Role::User, &facts(2, Some(1)));
        assert_eq!(codes(&plan), ["server", "server", "send"]);
        assert_eq!(plan.server_decides_count(), 2);
        assert_eq!(plan.send_count(), 3);
    }

    #[test]
    fn without_counts_the_limit_is_left_to_the_server() {
        let rows = [
            entry("a", Some("standard"), Some(true)),
            entry("b", Some("standard"), Some(true)),
            entry("c", Some("standard"), Some(true)),
        ];
        let plan = plan_bulk(&rows, &OxType::activesync(), Role::User, &facts(2, None));
        assert_eq!(codes(&plan), ["send", "send", "send"]);
    }

    #[test]
    fn product_switch_and_unsupported_types_refuse_every_row() {
        let rows = [entry("a", Some("standard"), Some(true))];
        let mut f = facts(-1, None);
        f.upgrades_enabled = false;
        let plan = plan_bulk(&rows, &OxType::premium(), Role::Admin, &f);
        assert_eq!(codes(&plan), ["upgrades_disabled"]);
        let plan = plan_bulk(
            &rows,
            &OxType::from("starter"),
            Role::Admin,
            &facts(-1, None),
        );
        assert_eq!(codes(&plan), ["type_not_supported"]);
    }

    #[test]
    fn downgrades_to_standard_pass_for_everyone() {
        let rows = [
            entry("p", Some("premium"), Some(true)),
            entry("s", Some("activesync"), Some(false)),
        ];
        let plan = plan_bulk(&rows, &OxType::standard(), Role::User, &facts(2, Some(2)));
        assert_eq!(codes(&plan), ["send", "send"]);
    }
}
