//! "Could not load X" with the reason and a way to try again; shared by the panels.

use ox_core::error::ApiError;
use yew::prelude::*;

use crate::components::shared::server_words;
use crate::i18n::{I18n, Msg};

#[derive(Clone, PartialEq, Properties)]
pub struct LoadFailuresProps {
    /// What failed (a `What…` message) and why.
    pub failures: Vec<(Msg<'static>, std::rc::Rc<ApiError>)>,
    pub on_retry: Callback<()>,
}

#[component]
pub fn LoadFailures(props: &LoadFailuresProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let retry = props.on_retry.reform(|_: MouseEvent| ());
    // The live region is always in the page, so a failure put in it is announced; a
    // failed read is no destructive action's failure: politely.
    html! {
        <div class="oxp-load-status" role="status" aria-live="polite">
        if !props.failures.is_empty() {
        <div class="oxp-load-failures" data-testid="load-error">
            <ul class="oxp-list">
            { for props.failures.iter().map(|(what, error)| html! {
                <li>
                    { i18n.tr(&Msg::LoadFailed { what }) }
                    { " " }
                    { i18n.tr(&Msg::Error(error)) }
                    { server_words::of_error(&i18n, error) }
                </li>
            }) }
            </ul>
            <button type="button" class="oxp-button" data-testid="retry" onclick={retry}>
                { i18n.tr(&Msg::TryAgain) }
            </button>
        </div>
        }
        </div>
    }
}
