//! The current plan: its name, whether upgrades are allowed, and the storage used.

use ox_core::rules::CurrentPlan;
use ox_core::types::MailboxInfo;
use yew::prelude::*;

use crate::format;
use crate::i18n::{I18n, Msg};
use crate::perf::{self, Shown};

#[derive(Clone, PartialEq, Properties)]
pub struct PlanCurrentProps {
    pub plan: CurrentPlan,
    /// The plan's display name.
    pub name: String,
    /// The mailbox's usage, once read.
    pub mailbox: Option<MailboxInfo>,
}

#[component]
pub fn PlanCurrent(props: &PlanCurrentProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let plan = &props.plan;
    use_effect_with((), |()| perf::shown(Shown::Plan));
    let allowed = if plan.allow_upgrade {
        Msg::UpgradesAllowed
    } else {
        Msg::UpgradesNotAllowed
    };
    html! {
        <div class="oxp-current">
            <p><span class="oxp-label">{ i18n.tr(&Msg::CurrentPlanLabel) }{ ": " }</span>
               <strong data-testid="current-plan">{ i18n.tr(&Msg::CurrentPlan { name: &props.name, r#type: plan.r#type.as_str() }) }</strong></p>
            <p data-testid="current-allow-upgrade">{ i18n.tr(&allowed) }</p>
            if let Some(m) = &props.mailbox {
                <div class="oxp-usage">
                    <span>{ i18n.tr(&Msg::UsageLabel) }{ ": " }</span>
                    <meter class="oxp-meter" min="0" max={m.quota.max(1).to_string()} value={m.usage.to_string()}
                        aria-label={i18n.tr(&Msg::UsageLabel)} data-testid="usage-meter"></meter>
                    <span data-testid="usage-text">{ i18n.tr(&Msg::UsageOf {
                        usage: &format::megabytes(&i18n.locale, m.usage),
                        quota: &format::megabytes(&i18n.locale, m.quota),
                    }) }</span>
                </div>
            } else {
                <p class="oxp-hint">{ i18n.tr(&Msg::UsageUnknown) }</p>
            }
        </div>
    }
}
