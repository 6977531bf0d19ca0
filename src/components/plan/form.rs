//! The plan form: the options, the `allowUpgrade` checkbox, what the change does, the
//! submit button and the change's outcome. It renders what the plan state decided.

use std::collections::BTreeMap;
use std::rc::Rc;

use ox_core::rules::texts;
use ox_core::types::OxType;
use yew::prelude::*;

use crate::components::plan::option::{reason_text, PlanOptionView};
use crate::components::plan::state::{AllowOption, PlanOption, Submit, Summary};
use crate::components::shared::ids::unique_id;
use crate::components::shared::server_words;
use crate::i18n::{I18n, Msg};

#[derive(Clone, PartialEq, Properties)]
pub struct PlanFormProps {
    pub options: Vec<PlanOption>,
    pub allow: AllowOption,
    pub summary: Option<Summary>,
    pub locked: bool,
    pub can_submit: bool,
    pub submit: Submit,
    /// The plan name a change just succeeded to.
    pub changed_to: Option<String>,
    pub field_errors: Rc<BTreeMap<String, String>>,
    pub on_choose: Callback<OxType>,
    pub on_allow: Callback<bool>,
    pub on_submit: Callback<()>,
}

fn summary_view(i18n: &I18n, summary: &Summary, id: &str) -> Html {
    html! {
        <div class="oxp-summary" id={id.to_owned()} data-testid="plan-summary">
            if let Some((from, to)) = &summary.type_change {
                <p>{ i18n.tr(&Msg::SummaryChange { from, to }) }</p>
            }
            if let Some(on) = summary.allow_upgrade {
                <p>{ i18n.tr(if on { &Msg::SummaryAllowOn } else { &Msg::SummaryAllowOff }) }</p>
            }
            if summary.downgrade {
                <p class="oxp-warning" data-testid="downgrade-warning">{ i18n.tr(&Msg::DowngradeWarning) }</p>
            }
        </div>
    }
}

/// A field error from the server: in the panel's words when it is a rule's known text,
/// else the server's own words, marked as such.
fn field_error_text(i18n: &I18n, text: &str) -> Html {
    match texts::recognise(text) {
        Some(r) => html! {
            { i18n.tr(&Msg::Reason {
                code: r.code,
                r#type: r.r#type.as_deref().unwrap_or(""),
                limit: r.limit,
                quota: None,
            }) }
        },
        None => server_words::view(i18n, text),
    }
}

fn outcome_view(i18n: &I18n, submit: &Submit, changed_to: Option<&str>) -> Html {
    match (submit, changed_to) {
        (Submit::Succeeded { .. }, Some(to)) => html! {
            <p class="oxp-success" data-testid="plan-success">
                { i18n.tr(&Msg::PlanChanged { to }) }
            </p>
        },
        (Submit::Failed(e), _) => html! {
            <p class="oxp-error" data-testid="plan-error" data-kind={e.kind()}>
                { i18n.tr(&Msg::Error(e)) }
                { server_words::of_error(i18n, e) }
            </p>
        },
        (Submit::Unknown, _) => html! {
            <p class="oxp-error" data-testid="plan-error" data-kind="unknown">
                { i18n.tr(&Msg::PlanOutcomeUnknown) }
            </p>
        },
        _ => html! {},
    }
}

#[component]
pub fn PlanForm(props: &PlanFormProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let ids = use_memo((), |_| {
        (unique_id("plan"), unique_id("allow"), unique_id("summary"))
    });
    let (group, allow_id, summary_id) = (&ids.0, &ids.1, &ids.2);
    let allow_reason_id = format!("{allow_id}-reason");
    let field_error = |field: &str| match props.field_errors.get(field) {
        Some(text) => html! {
            <p class="oxp-field-error" data-testid={format!("field-error-{field}")}>
                { field_error_text(&i18n, text) }
            </p>
        },
        None => html! {},
    };
    let on_allow = props.on_allow.reform(|e: Event| {
        e.target_dyn_into::<web_sys::HtmlInputElement>()
            .is_some_and(|i| i.checked())
    });
    let onsubmit = props.on_submit.reform(|e: SubmitEvent| e.prevent_default());
    let allow = &props.allow;
    html! {
        <form class="oxp-form" {onsubmit} novalidate=true>
            <fieldset class="oxp-fieldset" aria-invalid={props.field_errors.contains_key("type").then_some("true")}>
                <legend>{ i18n.tr(&Msg::ChoosePlan) }</legend>
                for option in props.options.iter() {
                    <PlanOptionView key={option.r#type.as_str().to_owned()} option={option.clone()}
                        group={AttrValue::from(group.clone())} on_choose={props.on_choose.clone()} />
                }
                { field_error("type") }
            </fieldset>
            <div class="oxp-option">
                <input type="checkbox" class="oxp-checkbox" id={allow_id.clone()} data-testid="allow-upgrade"
                    checked={allow.checked}
                    disabled={allow.disabled}
                    aria-describedby={allow.reason.is_some().then(|| allow_reason_id.clone())}
                    onchange={on_allow} />
                <label for={allow_id.clone()}>{ i18n.tr(&Msg::AllowUpgradeLabel) }</label>
                if let Some(reason) = &allow.reason {
                    <p class="oxp-reason" id={allow_reason_id.clone()} data-testid="allow-upgrade-reason"
                        data-code={reason.violation.code.as_str()}>
                        { reason_text(&i18n, reason) }
                    </p>
                }
                { field_error("allowUpgrade") }
            </div>
            if let Some(summary) = &props.summary {
                { summary_view(&i18n, summary, summary_id) }
            } else {
                // The same id: the submit button is described by whichever is shown.
                <p class="oxp-hint" id={summary_id.clone()}>{ i18n.tr(&Msg::NoChange) }</p>
            }
            <button type="submit" class="oxp-button oxp-button-primary" data-testid="plan-submit"
                disabled={!props.can_submit} aria-describedby={summary_id.clone()}>
                { i18n.tr(if props.locked { &Msg::Submitting } else { &Msg::Submit }) }
            </button>
            // Always in the page, so a screen reader hears what is put in it. A plan
            // change is not destructive: its failure is announced politely too.
            <div class="oxp-outcome" role="status" aria-live="polite" aria-atomic="true">
                { outcome_view(&i18n, &props.submit, props.changed_to.as_deref()) }
            </div>
        </form>
    }
}
