//! The mailbox list: filter, sort, page size, one page of rows, paging.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use ox_core::error::ApiError;
use ox_core::types::{SortField, UsernameEntry};
use yew::prelude::*;

use super::nav::PAGE_SIZES;
use super::run::{BulkRun, RowState};
use super::state::{DomainAction, DomainState, Slot};
use crate::components::shared::ids::unique_id;
use crate::components::shared::load_failure::LoadFailures;
use crate::components::shared::server_words;
use crate::format;
use crate::i18n::{DomainMsg as D, I18n, Msg};

/// How long typing must pause before the filter is asked for.
pub const FILTER_DEBOUNCE_MS: u32 = 300;

#[derive(Clone, PartialEq, Properties)]
pub struct MailboxListProps {
    pub state: UseReducerHandle<DomainState>,
    /// The bulk run, for each row's outcome (`None`: no run yet).
    pub run: Option<Rc<BulkRun>>,
    pub domain: String,
    pub on_open: Callback<String>,
    /// Selection is locked while a run is active.
    pub locked: bool,
}

fn select_value(e: &Event) -> Option<String> {
    e.target_dyn_into::<web_sys::HtmlSelectElement>()
        .map(|s| s.value())
}

fn result_text(i18n: &I18n, state: &RowState) -> String {
    let m = match state {
        RowState::Queued => D::ResultQueued,
        RowState::Sending => D::ResultSending,
        RowState::Done => D::ResultDone,
        RowState::Cancelled => D::ResultCancelled,
        RowState::Failed(e) if matches!(**e, ApiError::Timeout | ApiError::Network(_)) => {
            D::ResultUnknown
        }
        RowState::Failed(e) => {
            let error = i18n.tr(&Msg::Error(e));
            return i18n.tr(&Msg::Domain(D::ResultFailed { error: &error }));
        }
    };
    i18n.tr(&Msg::Domain(m))
}

