//! Where a configuration comes from: a host's JS object, or the standalone page.

use ox_core::config::{ConfigError, PanelConfig};
use ox_core::error::JsonBody;
use serde_json::Value;
use wasm_bindgen::JsValue;

use crate::api::json;
use web_sys::{Document, UrlSearchParams};

/// The id of the JSON configuration element on the standalone page.
pub const CONFIG_ELEMENT_ID: &str = "ox-panel-config";

/// The query keys a standalone page lets the address override (never secrets).
const QUERY_KEYS: [&str; 9] = [
    "account",
    "domain",
    "mailbox",
    "exchangeDomain",
    "exchangeUser",
    "role",
    "locale",
    "apiBase",
    // Domain view
    "sections",
];

/// A host's plain object, read key by key (`PanelConfig::KEYS`: any other key is ignored,
/// whatever it holds) into the same parser as the standalone JSON, so both paths report a
/// bad key in the same words. No `JSON.stringify` round trip and no JSON text parser.
pub fn from_js(value: &JsValue) -> Result<PanelConfig, ConfigError> {
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(ConfigError::Invalid {
            key: "config".into(),
            reason: "expected an object".into(),
        });
    }
    let mut object = serde_json::Map::new();
    for key in PanelConfig::KEYS {
        // A getter that throws, or a proxy's trap: an unreadable key.
        let unreadable = |reason: String| ConfigError::Invalid {
            key: key.into(),
            reason,
        };
        let js = js_sys::Reflect::get(value, &JsValue::from_str(key))
            .map_err(|_| unreadable("cannot be read".into()))?;
        if js.is_undefined() {
            continue;
        }
        let parsed = json::from_js(js).map_err(unreadable)?;
        object.insert(key.to_owned(), parsed);
    }
    let config = PanelConfig::from_json_value(&Value::Object(object))?;
    config.validate()?;
    Ok(config)
}

/// The standalone page: the JSON element, then the query-string overrides. The element
/// is removed once read: it may hold the credential, which must not stay in the page
/// for anything that reads the DOM later. `page_origin` is the page's own origin, the
/// one place a query-string `apiBase` may point without `allowedApiOrigins`.
pub fn from_page(
    document: &Document,
    search: &str,
    page_origin: &str,
) -> Result<PanelConfig, ConfigError> {
    let element = document
        .get_element_by_id(CONFIG_ELEMENT_ID)
        .ok_or_else(|| ConfigError::Invalid {
            key: CONFIG_ELEMENT_ID.into(),
            reason: "the configuration element is missing".into(),
        })?;
    let text = element.text_content().unwrap_or_default();
    element.remove();
    let mut config = match json::parse(&text) {
        JsonBody::Json(value) => PanelConfig::from_json_value(&value)?,
        JsonBody::Blank => return Err(ConfigError::invalid("config", "not valid JSON: empty")),
        JsonBody::NotJson(e) => {
            return Err(ConfigError::invalid(
                "config",
                format!("not valid JSON: {e}"),
            ))
        }
    };
    config.apply_query_overrides(&query_pairs(search), page_origin)?;
    config.validate()?;
    Ok(config)
}

fn query_pairs(search: &str) -> Vec<(String, String)> {
    let Ok(params) = UrlSearchParams::new_with_str(search) else {
        return Vec::new();
    };
    QUERY_KEYS
        .iter()
        .filter_map(|key| params.get(key).map(|v| ((*key).to_owned(), v)))
        .collect()
}
