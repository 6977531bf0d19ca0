//! What the module needs from the page that hosts it, checked before anything is
//! requested (docs/contract.md, "What a host page may require").

use ox_core::config::PanelConfig;
use ox_core::Locale;
use wasm_bindgen::JsError;
use web_sys::Element;

use crate::i18n::{I18n, Msg};

/// How a browser serialises an opaque origin (`window.origin`).
const OPAQUE_ORIGIN: &str = "null";

/// In an opaque origin (a frame sandboxed without `allow-same-origin`, a `data:` or
/// `file:` page) every request is cross-origin and goes out with `Origin: null`: an API
/// would have to accept the credential from any sandboxed frame on the web. The module
/// sends nothing then; it renders a message, in the configured language, naming what the
/// host must allow, and returns the error `mount` throws.
pub fn refuse_opaque_origin(element: &Element, config: &PanelConfig) -> Option<JsError> {
    let window = element.owner_document()?.default_view()?;
    if window.origin() != OPAQUE_ORIGIN {
        return None;
    }
    let i18n = I18n::from(Locale::resolve(config.locale.as_deref(), None));
    let text = i18n.tr(&Msg::OpaqueOrigin);
    show_alert(element, "host-error", &text, Some((&i18n, "opaque-origin")));
    Some(JsError::new(&format!(
        "ox-panel: {}",
        I18n::default().tr(&Msg::OpaqueOrigin)
    )))
}

/// Why the app does not start, in place of anything the element held: rendered with DOM
/// calls (there is no app to render it), as text, never markup. `spoken`: the language
/// the text is in (`lang`, `dir`) and a `data-reason`, where it is not the default English.
pub fn show_alert(element: &Element, testid: &str, text: &str, spoken: Option<(&I18n, &str)>) {
    element.replace_children_with_node_0();
    let Some(document) = element.owner_document() else {
        return;
    };
    if let Ok(div) = document.create_element("div") {
        div.set_class_name("oxp-root oxp-config-error");
        let _ = div.set_attribute("role", "alert");
        let _ = div.set_attribute("data-testid", testid);
        if let Some((i18n, reason)) = spoken {
            let _ = div.set_attribute("data-reason", reason);
            let _ = div.set_attribute("lang", &i18n.locale);
            let _ = div.set_attribute("dir", i18n.dir());
        }
        div.set_text_content(Some(text));
        let _ = element.append_child(&div);
    }
}
