//! The domain view (no mailbox configured). A later issue fills it with the mailbox
//! list and bulk changes; for now it says which domain it is for.

use std::rc::Rc;

use ox_core::config::PanelConfig;
use yew::prelude::*;

use crate::i18n::{I18n, Msg};

#[derive(Clone, PartialEq, Properties)]
pub struct DomainViewProps {
    pub config: Rc<PanelConfig>,
}

#[component]
pub fn DomainView(props: &DomainViewProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    html! {
        <section class="oxp-panel" data-testid="domain-panel" aria-label={i18n.tr(&Msg::DomainHeading)}>
            <h2 class="oxp-panel-title">{ i18n.tr(&Msg::DomainHeading) }</h2>
            <p>{ i18n.tr(&Msg::DomainPlaceholder { domain: &props.config.domain }) }</p>
        </section>
    }
}
