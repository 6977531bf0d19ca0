//! One plan option (a radio button), and the text of any reason an option is not
//! available.

use ox_core::types::OxType;
use yew::prelude::*;

use crate::components::plan::state::{PlanOption, Reason};
use crate::format;
use crate::i18n::{I18n, Msg};

/// The customer's words for why a choice is not available.
pub fn reason_text(i18n: &I18n, reason: &Reason) -> String {
    let quota = reason.quota_mb.map(|q| format::megabytes(&i18n.locale, q));
    i18n.tr(&Msg::Reason {
        code: reason.violation.code,
        r#type: reason.r#type.as_str(),
        limit: reason.limit,
        quota: quota.as_deref(),
    })
}

#[derive(Clone, PartialEq, Properties)]
pub struct PlanOptionViewProps {
    pub option: PlanOption,
    /// The radio group's name, which also prefixes the ids.
    pub group: AttrValue,
    pub on_choose: Callback<OxType>,
}

#[component]
pub fn PlanOptionView(props: &PlanOptionViewProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let o = &props.option;
    let t = o.r#type.as_str();
    let input_id = format!("{}-{t}", props.group);
    let reason_id = format!("{input_id}-reason");
    let onchange = {
        let (on_choose, t) = (props.on_choose.clone(), o.r#type.clone());
        Callback::from(move |_: Event| on_choose.emit(t.clone()))
    };
    html! {
        <div class={classes!("oxp-option", o.reason.is_some().then_some("oxp-option-forbidden"))}>
            <input type="radio" class="oxp-radio" id={input_id.clone()} name={props.group.clone()}
                value={t.to_owned()}
                data-testid={format!("plan-option-{t}")}
                checked={o.checked}
                disabled={o.disabled}
                aria-describedby={o.reason.is_some().then(|| reason_id.clone())}
                {onchange} />
            <label for={input_id}>{ i18n.tr(&Msg::PlanOption { name: &o.name, r#type: t }) }</label>
            if let Some(reason) = &o.reason {
                <p class="oxp-reason" id={reason_id}
                    data-testid={format!("plan-option-{t}-reason")}
                    data-code={reason.violation.code.as_str()}>
                    { reason_text(&i18n, reason) }
                </p>
            }
        </div>
    }
}
