//! The domain's plan limits, up front: "ActiveSync: 2 of 2 used" for every type with a
//! limit, from `webmailLimits` and the per-type counts the OX panel reads the same way.

use yew::prelude::*;

use super::state::{DomainState, Slot};
use crate::i18n::{DomainMsg as D, I18n, Msg};

#[derive(Clone, PartialEq, Properties)]
pub struct LimitsSummaryProps {
    pub state: UseReducerHandle<DomainState>,
}

#[component]
pub fn LimitsSummary(props: &LimitsSummaryProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let state = &props.state;
    let Some(limits) = state.limits.ready() else {
        // Pending or failed: the view's load failures say so.
        return html! {};
    };
    let limited: Vec<_> = state
        .offered_types()
        .into_iter()
        .chain(limits.webmail_limits.keys().cloned())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .filter_map(|t| limits.limit_for(&t).map(|l| (t, l)))
        .collect();
    let items = limited.iter().map(|(t, limit)| {
        let name = state.plan_name(t);
        let text = match &state.counts {
            Slot::Ready(Some(counts)) => i18n.tr(&Msg::Domain(D::LimitUsed {
                name: &name,
                used: counts.get(t).copied().unwrap_or(0),
                limit: *limit,
            })),
            _ => i18n.tr(&Msg::Domain(D::LimitCountUnknown {
                name: &name,
                limit: *limit,
            })),
        };
        let full = state
            .counts
            .ready()
            .and_then(Option::as_ref)
            .is_some_and(|c| c.get(t).copied().unwrap_or(0) >= *limit);
        html! {
            <li data-testid={format!("limit-{}", t.as_str())} data-full={full.to_string()}>{ text }</li>
        }
    });
    html! {
        <section class="oxp-limits" data-testid="limits-summary"
            aria-label={i18n.tr(&Msg::Domain(D::LimitsHeading))}>
            <h3 class="oxp-subheading">{ i18n.tr(&Msg::Domain(D::LimitsHeading)) }</h3>
            if limited.is_empty() {
                <p class="oxp-hint">{ i18n.tr(&Msg::Domain(D::NoLimits)) }</p>
            } else {
                <ul class="oxp-list">{ for items }</ul>
            }
        </section>
    }
}
