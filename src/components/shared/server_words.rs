//! The server's own words, where the catalogue has no translation for them: shown as
//! text after a translated label, in a language the panel does not know (`lang=""`,
//! `dir="auto"`), so neither screen readers nor the bidi algorithm take them for the
//! panel's language.

use ox_core::error::ApiError;
use yew::prelude::*;

use crate::i18n::{server_words, I18n, Msg};

/// Nothing when the error carries no untranslated server text.
pub fn of_error(i18n: &I18n, error: &ApiError) -> Html {
    match server_words(error) {
        Some(words) => view(i18n, &words),
        None => html! {},
    }
}

pub fn view(i18n: &I18n, words: &str) -> Html {
    html! {
        <span class="oxp-server-words" data-testid="server-words">
            { " " }{ i18n.tr(&Msg::ServerWordsLabel) }{ " " }
            <q lang="" dir="auto">{ words.to_owned() }</q>
        </span>
    }
}
