//! The domain view (no mailbox configured, or `sections` naming `"domain"`): the
//! domain's plan limits, its mailboxes one page at a time, a bulk plan change of the
//! selected ones, and any one mailbox opened in the usual panels.

use std::cell::RefCell;
use std::rc::Rc;

use futures::future::LocalBoxFuture;
use ox_core::config::PanelConfig;
use ox_core::error::ApiError;
use yew::prelude::*;

use crate::api::counts::count_types;
use crate::api::ApiRef;
use crate::components::domain::bulk::{can_submit, BulkPanel};
use crate::components::domain::limits::LimitsSummary;
use crate::components::domain::list::MailboxList;
use crate::components::domain::location::{self, Listener};
use crate::components::domain::nav::Nav;
use crate::components::domain::opened::OpenedMailbox;
use crate::components::domain::run::{BulkRun, RunEvent};
use crate::components::domain::state::{DomainAction, DomainState};
use crate::components::shared::load_failure::LoadFailures;
use crate::events::Events;
use crate::i18n::{I18n, Msg};

#[derive(Clone, PartialEq, Properties)]
pub struct DomainViewProps {
    pub config: Rc<PanelConfig>,
    pub api: ApiRef,
    /// Where `oxpanel:navigate` and the opened panels' events go.
    #[prop_or_default]
    pub events: Events,
}

type RunCell = Rc<RefCell<Option<BulkRun>>>;

/// Which of the domain's facts to read.
#[derive(Clone, Copy)]
struct Facts {
    names: bool,
    limits: bool,
    counts: bool,
}

impl Facts {
    const ALL: Facts = Facts {
        names: true,
        limits: true,
        counts: true,
    };
}

/// Reads the names, the limits and the per-type counts side by side: the counts do not
/// wait for the limits (the reducer drops them where no limit needs them, see
/// `plan_state::counts_on_limits`).
fn read_facts(api: &ApiRef, dispatch: &UseReducerDispatcher<DomainState>, which: Facts) {
    let spawn = |read: LocalBoxFuture<'static, DomainAction>| {
        let dispatch = dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move { dispatch.dispatch(read.await) });
    };
    if which.names {
        let api = api.0.clone();
        spawn(Box::pin(async move {
            DomainAction::Names(api.webmail_names().await)
        }));
    }
    if which.limits {
        let api = api.0.clone();
        spawn(Box::pin(async move {
            DomainAction::Limits(api.webmail_limits().await)
        }));
    }
    if which.counts {
        let api = api.0.clone();
        spawn(Box::pin(async move {
            DomainAction::Counts(count_types(&*api).await)
        }));
    }
}

fn read_counts(api: &ApiRef, dispatch: &UseReducerDispatcher<DomainState>) {
    dispatch.dispatch(DomainAction::CountsPending);
    read_facts(
        api,
        dispatch,
        Facts {
            names: false,
            limits: false,
            counts: true,
        },
    );
}

/// What the run needs to send rows and report back.
#[derive(Clone)]
struct Driver {
    run: RunCell,
    api: ApiRef,
    redraw: UseForceUpdateHandle,
    on_finished: Callback<Vec<(String, ox_core::types::WebmailUpdate)>>,
}

impl Driver {
    /// Sends the rows the run handed out, each once; every answer may hand out more.
    fn send(&self, indices: Vec<usize>) {
        for index in indices {
            let row = self
                .run
                .borrow()
                .as_ref()
                .and_then(|r| r.rows.get(index))
                .map(|r| (r.username.clone(), r.update.clone()));
            let Some((username, update)) = row else {
                continue;
            };
            let me = self.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = me.api.for_mailbox(&username).put_webmail(update).await;
                let (next, finished) = {
                    let mut cell = me.run.borrow_mut();
                    let Some(run) = cell.as_mut() else { return };
                    let next = run.step(RunEvent::Answered { index, result });
                    let finished = (!run.is_active()).then(|| {
                        run.rows
                            .iter()
                            .filter(|r| r.state == crate::components::domain::run::RowState::Done)
                            .map(|r| (r.username.clone(), r.update.clone()))
                            .collect::<Vec<_>>()
                    });
                    (next, finished)
                };
                me.redraw.force_update();
                if let Some(done) = finished {
                    me.on_finished.emit(done);
                }
                me.send(next);
            });
        }
    }
}

