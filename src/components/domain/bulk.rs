//! The bulk plan change: the selection, the target type, what would happen to each
//! selected mailbox before anything is sent, and the run's progress. Renders state and
//! sends intents; the verdicts are ox-core's and the run is `run.rs`'s.

use std::rc::Rc;

use ox_core::bulk::{BulkPlan, BulkVerdict};
use ox_core::config::PanelConfig;
use ox_core::types::OxType;
use yew::prelude::*;

use super::run::{BulkRun, Phase};
use super::state::{DomainAction, DomainState};
use crate::components::shared::ids::unique_id;
use crate::i18n::{DomainMsg as D, I18n, Msg};

#[derive(Clone, PartialEq, Properties)]
pub struct BulkPanelProps {
    pub state: UseReducerHandle<DomainState>,
    pub config: Rc<PanelConfig>,
    pub run: Option<Rc<BulkRun>>,
    pub on_submit: Callback<()>,
    pub on_cancel: Callback<()>,
    pub on_retry: Callback<()>,
}

/// Whether a new run may start: a plan with something to send, no run active, and the
/// list's facts settled (a re-read after a run must land before the next judgement).
pub fn can_submit(state: &DomainState, plan: Option<&BulkPlan>, run: Option<&BulkRun>) -> bool {
    plan.is_some_and(|p| p.send_count() > 0)
        && !run.is_some_and(BulkRun::is_active)
        && state.page.ready().is_some()
        && !matches!(state.counts, super::state::Slot::Pending)
}

