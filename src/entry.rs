//! The one way in: `mount(element, config)`. The standalone page goes through it too.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use ox_core::config::{check_authorization, ConfigError, PanelConfig};
use ox_core::secret::Secret;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

use crate::api::early::EarlyReads;
use crate::api::http::{AuthCell, HttpApi};
use crate::api::ApiRef;
use crate::app::{App, AppProps};
use crate::config_source;
use crate::events::Events;
use crate::i18n::{I18n, Msg};

/// What `mount` returns to the host.
#[wasm_bindgen]
pub struct MountHandle {
    app: Option<AppHandle<App>>,
    /// What the app was last rendered with; `setLocale` renders it again with another locale.
    props: AppProps,
    auth: AuthCell,
    /// The child of the host's element Yew renders into (see [`start`]).
    container: Element,
    /// Cleared by `unmount`: from then on the instance starts no request.
    open: Rc<Cell<bool>>,
    /// The boot script's reads; those not taken over are aborted by `unmount`.
    early: Rc<EarlyReads>,
}

#[wasm_bindgen]
impl MountHandle {
    /// Removes the instance, its listeners and everything it rendered.
    pub fn unmount(&mut self) {
        self.open.set(false);
        self.early.abort_all();
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        // Yew's delegated listeners sit on the container and go with it: the host's
        // element is left as it was before `mount`, empty and without listeners.
        self.container.remove();
    }

    /// Shows every text in another language without remounting or reading anything
    /// again: `de_DE`, `ar`, `en_US` (or BCP 47, any region: `de_AT` → `de_DE`). `null`
    /// goes back to the chain without a configured locale (the account's language, else
    /// `en_US`). A malformed or unknown value means `en_US`; it never throws.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&mut self, locale: Option<String>) {
        self.props.locale = locale;
        if let Some(app) = self.app.as_mut() {
            app.update(self.props.clone());
        }
    }

    /// Replaces the `Authorization` value for the requests that follow (e.g. after
    /// `oxpanel:auth-required`); `null` falls back to the browser's own credentials.
    /// A value no HTTP header can carry (a line break, a character beyond Latin-1) is
    /// refused: the call throws an `Error` naming `authorization` and the value in use
    /// stays.
    #[wasm_bindgen(js_name = setAuthorization)]
    pub fn set_authorization(&self, value: Option<String>) -> Result<(), JsError> {
        let value = value.filter(|v| !v.is_empty());
        if let Some(v) = &value {
            check_authorization(v).map_err(|e| JsError::new(&e.to_string()))?;
        }
        *self.auth.borrow_mut() = value.map(Secret::new);
        Ok(())
    }
}

/// Mounts one panel into `element`. A bad configuration is shown in the element and
/// thrown as an `Error` naming the key.
#[wasm_bindgen]
pub fn mount(element: Element, config: JsValue) -> Result<MountHandle, JsError> {
    let parsed = config_source::from_js(&config);
    start(element, parsed, EarlyReads::default())
}

/// The standalone page: configuration from `#ox-panel-config` and the query string.
/// `early`: the reads static/boot.js started already (see `api::early`); anything else
/// (`undefined`) and the panel reads everything itself.
#[wasm_bindgen(js_name = mountStandalone)]
pub fn mount_standalone(element: Element, early: JsValue) -> Result<MountHandle, JsError> {
    // Domain view: the standalone page's hash is the module's to keep.
    crate::components::domain::location::set_standalone();
    let parsed = match web_sys::window().and_then(|w| w.document().map(|d| (w, d))) {
        Some((window, document)) => {
            let location = window.location();
            let search = location.search().unwrap_or_default();
            // "null" (an opaque origin) matches no origin: only paths then.
            let origin = location.origin().unwrap_or_else(|_| "null".into());
            config_source::from_page(&document, &search, &origin)
        }
        None => Err(ConfigError::Invalid {
            key: "window".into(),
            reason: "no document".into(),
        }),
    };
    start(element, parsed, EarlyReads::from_js(&early))
}

fn start(
    element: Element,
    parsed: Result<PanelConfig, ConfigError>,
    early: EarlyReads,
) -> Result<MountHandle, JsError> {
    let early = Rc::new(early);
    let mounted = mount_into(element, parsed, early.clone());
    if mounted.is_err() {
        // No panel will take them over.
        early.abort_all();
    }
    mounted
}

fn mount_into(
    element: Element,
    parsed: Result<PanelConfig, ConfigError>,
    early: Rc<EarlyReads>,
) -> Result<MountHandle, JsError> {
    // A live instance owns its container until `unmount`; a second one in the same
    // element would leave the first running unseen.
    if let Ok(Some(_)) = element.query_selector(":scope > .oxp-mount") {
        return Err(JsError::new(
            "ox-panel: this element already holds a panel; call unmount() on its handle first",
        ));
    }
    let config = match parsed {
        Ok(config) => config,
        Err(error) => {
            let text = error.to_string();
            show_config_error(&element, &text);
            return Err(JsError::new(&text));
        }
    };
    if let Some(error) = crate::host::refuse_opaque_origin(&element, &config) {
        return Err(error);
    }
    // Yew registers its delegated event listeners on the element it renders into and
    // never removes them; rendering into a container of our own keeps them off the host's
    // element, and `unmount` removes them with the container.
    let container = element
        .owner_document()
        .and_then(|d| d.create_element("div").ok())
        .ok_or_else(|| JsError::new("ox-panel: the mount element has no document"))?;
    container.set_class_name("oxp-mount");
    element.replace_children_with_node_0();
    element
        .append_child(&container)
        .map_err(|_| JsError::new("ox-panel: cannot render into the mount element"))?;

    let open = Rc::new(Cell::new(true));
    let auth: AuthCell = Rc::new(RefCell::new(config.authorization.clone()));
    // Events go to the host's element itself (docs/contract.md, "Events").
    let events = Events::new(element.clone().into());
    let on_unauthorized = {
        let events = events.clone();
        let open = open.clone();
        Rc::new(move || {
            if open.get() {
                events.auth_required();
            }
        })
    };
    let api = HttpApi::new(
        &config,
        auth.clone(),
        on_unauthorized,
        open.clone(),
        early.clone(),
    );
    let props = AppProps::new(Rc::new(config), ApiRef::new(api), events);
    let app = yew::Renderer::<App>::with_root_and_props(container.clone(), props.clone()).render();
    Ok(MountHandle {
        app: Some(app),
        props,
        auth,
        container,
        open,
        early,
    })
}

/// Rendered with DOM calls, not Yew, since there is no valid configuration to run on.
fn show_config_error(element: &Element, detail: &str) {
    let text = I18n::default().tr(&Msg::ConfigError { detail });
    element.replace_children_with_node_0();
    let Some(document) = element.owner_document() else {
        return;
    };
    if let Ok(div) = document.create_element("div") {
        div.set_class_name("oxp-root oxp-config-error");
        let _ = div.set_attribute("role", "alert");
        let _ = div.set_attribute("data-testid", "config-error");
        div.set_text_content(Some(&text));
        let _ = element.append_child(&div);
    }
}
