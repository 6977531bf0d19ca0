//! The OX plan panel: the current plan, every option with its verdict, and the change.

use std::collections::BTreeMap;
use std::rc::Rc;

use ox_core::config::PanelConfig;
use ox_core::error::ApiError;
use ox_core::rules::Violation;
use ox_core::types::{OxType, UsernamesQuery};
use ox_core::verdicts::{self, Verdict};
use yew::prelude::*;

use crate::api::Api;
use crate::app::{ApiRef, LanguageHint};
use crate::components::ids::unique_id;
use crate::components::load_failure::LoadFailures;
use crate::components::plan_state::{PlanAction, PlanState, Read, Slot, Submit};
use crate::events::Events;
use crate::format;
use crate::i18n::{I18n, Msg};

#[derive(Clone, PartialEq, Properties)]
pub struct WebmailPanelProps {
    pub config: Rc<PanelConfig>,
    pub api: ApiRef,
    pub events: Events,
}

/// Page size for counting mailboxes per type.
const COUNT_PAGE_SIZE: u32 = 500;

/// Counts the domain's mailboxes per type: the first page, then the rest in parallel.
pub(crate) async fn count_types(api: Rc<dyn Api>) -> Result<BTreeMap<OxType, u64>, ApiError> {
    let query = |page: u32| UsernamesQuery {
        page: Some(page),
        page_size: Some(COUNT_PAGE_SIZE),
        details: true,
        ..Default::default()
    };
    let first = api.usernames(query(1)).await?;
    let pages = first.total_count.div_ceil(u64::from(COUNT_PAGE_SIZE));
    let rest = (2..=pages).map(|p| api.usernames(query(u32::try_from(p).unwrap_or(u32::MAX))));
    let mut counts = BTreeMap::new();
    let mut tally = |list: &[ox_core::types::UsernameEntry]| {
        for entry in list {
            if let Some(t) = &entry.r#type {
                *counts.entry(t.clone()).or_insert(0u64) += 1;
            }
        }
    };
    tally(&first.list);
    for page in futures::future::join_all(rest).await {
        tally(&page?.list);
    }
    Ok(counts)
}

