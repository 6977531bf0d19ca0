//! The BlackBerry endpoints of an Exchange mailbox: billing status, device
//! statistics, and the device actions (accepted only while billing is `open`).

use axum::{
    body::Bytes,
    extract::State,
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use ox_core::types::{BillingStatus, BlackberryAction, BlackberryActionRequest, Statistics};
use serde::Serialize;

use super::{api_base, exchange_url, find_mailbox, parse_body, Names, WireLink};
use crate::{
    auth::Caller,
    error::ApiError,
    fixture::{Blackberry, DeviceStatistics, Fixture},
    json::{self, Json},
    state::AppState,
};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StatusBody {
    billing_status: BillingStatus,
    links: Vec<WireLink>,
}

#[derive(Serialize)]
struct StatisticsBody {
    statistics: Statistics,
    links: Vec<WireLink>,
}

/// The mailbox's BlackBerry service, or 404 (no mailbox, or no service).
fn service<'a>(data: &'a Fixture, names: &Names) -> Result<&'a Blackberry, ApiError> {
    let (_, mailbox) = find_mailbox(data, names)?;
    mailbox.blackberry.as_ref().ok_or_else(|| {
        ApiError::NotFound(format!(
            "No BlackBerry service is enabled for mailbox {}",
            names.mailbox()
        ))
    })
}

/// `GET .../blackberry/`.
pub async fn status(
    State(state): State<AppState>,
    caller: Caller,
    names: Names,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    caller.check_account(&names.account)?;
    let data = state.data();
    let service = service(&data, &names)?;
    let body = StatusBody {
        billing_status: BillingStatus::parse(&service.billing_status),
        links: WireLink::this(format!("{}/", exchange_url(&api_base(&headers), &names))),
    };
    Ok(Json(StatusCode::OK, body).into_response())
}

/// The fixture's statistics in the API's type.
fn to_api(stats: &DeviceStatistics) -> Statistics {
    Statistics {
        name: Some(stats.name.clone()),
        pin: stats.pin,
        device_type: stats.device_type.clone(),
        device_status: Some(stats.device_status.clone()),
        data_service: Some(stats.data_service),
        forwarded: Some(stats.forwarded),
        sent: Some(stats.sent),
        pending: Some(stats.pending),
        filtered: Some(stats.filtered),
        last_transaction_result: stats.last_transaction_result.clone(),
        last_fwd_time: stats.last_fwd_time.clone(),
        last_sent_time: stats.last_sent_time.clone(),
    }
}

/// `GET .../blackberry/statistics`.
pub async fn statistics(
    State(state): State<AppState>,
    caller: Caller,
    names: Names,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    caller.check_account(&names.account)?;
    let data = state.data();
    let service = service(&data, &names)?;
    let body = StatisticsBody {
        statistics: to_api(&service.statistics),
        links: WireLink::this(format!(
            "{}/statistics/",
            exchange_url(&api_base(&headers), &names)
        )),
    };
    Ok(Json(StatusCode::OK, body).into_response())
}

/// The device status the statistics show once an action was accepted.
pub fn status_after(action: BlackberryAction) -> &'static str {
    match action {
        BlackberryAction::ResendServiceBooks => "Service books sent",
        BlackberryAction::Wipe => "Wipe pending",
        BlackberryAction::Reinitialize => "Reinitialize pending",
    }
}

/// `PUT .../blackberry/action`: 404 without a service, 400 for a body that is not
/// one of the three actions, 409 unless billing is `open`, else recorded once and
/// answered 202.
pub async fn action(
    State(state): State<AppState>,
    caller: Caller,
    names: Names,
    body: Bytes,
) -> Result<Response, ApiError> {
    caller.check_account(&names.account)?;
    let request = parse_body::<BlackberryActionRequest>(&body);
    let mut data = state.data();
    let billing = BillingStatus::parse(&service(&data, &names)?.billing_status);
    let request = request?;
    if !billing.is_open() {
        return Err(ApiError::Conflict(format!(
            "The BlackBerry service of this mailbox is in billing status \"{billing}\"; actions need status \"open\""
        )));
    }
    let Some(service) = data
        .domain_mut(&names.account, &names.domain)
        .and_then(|d| d.mailboxes.get_mut(names.mailbox()))
        .and_then(|m| m.blackberry.as_mut())
    else {
        return Err(ApiError::NotFound("No BlackBerry service".to_owned()));
    };
    service.statistics.device_status = status_after(request.action).to_owned();
    // Record while still holding the data lock, so state and log never disagree.
    let seq = state.actions().record(
        &names.account,
        &names.domain,
        names.mailbox(),
        request.action.as_str(),
        &request.action_data,
    );
    drop(data);
    tracing::info!(
        account = %names.account,
        domain = %names.domain,
        mailbox = %names.mailbox(),
        action = %request.action,
        seq,
        "BlackBerry action accepted"
    );
    Ok(json::empty(StatusCode::ACCEPTED))
}
