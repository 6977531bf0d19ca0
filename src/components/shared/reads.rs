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
}

/// Starts each read on its own, so they run in parallel; each answer goes to the
/// reducer. No read waits for another's answer (P3 in the README's "Performance").
pub fn start_reads<S: Reads>(
    api: &ApiRef,
    reads: Vec<S::Read>,
    dispatch: &UseReducerDispatcher<S>,
) {
    for read in reads {
        let api = api.clone();
        let dispatch = dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            dispatch.dispatch(S::fetch(api, read).await);
        });
    }
}