/// Starts the given reads, each on its own so they run in parallel.
fn start_reads(api: &ApiRef, reads: &[Read], dispatch: &UseReducerDispatcher<PlanState>) {
    for read in reads {
        let api = api.0.clone();
        let dispatch = dispatch.clone();
        let read = *read;
        wasm_bindgen_futures::spawn_local(async move {
            match read {
                Read::Settings => dispatch.dispatch(PlanAction::Settings(api.webmail().await)),
                Read::Names => dispatch.dispatch(PlanAction::Names(api.webmail_names().await)),
                Read::Mailbox => dispatch.dispatch(PlanAction::Mailbox(api.mailbox().await)),
                Read::Limits => {
                    let limits = api.webmail_limits().await;
                    let needed =
                        matches!(&limits, Ok(l) if crate::components::plan_state::counts_needed(l));
                    dispatch.dispatch(PlanAction::Limits(limits));
                    if needed {
                        dispatch.dispatch(PlanAction::Counts(count_types(api).await));
                    }
                }
                Read::Counts => dispatch.dispatch(PlanAction::Counts(count_types(api).await)),
            }
        });
    }
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

#[component]
pub fn WebmailPanel(props: &WebmailPanelProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let hint = use_context::<LanguageHint>();
    let state = use_reducer(PlanState::default);
    // Set synchronously on click, so a second click or Enter before the re-render
    // finds the form locked and sends nothing.
    let in_flight = use_mut_ref(|| false);
    let ids = use_memo((), |_| {
        (unique_id("plan"), unique_id("allow"), unique_id("summary"))
    });
    let (group_id, allow_id, summary_id) = (&ids.0, &ids.1, &ids.2);

    {
        let api = props.api.clone();
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            start_reads(
                &api,
                &[Read::Settings, Read::Names, Read::Limits, Read::Mailbox],
                &dispatch,
            );
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
        let api = props.api.clone();
        let state = state.clone();
        Callback::from(move |_| {
            let reads = state.failed_reads();
            state.dispatch(PlanAction::Retrying(reads.clone()));
            // Counts follow limits by themselves when limits are read again.
            let reads: Vec<Read> = if reads.contains(&Read::Limits) {
                reads.into_iter().filter(|r| *r != Read::Counts).collect()
            } else {
                reads
            };
            start_reads(&api, &reads, &state.dispatcher());
        })
    };

    let config = &props.config;
    let role = config.role;
    let current = state.current();
    let facts = state.facts(config);
    let failures: Vec<(Msg<'static>, Rc<ApiError>)> = [
        (Read::Settings, state.settings.failed()),
        (Read::Names, state.names.failed()),
        (Read::Limits, state.limits.failed()),
        (Read::Mailbox, state.mailbox.failed()),
        (Read::Counts, state.counts.failed()),
    ]
    .into_iter()
    .filter_map(|(read, e)| e.map(|e| (what(read), e.clone())))
    .collect();
    let first_load = matches!(state.settings, Slot::Pending) && current.is_none();

    let heading = i18n.tr(&Msg::WebmailHeading);
    let body = match (&current, &state.choice) {
        (Some(current), Some(choice)) => {
            let locked = state.submit == Submit::InFlight;
            let type_verdicts = verdicts::type_verdicts(current, choice, role, &facts);
            let allow_verdict = verdicts::allow_upgrade_verdict(current, choice, role, &facts);
            let request = verdicts::request_for(current, choice);
            let can_submit = !locked
                && request.is_some()
                && verdicts::choice_verdict(current, choice, role, &facts) == Verdict::Allowed;
            let reason_text = |t: &OxType, v: &Violation| {
                let quota = facts
                    .quotas_mb
                    .get(t)
                    .map(|q| format::megabytes(&i18n.locale, *q));
                i18n.tr(&Msg::Reason {
                    code: v.code,
                    r#type: t.as_str(),
                    limit: facts.limits.get(t).and_then(|l| u64::try_from(*l).ok()),
                    quota: quota.as_deref(),
                })
            };
            let field_errors = match &state.submit {
                Submit::Failed(e) => match &**e {
                    ApiError::BadRequestFields(map) => map.clone(),
                    _ => BTreeMap::new(),
                },
                _ => BTreeMap::new(),
            };

            let options = state.offered_types().into_iter().map(|t| {
                let verdict = type_verdicts
                    .iter()
                    .find(|(vt, _)| *vt == t)
                    .map(|(_, v)| v.clone())
                    .unwrap_or(Verdict::Allowed);
                let forbidden = match &verdict {
                    Verdict::Forbidden(v) => Some(v.clone()),
                    Verdict::Allowed => None,
                };
                let input_id = format!("{group_id}-{}", t.as_str());
                let reason_id = format!("{input_id}-reason");
                let checked = choice.r#type == t;
                let onchange = {
                    let state = state.clone();
                    let t = t.clone();
                    Callback::from(move |_: Event| state.dispatch(PlanAction::ChooseType(t.clone())))
                };
                let name = state.plan_name(&t);
                html! {
                    <div class={classes!("oxp-option", forbidden.is_some().then_some("oxp-option-forbidden"))}>
                        <input type="radio" class="oxp-radio" id={input_id.clone()} name={group_id.clone()}
                            value={t.as_str().to_owned()}
                            data-testid={format!("plan-option-{}", t.as_str())}
                            checked={checked}
                            disabled={locked || (forbidden.is_some() && !checked)}
                            aria-describedby={forbidden.is_some().then(|| reason_id.clone())}
                            onchange={onchange} />
                        <label for={input_id}>{ i18n.tr(&Msg::PlanOption { name: &name, r#type: t.as_str() }) }</label>
                        if let Some(v) = &forbidden {
                            <p class="oxp-reason" id={reason_id}
                                data-testid={format!("plan-option-{}-reason", t.as_str())}
                                data-code={v.code.as_str()}>
                                { reason_text(&t, v) }
                            </p>
                        }
                    </div>
                }
            });

            let allow_forbidden = match &allow_verdict {
                Verdict::Forbidden(v) => Some(v.clone()),
                Verdict::Allowed => None,
            };
            let on_allow = {
                let state = state.clone();
                Callback::from(move |e: Event| {
                    let on = e
                        .target_dyn_into::<web_sys::HtmlInputElement>()
                        .map(|i| i.checked())
                        .unwrap_or(false);
                    state.dispatch(PlanAction::SetAllowUpgrade(on));
                })
            };

            let summary = request.as_ref().map(|_| {
                let from = state.plan_name(&current.r#type);
                let to = state.plan_name(&choice.r#type);
                let type_changes = current.r#type != choice.r#type;
                let downgrade = choice.r#type < current.r#type;
                html! {
                    <div class="oxp-summary" id={summary_id.clone()} data-testid="plan-summary">
                        if type_changes {
                            <p>{ i18n.tr(&Msg::SummaryChange { from: &from, to: &to }) }</p>
                        }
                        if choice.allow_upgrade != current.allow_upgrade {
                            <p>{ i18n.tr(if choice.allow_upgrade { &Msg::SummaryAllowOn } else { &Msg::SummaryAllowOff }) }</p>
                        }
                        if downgrade {
                            <p class="oxp-warning" data-testid="downgrade-warning">{ i18n.tr(&Msg::DowngradeWarning) }</p>
                        }
                    </div>
                }
            });

            let onsubmit = {
                let state = state.clone();
                let in_flight = in_flight.clone();
                let api = props.api.clone();
                let events = props.events.clone();
                let current = current.clone();
                let choice = choice.clone();
                let facts = facts.clone();
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    if *in_flight.borrow() {
                        return;
                    }
                    let Some(update) = verdicts::request_for(&current, &choice) else {
                        return;
                    };
                    if verdicts::choice_verdict(&current, &choice, role, &facts) != Verdict::Allowed
                    {
                        return;
                    }
                    *in_flight.borrow_mut() = true;
                    state.dispatch(PlanAction::SubmitStarted);
                    // What to read again afterwards: a change moves the per-type counts too.
                    let mut rereads = vec![Read::Settings, Read::Mailbox];
                    if !matches!(state.counts, Slot::NotNeeded) {
                        rereads.push(Read::Counts);
                    }
                    let api_ref = api.clone();
                    let api = api.0.clone();
                    let dispatch = state.dispatcher();
                    let in_flight = in_flight.clone();
                    let events = events.clone();
                    let (from, to, allow) = (
                        current.r#type.clone(),
                        choice.r#type.clone(),
                        choice.allow_upgrade,
                    );
                    wasm_bindgen_futures::spawn_local(async move {
                        let body = serde_json::to_string(&update).unwrap_or_default();
                        let result = api.put_webmail(update).await;
                        if let Err(
                            e @ (ApiError::BadRequestFields(_) | ApiError::BadRequestMessage(_)),
                        ) = &result
                        {
                            // The client rules allowed this, so the server knows a rule we do not.
                            web_sys::console::warn_1(
                                &format!("ox-panel: rule gap: the client allowed {body} but the server answered: {e}").into(),
                            );
                        }
                        let reread = matches!(
                            result,
                            Ok(()) | Err(ApiError::Timeout) | Err(ApiError::Network(_))
                        );
                        if result.is_ok() {
                            events.plan_changed(&from, &to, allow);
                        }
                        *in_flight.borrow_mut() = false;
                        dispatch.dispatch(PlanAction::SubmitFinished(result.map(|()| to)));
                        if reread {
                            // Show the server's truth, whatever happened.
                            start_reads(&api_ref, &rereads, &dispatch);
                        }
                    });
                })
            };

            let outcome = match &state.submit {
                Submit::Succeeded { to } => html! {
                    <p class="oxp-success" role="status" data-testid="plan-success">
                        { i18n.tr(&Msg::PlanChanged { to: &state.plan_name(to) }) }
                    </p>
                },
                Submit::Failed(e) => html! {
                    <p class="oxp-error" role="alert" data-testid="plan-error" data-kind={e.kind()}>
                        { i18n.tr(&Msg::Error(e)) }
                    </p>
                },
                Submit::Unknown => html! {
                    <p class="oxp-error" role="alert" data-testid="plan-error" data-kind="unknown">
                        { i18n.tr(&Msg::PlanOutcomeUnknown) }
                    </p>
                },
                _ => html! {},
            };
            let field_error = |field: &str| {
                field_errors.get(field).map(|text| html! {
                    <p class="oxp-field-error" data-testid={format!("field-error-{field}")}>{ text.clone() }</p>
                })
            };

            html! {
                <form class="oxp-form" onsubmit={onsubmit} novalidate=true>
                    <fieldset class="oxp-fieldset" aria-invalid={field_errors.contains_key("type").then_some("true")}>
                        <legend>{ i18n.tr(&Msg::ChoosePlan) }</legend>
                        { for options }
                        { field_error("type").unwrap_or_default() }
                    </fieldset>
                    <div class="oxp-option">
                        <input type="checkbox" class="oxp-checkbox" id={allow_id.clone()} data-testid="allow-upgrade"
                            checked={choice.allow_upgrade}
                            disabled={locked || allow_forbidden.is_some()}
                            aria-describedby={allow_forbidden.is_some().then(|| format!("{allow_id}-reason"))}
                            onchange={on_allow} />
                        <label for={allow_id.clone()}>{ i18n.tr(&Msg::AllowUpgradeLabel) }</label>
                        if let Some(v) = &allow_forbidden {
                            <p class="oxp-reason" id={format!("{allow_id}-reason")} data-testid="allow-upgrade-reason" data-code={v.code.as_str()}>
                                { reason_text(&choice.r#type, v) }
                            </p>
                        }
                        { field_error("allowUpgrade").unwrap_or_default() }
                    </div>
                    { summary.unwrap_or_else(|| html! {
                        <p class="oxp-hint">{ i18n.tr(&Msg::NoChange) }</p>
                    }) }
                    <button type="submit" class="oxp-button oxp-button-primary" data-testid="plan-submit"
                        disabled={!can_submit} aria-describedby={summary_id.clone()}>
                        { i18n.tr(if locked { &Msg::Submitting } else { &Msg::Submit }) }
                    </button>
                    { outcome }
                </form>
            }
        }
        _ => html! {},
    };

    let current_view = current.as_ref().map(|c| {
        let name = state.plan_name(&c.r#type);
        let usage = match state.mailbox.ready() {
            Some(m) => html! {
                <div class="oxp-usage">
                    <span>{ i18n.tr(&Msg::UsageLabel) }{ ": " }</span>
                    <meter class="oxp-meter" min="0" max={m.quota.max(1).to_string()} value={m.usage.to_string()}
                        aria-label={i18n.tr(&Msg::UsageLabel)} data-testid="usage-meter"></meter>
                    <span data-testid="usage-text">{ i18n.tr(&Msg::UsageOf {
                        usage: &format::megabytes(&i18n.locale, m.usage),
                        quota: &format::megabytes(&i18n.locale, m.quota),
                    }) }</span>
                </div>
            },
            None => html! { <p class="oxp-hint">{ i18n.tr(&Msg::UsageUnknown) }</p> },
        };
        html! {
            <div class="oxp-current">
                <p><span class="oxp-label">{ i18n.tr(&Msg::CurrentPlanLabel) }{ ": " }</span>
                   <strong data-testid="current-plan">{ i18n.tr(&Msg::CurrentPlan { name: &name, r#type: c.r#type.as_str() }) }</strong></p>
                <p data-testid="current-allow-upgrade">{ i18n.tr(if c.allow_upgrade { &Msg::UpgradesAllowed } else { &Msg::UpgradesNotAllowed }) }</p>
                { usage }
            </div>
        }
    });

    html! {
        <section class="oxp-panel" data-testid="webmail-panel" aria-labelledby={format!("{group_id}-heading")}>
            <h2 class="oxp-panel-title" id={format!("{group_id}-heading")}>{ heading }</h2>
            if first_load {
                <div class="oxp-skeleton" data-testid="loading" aria-busy="true" role="status">
                    { i18n.tr(&Msg::Loading) }
                </div>
            }
            <LoadFailures failures={failures} on_retry={on_retry} />
            { current_view.unwrap_or_default() }
            { body }
        </section>
    }
}
