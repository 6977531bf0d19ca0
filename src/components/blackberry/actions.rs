//! The device actions: one button each with its help, and why they are unavailable.

use ox_core::types::BlackberryAction;
use yew::prelude::*;

use crate::components::blackberry::state::Blocked;
use crate::i18n::{I18n, Msg};

/// The index of an action's button in [`BlackberryAction::all`] order.
pub fn action_index(action: BlackberryAction) -> usize {
    BlackberryAction::all()
        .iter()
        .position(|a| *a == action)
        .unwrap_or(0)
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

#[derive(Clone, PartialEq, Properties)]
pub struct BbActionListProps {
    /// Prefix of the element ids.
    pub base_id: AttrValue,
    pub blocked: Option<Blocked>,
    /// The action whose answer is awaited.
    pub in_flight: Option<BlackberryAction>,
    /// The buttons, in [`BlackberryAction::all`] order (for focus).
    pub button_refs: [NodeRef; 3],
    pub on_open: Callback<BlackberryAction>,
}

#[component]
pub fn BbActionList(props: &BbActionListProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let reason_id = format!("{}-reason", props.base_id);
    // Holding Enter or Space on a button must not open the dialog again and again.
    let onkeydown = Callback::from(|e: KeyboardEvent| {
        if e.repeat() && matches!(e.key().as_str(), "Enter" | " ") {
            e.prevent_default();
        }
    });
    html! {
        <div class="oxp-bb-actions">
            <h3 class="oxp-bb-subtitle">{ i18n.tr(&Msg::BbActionsHeading) }</h3>
            if let Some(b) = &props.blocked {
                <p class="oxp-reason oxp-bb-reason" id={reason_id.clone()}
                    data-testid="bb-actions-reason" data-reason={b.code()}>
                    { i18n.tr(&blocked_msg(b)) }
                </p>
            }
            <ul class="oxp-bb-action-list">
                for action in BlackberryAction::all() {
                    <li class="oxp-bb-action" key={action.as_str()}>
                        <button type="button"
                            class={classes!("oxp-button", action.is_destructive().then_some("oxp-button-danger"))}
                            ref={props.button_refs[action_index(action)].clone()}
                            data-testid={format!("bb-action-{}", action.as_str())}
                            disabled={props.blocked.is_some()}
                            aria-describedby={match &props.blocked {
                                Some(_) => format!("{}-{}-help {reason_id}", props.base_id, action.as_str()),
                                None => format!("{}-{}-help", props.base_id, action.as_str()),
                            }}
                            aria-busy={(props.in_flight == Some(action)).then_some("true")}
                            onclick={props.on_open.reform(move |_: MouseEvent| action)}
                            onkeydown={onkeydown.clone()}>
                            { i18n.tr(&Msg::BbActionLabel { action }) }
                        </button>
                        <p class="oxp-hint oxp-bb-help" id={format!("{}-{}-help", props.base_id, action.as_str())}>
                            { i18n.tr(&Msg::BbActionHelp { action }) }
                        </p>
                    </li>
                }
            </ul>
        </div>
    }
}
