//! What the plan form may offer, derived from the rule engine so the two never
//! disagree: every verdict is the first answer of [`evaluate`] for the request the
//! form would send.

use crate::rules::{evaluate, CurrentPlan, DomainFacts, Role, Violation};
use crate::types::{OxType, WebmailUpdate};

/// Whether an option may be picked, and if not, what the server would answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Allowed,
    Forbidden(Violation),
}

impl Verdict {
    pub fn is_allowed(&self) -> bool {
        matches!(self, Verdict::Allowed)
    }

    /// The violation of a forbidden option.
    pub fn violation(&self) -> Option<&Violation> {
        match self {
            Verdict::Allowed => None,
            Verdict::Forbidden(v) => Some(v),
        }
    }
}

/// What the form currently has selected.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FormChoice {
    pub r#type: OxType,
    pub allow_upgrade: bool,
}

impl FormChoice {
    /// The form's starting point: the current plan.
    pub fn from_current(current: &CurrentPlan) -> Self {
        FormChoice {
            r#type: current.r#type.clone(),
            allow_upgrade: current.allow_upgrade,
        }
    }
}

/// The PUT body for a choice, or `None` when it changes nothing. `type` is always sent
/// (the server requires it); `allowUpgrade` only when it changes, since sending
/// `false` unchanged would trip the "already upgraded" rule for nothing.
pub fn request_for(current: &CurrentPlan, choice: &FormChoice) -> Option<WebmailUpdate> {
    if choice.r#type == current.r#type && choice.allow_upgrade == current.allow_upgrade {
        return None;
    }
    Some(WebmailUpdate {
        r#type: Some(choice.r#type.as_str().to_owned()),
        allow_upgrade: (choice.allow_upgrade != current.allow_upgrade)
            .then_some(choice.allow_upgrade),
        ..WebmailUpdate::default()
    })
}

/// The verdict of submitting `choice` as it is. Nothing to send is always allowed.
pub fn choice_verdict(
    current: &CurrentPlan,
    choice: &FormChoice,
    role: Role,
    facts: &DomainFacts,
) -> Verdict {
    let Some(request) = request_for(current, choice) else {
        return Verdict::Allowed;
    };
    match evaluate(current, &request, role, facts) {
        Ok(()) => Verdict::Allowed,
        Err(violations) => match violations.into_iter().next() {
            Some(first) => Verdict::Forbidden(first),
            None => Verdict::Allowed,
        },
    }
}

/// One verdict per type the form offers, in display order: switching the choice to
/// that type while keeping its `allowUpgrade`. The form offers the supported types and
/// the current one, even where the domain's list lacks it (the customer sees where the
/// mailbox is; moving away is judged like any other move).
pub fn type_verdicts(
    current: &CurrentPlan,
    choice: &FormChoice,
    role: Role,
    facts: &DomainFacts,
) -> Vec<(OxType, Verdict)> {
    let mut offered = facts.supported_types();
    if !offered.contains(&current.r#type) {
        offered.push(current.r#type.clone());
        offered.sort();
    }
    offered
        .into_iter()
        .map(|t| {
            let option = FormChoice {
                r#type: t.clone(),
                allow_upgrade: choice.allow_upgrade,
            };
            let verdict = choice_verdict(current, &option, role, facts);
            (t, verdict)
        })
        .collect()
}

/// The verdict of toggling the `allowUpgrade` checkbox, keeping the chosen type.
pub fn allow_upgrade_verdict(
    current: &CurrentPlan,
    choice: &FormChoice,
    role: Role,
    facts: &DomainFacts,
) -> Verdict {
    let toggled = FormChoice {
        r#type: choice.r#type.clone(),
        allow_upgrade: !choice.allow_upgrade,
    };
    choice_verdict(current, &toggled, role, facts)
}
