//! The BlackBerry panel's state: the service and device as read, the confirmation
//! that is open, and every action sent from this page. Pure, so the rules that keep a
//! device from being wiped by accident are testable without a browser.

use std::rc::Rc;

use ox_core::error::ApiError;
use ox_core::types::{
    BillingStatus, BlackberryAction, BlackberryStatistics, BlackberryStatus, Statistics,
};
use yew::Reducible;

pub use crate::components::slot::Slot;

/// What the panel knows about the mailbox's BlackBerry service.
#[derive(Debug, Clone, PartialEq)]
pub enum Service {
    /// The configuration names no Exchange mailbox, so nothing is read.
    NotConfigured,
    Checking,
    /// The API answered 404: the mailbox has no BlackBerry service.
    Absent,
    Billing(BillingStatus),
    /// The read failed for another reason.
    Unreadable(Rc<ApiError>),
}

/// Which read, so "Try again" repeats only the ones that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BbRead {
    Status,
    Statistics,
}

/// Why the device actions cannot be used right now.
#[derive(Debug, Clone, PartialEq)]
pub enum Blocked {
    NoExchangeUser,
    /// An action was sent and its answer has not come yet.
    Busy,
    Checking,
    NoService,
    NotOpen(BillingStatus),
    Unreadable,
}

/// How a sent action ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// 2xx: the device carries it out when it next connects.
    Accepted,
    /// Sent, but no answer came (network error or timeout): it may or may not happen.
    Unknown,
    /// The server answered with an error.
    Refused(Rc<ApiError>),
}

impl Outcome {
    pub fn from_result(result: &Result<(), ApiError>) -> Self {
        match result {
            Ok(()) => Outcome::Accepted,
            Err(ApiError::Network(_)) | Err(ApiError::Timeout) => Outcome::Unknown,
            Err(e) => Outcome::Refused(Rc::new(e.clone())),
        }
    }

    /// Short stable code, for `data-outcome` attributes.
    pub fn code(&self) -> &'static str {
        match self {
            Outcome::Accepted => "accepted",
            Outcome::Unknown => "unknown",
            Outcome::Refused(e) => e.kind(),
        }
    }
}

/// One action sent from this page (kept in memory only).
#[derive(Debug, Clone, PartialEq)]
pub struct Sent {
    pub id: u32,
    pub action: BlackberryAction,
    /// When it was sent, in milliseconds since the epoch (the browser's clock).
    pub at_ms: f64,
    /// `None` while the answer is awaited.
    pub outcome: Option<Outcome>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BbState {
    pub service: Service,
    pub statistics: Slot<Statistics>,
    /// The action whose confirmation is open.
    pub confirming: Option<BlackberryAction>,
    /// Newest first.
    pub activity: Vec<Sent>,
    next_id: u32,
}

pub enum BbAction {
    Status(Result<BlackberryStatus, ApiError>),
    /// Boxed: the statistics are large next to the other actions.
    Statistics(Box<Result<BlackberryStatistics, ApiError>>),
    Retrying(Vec<BbRead>),
    /// Opens the confirmation of an action; ignored while actions are blocked.
    Confirm(BlackberryAction),
    /// Closes the confirmation without sending.
    Cancel,
    /// The confirmed action is being sent; closes the confirmation.
    Started {
        action: BlackberryAction,
        at_ms: f64,
    },
    Finished(Result<(), ApiError>),
}

impl BbState {
    /// `has_exchange_user`: whether the configuration names the Exchange mailbox.
    pub fn new(has_exchange_user: bool) -> Self {
        Self {
            service: if has_exchange_user {
                Service::Checking
            } else {
                Service::NotConfigured
            },
            statistics: if has_exchange_user {
                Slot::Pending
            } else {
                Slot::NotNeeded
            },
            confirming: None,
            activity: Vec::new(),
            next_id: 1,
        }
    }

    pub fn in_flight(&self) -> Option<BlackberryAction> {
        self.activity
            .iter()
            .find(|s| s.outcome.is_none())
            .map(|s| s.action)
    }

