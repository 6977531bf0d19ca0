//! The root component: header, then the configured sections.

use std::rc::Rc;

use ox_core::config::{PanelConfig, Section};
use yew::prelude::*;

use crate::api::ApiRef;
use crate::components::blackberry::panel::BlackberryPanel;
#[cfg(feature = "domain")]
use crate::components::domain::view::DomainView;
use crate::components::plan::panel::WebmailPanel;
use crate::events::Events;
use crate::i18n::{I18n, LanguageHint, Locale, Msg};

/// Everything one mounted instance runs on.
#[derive(Clone, PartialEq, Properties)]
pub struct AppProps {
    pub config: Rc<PanelConfig>,
    pub api: ApiRef,
    pub events: Events,
    /// The locale the host asked for: the configuration's `locale` at first, then what
    /// `setLocale` gives (`None`: the account's language decides).
    pub locale: Option<String>,
}

impl AppProps {
    pub fn new(config: Rc<PanelConfig>, api: ApiRef, events: Events) -> Self {
        let locale = config.locale.clone();
        Self {
            config,
            api,
            events,
            locale,
        }
    }
}

fn section_view(section: Section, props: &AppProps) -> Html {
    let (config, api, events) = (
        props.config.clone(),
        props.api.clone(),
        props.events.clone(),
    );
    match section {
        Section::Webmail => html! { <WebmailPanel {config} {api} {events} /> },
        Section::Blackberry => html! { <BlackberryPanel {config} {api} {events} /> },
        #[cfg(feature = "domain")]
        Section::Domain => html! { <DomainView {config} {api} {events} /> },
        // Refused at mount (`entry::for_this_module`): this module does not carry it.
        #[cfg(not(feature = "domain"))]
        Section::Domain => Html::default(),
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let config = &props.config;
    let account_language = use_state(|| None::<String>);
    let i18n = I18n::from(Locale::resolve(
        props.locale.as_deref(),
        account_language.as_deref(),
    ));
    let hint = {
        let account_language = account_language.clone();
        LanguageHint(Callback::from(move |lang: String| {
            if account_language.as_deref() != Some(lang.as_str()) {
                account_language.set(Some(lang));
            }
        }))
    };
    let subtitle = match &config.mailbox {
        Some(mailbox) => i18n.tr(&Msg::ShellFor {
            account: &config.account,
            domain: &config.domain,
            mailbox,
        }),
        None => i18n.tr(&Msg::ShellForDomain {
            account: &config.account,
            domain: &config.domain,
        }),
    };
    let sections = config.sections();
    html! {
        <ContextProvider<I18n> context={i18n.clone()}>
        <ContextProvider<LanguageHint> context={hint}>
            <div class="oxp-root" lang={i18n.locale.clone()} dir={i18n.dir()}>
                <header class="oxp-header">
                    <h1 class="oxp-title">{ i18n.tr(&Msg::AppTitle) }</h1>
                    <p class="oxp-subtitle" data-testid="panel-target">{ subtitle }</p>
                </header>
                for section in sections {
                    { section_view(section, props) }
                }
            </div>
        </ContextProvider<LanguageHint>>
        </ContextProvider<I18n>>
    }
}
