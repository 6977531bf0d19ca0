//! Starting a panel's reads: the one helper both panels use. What to read is the
//! state's decision ([`Reads`]); this only runs the reads and hands their answers back.

use futures::future::LocalBoxFuture;
use yew::prelude::*;

use crate::api::ApiRef;

/// A panel state that knows its reads.
pub trait Reads: Reducible + 'static {
    type Read: Copy + 'static;
    /// One read, answered as the message the reducer takes.
    fn fetch(api: ApiRef, read: Self::Read) -> LocalBoxFuture<'static, Self::Action>;
    /// The reads an answer calls for next (e.g. the counts once the limits need them).
    fn follow_ups(_answer: &Self::Action) -> Vec<Self::Read> {
        Vec::new()
    }
}

/// Starts each read on its own, so they run in parallel; each answer goes to the
/// reducer, then its follow-ups start.
pub fn start_reads<S: Reads>(
    api: &ApiRef,
    reads: Vec<S::Read>,
    dispatch: &UseReducerDispatcher<S>,
) {
    for read in reads {
        let api = api.clone();
        let dispatch = dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let answer = S::fetch(api.clone(), read).await;
            let next = S::follow_ups(&answer);
            dispatch.dispatch(answer);
            start_reads(&api, next, &dispatch);
        });
    }
}
