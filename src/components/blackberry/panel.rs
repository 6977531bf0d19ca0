//! The BlackBerry panel: the service's billing status, the device, and the three
//! device actions, each confirmed first and sent exactly once. Every decision is in
//! [`bb_state`](crate::components::blackberry::state); this renders it and does the sending.
//!
//! Exactly once: the confirm handler asks the reducer's live state (a second click or
//! key repeat before the re-render finds the action in flight), the dialog closes with
//! the send, and every action stays disabled until the answer; nothing is ever retried.

use std::rc::Rc;

use ox_core::config::PanelConfig;
use ox_core::error::ApiError;
use ox_core::types::BlackberryAction;
use yew::prelude::*;

use crate::api::ApiRef;
use crate::components::blackberry::actions::{action_index, BbActionList};
use crate::components::blackberry::confirm::BbConfirm;
use crate::components::blackberry::device_card::DeviceCard;
use crate::components::blackberry::result::{BbActivity, BbResult};
use crate::components::blackberry::state::{
    event_status, exchange_user, rereads_after, BbMsg, BbRead, BbState, Service,
};
use crate::components::blackberry::status::BbStatusLine;
use crate::components::shared::ids::unique_id;
use crate::components::shared::load_failure::LoadFailures;
use crate::components::shared::reads::start_reads;
use crate::events::Events;
use crate::i18n::{I18n, Msg};

#[derive(Clone, PartialEq, Properties)]
pub struct BlackberryPanelProps {
    pub config: Rc<PanelConfig>,
    pub api: ApiRef,
    pub events: Events,
}

/// Where focus goes after the next render.
#[derive(Clone, Copy)]
enum FocusTarget {
    /// Back to the button that opened the dialog (after Cancel or Escape).
    Button(BlackberryAction),
    /// To the outcome, while the action is sent (its button is disabled then).
    Outcome,
}

fn what(read: BbRead) -> Msg<'static> {
    match read {
        BbRead::Status => Msg::WhatBlackberryStatus,
        BbRead::Statistics => Msg::WhatBlackberryStatistics,
    }
}

/// Sends the confirmed action if the state still allows it, once; reports the answer
/// and starts the re-reads the state asks for.
fn send(state: &UseReducerHandle<BbState>, api: &ApiRef, events: &Events) {
    // The handle reads the reducer's live state, so a second confirmation before the
    // re-render finds the first one in flight.
    let Some(action) = state.to_send() else {
        return;
    };
    state.dispatch(BbMsg::Started {
        action,
        at_ms: js_sys::Date::now(),
    });
    let (dispatch, api, events) = (state.dispatcher(), api.clone(), events.clone());
    wasm_bindgen_futures::spawn_local(async move {
        // The one and only request for this confirmation.
        let result = api.blackberry_action(action).await;
        if let Some(status) = event_status(&result) {
            events.blackberry_action(action, status);
        }
        let reads = rereads_after(&result);
        dispatch.dispatch(BbMsg::Finished(result));
        start_reads(&api, reads, &dispatch);
    });
}

/// Runs after every render, once the DOM is up to date (inert removed, buttons
/// enabled or not): a button that became disabled cannot take focus; the outcome can.
fn move_focus(target: Option<FocusTarget>, buttons: &[NodeRef; 3], outcome: &NodeRef) {
    let focus = |r: &NodeRef| {
        r.cast::<web_sys::HtmlElement>()
            .filter(|el| !el.has_attribute("disabled"))
            .is_some_and(|el| el.focus().is_ok())
    };
    let on_button = match target {
        Some(FocusTarget::Button(action)) => focus(&buttons[action_index(action)]),
        Some(FocusTarget::Outcome) | None => false,
    };
    if target.is_some() && !on_button {
        focus(outcome);
    }
}

