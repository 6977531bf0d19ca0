//! The BlackBerry panel: the service's billing status, the device, and the three
//! device actions, each confirmed first and sent exactly once.
//!
//! Exactly once: the confirm handler checks and sets a flag synchronously (a second
//! click or key repeat before the re-render finds it set), the dialog closes with the
//! send and every action stays disabled until the answer; nothing is ever retried.

use std::rc::Rc;

use ox_core::config::PanelConfig;
use ox_core::error::ApiError;
use ox_core::types::BlackberryAction;
use yew::prelude::*;

use crate::app::ApiRef;
use crate::components::bb_state::{
    event_status, rereads_after, BbAction, BbRead, BbState, Blocked, Outcome, Sent, Service,
};
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::device_card::{local_date_time, DeviceCard};
use crate::components::ids::unique_id;
use crate::components::load_failure::LoadFailures;
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

/// Starts the given reads, each on its own so they run in parallel.
fn start_reads(api: &ApiRef, reads: &[BbRead], dispatch: &UseReducerDispatcher<BbState>) {
    for read in reads {
        let api = api.0.clone();
        let dispatch = dispatch.clone();
        let read = *read;
        wasm_bindgen_futures::spawn_local(async move {
            match read {
                BbRead::Status => {
                    dispatch.dispatch(BbAction::Status(api.blackberry_status().await))
                }
                BbRead::Statistics => dispatch.dispatch(BbAction::Statistics(Box::new(
                    api.blackberry_statistics().await,
                ))),
            }
        });
    }
}

fn what(read: BbRead) -> Msg<'static> {
    match read {
        BbRead::Status => Msg::WhatBlackberryStatus,
        BbRead::Statistics => Msg::WhatBlackberryStatistics,
    }
}

fn blocked_msg(blocked: &Blocked) -> Msg<'_> {
    match blocked {
        Blocked::NoExchangeUser => Msg::BbBlockedNoUser,
        Blocked::Busy => Msg::BbBlockedBusy,
        Blocked::Checking => Msg::BbBlockedChecking,
        Blocked::NoService => Msg::BbBlockedNoService,
        Blocked::NotOpen(status) => Msg::BbBlockedNotOpen { status },
        Blocked::Unreadable => Msg::BbBlockedUnreadable,
    }
}

fn blocked_code(blocked: &Blocked) -> &'static str {
    match blocked {
        Blocked::NoExchangeUser => "no_exchange_user",
        Blocked::Busy => "busy",
        Blocked::Checking => "checking",
        Blocked::NoService => "no_service",
        Blocked::NotOpen(_) => "not_open",
        Blocked::Unreadable => "unreadable",
    }
}

fn action_index(action: BlackberryAction) -> usize {
    BlackberryAction::all()
        .iter()
        .position(|a| *a == action)
        .unwrap_or(0)
}

