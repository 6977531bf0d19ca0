//! The BlackBerry device as the statistics describe it. Missing, null or unreadable
//! values show as "not available", never as the raw text.

use ox_core::types::Statistics;
use yew::prelude::*;

use crate::format;
use crate::i18n::{I18n, Msg};

#[derive(Clone, PartialEq, Properties)]
pub struct DeviceCardProps {
    pub statistics: Statistics,
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
    let time = |v: &Option<String>| match v
        .as_deref()
        .and_then(|raw| format::api_time(&i18n.locale, raw))
    {
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