#[component]
pub fn BlackberryPanel(props: &BlackberryPanelProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let user = exchange_user(&props.config);
    let has_user = user.is_some();
    let state = use_reducer(move || BbState::new(has_user));
    let focus_after = use_mut_ref(|| None::<FocusTarget>);
    let button_refs = [use_node_ref(), use_node_ref(), use_node_ref()];
    let outcome_ref = use_node_ref();
    let base_id = use_memo((), |_| unique_id("bb"));
    let heading_id = format!("{base_id}-heading");

    {
        let (api, dispatch) = (props.api.clone(), state.dispatcher());
        use_effect_with((), move |_| {
            if has_user {
                start_reads(&api, BbRead::ALL.to_vec(), &dispatch);
            }
        });
    }
    {
        let (focus_after, buttons, outcome) = (
            focus_after.clone(),
            button_refs.clone(),
            outcome_ref.clone(),
        );
        use_effect(move || move_focus(focus_after.borrow_mut().take(), &buttons, &outcome));
    }

    let on_retry = {
        let (api, state) = (props.api.clone(), state.clone());
        Callback::from(move |_| {
            let reads = state.retry_reads();
            state.dispatch(BbMsg::Retrying);
            start_reads(&api, reads, &state.dispatcher());
        })
    };
    let on_open = state.dispatcher().to_callback().reform(BbMsg::Confirm);
    let on_cancel = {
        let (state, focus_after) = (state.clone(), focus_after.clone());
        Callback::from(move |_: ()| {
            *focus_after.borrow_mut() = state.confirming.map(FocusTarget::Button);
            state.dispatch(BbMsg::Cancel);
        })
    };
    let on_confirm = {
        let (state, focus_after) = (state.clone(), focus_after.clone());
        let (api, events) = (props.api.clone(), props.events.clone());
        Callback::from(move |_: ()| {
            *focus_after.borrow_mut() = Some(FocusTarget::Outcome);
            send(&state, &api, &events);
        })
    };

    // In the assertive region when the state says it is urgent, else the polite one.
    let urgent = state.urgent();
    let result = |shown: bool| match state.last() {
        Some(sent) if shown => {
            html! { <BbResult sent={sent.clone()} billing={state.billing().cloned()} /> }
        }
        _ => html! {},
    };
    let failures: Vec<(Msg<'static>, Rc<ApiError>)> = state
        .failures()
        .into_iter()
        .map(|(read, e)| (what(read), e))
        .collect();
    html! {
        <section class="oxp-panel oxp-bb" data-testid="blackberry-panel" aria-labelledby={heading_id.clone()}>
            // While the dialog is open everything else in the panel is out of reach.
            <div class="oxp-bb-content" inert={state.confirming.is_some()}>
                <h2 class="oxp-panel-title" id={heading_id}>{ i18n.tr(&Msg::BlackberryHeading) }</h2>
                if let Some(user) = &user {
                    <p class="oxp-subtitle" data-testid="bb-target">
                        { i18n.tr(&Msg::ExchangeTarget { domain: props.config.bb_domain(), user }) }
                    </p>
                }
                // As in the plan panel: the status and the device keep their room while read.
                <div class={classes!("oxp-panel-body", state.reading().then_some("oxp-reserve-bb"))}>
                if matches!(state.service, Service::Checking) {
                    <div class="oxp-skeleton" data-testid="loading" role="status">
                        { i18n.tr(&Msg::Loading) }
                    </div>
                }
                <LoadFailures {failures} {on_retry} />
                <BbStatusLine service={state.service.clone()} />
                if let Some(stats) = state.device() {
                    <DeviceCard statistics={stats.clone()} />
                }
                </div>
                <BbActionList base_id={AttrValue::from((*base_id).clone())} blocked={state.blocked()}
                    in_flight={state.in_flight()} button_refs={button_refs.clone()} {on_open} />
                // Both live regions are always in the page, so what is put in either is announced.
                <div class="oxp-bb-outcome" ref={outcome_ref} tabindex="-1">
                    <div aria-live="polite" aria-atomic="true">{ result(!urgent) }</div>
                    <div aria-live="assertive" aria-atomic="true">{ result(urgent) }</div>
                </div>
                <BbActivity activity={state.activity.clone()} />
            </div>
            if let (Some(action), Some(user)) = (state.confirming, &user) {
                <BbConfirm {action} user={AttrValue::from(user.clone())}
                    device={state.device().and_then(|s| s.device_type.clone()).map(AttrValue::from)}
                    {on_confirm} {on_cancel} />
            }
        </section>
    }
}
