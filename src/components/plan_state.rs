//! The OX plan panel's state: what was read, what the customer chose, and where the
//! change stands. Pure, so the rules between them are testable without a browser.

use std::collections::BTreeMap;
use std::rc::Rc;

use ox_core::config::PanelConfig;
use ox_core::error::ApiError;
use ox_core::rules::{CurrentPlan, DomainFacts};
use ox_core::types::{MailboxInfo, OxType, WebmailLimits, WebmailNames, WebmailSettings};
use ox_core::verdicts::FormChoice;
use yew::Reducible;

pub use crate::components::slot::Slot;

/// Which read, so "Try again" repeats only the ones that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Read {
    Settings,
    Names,
    Limits,
    Mailbox,
    Counts,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Submit {
    Idle,
    InFlight,
    Succeeded {
        to: OxType,
    },
    Failed(Rc<ApiError>),
    /// Sent, but no answer came (timeout or network): the panel re-reads instead.
    Unknown,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlanState {
    pub settings: Slot<WebmailSettings>,
    pub names: Slot<WebmailNames>,
    pub limits: Slot<WebmailLimits>,
    pub mailbox: Slot<MailboxInfo>,
    pub counts: Slot<BTreeMap<OxType, u64>>,
    pub choice: Option<FormChoice>,
    pub submit: Submit,
}

impl Default for PlanState {
    fn default() -> Self {
        Self {
            settings: Slot::Pending,
            names: Slot::Pending,
            limits: Slot::Pending,
            mailbox: Slot::Pending,
            counts: Slot::Pending,
            choice: None,
            submit: Submit::Idle,
        }
    }
}

pub enum PlanAction {
    Settings(Result<WebmailSettings, ApiError>),
    Names(Result<WebmailNames, ApiError>),
    Limits(Result<WebmailLimits, ApiError>),
    Mailbox(Result<MailboxInfo, ApiError>),
    Counts(Result<BTreeMap<OxType, u64>, ApiError>),
    Retrying(Vec<Read>),
    ChooseType(OxType),
    SetAllowUpgrade(bool),
    SubmitStarted,
    SubmitFinished(Result<OxType, ApiError>),
}

/// Whether the per-type counts matter: only a positive limit can be reached.
pub fn counts_needed(limits: &WebmailLimits) -> bool {
    limits.webmail_limits.values().any(|l| *l > 0)
}

impl Reducible for PlanState {
    type Action = PlanAction;

    fn reduce(self: Rc<Self>, action: PlanAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            PlanAction::Settings(result) => {
                if let Ok(s) = &result {
                    // The server's truth resets the form, except mid-send.
                    if next.submit != Submit::InFlight {
                        next.choice = Some(FormChoice {
                            r#type: s.r#type.clone(),
                            allow_upgrade: s.allow_upgrade,
                        });
                    }
                }
                next.settings = Slot::from_result(result);
            }
            PlanAction::Names(r) => next.names = Slot::from_result(r),
            PlanAction::Limits(r) => {
                next.counts = match &r {
                    Ok(l) if counts_needed(l) => Slot::Pending,
                    _ => Slot::NotNeeded,
                };
                next.limits = Slot::from_result(r);
            }
            PlanAction::Mailbox(r) => next.mailbox = Slot::from_result(r),
            PlanAction::Counts(r) => next.counts = Slot::from_result(r),
            PlanAction::Retrying(reads) => {
                for read in reads {
                    match read {
                        Read::Settings => next.settings = Slot::Pending,
                        Read::Names => next.names = Slot::Pending,
                        Read::Limits => next.limits = Slot::Pending,
                        Read::Mailbox => next.mailbox = Slot::Pending,
                        Read::Counts => next.counts = Slot::Pending,
                    }
                }
            }
            PlanAction::ChooseType(t) => {
                if next.submit != Submit::InFlight {
                    if let Some(choice) = next.choice.as_mut() {
                        choice.r#type = t;
                    }
                    next.submit = Submit::Idle;
                }
            }
            PlanAction::SetAllowUpgrade(on) => {
                if next.submit != Submit::InFlight {
                    if let Some(choice) = next.choice.as_mut() {
                        choice.allow_upgrade = on;
                    }
                    next.submit = Submit::Idle;
                }
            }
            PlanAction::SubmitStarted => next.submit = Submit::InFlight,
            PlanAction::SubmitFinished(result) => {
                next.submit = match result {
                    Ok(to) => Submit::Succeeded { to },
                    Err(ApiError::Timeout) | Err(ApiError::Network(_)) => Submit::Unknown,
                    Err(e) => Submit::Failed(Rc::new(e)),
                };
            }
        }
        Rc::new(next)
    }
}

