//! The BlackBerry panel (placeholder until its issue lands).

use std::rc::Rc;

use ox_core::config::PanelConfig;
use yew::prelude::*;

use crate::app::ApiRef;
use crate::events::Events;
use crate::i18n::{I18n, Msg};

#[derive(Clone, PartialEq, Properties)]
pub struct BlackberryPanelProps {
    pub config: Rc<PanelConfig>,
    pub api: ApiRef,
    pub events: Events,
}

#[component]
pub fn BlackberryPanel(props: &BlackberryPanelProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let config = &props.config;
    html! {
        <section class="oxp-panel" data-testid="blackberry-panel">
            <h2 class="oxp-panel-title">{ i18n.tr(&Msg::BlackberryHeading) }</h2>
            <p>{ i18n.tr(&Msg::ExchangeTarget { domain: config.bb_domain(), user: config.bb_user().unwrap_or("") }) }</p>
        </section>
    }
}