#[component]
pub fn BulkPanel(props: &BulkPanelProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let group = use_memo((), |_| unique_id("bulk-target"));
    let tr = |m: D<'_>| i18n.tr(&Msg::Domain(m));
    let state = &props.state;
    let config = &props.config;
    let run = props.run.as_deref();
    let active = run.is_some_and(BulkRun::is_active);
    let plan = state.bulk_plan(config);
    let facts = state.facts(config);

    let targets = state.offered_types().into_iter().map(|t| {
        let id = format!("{group}-{}", t.as_str());
        let onchange = {
            let state = state.clone();
            let t = t.clone();
            Callback::from(move |_: Event| state.dispatch(DomainAction::ChooseTarget(t.clone())))
        };
        let name = state.plan_name(&t);
        html! {
            <div class="oxp-option">
                <input type="radio" class="oxp-radio" id={id.clone()} name={(*group).clone()}
                    value={t.as_str().to_owned()} data-testid={format!("bulk-target-{}", t.as_str())}
                    checked={state.target.as_ref() == Some(&t)} disabled={active} onchange={onchange} />
                <label for={id}>{ i18n.tr(&Msg::PlanOption { name: &name, r#type: t.as_str() }) }</label>
            </div>
        }
    });

    let reason = |t: &OxType, verdict: &BulkVerdict| -> Option<(String, bool, &'static str)> {
        let BulkVerdict::Refused {
            violation,
            because_of_selection,
        } = verdict
        else {
            return None;
        };
        let limit = facts.limit_for(t);
        let used = facts
            .counts
            .as_ref()
            .map(|c| c.get(t).copied().unwrap_or(0));
        let text = match (because_of_selection, limit, used) {
            (true, Some(limit), Some(used)) => {
                i18n.tr(&Msg::Domain(D::LimitBySelection { limit, used }))
            }
            _ => i18n.tr(&Msg::Reason {
                code: violation.code,
                r#type: t.as_str(),
                limit,
                quota: None,
            }),
        };
        Some((text, *because_of_selection, violation.code.as_str()))
    };

    let preview = match (&plan, &state.target) {
        (_, _) if state.selected.is_empty() => html! {
            <p class="oxp-hint" data-testid="bulk-preview">{ tr(D::SelectRowsFirst) }</p>
        },
        (Some(plan), Some(target)) => {
            let refused = plan.rows.iter().filter_map(|row| {
                reason(target, &row.verdict).map(|(text, selection, code)| html! {
                    <li data-testid="bulk-refused" data-username={row.username.clone()} data-code={code}
                        data-selection={selection.to_string()}>
                        { tr(D::RefusedRow { name: &row.username, reason: &text }) }
                    </li>
                })
            });
            html! {
                <div class="oxp-summary" data-testid="bulk-preview" data-send={plan.send_count().to_string()}
                    data-refused={plan.refused_count().to_string()}>
                    <p data-testid="bulk-preview-send">{ tr(D::PreviewSend { n: plan.send_count() - plan.server_decides_count() }) }</p>
                    if plan.server_decides_count() > 0 {
                        <p data-testid="bulk-preview-server">{ tr(D::PreviewServer { n: plan.server_decides_count() }) }</p>
                    }
                    if plan.unchanged_count() > 0 {
                        <p data-testid="bulk-preview-unchanged">{ tr(D::PreviewUnchanged { n: plan.unchanged_count() }) }</p>
                    }
                    if plan.refused_count() > 0 {
                        <p class="oxp-warning" data-testid="bulk-preview-refused">{ tr(D::PreviewRefused { n: plan.refused_count() }) }</p>
                        <ul class="oxp-list">{ for refused }</ul>
                    }
                </div>
            }
        }
        _ => {
            html! { <p class="oxp-hint" data-testid="bulk-preview">{ tr(D::ChooseTargetFirst) }</p> }
        }
    };

    let submit_label = match (&plan, &state.target) {
        (Some(p), Some(t)) => tr(D::Submit {
            n: p.send_count(),
            plan: &state.plan_name(t),
        }),
        _ => tr(D::Submit {
            n: 0,
            plan: &tr(D::NotKnown),
        }),
    };
    let enabled = can_submit(state, plan.as_ref(), run);
    let on_submit = {
        let cb = props.on_submit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            cb.emit(());
        })
    };
    let on_clear = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(DomainAction::ClearSelection))
    };

    let progress = run.map(|run| {
        let t = run.tally();
        let phase = run.phase();
        let phase_text = tr(match phase {
            Phase::Running => D::PhaseRunning,
            Phase::Stopping => D::PhaseStopping,
            Phase::Finished => D::PhaseFinished,
            Phase::Cancelled => D::PhaseCancelled,
            Phase::Unauthorized => D::PhaseUnauthorized,
        });
        let cancel = props.on_cancel.reform(|_: MouseEvent| ());
        let retry = props.on_retry.reform(|_: MouseEvent| ());
        let retryable = run.retryable_count();
        html! {
            <div class="oxp-progress" data-testid="bulk-progress" data-phase={phase.code()}
                aria-live="polite" role="status">
                <progress class="oxp-progress-bar" max={t.total.max(1).to_string()}
                    value={t.finished().to_string()} aria-label={tr(D::ProgressLabel)}></progress>
                <p data-testid="bulk-progress-text">
                    { tr(D::Progress { finished: t.finished(), total: t.total, done: t.done, failed: t.failed, cancelled: t.cancelled }) }
                    { " " }{ phase_text }
                </p>
                if phase == Phase::Running {
                    <button type="button" class="oxp-button" data-testid="bulk-cancel" onclick={cancel}>
                        { tr(D::Cancel) }
                    </button>
                }
                if !run.is_active() && retryable > 0 {
                    <button type="button" class="oxp-button" data-testid="bulk-retry" onclick={retry}>
                        { tr(D::RetryFailed { n: retryable }) }
                    </button>
                }
            </div>
        }
    });

    html! {
        <section class="oxp-bulk" data-testid="bulk-panel" aria-label={tr(D::BulkHeading)}>
            <h3 class="oxp-subheading">{ tr(D::BulkHeading) }</h3>
            <p>
                <span data-testid="bulk-selected">{ tr(D::SelectedCount { n: state.selected.len() }) }</span>
                { " " }
                <button type="button" class="oxp-button" data-testid="bulk-clear"
                    disabled={active || state.selected.is_empty()} onclick={on_clear}>
                    { tr(D::ClearSelection) }
                </button>
            </p>
            <form class="oxp-form" onsubmit={on_submit} novalidate=true>
                <fieldset class="oxp-fieldset">
                    <legend>{ tr(D::TargetLegend) }</legend>
                    { for targets }
                </fieldset>
                { preview }
                <button type="submit" class="oxp-button oxp-button-primary" data-testid="bulk-submit"
                    disabled={!enabled}>
                    { submit_label }
                </button>
            </form>
            { progress.unwrap_or_default() }
        </section>
    }
}
