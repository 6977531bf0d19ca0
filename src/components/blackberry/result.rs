//! The outcome of the action sent last, and the list of every action sent from
//! this page.

use ox_core::types::BillingStatus;
use yew::prelude::*;

use crate::components::blackberry::state::{Outcome, Sent};
use crate::components::shared::server_words;
use crate::format;
use crate::i18n::{I18n, Msg};

#[derive(Clone, PartialEq, Properties)]
pub struct BbResultProps {
    pub sent: Sent,
    /// The billing status as last read, which a refusal may name.
    pub billing: Option<BillingStatus>,
}

#[component]
pub fn BbResult(props: &BbResultProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let Sent {
        action, outcome, ..
    } = &props.sent;
    let (class, text) = match outcome {
        None => (
            "oxp-bb-result-pending",
            i18n.tr(&Msg::BbSending { action: *action }),
        ),
        Some(Outcome::Accepted(_)) => {
            ("oxp-success", i18n.tr(&Msg::BbAccepted { action: *action }))
        }
        Some(Outcome::Unknown) => ("oxp-warning", i18n.tr(&Msg::BbOutcomeUnknown)),
        Some(Outcome::Refused(e)) => (
            "oxp-error",
            i18n.tr(&Msg::BbRefused {
                error: e,
                billing: props.billing.as_ref(),
            }),
        ),
    };
    html! {
        <p class={classes!("oxp-bb-result", class)} data-testid="bb-result"
            data-action={action.as_str()}
            data-outcome={outcome.as_ref().map_or("pending", Outcome::code)}
            data-status={outcome.as_ref().and_then(Outcome::status).map(|s| s.to_string())}>
            { text }
            if let Some(Outcome::Refused(e)) = outcome {
                { server_words::of_error(&i18n, e) }
            }
        </p>
    }
}

#[derive(Clone, PartialEq, Properties)]
pub struct BbActivityProps {
    /// Newest first.
    pub activity: Vec<Sent>,
}

fn outcome_msg(outcome: Option<&Outcome>) -> Msg<'static> {
    match outcome {
        None => Msg::BbActivityPending,
        Some(Outcome::Accepted(_)) => Msg::BbActivityAccepted,
        Some(Outcome::Unknown) => Msg::BbActivityUnknown,
        Some(Outcome::Refused(e)) => Msg::BbActivityRefused { status: e.status() },
    }
}

#[component]
pub fn BbActivity(props: &BbActivityProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    if props.activity.is_empty() {
        return html! {};
    }
    html! {
        <div class="oxp-bb-activity">
            <h3 class="oxp-bb-subtitle">{ i18n.tr(&Msg::BbActivityHeading) }</h3>
            <ol class="oxp-list oxp-bb-activity-list" data-testid="bb-activity">
                for sent in props.activity.iter() {
                    <li key={sent.id} class="oxp-bb-activity-item" data-testid="bb-activity-item"
                        data-action={sent.action.as_str()}
                        data-outcome={sent.outcome.as_ref().map_or("pending", Outcome::code)}>
                        <time datetime={format::iso_date_time(sent.at_ms)}>
                            { format::local_date_time(&i18n.locale, sent.at_ms) }
                        </time>
                        { " · " }
                        <span class="oxp-bb-activity-action">{ i18n.tr(&Msg::BbActionLabel { action: sent.action }) }</span>
                        { " · " }
                        <span class="oxp-bb-activity-outcome">{ i18n.tr(&outcome_msg(sent.outcome.as_ref())) }</span>
                    </li>
                }
            </ol>
        </div>
    }
}
