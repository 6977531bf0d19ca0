//! The one way in: `mount(element, config)`. The standalone page goes through it too.

use std::cell::RefCell;
use std::rc::Rc;

use ox_core::config::{ConfigError, PanelConfig};
use ox_core::secret::Secret;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

use crate::api::http::{AuthCell, HttpApi};
use crate::app::{ApiRef, App, AppProps};
use crate::config_source;
use crate::events::Events;
use crate::i18n::{I18n, Msg};

/// What `mount` returns to the host.
#[wasm_bindgen]
pub struct MountHandle {
    app: Option<AppHandle<App>>,
    auth: AuthCell,
    element: Element,
}

#[wasm_bindgen]
impl MountHandle {
    /// Removes the instance, its listeners and everything it rendered.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.element.set_inner_html("");
    }

    /// Replaces the `Authorization` value for the requests that follow (e.g. after
    /// `oxpanel:auth-required`); `null` falls back to the browser's own credentials.
    #[wasm_bindgen(js_name = setAuthorization)]
    pub fn set_authorization(&self, value: Option<String>) {
        *self.auth.borrow_mut() = value.filter(|v| !v.is_empty()).map(Secret::new);
    }
}

/// Mounts one panel into `element`. A bad configuration is shown in the element and
/// thrown as an `Error` naming the key.
#[wasm_bindgen]
pub fn mount(element: Element, config: JsValue) -> Result<MountHandle, JsError> {
    let parsed = config_source::from_js(&config);
    start(element, parsed)
}

/// The standalone page: configuration from `#ox-panel-config` and the query string.
#[wasm_bindgen(js_name = mountStandalone)]
pub fn mount_standalone(element: Element) -> Result<MountHandle, JsError> {
    let parsed = match web_sys::window().and_then(|w| w.document().map(|d| (w, d))) {
        Some((window, document)) => {
            let search = window.location().search().unwrap_or_default();
            config_source::from_page(&document, &search)
        }
        None => Err(ConfigError::Invalid { key: "window".into(), reason: "no document".into() }),
    };
    start(element, parsed)
}

fn start(element: Element, parsed: Result<PanelConfig, ConfigError>) -> Result<MountHandle, JsError> {
    let config = match parsed {
        Ok(config) => config,
        Err(error) => {
            let text = error.to_string();
            show_config_error(&element, &text);
            return Err(JsError::new(&text));
        }
    };
    let auth: AuthCell = Rc::new(RefCell::new(config.authorization.clone()));
    let events = Events::new(element.clone().into());
    let on_unauthorized = {
        let events = events.clone();
        Rc::new(move || events.auth_required())
    };
    let api = HttpApi::new(&config, auth.clone(), on_unauthorized);
    let props = AppProps { config: Rc::new(config), api: ApiRef::new(api), events };
    let app = yew::Renderer::<App>::with_root_and_props(element.clone(), props).render();
    Ok(MountHandle { app: Some(app), auth, element })
}

/// Rendered with DOM calls, not Yew, since there is no valid configuration to run on.
fn show_config_error(element: &Element, detail: &str) {
    let text = I18n::default().tr(&Msg::ConfigError { detail });
    element.set_inner_html("");
    let Some(document) = element.owner_document() else { return };
    if let Ok(div) = document.create_element("div") {
        div.set_class_name("oxp-root oxp-config-error");
        let _ = div.set_attribute("role", "alert");
        let _ = div.set_attribute("data-testid", "config-error");
        div.set_text_content(Some(&text));
        let _ = element.append_child(&div);
    }
}
