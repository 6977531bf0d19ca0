//! The BlackBerry status line: the service's billing status, or why there is none.

use yew::prelude::*;

use crate::components::blackberry::state::Service;
use crate::i18n::{I18n, Msg};
use crate::perf::{self, Shown};

#[derive(Clone, PartialEq, Properties)]
pub struct BbStatusLineProps {
    pub service: Service,
}

#[component]
pub fn BbStatusLine(props: &BbStatusLineProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let known = !matches!(props.service, Service::Checking | Service::Unreadable(_));
    use_effect_with(known, |known| {
        if *known {
            perf::shown(Shown::BlackberryStatus);
        }
    });
    match &props.service {
        Service::Billing(billing) => html! {
            <p class="oxp-bb-status">
                <span class="oxp-label">{ i18n.tr(&Msg::BbStatusLabel) }{ ": " }</span>
                <strong class={classes!("oxp-bb-billing", (!billing.is_open()).then_some("oxp-bb-billing-inactive"))}
                    data-testid="blackberry-status" data-billing={billing.as_str().to_owned()}>
                    { i18n.tr(&Msg::BbBilling { status: billing }) }
                </strong>
            </p>
        },
        Service::Absent => html! {
            <p class="oxp-bb-status oxp-bb-none" data-testid="blackberry-status" data-billing="none">
                { i18n.tr(&Msg::BbNoService) }
            </p>
        },
        Service::NotConfigured => html! {
            <p class="oxp-bb-status oxp-bb-none" data-testid="blackberry-status" data-billing="not_configured">
                { i18n.tr(&Msg::BbNotConfigured) }
            </p>
        },
        Service::Checking | Service::Unreadable(_) => html! {},
    }
}