impl PlanState {
    pub fn current(&self) -> Option<CurrentPlan> {
        self.settings.ready().map(|s| CurrentPlan {
            r#type: s.r#type.clone(),
            allow_upgrade: s.allow_upgrade,
        })
    }

    /// Reads that failed, for "Try again".
    pub fn failed_reads(&self) -> Vec<Read> {
        let mut out = Vec::new();
        if self.settings.failed().is_some() {
            out.push(Read::Settings);
        }
        if self.names.failed().is_some() {
            out.push(Read::Names);
        }
        if self.limits.failed().is_some() {
            out.push(Read::Limits);
        }
        if self.mailbox.failed().is_some() {
            out.push(Read::Mailbox);
        }
        if self.counts.failed().is_some() {
            out.push(Read::Counts);
        }
        out
    }

    /// What the rules know: the configuration's product settings and whatever the
    /// reads returned. Anything unknown stays unknown, so the server decides.
    pub fn facts(&self, config: &PanelConfig) -> DomainFacts {
        let mut quotas_mb = config.plan_quotas_mb.clone();
        if let (Some(s), Some(m)) = (self.settings.ready(), self.mailbox.ready()) {
            // The mailbox's quota is its current type's quota.
            quotas_mb.entry(s.r#type.clone()).or_insert(m.quota);
        }
        DomainFacts {
            supported: self
                .names
                .ready()
                .map(|n| n.webmail_names.keys().cloned().collect()),
            quotas_mb,
            usage_mb: self.mailbox.ready().map(|m| m.usage),
            limits: self
                .limits
                .ready()
                .map(|l| l.webmail_limits.clone())
                .unwrap_or_default(),
            counts: self.counts.ready().cloned(),
            upgrades_enabled: config.upgrades_enabled,
        }
    }

    /// The types to offer, in the stable order; the documented three when the domain's
    /// list could not be read.
    pub fn offered_types(&self) -> Vec<OxType> {
        let mut types: Vec<OxType> = match self.names.ready() {
            Some(n) => n.webmail_names.keys().cloned().collect(),
            None => vec![OxType::standard(), OxType::activesync(), OxType::premium()],
        };
        if let Some(s) = self.settings.ready() {
            if !types.contains(&s.r#type) {
                types.push(s.r#type.clone());
            }
        }
        types.sort();
        types
    }

    /// The plan's display name, or the type itself where the domain gives none.
    pub fn plan_name(&self, t: &OxType) -> String {
        self.names
            .ready()
            .and_then(|n| n.webmail_names.get(t).cloned())
            .unwrap_or_else(|| t.as_str().to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(t: &str, allow: bool) -> WebmailSettings {
        serde_json::from_value(serde_json::json!({"type": t, "allowUpgrade": allow}))
            .unwrap_or_else(|e| panic!("fixture: {e}"))
    }

    #[test]
    fn settings_reset_the_choice_but_not_mid_send() {
        let s = Rc::new(PlanState::default());
        let s = s.reduce(PlanAction::Settings(Ok(settings("standard", true))));
        assert_eq!(
            s.choice.as_ref().map(|c| c.r#type.as_str()),
            Some("standard")
        );
        let s = s.reduce(PlanAction::ChooseType(OxType::premium()));
        let s = s.reduce(PlanAction::SubmitStarted);
        let s = s.reduce(PlanAction::ChooseType(OxType::activesync()));
        assert_eq!(
            s.choice.as_ref().map(|c| c.r#type.as_str()),
            Some("premium")
        );
        let s = s.reduce(PlanAction::Settings(Ok(settings("standard", true))));
        assert_eq!(
            s.choice.as_ref().map(|c| c.r#type.as_str()),
            Some("premium")
        );
    }

    #[test]
    fn counts_only_with_a_positive_limit() {
        let limits = |v: serde_json::Value| -> WebmailLimits {
            serde_json::from_value(serde_json::json!({"webmailLimits": v}))
                .unwrap_or_else(|e| panic!("fixture: {e}"))
        };
        let s = Rc::new(PlanState::default());
        let none = s.clone().reduce(PlanAction::Limits(Ok(limits(
            serde_json::json!({"standard": -1, "premium": 0}),
        ))));
        assert_eq!(none.counts, Slot::NotNeeded);
        let some = s.reduce(PlanAction::Limits(Ok(limits(
            serde_json::json!({"activesync": 2}),
        ))));
        assert_eq!(some.counts, Slot::Pending);
    }

    #[test]
    fn unknown_outcome_on_timeout() {
        let s = Rc::new(PlanState::default())
            .reduce(PlanAction::SubmitFinished(Err(ApiError::Timeout)));
        assert_eq!(s.submit, Submit::Unknown);
    }
}