#[component]
pub fn BlackberryPanel(props: &BlackberryPanelProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let config = &props.config;
    let user: Option<String> = config
        .bb_user()
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(str::to_owned);
    let has_user = user.is_some();
    let state = use_reducer(move || BbState::new(has_user));
    // Set synchronously when a confirmed action is sent, cleared when its answer came.
    let sending = use_mut_ref(|| false);
    let focus_after = use_mut_ref(|| None::<FocusTarget>);
    let button_refs = [use_node_ref(), use_node_ref(), use_node_ref()];
    let outcome_ref = use_node_ref();
    let base_id = use_memo((), |_| unique_id("bb"));
    let heading_id = format!("{base_id}-heading");
    let reason_id = format!("{base_id}-reason");

    {
        let api = props.api.clone();
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            if has_user {
                start_reads(&api, &[BbRead::Status, BbRead::Statistics], &dispatch);
            }
        });
    }
    {
        // Runs after every render, once the DOM is up to date (inert removed, buttons
        // enabled or not).
        let focus_after = focus_after.clone();
        let button_refs = button_refs.clone();
        let outcome_ref = outcome_ref.clone();
        use_effect(move || {
            let target = focus_after.borrow_mut().take();
            let focus = |r: &NodeRef| {
                r.cast::<web_sys::HtmlElement>()
                    .filter(|el| !el.has_attribute("disabled"))
                    .map(|el| el.focus().is_ok())
                    .unwrap_or(false)
            };
            // A button that became disabled cannot take focus; the outcome can.
            let on_button = match target {
                Some(FocusTarget::Button(action)) => focus(&button_refs[action_index(action)]),
                Some(FocusTarget::Outcome) | None => false,
            };
            if target.is_some() && !on_button {
                focus(&outcome_ref);
            }
        });
    }

    let on_retry = {
        let api = props.api.clone();
        let state = state.clone();
        Callback::from(move |_| {
            let reads = state.failed_reads();
            state.dispatch(BbAction::Retrying(reads.clone()));
            start_reads(&api, &reads, &state.dispatcher());
        })
    };

    let blocked = state.blocked();

    let on_cancel = {
        let state = state.clone();
        let focus_after = focus_after.clone();
        let confirming = state.confirming;
        Callback::from(move |_: ()| {
            *focus_after.borrow_mut() = confirming.map(FocusTarget::Button);
            state.dispatch(BbAction::Cancel);
        })
    };

    let on_confirm = {
        let state = state.clone();
        let sending = sending.clone();
        let focus_after = focus_after.clone();
        let api = props.api.clone();
        let events = props.events.clone();
        let confirming = state.confirming;
        let allowed = blocked.is_none();
        Callback::from(move |_: ()| {
            let Some(action) = confirming else { return };
            if !allowed || *sending.borrow() {
                return;
            }
            *sending.borrow_mut() = true;
            *focus_after.borrow_mut() = Some(FocusTarget::Outcome);
            state.dispatch(BbAction::Started {
                action,
                at_ms: js_sys::Date::now(),
            });
            let sending = sending.clone();
            let dispatch = state.dispatcher();
            let api = api.clone();
            let events = events.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // The one and only request for this confirmation.
                let result = api.blackberry_action(action).await;
                if let Some(status) = event_status(&result) {
                    events.blackberry_action(action, status);
                }
                let reads = rereads_after(&result);
                *sending.borrow_mut() = false;
                dispatch.dispatch(BbAction::Finished(result));
                start_reads(&api, &reads, &dispatch);
            });
        })
    };

    let failures: Vec<(Msg<'static>, Rc<ApiError>)> = state
        .failed_reads()
        .into_iter()
        .filter_map(|read| {
            let error = match read {
                BbRead::Status => match &state.service {
                    Service::Unreadable(e) => Some(e.clone()),
                    _ => None,
                },
                BbRead::Statistics => state.statistics.failed().cloned(),
            };
            error.map(|e| (what(read), e))
        })
        .collect();

    let status_view = match &state.service {
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
    };

    let device_view = match (&state.service, state.statistics.ready()) {
        (Service::Absent, _) | (_, None) => html! {},
        (_, Some(stats)) => html! { <DeviceCard statistics={stats.clone()} /> },
    };

    let actions = BlackberryAction::all().into_iter().map(|action| {
        let help_id = format!("{base_id}-{}-help", action.as_str());
        let describedby = match &blocked {
            Some(_) => format!("{help_id} {reason_id}"),
            None => help_id.clone(),
        };
        let onclick = {
            let state = state.clone();
            let sending = sending.clone();
            Callback::from(move |_: MouseEvent| {
                if !*sending.borrow() {
                    state.dispatch(BbAction::Confirm(action));
                }
            })
        };
        // Holding Enter or Space on a button must not open the dialog again and again.
        let onkeydown = Callback::from(|e: KeyboardEvent| {
            if e.repeat() && matches!(e.key().as_str(), "Enter" | " ") {
                e.prevent_default();
            }
        });
        let busy = state.in_flight() == Some(action);
        html! {
            <li class="oxp-bb-action">
                <button type="button"
                    class={classes!("oxp-button", action.is_destructive().then_some("oxp-button-danger"))}
                    ref={button_refs[action_index(action)].clone()}
                    data-testid={format!("bb-action-{}", action.as_str())}
                    disabled={blocked.is_some()}
                    aria-describedby={describedby}
                    aria-busy={busy.then_some("true")}
                    onclick={onclick} onkeydown={onkeydown}>
                    { i18n.tr(&Msg::BbActionLabel { action }) }
                </button>
                <p class="oxp-hint oxp-bb-help" id={help_id}>{ i18n.tr(&Msg::BbActionHelp { action }) }</p>
            </li>
        }
    });

    let reason_view = match &blocked {
        Some(b) => html! {
            <p class="oxp-reason oxp-bb-reason" id={reason_id.clone()}
                data-testid="bb-actions-reason" data-reason={blocked_code(b)}>
                { i18n.tr(&blocked_msg(b)) }
            </p>
        },
        None => html! {},
    };

    let result_view = match state.last() {
        None => html! {},
        Some(Sent {
            action, outcome, ..
        }) => {
            let (class, code, text) = match outcome {
                None => (
                    "oxp-bb-result-pending",
                    "pending",
                    i18n.tr(&Msg::BbSending { action: *action }),
                ),
                Some(Outcome::Accepted) => (
                    "oxp-success",
                    "accepted",
                    i18n.tr(&Msg::BbAccepted { action: *action }),
                ),
                Some(Outcome::Unknown) => {
                    ("oxp-warning", "unknown", i18n.tr(&Msg::BbOutcomeUnknown))
                }
                Some(Outcome::Refused(e)) => (
                    "oxp-error",
                    e.kind(),
                    i18n.tr(&Msg::BbRefused {
                        error: e,
                        billing: state.billing(),
                    }),
                ),
            };
            html! {
                <p class={classes!("oxp-bb-result", class)} data-testid="bb-result"
                    data-action={action.as_str()} data-outcome={code}
                    data-status={match outcome {
                        Some(Outcome::Refused(e)) => e.status().map(|s| s.to_string()),
                        Some(Outcome::Accepted) => Some("202".to_owned()),
                        _ => None,
                    }}>
                    { text }
                </p>
            }
        }
    };

    let activity_view = if state.activity.is_empty() {
        html! {}
    } else {
        html! {
            <div class="oxp-bb-activity">
                <h3 class="oxp-bb-subtitle">{ i18n.tr(&Msg::BbActivityHeading) }</h3>
                <ol class="oxp-list oxp-bb-activity-list" data-testid="bb-activity">
                    { for state.activity.iter().map(|sent| {
                        let when = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(sent.at_ms));
                        let (code, text) = match &sent.outcome {
                            None => ("pending", i18n.tr(&Msg::BbActivityPending)),
                            Some(Outcome::Accepted) => ("accepted", i18n.tr(&Msg::BbActivityAccepted)),
                            Some(Outcome::Unknown) => ("unknown", i18n.tr(&Msg::BbActivityUnknown)),
                            Some(Outcome::Refused(e)) => {
                                (e.kind(), i18n.tr(&Msg::BbActivityRefused { status: e.status() }))
                            }
                        };
                        html! {
                            <li key={sent.id} class="oxp-bb-activity-item" data-testid="bb-activity-item"
                                data-action={sent.action.as_str()} data-outcome={code}>
                                <time datetime={String::from(when.to_iso_string())}>
                                    { local_date_time(&i18n.locale, sent.at_ms) }
                                </time>
                                { " · " }
                                <span class="oxp-bb-activity-action">{ i18n.tr(&Msg::BbActionLabel { action: sent.action }) }</span>
                                { " · " }
                                <span class="oxp-bb-activity-outcome">{ text }</span>
                            </li>
                        }
                    }) }
                </ol>
            </div>
        }
    };

    let dialog = match (state.confirming, &user) {
        (Some(action), Some(user)) => {
            let destructive = action.is_destructive();
            let device = state.statistics.ready().and_then(|s| s.device_type.clone());
            let body: Vec<AttrValue> = vec![
                i18n.tr(&Msg::BbConfirmBody {
                    action,
                    device: device.as_deref(),
                    user,
                })
                .into(),
                i18n.tr(&Msg::BbConfirmFinal { action }).into(),
            ];
            html! {
                <ConfirmDialog
                    alert={destructive}
                    title={i18n.tr(&Msg::BbConfirmTitle { action })}
                    body={Rc::new(body)}
                    require_text={destructive.then(|| AttrValue::from(user.clone()))}
                    input_label={i18n.tr(&Msg::BbConfirmTypeLabel { user })}
                    input_hint={i18n.tr(&Msg::BbConfirmTypeHint)}
                    confirm_label={i18n.tr(&Msg::BbConfirmSubmit { action })}
                    cancel_label={i18n.tr(&Msg::BbCancel)}
                    on_confirm={on_confirm}
                    on_cancel={on_cancel} />
            }
        }
        _ => html! {},
    };

    let target = user.as_deref().map(|user| {
        html! {
            <p class="oxp-subtitle" data-testid="bb-target">
                { i18n.tr(&Msg::ExchangeTarget { domain: config.bb_domain(), user }) }
            </p>
        }
    });
    html! {
        <section class="oxp-panel oxp-bb" data-testid="blackberry-panel" aria-labelledby={heading_id.clone()}>
            // While the dialog is open everything else in the panel is out of reach.
            <div class="oxp-bb-content" inert={state.confirming.is_some()}>
                <h2 class="oxp-panel-title" id={heading_id}>{ i18n.tr(&Msg::BlackberryHeading) }</h2>
                { target.unwrap_or_default() }
                if matches!(state.service, Service::Checking) {
                    <div class="oxp-skeleton" data-testid="loading" aria-busy="true" role="status">
                        { i18n.tr(&Msg::Loading) }
                    </div>
                }
                <LoadFailures failures={failures} on_retry={on_retry} />
                { status_view }
                { device_view }
                <div class="oxp-bb-actions">
                    <h3 class="oxp-bb-subtitle">{ i18n.tr(&Msg::BbActionsHeading) }</h3>
                    { reason_view }
                    <ul class="oxp-bb-action-list">
                        { for actions }
                    </ul>
                </div>
                <div class="oxp-bb-outcome" ref={outcome_ref} tabindex="-1" aria-live="polite">
                    { result_view }
                </div>
                { activity_view }
            </div>
            { dialog }
        </section>
    }
}
