//! Numbers, sizes and dates in the customer's locale, through the browser's `Intl`.

use ox_core::types::ApiTimestamp;
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

/// `{dateStyle: "medium", timeStyle: "medium"}` for `toLocaleString`.
fn date_time_options() -> JsValue {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"medium".into());
    options.into()
}

/// `Date.prototype.toLocaleString`, called so that the `RangeError` an unusable locale
/// tag raises comes back as an error instead of tearing through the render.
fn to_locale_string_checked(
    date: &js_sys::Date,
    locale: &str,
    options: &JsValue,
) -> Option<String> {
    let method = js_sys::Reflect::get(date, &"toLocaleString".into()).ok()?;
    let method = method.dyn_into::<js_sys::Function>().ok()?;
    method
        .call2(date, &locale.into(), options)
        .ok()?
        .as_string()
}

fn locale_text(date: &js_sys::Date, locale: &str) -> Option<String> {
    let options = date_time_options();
    to_locale_string_checked(date, locale, &options)
        .or_else(|| to_locale_string_checked(date, "en-US", &options))
}

/// A point in time (milliseconds since the epoch) in the customer's locale.
pub fn local_date_time(locale: &str, ms: f64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    locale_text(&date, locale).unwrap_or_default()
}

/// An API time, read as the browser's local time (the API gives no zone), in the
/// customer's locale; `None` when it is not a valid `MM/DD/YYYY HH:MM:SS` value.
pub fn api_time(locale: &str, raw: &str) -> Option<(ApiTimestamp, String)> {
    let ts = ApiTimestamp::parse(raw)?;
    let date = js_sys::Date::new_with_year_month_day_hr_min_sec(
        u32::from(ts.year),
        i32::from(ts.month) - 1,
        i32::from(ts.day),
        i32::from(ts.hour),
        i32::from(ts.minute),
        i32::from(ts.second),
    );
    // The constructor reads years below 100 as 19xx.
    date.set_full_year(u32::from(ts.year));
    if date.get_time().is_nan() {
        return None;
    }
    let shown = locale_text(&date, locale).unwrap_or_else(|| ts.to_string());
    Some((ts, shown))
}

/// A point in time (milliseconds since the epoch) as an ISO 8601 UTC string.
pub fn iso_date_time(ms: f64) -> String {
    js_sys::Date::new(&JsValue::from_f64(ms))
        .to_iso_string()
        .into()
}
