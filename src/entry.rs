//! The one way in: `mount(element, config)`. The standalone page goes through it too.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use ox_core::config::{check_authorization, ConfigError, PanelConfig, Section};
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
use crate::host_listeners::HostListeners;
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
    /// The listeners Yew added to `container`, released by `unmount`.
    listeners: HostListeners,
    /// The client: `unmount` closes it (no request from then on, reads under way aborted).
    api: HttpApi,
}

#[wasm_bindgen]
impl MountHandle {
    /// Removes the instance, its listeners and everything it rendered; from then on it
    /// sends no request and its reads under way are aborted (docs/contract.md, "What
    /// unmount releases").
    pub fn unmount(&mut self) {
        self.api.close();
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        // Yew never removes the delegated listeners it put on the container, and they
        // keep the container and the app's event registry alive (see host_listeners):
        // released here. The host's element is left as it was before `mount`.
        self.listeners.release();
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
        authorization_fits(value.as_deref())?;
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

/// Checks a configuration as `mount` would (a bad one is shown in `element` and thrown as
/// an `Error` naming the key) without mounting anything: the package's `mount` checks a
/// domain view's configuration with the module already loaded, then loads the one that
/// shows it (static/ox-panel-element.js).
#[wasm_bindgen(js_name = checkConfig)]
pub fn check_config(element: Element, config: JsValue) -> Result<(), JsError> {
    config_source::from_js(&config)
        .map(drop)
        .map_err(|error| refuse_config(&element, &error))
}

/// Refuses an `Authorization` value as [`MountHandle::set_authorization`] would, for a
/// handle whose instance is not mounted yet.
#[wasm_bindgen(js_name = checkAuthorization)]
pub fn check_authorization_value(value: Option<String>) -> Result<(), JsError> {
    authorization_fits(value.as_deref().filter(|v| !v.is_empty()))
}

fn authorization_fits(value: Option<&str>) -> Result<(), JsError> {
    value.map_or(Ok(()), |v| {
        check_authorization(v).map_err(|e| JsError::new(&e.to_string()))
    })
}

/// The standalone page: configuration from `#ox-panel-config` and the query string.
/// `early`: the reads static/boot.js started already (see `api::early`); anything else
/// (`undefined`) and the panel reads everything itself.
#[wasm_bindgen(js_name = mountStandalone)]
pub fn mount_standalone(element: Element, early: JsValue) -> Result<MountHandle, JsError> {
    // Domain view: the standalone page's hash is the module's to keep.
    #[cfg(feature = "domain")]
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
    let mounted = mount_into(element, parsed.and_then(for_this_module), early.clone());
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
    let config = parsed.map_err(|error| refuse_config(&element, &error))?;
    if let Some(error) = crate::host::refuse_opaque_origin(&element, &config) {
        return Err(error);
    }
    // Yew registers its delegated event listeners on the element it renders into and
    // never removes them; rendering into a container of our own keeps them off the host's
    // element, and the container records them so `unmount` can release them.
    let container = element
        .owner_document()
        .and_then(|d| d.create_element("div").ok())
        .ok_or_else(|| JsError::new("ox-panel: the mount element has no document"))?;
    container.set_class_name("oxp-mount");
    element.replace_children_with_node_0();
    element
        .append_child(&container)
        .map_err(|_| JsError::new("ox-panel: cannot render into the mount element"))?;

    let listeners = HostListeners::record(&container);

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
    let api = HttpApi::new(&config, auth.clone(), on_unauthorized, open, early);
    let props = AppProps::new(Rc::new(config), ApiRef::new(api.clone()), events);
    let app = yew::Renderer::<App>::with_root_and_props(container.clone(), props.clone()).render();
    Ok(MountHandle {
        app: Some(app),
        props,
        auth,
        container,
        listeners,
        api,
    })
}

/// The mailbox module (built without the `domain` feature) does not carry the domain
/// view. A configuration that shows it is refused by name, like any bad key, so a page
/// that loaded the wrong module says which one it needs instead of showing nothing. The
/// loaders pick the module by the same rule (`static/ox-panel-modules.js`).
fn for_this_module(config: PanelConfig) -> Result<PanelConfig, ConfigError> {
    if cfg!(feature = "domain") || !config.sections().contains(&Section::Domain) {
        Ok(config)
    } else {
        Err(ConfigError::Invalid {
            key: "sections".into(),
            reason: format!("the domain view is in {DOMAIN_MODULE}, not in this module"),
        })
    }
}

/// The module that carries the domain view (`crates/ox-panel-domain`).
pub const DOMAIN_MODULE: &str = "ox-panel-domain.js";

/// A bad configuration: shown in the element, and the `Error` to throw.
fn refuse_config(element: &Element, error: &ConfigError) -> JsError {
    let text = error.to_string();
    show_config_error(element, &text);
    JsError::new(&text)
}

/// Shown without Yew, since there is no valid configuration to run on.
fn show_config_error(element: &Element, detail: &str) {
    let text = I18n::default().tr(&Msg::ConfigError { detail });
    crate::host::show_alert(element, "config-error", &text, None);
}
