//! The BlackBerry device as the statistics describe it. Missing, null or unreadable
//! values show as "not available", never as the raw text.

use ox_core::types::{ApiTimestamp, Statistics};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::format;
use crate::i18n::{I18n, Msg};

#[derive(Clone, PartialEq, Properties)]
pub struct DeviceCardProps {
    pub statistics: Statistics,
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

#[component]
pub fn DeviceCard(props: &DeviceCardProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let s = &props.statistics;
    let na = || html! { <span class="oxp-na">{ i18n.tr(&Msg::BbNotAvailable) }</span> };
    let text = |v: &Option<String>| match v.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => html! { { t.to_owned() } },
        _ => na(),
    };
    let count = |v: Option<u64>| match v {
        Some(n) => html! { { format::number(&i18n.locale, n as f64) } },
        None => na(),
    };
    let time = |v: &Option<String>| match v.as_deref().and_then(|raw| api_time(&i18n.locale, raw)) {
        Some((ts, shown)) => html! { <time datetime={ts.to_iso_string()}>{ shown }</time> },
        None => na(),
    };
    // A PIN is an identifier: shown as given, without digit grouping.
    let pin = match s.pin {
        Some(p) => html! { { p.to_string() } },
        None => na(),
    };
    let data = match s.data_service {
        Some(1) => html! { { i18n.tr(&Msg::BbDataOn) } },
        Some(0) => html! { { i18n.tr(&Msg::BbDataOff) } },
        _ => na(),
    };
    let row = |label: Msg<'_>, testid: &'static str, value: Html| {
        html! {
            <div class="oxp-bb-row">
                <dt>{ i18n.tr(&label) }</dt>
                <dd data-testid={testid}>{ value }</dd>
            </div>
        }
    };
    html! {
        <div class="oxp-bb-device" data-testid="bb-device">
            <h3 class="oxp-bb-subtitle">{ i18n.tr(&Msg::BbDeviceHeading) }</h3>
            <dl class="oxp-bb-facts">
                { row(Msg::BbDeviceName, "bb-device-name", text(&s.name)) }
                { row(Msg::BbPin, "bb-device-pin", pin) }
                { row(Msg::BbDeviceType, "bb-device-type", text(&s.device_type)) }
                { row(Msg::BbDeviceStatus, "bb-device-status", text(&s.device_status)) }
                { row(Msg::BbDataService, "bb-device-data", data) }
                { row(Msg::BbForwarded, "bb-device-forwarded", count(s.forwarded)) }
                { row(Msg::BbSent, "bb-device-sent", count(s.sent)) }
                { row(Msg::BbPending, "bb-device-pending", count(s.pending)) }
                { row(Msg::BbFiltered, "bb-device-filtered", count(s.filtered)) }
                { row(Msg::BbLastResult, "bb-device-last-result", text(&s.last_transaction_result)) }
                { row(Msg::BbLastForward, "bb-device-last-forward", time(&s.last_fwd_time)) }
                { row(Msg::BbLastSend, "bb-device-last-send", time(&s.last_sent_time)) }
            </dl>
        </div>
    }
}
