//! Numbers and sizes in the customer's locale, through the browser's `Intl`.

use wasm_bindgen::JsValue;

/// `1536` MB → "1.5 GB" style text, with locale digits.
pub fn megabytes(locale: &str, mb: u64) -> String {
    if mb >= 1024 {
        let gb = mb as f64 / 1024.0;
        let rounded = (gb * 10.0).round() / 10.0;
        format!("{} GB", number(locale, rounded))
    } else {
        format!("{} MB", number(locale, mb as f64))
    }
}

pub fn number(locale: &str, value: f64) -> String {
    let n = js_sys::Number::from(value);
    n.to_locale_string(locale)
        .as_string()
        .or_else(|| JsValue::from(value).as_f64().map(|v| v.to_string()))
        .unwrap_or_default()
}
