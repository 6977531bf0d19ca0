//! One mailbox opened from the list: its plan and BlackBerry panels, the same
//! components a single-mailbox mount shows, configured for that mailbox.

use std::rc::Rc;

use ox_core::config::PanelConfig;
use yew::prelude::*;

use crate::api::ApiRef;
use crate::components::blackberry::panel::BlackberryPanel;
use crate::components::plan::panel::WebmailPanel;
use crate::events::Events;
use crate::i18n::{DomainMsg as D, I18n, Msg};

#[derive(Clone, PartialEq, Properties)]
pub struct OpenedMailboxProps {
    pub mailbox: String,
    pub config: Rc<PanelConfig>,
    pub api: ApiRef,
    pub events: Events,
    pub on_back: Callback<()>,
}

#[component]
pub fn OpenedMailbox(props: &OpenedMailboxProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let config = use_memo(
        (props.mailbox.clone(), props.config.clone()),
        |(mailbox, config)| {
            Rc::new(PanelConfig {
                mailbox: Some(mailbox.clone()),
                // The domain's Exchange user (if any) is not this mailbox's.
                exchange_user: None,
                sections: None,
                ..(**config).clone()
            })
        },
    );
    let api = use_memo(
        (props.mailbox.clone(), props.api.clone()),
        |(mailbox, api)| ApiRef(api.for_mailbox(mailbox)),
    );
    let back = props.on_back.reform(|_: MouseEvent| ());
    let heading = i18n.tr(&Msg::Domain(D::MailboxHeading {
        mailbox: &props.mailbox,
    }));
    html! {
        <div class="oxp-opened" data-testid="opened-mailbox" data-mailbox={props.mailbox.clone()}>
            <p>
                <button type="button" class="oxp-button" data-testid="domain-back" onclick={back}>
                    { i18n.tr(&Msg::Domain(D::Back)) }
                </button>
            </p>
            <h3 class="oxp-subheading">{ heading }</h3>
            // Keyed by mailbox: opening another one starts fresh panels.
            <WebmailPanel key={format!("w-{}", props.mailbox)} config={(*config).clone()}
                api={(*api).clone()} events={props.events.clone()} />
            <BlackberryPanel key={format!("b-{}", props.mailbox)} config={(*config).clone()}
                api={(*api).clone()} events={props.events.clone()} />
        </div>
    }
}