    /// The action sent last, whose outcome `bb-result` shows.
    pub fn last(&self) -> Option<&Sent> {
        self.activity.first()
    }

    /// The billing status, when known.
    pub fn billing(&self) -> Option<&BillingStatus> {
        match &self.service {
            Service::Billing(b) => Some(b),
            _ => None,
        }
    }

    /// Why no action can be started now, if so. The same for every action: the API
    /// accepts any of them exactly when the service is `open`.
    pub fn blocked(&self) -> Option<Blocked> {
        if self.in_flight().is_some() {
            return Some(Blocked::Busy);
        }
        match &self.service {
            Service::NotConfigured => Some(Blocked::NoExchangeUser),
            Service::Checking => Some(Blocked::Checking),
            Service::Absent => Some(Blocked::NoService),
            Service::Unreadable(_) => Some(Blocked::Unreadable),
            Service::Billing(b) if b.is_open() => None,
            Service::Billing(b) => Some(Blocked::NotOpen(b.clone())),
        }
    }

    /// Reads that failed, for "Try again".
    pub fn failed_reads(&self) -> Vec<BbRead> {
        let mut out = Vec::new();
        if matches!(self.service, Service::Unreadable(_)) {
            out.push(BbRead::Status);
        }
        if self.statistics.failed().is_some() {
            out.push(BbRead::Statistics);
        }
        out
    }
}

/// What to read again once an action got its answer: after an acceptance, an unknown
/// outcome, or a refusal that says the service changed (404, 409), the customer needs
/// the current status and device state. Never the action itself.
pub fn rereads_after(result: &Result<(), ApiError>) -> Vec<BbRead> {
    match result {
        Ok(())
        | Err(ApiError::Network(_))
        | Err(ApiError::Timeout)
        | Err(ApiError::NotFound(_))
        | Err(ApiError::Conflict(_)) => vec![BbRead::Status, BbRead::Statistics],
        Err(_) => Vec::new(),
    }
}

/// The `status` of the `oxpanel:blackberry-action` event: `Some(Some(code))` for an
/// answer, `Some(None)` when the request went out and no answer came, `None` when no
/// request was made at all (nothing to report).
pub fn event_status(result: &Result<(), ApiError>) -> Option<Option<u16>> {
    match result {
        Ok(()) => Some(Some(202)),
        Err(ApiError::InvalidRequest(_)) => None,
        Err(e) => Some(e.status()),
    }
}

impl Reducible for BbState {
    type Action = BbAction;

