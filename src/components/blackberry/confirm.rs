//! The confirmation of one device action, in the panel's words: what it does to which
//! device, and for wipe and reinitialize the mailbox name to type.

use std::rc::Rc;

use ox_core::types::BlackberryAction;
use yew::prelude::*;

use crate::components::blackberry::confirm_dialog::ConfirmDialog;
use crate::i18n::{I18n, Msg};

#[derive(Clone, PartialEq, Properties)]
pub struct BbConfirmProps {
    pub action: BlackberryAction,
    /// The Exchange mailbox exactly as the request names it (and as it must be typed).
    pub user: AttrValue,
    /// The device's model, where known.
    pub device: Option<AttrValue>,
    pub on_confirm: Callback<()>,
    pub on_cancel: Callback<()>,
}

#[component]
pub fn BbConfirm(props: &BbConfirmProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let (action, user) = (props.action, props.user.as_str());
    let destructive = action.is_destructive();
    let body: Vec<AttrValue> = vec![
        i18n.tr(&Msg::BbConfirmBody {
            action,
            device: props.device.as_deref(),
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
            require_text={destructive.then(|| props.user.clone())}
            input_label={i18n.tr(&Msg::BbConfirmTypeLabel { user })}
            input_hint={i18n.tr(&Msg::BbConfirmTypeHint)}
            confirm_label={i18n.tr(&Msg::BbConfirmSubmit { action })}
            cancel_label={i18n.tr(&Msg::BbCancel)}
            on_confirm={props.on_confirm.clone()}
            on_cancel={props.on_cancel.clone()} />
    }
}
