//! The emulator's shared state: the current data set, the BlackBerry action log,
//! the request log and the fault rules. One `AppState` is cloned into every handler.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::{
    blackberry_log::ActionLog, cli::ServeOptions, faults::FaultRule, fixture::Fixture,
    request_log::LoggedRequest,
};

/// Everything a handler may read or change. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    options: ServeOptions,
    data: Mutex<Fixture>,
    actions: Mutex<ActionLog>,
    requests: Mutex<Vec<LoggedRequest>>,
    faults: Mutex<Vec<FaultRule>>,
}

/// Locks a mutex; a handler that panicked while holding it cannot have left the
/// data half-written in a way that matters to an emulator, so poisoning is ignored.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl AppState {
    /// A state holding `fixture`, with empty logs and no faults, serving the API only.
    pub fn new(fixture: Fixture) -> AppState {
        AppState::with_options(fixture, ServeOptions::default())
    }

    /// A state holding `fixture`, serving as `options` say.
    pub fn with_options(fixture: Fixture, options: ServeOptions) -> AppState {
        AppState {
            inner: Arc::new(Inner {
                options,
                data: Mutex::new(fixture),
                actions: Mutex::new(ActionLog::default()),
                requests: Mutex::new(Vec::new()),
                faults: Mutex::new(Vec::new()),
            }),
        }
    }

    /// How the router serves what is not the API.
    pub fn options(&self) -> &ServeOptions {
        &self.inner.options
    }

    /// The data set, locked. Hold it briefly; never across an `.await`.
    pub fn data(&self) -> MutexGuard<'_, Fixture> {
        lock(&self.inner.data)
    }

    /// The BlackBerry action log, locked.
    pub fn actions(&self) -> MutexGuard<'_, ActionLog> {
        lock(&self.inner.actions)
    }

    /// The request log, locked.
    pub fn requests(&self) -> MutexGuard<'_, Vec<LoggedRequest>> {
        lock(&self.inner.requests)
    }

    /// The fault rules, locked.
    pub fn faults(&self) -> MutexGuard<'_, Vec<FaultRule>> {
        lock(&self.inner.faults)
    }

    /// Replaces the data set and clears the action log, the request log and the
    /// fault rules.
    pub fn reset(&self, fixture: Fixture) {
        *self.data() = fixture;
        *self.actions() = ActionLog::default();
        self.requests().clear();
        self.faults().clear();
    }
}