#[component]
pub fn MailboxList(props: &MailboxListProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let state = &props.state;
    let debounce = use_mut_ref(|| None::<Timeout>);
    let hint_id = use_memo((), |_| unique_id("filter-hint"));
    let tr = |m: D<'_>| i18n.tr(&Msg::Domain(m));

    let on_filter_input = {
        let state = state.clone();
        let debounce = debounce.clone();
        Callback::from(move |e: InputEvent| {
            let value = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            state.dispatch(DomainAction::FilterTyped(value));
            let dispatcher = state.dispatcher();
            // Replacing the timer drops (and so cancels) the previous one.
            *debounce.borrow_mut() = Some(Timeout::new(FILTER_DEBOUNCE_MS, move || {
                dispatcher.dispatch(DomainAction::FilterApplied)
            }));
        })
    };
    let on_filter_submit = {
        let state = state.clone();
        let debounce = debounce.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            debounce.borrow_mut().take();
            state.dispatch(DomainAction::FilterApplied);
        })
    };
    let on_sort = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Some(sort) = select_value(&e).and_then(|v| SortField::parse(&v)) {
                state.dispatch(DomainAction::SetSort(sort));
            }
        })
    };
    let on_size = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Some(size) = select_value(&e).and_then(|v| v.parse::<u32>().ok()) {
                state.dispatch(DomainAction::SetPageSize(size));
            }
        })
    };
    let page = state.query.page;
    let pages = state.page_count();
    let go = |to: u32| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(DomainAction::SetPage(to)))
    };
    let on_select_page = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let on = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .map(|i| i.checked())
                .unwrap_or(false);
            state.dispatch(DomainAction::SelectPage(on));
        })
    };

    let controls = html! {
        <form class="oxp-list-controls" onsubmit={on_filter_submit} role="search">
            <label class="oxp-control">
                <span>{ tr(D::FilterLabel) }</span>
                <input type="search" class="oxp-input" data-testid="mailbox-filter"
                    value={state.filter_text.clone()} maxlength="64"
                    aria-describedby={(*hint_id).clone()} oninput={on_filter_input} />
            </label>
            <span class="oxp-hint" id={(*hint_id).clone()}>{ tr(D::FilterHint) }</span>
            <label class="oxp-control">
                <span>{ tr(D::SortLabel) }</span>
                <select class="oxp-select" data-testid="sort" onchange={on_sort}>
                    <option value="username" selected={state.query.sort == SortField::Username}>{ tr(D::SortUsername) }</option>
                    <option value="quota" selected={state.query.sort == SortField::Quota}>{ tr(D::SortQuota) }</option>
                </select>
            </label>
            <label class="oxp-control">
                <span>{ tr(D::PageSizeLabel) }</span>
                <select class="oxp-select" data-testid="page-size" onchange={on_size}>
                    { for PAGE_SIZES.iter().map(|s| html! {
                        <option value={s.to_string()} selected={state.query.page_size == *s}>{ s.to_string() }</option>
                    }) }
                </select>
            </label>
        </form>
    };

    let row =
        |entry: &UsernameEntry| {
            let name = entry.username.clone();
            let selected = state.is_selected(&name);
            let on_toggle = {
                let state = state.clone();
                let entry = entry.clone();
                Callback::from(move |_: Event| state.dispatch(DomainAction::Toggle(entry.clone())))
            };
            let on_open = {
                let cb = props.on_open.clone();
                let name = name.clone();
                Callback::from(move |_: MouseEvent| cb.emit(name.clone()))
            };
            let plan = entry
                .r#type
                .as_ref()
                .map_or_else(|| tr(D::NotKnown), |t| state.plan_name(t));
            let flag = |v: Option<bool>| match v {
                Some(true) => tr(D::Yes),
                Some(false) => tr(D::No),
                None => tr(D::NotKnown),
            };
            let quota = entry
                .quota
                .map_or_else(|| tr(D::NotKnown), |q| format::megabytes(&i18n.locale, q));
            let outcome = props.run.as_ref().and_then(|r| r.row(&name)).map(|r| html! {
            <span class={classes!("oxp-bulk-result", format!("oxp-bulk-{}", r.state.code()))}
                data-testid="bulk-result" data-state={r.state.code()}>
                { result_text(&i18n, &r.state) }
                if let RowState::Failed(e) = &r.state {
                    { server_words::of_error(&i18n, e) }
                }
            </span>
        });
            html! {
                <tr data-testid="mailbox-row" data-username={name.clone()}
                    data-type={entry.r#type.as_ref().map(|t| t.as_str().to_owned())}>
                    <td>
                        <input type="checkbox" class="oxp-checkbox" data-testid="bulk-select"
                            checked={selected} disabled={props.locked}
                            aria-label={tr(D::SelectRow { name: &name })} onchange={on_toggle} />
                    </td>
                    <td>
                        <button type="button" class="oxp-link" data-testid="open-mailbox"
                            aria-label={tr(D::OpenMailbox { name: &name })} onclick={on_open}>
                            { name.clone() }
                        </button>
                    </td>
                    <td data-testid="row-plan">{ plan }</td>
                    <td data-testid="row-quota">{ quota }</td>
                    <td>{ flag(entry.allow_upgrade) }</td>
                    <td>{ flag(entry.master) }</td>
                    <td>{ outcome.unwrap_or_default() }</td>
                </tr>
            }
        };

    let body = match &state.page {
        Slot::Pending => html! {
            <div class="oxp-skeleton" data-testid="loading" role="status">
                { i18n.tr(&Msg::Loading) }
            </div>
        },
        Slot::Failed(e) => {
            let state = state.clone();
            html! {
                <LoadFailures failures={vec![(Msg::Domain(D::WhatList), e.clone())]}
                    on_retry={Callback::from(move |_| state.dispatch(DomainAction::Reload))} />
            }
        }
        Slot::Ready(list) if list.list.is_empty() => html! {
            <p class="oxp-hint" data-testid="list-empty" role="status">
                { tr(if state.query.filter.is_empty() { D::Empty } else { D::EmptyFilter }) }
            </p>
        },
        Slot::Ready(list) => html! {
            // A narrow screen scrolls the table in this box, not the page.
            <div class="oxp-table-scroll">
            <table class="oxp-table" data-testid="mailbox-list" data-page={page.to_string()}
                data-total={list.total_count.to_string()}>
                <caption class="oxp-visually-hidden">{ tr(D::ListCaption { domain: &props.domain }) }</caption>
                <thead>
                    <tr>
                        <th scope="col">
                            <input type="checkbox" class="oxp-checkbox" data-testid="bulk-select-page"
                                checked={state.page_selected()} disabled={props.locked}
                                aria-label={tr(D::SelectPage)} onchange={on_select_page} />
                        </th>
                        <th scope="col">{ tr(D::ColUsername) }</th>
                        <th scope="col">{ tr(D::ColPlan) }</th>
                        <th scope="col">{ tr(D::ColQuota) }</th>
                        <th scope="col">{ tr(D::ColAllowUpgrade) }</th>
                        <th scope="col">{ tr(D::ColMaster) }</th>
                        <th scope="col"><span class="oxp-visually-hidden">{ tr(D::ProgressLabel) }</span></th>
                    </tr>
                </thead>
                <tbody>
                    { for list.list.iter().map(row) }
                </tbody>
            </table>
            </div>
        },
        Slot::NotNeeded => html! {},
    };

    let total = state.page.ready().map_or(0, |l| l.total_count);
    html! {
        <div class="oxp-mailboxes">
            { controls }
            { body }
            <nav class="oxp-pager" aria-label={tr(D::PageOf { page, pages, total })}>
                <button type="button" class="oxp-button" data-testid="page-prev"
                    disabled={page <= 1} onclick={go(page.saturating_sub(1).max(1))}>
                    { tr(D::PrevPage) }
                </button>
                <span data-testid="page-info" aria-live="polite">{ tr(D::PageOf { page, pages, total }) }</span>
                <button type="button" class="oxp-button" data-testid="page-next"
                    disabled={page >= pages} onclick={go(page.saturating_add(1))}>
                    { tr(D::NextPage) }
                </button>
            </nav>
        </div>
    }
}