#[component]
pub fn DomainView(props: &DomainViewProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let standalone = location::is_standalone();
    let state = use_reducer(move || {
        DomainState::at(if standalone {
            location::read()
        } else {
            Nav::default()
        })
    });
    let run: RunCell = use_mut_ref(|| None);
    let redraw = use_force_update();
    let last_nav = use_mut_ref(|| None::<Nav>);

    {
        let api = props.api.clone();
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| read_facts(&api, &dispatch, Facts::ALL));
    }
    {
        // One request per query; its answer is dropped if a newer query came first.
        let api = props.api.clone();
        let dispatch = state.dispatcher();
        let query = state.api_query();
        use_effect_with(state.seq, move |seq| {
            let seq = *seq;
            wasm_bindgen_futures::spawn_local(async move {
                let result = api.usernames(query).await;
                dispatch.dispatch(DomainAction::Loaded { seq, result });
            });
        });
    }
    {
        // The position goes to the address (standalone) and to the host (event).
        let events = props.events.clone();
        let last_nav = last_nav.clone();
        use_effect_with(state.nav(), move |nav| {
            let previous = last_nav.borrow_mut().replace(nav.clone());
            if standalone {
                location::write(nav, previous.as_ref());
            }
            if previous.as_ref() != Some(nav) {
                events.navigate(
                    nav.mailbox.as_deref(),
                    nav.query.page,
                    nav.query.sort.as_str(),
                    &nav.query.filter,
                );
            }
        });
    }
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = standalone
                .then(|| Listener::new(move |nav| dispatch.dispatch(DomainAction::Navigate(nav))))
                .flatten();
            move || drop(listener)
        });
    }

    let on_finished = {
        let api = props.api.clone();
        let dispatch = state.dispatcher();
        let counts_read = !matches!(
            state.counts,
            crate::components::domain::state::Slot::NotNeeded
        );
        Callback::from(move |done: Vec<(String, ox_core::types::WebmailUpdate)>| {
            dispatch.dispatch(DomainAction::Applied(done));
            dispatch.dispatch(DomainAction::Reload);
            if counts_read {
                read_counts(&api, &dispatch);
            }
        })
    };
    let driver = Driver {
        run: run.clone(),
        api: props.api.clone(),
        redraw: redraw.clone(),
        on_finished,
    };
    let snapshot: Option<Rc<BulkRun>> = run.borrow().clone().map(Rc::new);

    let on_submit = {
        let state = state.clone();
        let config = props.config.clone();
        let driver = driver.clone();
        Callback::from(move |()| {
            // Checked again here, synchronously: a second click finds the run active.
            let plan = state.bulk_plan(&config);
            if !can_submit(&state, plan.as_ref(), driver.run.borrow().as_ref()) {
                return;
            }
            let Some(plan) = plan else { return };
            let (new_run, first) = BulkRun::start(
                plan.to_send()
                    .map(|(u, update)| (u.to_owned(), update.clone())),
            );
            *driver.run.borrow_mut() = Some(new_run);
            driver.redraw.force_update();
            driver.send(first);
        })
    };
    let on_cancel = {
        let driver = driver.clone();
        Callback::from(move |()| {
            if let Some(run) = driver.run.borrow_mut().as_mut() {
                run.step(RunEvent::Cancel);
            }
            driver.redraw.force_update();
        })
    };
    let on_retry = {
        let driver = driver.clone();
        Callback::from(move |()| {
            let next = driver
                .run
                .borrow_mut()
                .as_mut()
                .map(|r| r.step(RunEvent::RetryFailed))
                .unwrap_or_default();
            driver.redraw.force_update();
            driver.send(next);
        })
    };
    let on_open = {
        let state = state.clone();
        Callback::from(move |m: String| state.dispatch(DomainAction::Open(m)))
    };
    let on_back = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(DomainAction::Back))
    };
    let on_retry_facts = {
        let api = props.api.clone();
        let state = state.clone();
        Callback::from(move |()| {
            let which = Facts {
                names: state.names.failed().is_some(),
                limits: state.limits.failed().is_some(),
                counts: state.counts.failed().is_some(),
            };
            state.dispatch(DomainAction::RetryingFacts);
            read_facts(&api, &state.dispatcher(), which);
        })
    };

    let failures: Vec<(Msg<'static>, Rc<ApiError>)> = [
        (Msg::WhatPlanNames, state.names.failed()),
        (Msg::WhatPlanLimits, state.limits.failed()),
        (Msg::WhatCounts, state.counts.failed()),
    ]
    .into_iter()
    .filter_map(|(what, e)| e.map(|e| (what, e.clone())))
    .collect();
    let active = snapshot.as_ref().is_some_and(|r| r.is_active());

    html! {
        <section class="oxp-panel" data-testid="domain-panel" aria-label={i18n.tr(&Msg::DomainHeading)}>
            <h2 class="oxp-panel-title">{ i18n.tr(&Msg::DomainHeading) }</h2>
            if let Some(mailbox) = state.open.clone() {
                <OpenedMailbox key={mailbox.clone()} mailbox={mailbox.clone()} config={props.config.clone()}
                    api={props.api.clone()} events={props.events.clone()} on_back={on_back} />
            } else {
                <LoadFailures failures={failures} on_retry={on_retry_facts} />
                <LimitsSummary state={state.clone()} />
                <MailboxList state={state.clone()} run={snapshot.clone()} domain={props.config.domain.clone()}
                    on_open={on_open} locked={active} />
                <BulkPanel state={state.clone()} config={props.config.clone()} run={snapshot}
                    on_submit={on_submit} on_cancel={on_cancel} on_retry={on_retry} />
            }
        </section>
    }
}
