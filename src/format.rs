//! Numbers and sizes in the customer's locale, through the browser's `Intl`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A number, for the one call below.
    #[wasm_bindgen(js_name = Number)]
    type LocaleNumber;

    /// `Number.prototype.toLocaleString`, imported with `catch`: js-sys's binding lets
    /// the `RangeError` of an unusable locale tag escape into the render, which stops
    /// Yew's scheduler for every panel on the page.
    #[wasm_bindgen(catch, method, js_name = toLocaleString)]
    fn to_locale_string(this: &LocaleNumber, locale: &str) -> Result<JsValue, JsValue>;
}

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

/// `value` with the locale's digits and separators. The locale is checked when the
/// panel starts (`ox_core::config::locale_tag`); should the browser still refuse it,
/// the number is shown in `en-US`, then plain.
pub fn number(locale: &str, value: f64) -> String {
    let n: LocaleNumber = JsValue::from_f64(value).unchecked_into();
    [locale, "en-US"]
        .iter()
        .find_map(|tag| n.to_locale_string(tag).ok()?.as_string())
        .unwrap_or_else(|| value.to_string())
}
