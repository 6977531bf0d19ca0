//! The OX plan panel: reads, then renders the plan state; every decision is in
//! [`plan_state`](crate::components::plan::state).

use std::rc::Rc;

use ox_core::config::PanelConfig;
use ox_core::error::ApiError;
use yew::prelude::*;

use crate::api::ApiRef;
use crate::components::plan::current::PlanCurrent;
use crate::components::plan::form::PlanForm;
use crate::components::plan::state::{PlanMsg, PlanState, Read};
use crate::components::shared::ids::unique_id;
use crate::components::shared::load_failure::LoadFailures;
use crate::components::shared::reads::start_reads;
use crate::events::Events;
use crate::i18n::{I18n, LanguageHint, Msg};

#[derive(Clone, PartialEq, Properties)]
pub struct WebmailPanelProps {
    pub config: Rc<PanelConfig>,
    pub api: ApiRef,
    pub events: Events,
}

fn what(read: Read) -> Msg<'static> {
    match read {
        Read::Settings => Msg::WhatSettings,
        Read::Names => Msg::WhatPlanNames,
        Read::Limits => Msg::WhatPlanLimits,
        Read::Mailbox => Msg::WhatMailbox,
        Read::Counts => Msg::WhatCounts,
    }
}

/// Sends the change the state allows (if any), reports it, then starts the re-reads
/// the state asks for.
fn submit(state: &UseReducerHandle<PlanState>, props: &WebmailPanelProps) {
    // The handle reads the reducer's live state: a second click before the re-render
    // finds the change in flight and sends nothing.
    let Some(change) = state.to_send(&props.config) else {
        return;
    };
    state.dispatch(PlanMsg::SubmitStarted);
    let (api, events, state) = (props.api.clone(), props.events.clone(), state.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let result = api.put_webmail(change.update.clone()).await;
        if let Err(e @ (ApiError::BadRequestFields(_) | ApiError::BadRequestMessage(_))) = &result {
            // The client rules allowed this, so the server knows a rule we do not.
            let body = crate::api::json::to_text(&change.update).unwrap_or_default();
            web_sys::console::warn_1(
                &format!(
                    "ox-panel: rule gap: the client allowed {body} but the server answered: {e}"
                )
                .into(),
            );
        }
        if result.is_ok() {
            events.plan_changed(&change.from, &change.to, change.allow_upgrade);
        }
        let rereads = state.rereads_after(&result);
        state.dispatch(PlanMsg::SubmitFinished(result.map(|()| change.to)));
        start_reads(&api, rereads, &state.dispatcher());
    });
}

#[component]
pub fn WebmailPanel(props: &WebmailPanelProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let hint = use_context::<LanguageHint>();
    let state = use_reducer(PlanState::default);
    let heading_id = use_memo((), |_| unique_id("plan-heading"));

    {
        let (api, dispatch) = (props.api.clone(), state.dispatcher());
        use_effect_with((), move |_| {
            start_reads(&api, Read::INITIAL.to_vec(), &dispatch)
        });
    }
    {
        // The account's language is the default locale.
        let language = state.settings.ready().and_then(|s| s.language.clone());
        use_effect_with(language, move |language| {
            if let (Some(lang), Some(hint)) = (language.clone(), hint) {
                hint.0.emit(lang);
            }
        });
    }

    let on_retry = {
        let (api, state) = (props.api.clone(), state.clone());
        Callback::from(move |_| {
            let reads = state.retry_reads();
            state.dispatch(PlanMsg::Retrying);
            start_reads(&api, reads, &state.dispatcher());
        })
    };
    let on_choose = state.dispatcher().to_callback().reform(PlanMsg::ChooseType);
    let on_allow = state
        .dispatcher()
        .to_callback()
        .reform(PlanMsg::SetAllowUpgrade);
    let on_submit = {
        let (state, props) = (state.clone(), props.clone());
        Callback::from(move |()| submit(&state, &props))
    };

    let failures: Vec<(Msg<'static>, Rc<ApiError>)> = state
        .failures()
        .into_iter()
        .map(|(read, e)| (what(read), e))
        .collect();
    let current = state.current();
    let ready = state.content_ready();
    html! {
        <section class="oxp-panel" data-testid="webmail-panel" aria-labelledby={(*heading_id).clone()}>
            <h2 class="oxp-panel-title" id={(*heading_id).clone()}>{ i18n.tr(&Msg::WebmailHeading) }</h2>
            // While reads are out, the body keeps the height of a loaded panel (style.css,
            // "Loading room"): what follows the panel does not move when the answers land.
            <div class={classes!("oxp-panel-body", state.reading().then_some("oxp-reserve-plan"))}>
            if state.first_load() {
                <div class="oxp-skeleton" data-testid="loading" role="status">
                    { i18n.tr(&Msg::Loading) }
                </div>
            }
            <LoadFailures {failures} {on_retry} />
            if let (Some(current), true) = (current, ready) {
                <PlanCurrent name={state.plan_name(&current.r#type)} plan={current}
                    mailbox={state.mailbox.ready().cloned()} />
            }
            if let (Some(allow), true) = (state.allow_option(&props.config), ready) {
                <PlanForm options={state.options(&props.config)} {allow}
                    summary={state.summary()} locked={state.locked()}
                    can_submit={state.to_send(&props.config).is_some()}
                    submit={state.submit.clone()}
                    changed_to={state.changed_to()}
                    field_errors={Rc::new(state.field_errors())}
                    {on_choose} {on_allow} {on_submit} />
            }
            </div>
        </section>
    }
}