    fn reduce(self: Rc<Self>, action: BbAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            BbAction::Status(result) => {
                next.service = match result {
                    Ok(s) => Service::Billing(s.billing_status),
                    Err(ApiError::NotFound(_)) => Service::Absent,
                    Err(e) => Service::Unreadable(Rc::new(e)),
                };
                // A confirmation must not outlive the state that allowed it.
                if next.blocked().is_some() {
                    next.confirming = None;
                }
            }
            BbAction::Statistics(result) => {
                next.statistics = match *result {
                    Ok(s) => Slot::Ready(s.statistics),
                    // No service: the status says so; there is no device to show.
                    Err(ApiError::NotFound(_)) => Slot::NotNeeded,
                    Err(e) => Slot::Failed(Rc::new(e)),
                };
            }
            BbAction::Retrying(reads) => {
                for read in reads {
                    match read {
                        BbRead::Status => next.service = Service::Checking,
                        BbRead::Statistics => next.statistics = Slot::Pending,
                    }
                }
                if next.blocked().is_some() {
                    next.confirming = None;
                }
            }
            BbAction::Confirm(action) => {
                if next.blocked().is_none() && next.confirming.is_none() {
                    next.confirming = Some(action);
                }
            }
            BbAction::Cancel => next.confirming = None,
            BbAction::Started { action, at_ms } => {
                next.confirming = None;
                if next.in_flight().is_none() {
                    let id = next.next_id;
                    next.next_id = next.next_id.wrapping_add(1);
                    next.activity.insert(
                        0,
                        Sent {
                            id,
                            action,
                            at_ms,
                            outcome: None,
                        },
                    );
                }
            }
            BbAction::Finished(result) => {
                if let Some(sent) = next.activity.iter_mut().find(|s| s.outcome.is_none()) {
                    sent.outcome = Some(Outcome::from_result(&result));
                }
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(s: &str) -> BlackberryStatus {
        serde_json::from_value(serde_json::json!({ "billingStatus": s }))
            .unwrap_or_else(|e| panic!("fixture: {e}"))
    }

    fn open() -> Rc<BbState> {
        Rc::new(BbState::new(true)).reduce(BbAction::Status(Ok(status("open"))))
    }

    #[test]
    fn actions_wait_for_the_status() {
        let s = Rc::new(BbState::new(true));
        assert_eq!(s.blocked(), Some(Blocked::Checking));
        assert_eq!(open().blocked(), None);
    }

    #[test]
    fn every_status_but_open_blocks_with_its_reason() {
        for (wire, expected) in [
            ("pending", BillingStatus::Pending),
            ("suspended", BillingStatus::Suspended),
            ("close_pending", BillingStatus::ClosePending),
            ("closed", BillingStatus::Closed),
            ("purge_pending", BillingStatus::PurgePending),
            ("frozen", BillingStatus::Unknown("frozen".into())),
        ] {
            let s = Rc::new(BbState::new(true)).reduce(BbAction::Status(Ok(status(wire))));
            assert_eq!(s.blocked(), Some(Blocked::NotOpen(expected)), "{wire}");
            let s = s.reduce(BbAction::Confirm(BlackberryAction::Wipe));
            assert_eq!(s.confirming, None, "{wire}: no confirmation opens");
        }
    }

    #[test]
    fn not_found_means_no_service_and_other_errors_can_be_retried() {
        let s = Rc::new(BbState::new(true))
            .reduce(BbAction::Status(Err(ApiError::NotFound(None))))
            .reduce(BbAction::Statistics(Box::new(Err(ApiError::NotFound(
                None,
            )))));
        assert_eq!(s.service, Service::Absent);
        assert_eq!(s.blocked(), Some(Blocked::NoService));
        assert!(
            s.failed_reads().is_empty(),
            "a 404 is an answer, not a failure"
        );

        let s = Rc::new(BbState::new(true))
            .reduce(BbAction::Status(Err(ApiError::Server {
                status: 502,
                message: None,
            })))
            .reduce(BbAction::Statistics(Box::new(Err(ApiError::Timeout))));
        assert_eq!(s.blocked(), Some(Blocked::Unreadable));
        assert_eq!(s.failed_reads(), vec![BbRead::Status, BbRead::Statistics]);
        let s = s.reduce(BbAction::Retrying(vec![BbRead::Status]));
        assert_eq!(s.service, Service::Checking);
    }

    #[test]
    fn without_an_exchange_user_nothing_is_possible() {
        let s = Rc::new(BbState::new(false))
            .reduce(BbAction::Confirm(BlackberryAction::ResendServiceBooks));
        assert_eq!(s.blocked(), Some(Blocked::NoExchangeUser));
        assert_eq!(s.confirming, None);
    }

    #[test]
    fn one_action_at_a_time_and_the_dialog_closes_on_send() {
        let s = open().reduce(BbAction::Confirm(BlackberryAction::Wipe));
        assert_eq!(s.confirming, Some(BlackberryAction::Wipe));
        // A second confirmation cannot replace the open one.
        let s = s.reduce(BbAction::Confirm(BlackberryAction::ResendServiceBooks));
        assert_eq!(s.confirming, Some(BlackberryAction::Wipe));
        let s = s.reduce(BbAction::Started {
            action: BlackberryAction::Wipe,
            at_ms: 1.0,
        });
        assert_eq!(s.confirming, None);
        assert_eq!(s.in_flight(), Some(BlackberryAction::Wipe));
        assert_eq!(s.blocked(), Some(Blocked::Busy));
        // A stray second start while one is in flight records nothing.
        let s = s.reduce(BbAction::Started {
            action: BlackberryAction::Wipe,
            at_ms: 2.0,
        });
        assert_eq!(s.activity.len(), 1);
        let s = s.reduce(BbAction::Confirm(BlackberryAction::Reinitialize));
        assert_eq!(
            s.confirming, None,
            "nothing opens while an action is in flight"
        );
        let s = s.reduce(BbAction::Finished(Ok(())));
        assert_eq!(
            s.last().and_then(|l| l.outcome.clone()),
            Some(Outcome::Accepted)
        );
        assert_eq!(s.blocked(), None);
    }

    #[test]
    fn activity_is_newest_first() {
        let s = open()
            .reduce(BbAction::Started {
                action: BlackberryAction::ResendServiceBooks,
                at_ms: 1.0,
            })
            .reduce(BbAction::Finished(Err(ApiError::Server {
                status: 502,
                message: None,
            })))
            .reduce(BbAction::Started {
                action: BlackberryAction::Wipe,
                at_ms: 2.0,
            })
            .reduce(BbAction::Finished(Err(ApiError::Timeout)));
        let order: Vec<_> = s
            .activity
            .iter()
            .map(|a| (a.action, a.outcome.as_ref().map(Outcome::code)))
            .collect();
        assert_eq!(
            order,
            vec![
                (BlackberryAction::Wipe, Some("unknown")),
                (BlackberryAction::ResendServiceBooks, Some("server")),
            ]
        );
        assert_ne!(s.activity[0].id, s.activity[1].id);
    }

    #[test]
    fn outcomes_events_and_rereads() {
        use BbRead::*;
        type Case = (
            Result<(), ApiError>,
            &'static str,
            Option<Option<u16>>,
            Vec<BbRead>,
        );
        let cases: Vec<Case> = vec![
            (
                Ok(()),
                "accepted",
                Some(Some(202)),
                vec![Status, Statistics],
            ),
            (
                Err(ApiError::Network("x".into())),
                "unknown",
                Some(None),
                vec![Status, Statistics],
            ),
            (
                Err(ApiError::Timeout),
                "unknown",
                Some(None),
                vec![Status, Statistics],
            ),
            (
                Err(ApiError::NotFound(None)),
                "not_found",
                Some(Some(404)),
                vec![Status, Statistics],
            ),
            (
                Err(ApiError::Conflict(None)),
                "conflict",
                Some(Some(409)),
                vec![Status, Statistics],
            ),
            (
                Err(ApiError::MethodNotAllowed),
                "method_not_allowed",
                Some(Some(405)),
                vec![],
            ),
            (
                Err(ApiError::Unauthorized),
                "unauthorized",
                Some(Some(401)),
                vec![],
            ),
            (
                Err(ApiError::Server {
                    status: 502,
                    message: None,
                }),
                "server",
                Some(Some(502)),
                vec![],
            ),
            (
                Err(ApiError::InvalidBody {
                    status: 400,
                    detail: "html".into(),
                }),
                "invalid_body",
                Some(Some(400)),
                vec![],
            ),
            (
                Err(ApiError::InvalidRequest(
                    ox_core::url::UrlError::EmptySegment("exchangeUser"),
                )),
                "invalid_request",
                None,
                vec![],
            ),
        ];
        for (result, code, event, reads) in cases {
            assert_eq!(Outcome::from_result(&result).code(), code, "{result:?}");
            assert_eq!(event_status(&result), event, "{result:?}");
            assert_eq!(rereads_after(&result), reads, "{result:?}");
        }
    }

    #[test]
    fn a_status_change_closes_an_open_confirmation() {
        let s = open().reduce(BbAction::Confirm(BlackberryAction::Wipe));
        let s = s.reduce(BbAction::Status(Ok(status("suspended"))));
        assert_eq!(s.confirming, None);
    }
}
