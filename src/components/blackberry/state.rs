//! The BlackBerry panel's state and its decisions: the service and device as read,
//! the confirmation that is open, which action may start, what is read again after
//! each outcome, and every action sent from this page. Pure (no DOM), so the rules that
//! keep a device from being wiped by accident are tested natively; the view renders.

use std::rc::Rc;

use futures::future::LocalBoxFuture;
use ox_core::config::PanelConfig;
use ox_core::error::ApiError;
use ox_core::types::{
    BillingStatus, BlackberryAction, BlackberryStatistics, BlackberryStatus, Statistics,
};
use yew::Reducible;

use crate::api::ApiRef;
use crate::components::shared::reads::Reads;
pub use crate::components::shared::slot::Slot;

/// The Exchange mailbox the actions are for, exactly as configured: the name the
/// customer types to confirm a destructive action is the very name the request's URL
/// carries. `None` when the configuration names none.
pub fn exchange_user(config: &PanelConfig) -> Option<String> {
    config
        .bb_user()
        .filter(|u| !u.trim().is_empty())
        .map(str::to_owned)
}

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

impl BbRead {
    /// Both reads: when the panel opens and after an action that may have changed them.
    pub const ALL: [BbRead; 2] = [BbRead::Status, BbRead::Statistics];
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

impl Blocked {
    /// Short stable code, for the `data-reason` attribute.
    pub fn code(&self) -> &'static str {
        match self {
            Blocked::NoExchangeUser => "no_exchange_user",
            Blocked::Busy => "busy",
            Blocked::Checking => "checking",
            Blocked::NoService => "no_service",
            Blocked::NotOpen(_) => "not_open",
            Blocked::Unreadable => "unreadable",
        }
    }
}

/// How a sent action ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// 2xx (the status it came with): the device carries it out when it next connects.
    Accepted(u16),
    /// Sent, but no answer came (network error or timeout): it may or may not happen.
    Unknown,
    /// The server answered with an error.
    Refused(Rc<ApiError>),
}

impl Outcome {
    pub fn from_result(result: &Result<u16, ApiError>) -> Self {
        match result {
            Ok(status) => Outcome::Accepted(*status),
            Err(ApiError::Network(_)) | Err(ApiError::Timeout) => Outcome::Unknown,
            Err(e) => Outcome::Refused(Rc::new(e.clone())),
        }
    }

    /// Short stable code, for `data-outcome` attributes.
    pub fn code(&self) -> &'static str {
        match self {
            Outcome::Accepted(_) => "accepted",
            Outcome::Unknown => "unknown",
            Outcome::Refused(e) => e.kind(),
        }
    }

    /// The HTTP status of the answer; `None` when no answer came.
    pub fn status(&self) -> Option<u16> {
        match self {
            Outcome::Accepted(status) => Some(*status),
            Outcome::Unknown => None,
            Outcome::Refused(e) => e.status(),
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

pub enum BbMsg {
    Status(Result<BlackberryStatus, ApiError>),
    /// Boxed: the statistics are large next to the other actions.
    Statistics(Box<Result<BlackberryStatistics, ApiError>>),
    /// "Try again": every failed read is pending again.
    Retrying,
    /// Opens the confirmation of an action; ignored while actions are blocked.
    Confirm(BlackberryAction),
    /// Closes the confirmation without sending.
    Cancel,
    /// The confirmed action is being sent; closes the confirmation. Recorded only
    /// when [`BbState::to_send`] allows exactly this action.
    Started {
        action: BlackberryAction,
        at_ms: f64,
    },
    Finished(Result<u16, ApiError>),
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

    /// Whether the last outcome is announced at once (assertive) rather than politely:
    /// only a destructive action that was refused or whose outcome is unknown.
    pub fn urgent(&self) -> bool {
        self.last().is_some_and(|sent| {
            sent.action.is_destructive()
                && matches!(sent.outcome, Some(Outcome::Refused(_) | Outcome::Unknown))
        })
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

    /// The action the open confirmation may send now, re-checked when it is
    /// confirmed: nothing while another is in flight or the service is not open.
    pub fn to_send(&self) -> Option<BlackberryAction> {
        self.confirming.filter(|_| self.blocked().is_none())
    }

    /// The device to show: not when the mailbox has no service.
    pub fn device(&self) -> Option<&Statistics> {
        match self.service {
            Service::Absent => None,
            _ => self.statistics.ready(),
        }
    }

    /// Some read is still unanswered: the panel keeps the room its content will take.
    pub fn reading(&self) -> bool {
        matches!(self.service, Service::Checking) || matches!(self.statistics, Slot::Pending)
    }

    /// The reads that failed, with why; "Try again" repeats exactly these.
    pub fn failures(&self) -> Vec<(BbRead, Rc<ApiError>)> {
        let status = match &self.service {
            Service::Unreadable(e) => Some(e),
            _ => None,
        };
        [
            (BbRead::Status, status),
            (BbRead::Statistics, self.statistics.failed()),
        ]
        .into_iter()
        .filter_map(|(read, e)| e.map(|e| (read, e.clone())))
        .collect()
    }

    /// What "Try again" starts.
    pub fn retry_reads(&self) -> Vec<BbRead> {
        self.failures().into_iter().map(|(read, _)| read).collect()
    }
}

impl Reads for BbState {
    type Read = BbRead;

    fn fetch(api: ApiRef, read: BbRead) -> LocalBoxFuture<'static, BbMsg> {
        Box::pin(async move {
            match read {
                BbRead::Status => BbMsg::Status(api.blackberry_status().await),
                BbRead::Statistics => {
                    BbMsg::Statistics(Box::new(api.blackberry_statistics().await))
                }
            }
        })
    }
}

/// What to read again once an action got its answer: after an acceptance, an unknown
/// outcome, or a refusal that says the service changed (404, 409), the customer needs
/// the current status and device state. Never the action itself.
pub fn rereads_after(result: &Result<u16, ApiError>) -> Vec<BbRead> {
    match result {
        Ok(_)
        | Err(ApiError::Network(_))
        | Err(ApiError::Timeout)
        | Err(ApiError::NotFound(_))
        | Err(ApiError::Conflict(_)) => BbRead::ALL.to_vec(),
        Err(_) => Vec::new(),
    }
}

/// The `status` of the `oxpanel:blackberry-action` event: `Some(Some(code))` for an
/// answer, `Some(None)` when the request went out and no answer came, `None` when no
/// request was made at all (nothing to report).
pub fn event_status(result: &Result<u16, ApiError>) -> Option<Option<u16>> {
    match result {
        Ok(status) => Some(Some(*status)),
        Err(ApiError::InvalidRequest(_)) => None,
        Err(e) => Some(e.status()),
    }
}

impl Reducible for BbState {
    type Action = BbMsg;

    fn reduce(self: Rc<Self>, action: BbMsg) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            BbMsg::Status(result) => {
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
            BbMsg::Statistics(result) => {
                next.statistics = match *result {
                    Ok(s) => Slot::Ready(s.statistics),
                    // No service: the status says so; there is no device to show.
                    Err(ApiError::NotFound(_)) => Slot::NotNeeded,
                    Err(e) => Slot::Failed(Rc::new(e)),
                };
            }
            BbMsg::Retrying => {
                for read in self.retry_reads() {
                    match read {
                        BbRead::Status => next.service = Service::Checking,
                        BbRead::Statistics => next.statistics = Slot::Pending,
                    }
                }
                if next.blocked().is_some() {
                    next.confirming = None;
                }
            }
            BbMsg::Confirm(action) => {
                if next.blocked().is_none() && next.confirming.is_none() {
                    next.confirming = Some(action);
                }
            }
            BbMsg::Cancel => next.confirming = None,
            BbMsg::Started { action, at_ms } => {
                next.confirming = None;
                if self.to_send() == Some(action) {
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
            BbMsg::Finished(result) => {
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
        Rc::new(BbState::new(true)).reduce(BbMsg::Status(Ok(status("open"))))
    }

    #[test]
    fn reading_until_status_and_statistics_answered() {
        assert!(Rc::new(BbState::new(true)).reading());
        assert!(open().reading(), "the statistics are still out");
        let s = open().reduce(BbMsg::Statistics(Box::new(Err(ApiError::Timeout))));
        assert!(!s.reading());
        assert!(!Rc::new(BbState::new(false)).reading(), "nothing to read");
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
            let s = Rc::new(BbState::new(true)).reduce(BbMsg::Status(Ok(status(wire))));
            assert_eq!(s.blocked(), Some(Blocked::NotOpen(expected)), "{wire}");
            let s = s.reduce(BbMsg::Confirm(BlackberryAction::Wipe));
            assert_eq!(s.confirming, None, "{wire}: no confirmation opens");
        }
    }

    #[test]
    fn not_found_means_no_service_and_other_errors_can_be_retried() {
        let s = Rc::new(BbState::new(true))
            .reduce(BbMsg::Status(Err(ApiError::NotFound(None))))
            .reduce(BbMsg::Statistics(Box::new(Err(ApiError::NotFound(None)))));
        assert_eq!(s.service, Service::Absent);
        assert_eq!(s.blocked(), Some(Blocked::NoService));
        assert!(s.failures().is_empty(), "a 404 is an answer, not a failure");

        let s = Rc::new(BbState::new(true))
            .reduce(BbMsg::Status(Err(ApiError::Server {
                status: 502,
                message: None,
            })))
            .reduce(BbMsg::Statistics(Box::new(Err(ApiError::Timeout))));
        assert_eq!(s.blocked(), Some(Blocked::Unreadable));
        assert_eq!(s.retry_reads(), vec![BbRead::Status, BbRead::Statistics]);
        let s = s.reduce(BbMsg::Retrying);
        assert_eq!(s.service, Service::Checking);
        assert_eq!(s.statistics, Slot::Pending);
        assert!(s.failures().is_empty());
    }

    #[test]
    fn without_an_exchange_user_nothing_is_possible() {
        let s = Rc::new(BbState::new(false))
            .reduce(BbMsg::Confirm(BlackberryAction::ResendServiceBooks));
        assert_eq!(s.blocked(), Some(Blocked::NoExchangeUser));
        assert_eq!(s.confirming, None);
    }

    #[test]
    fn one_action_at_a_time_and_the_dialog_closes_on_send() {
        let s = open().reduce(BbMsg::Confirm(BlackberryAction::Wipe));
        assert_eq!(s.confirming, Some(BlackberryAction::Wipe));
        // A second confirmation cannot replace the open one.
        let s = s.reduce(BbMsg::Confirm(BlackberryAction::ResendServiceBooks));
        assert_eq!(s.confirming, Some(BlackberryAction::Wipe));
        let s = s.reduce(BbMsg::Started {
            action: BlackberryAction::Wipe,
            at_ms: 1.0,
        });
        assert_eq!(s.confirming, None);
        assert_eq!(s.in_flight(), Some(BlackberryAction::Wipe));
        assert_eq!(s.blocked(), Some(Blocked::Busy));
        // A stray second start while one is in flight records nothing.
        let s = s.reduce(BbMsg::Started {
            action: BlackberryAction::Wipe,
            at_ms: 2.0,
        });
        assert_eq!(s.activity.len(), 1);
        let s = s.reduce(BbMsg::Confirm(BlackberryAction::Reinitialize));
        assert_eq!(
            s.confirming, None,
            "nothing opens while an action is in flight"
        );
        let s = s.reduce(BbMsg::Finished(Ok(202)));
        assert_eq!(
            s.last().and_then(|l| l.outcome.clone()),
            Some(Outcome::Accepted(202))
        );
        assert_eq!(s.blocked(), None);
    }

    #[test]
    fn activity_is_newest_first() {
        let s = open()
            .reduce(BbMsg::Confirm(BlackberryAction::ResendServiceBooks))
            .reduce(BbMsg::Started {
                action: BlackberryAction::ResendServiceBooks,
                at_ms: 1.0,
            })
            .reduce(BbMsg::Finished(Err(ApiError::Server {
                status: 502,
                message: None,
            })))
            .reduce(BbMsg::Confirm(BlackberryAction::Wipe))
            .reduce(BbMsg::Started {
                action: BlackberryAction::Wipe,
                at_ms: 2.0,
            })
            .reduce(BbMsg::Finished(Err(ApiError::Timeout)));
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
        // The unknown wipe is urgent; the refused resend (not destructive) was not.
        assert!(s.urgent());
    }

    #[test]
    fn only_a_destructive_failure_is_urgent() {
        let finish = |action, result| {
            open()
                .reduce(BbMsg::Confirm(action))
                .reduce(BbMsg::Started { action, at_ms: 1.0 })
                .reduce(BbMsg::Finished(result))
        };
        let refused = || {
            Err(ApiError::Server {
                status: 502,
                message: None,
            })
        };
        use BlackberryAction::*;
        assert!(!open().urgent());
        assert!(!finish(Wipe, Ok(202)).urgent());
        assert!(!finish(ResendServiceBooks, refused()).urgent());
        assert!(!finish(ResendServiceBooks, Err(ApiError::Timeout)).urgent());
        assert!(finish(Wipe, refused()).urgent());
        assert!(finish(Reinitialize, refused()).urgent());
        assert!(finish(Reinitialize, Err(ApiError::Timeout)).urgent());
        // Pending: polite.
        let pending = open().reduce(BbMsg::Confirm(Wipe)).reduce(BbMsg::Started {
            action: Wipe,
            at_ms: 1.0,
        });
        assert!(!pending.urgent());
    }

    #[test]
    fn outcomes_events_and_rereads() {
        use BbRead::*;
        type Case = (
            Result<u16, ApiError>,
            &'static str,
            Option<Option<u16>>,
            Vec<BbRead>,
        );
        let cases: Vec<Case> = vec![
            (
                Ok(202),
                "accepted",
                Some(Some(202)),
                vec![Status, Statistics],
            ),
            (
                Ok(200),
                "accepted",
                Some(Some(200)),
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
            if event.is_some() {
                assert_eq!(
                    Some(Outcome::from_result(&result).status()),
                    event,
                    "{result:?}: the result line shows the event's status"
                );
            }
            assert_eq!(event_status(&result), event, "{result:?}");
            assert_eq!(rereads_after(&result), reads, "{result:?}");
        }
    }

    #[test]
    fn a_status_change_closes_an_open_confirmation() {
        let s = open().reduce(BbMsg::Confirm(BlackberryAction::Wipe));
        let s = s.reduce(BbMsg::Status(Ok(status("suspended"))));
        assert_eq!(s.confirming, None);
    }

    #[test]
    fn an_action_starts_only_from_its_confirmation_while_allowed() {
        // Started without a confirmation records nothing.
        let s = open().reduce(BbMsg::Started {
            action: BlackberryAction::Wipe,
            at_ms: 1.0,
        });
        assert!(s.activity.is_empty());
        // Not an action other than the confirmed one.
        let s = open().reduce(BbMsg::Confirm(BlackberryAction::ResendServiceBooks));
        assert_eq!(s.to_send(), Some(BlackberryAction::ResendServiceBooks));
        let other = s.clone().reduce(BbMsg::Started {
            action: BlackberryAction::Wipe,
            at_ms: 1.0,
        });
        assert!(other.activity.is_empty());
        // The service stopped being open while the dialog was up: checked again at start.
        let stale = BbState {
            service: Service::Billing(BillingStatus::Suspended),
            ..(*s).clone()
        };
        assert_eq!(stale.to_send(), None);
        let stale = Rc::new(stale).reduce(BbMsg::Started {
            action: BlackberryAction::ResendServiceBooks,
            at_ms: 1.0,
        });
        assert!(stale.activity.is_empty());
        assert_eq!(stale.in_flight(), None);
    }

    #[test]
    fn the_name_to_type_is_the_configured_exchange_user_as_sent() {
        let mut config = PanelConfig::new("test", "test.com");
        assert_eq!(exchange_user(&config), None);
        config.mailbox = Some("john.smith".into());
        assert_eq!(exchange_user(&config).as_deref(), Some("john.smith"));
        // Not trimmed: the URL carries the configured name as it is, so the typed
        // confirmation must match that same string.
        config.exchange_user = Some("jsmith ".into());
        assert_eq!(exchange_user(&config).as_deref(), Some("jsmith "));
        assert_eq!(exchange_user(&config).as_deref(), config.bb_user());
        config.exchange_user = Some("  ".into());
        config.mailbox = None;
        assert_eq!(exchange_user(&config), None);
    }

    #[test]
    fn no_device_without_a_service_and_blocked_codes() {
        let s = Rc::new(BbState::new(true)).reduce(BbMsg::Status(Err(ApiError::NotFound(None))));
        assert!(s.device().is_none());
        for (blocked, code) in [
            (Blocked::NoExchangeUser, "no_exchange_user"),
            (Blocked::Busy, "busy"),
            (Blocked::Checking, "checking"),
            (Blocked::NoService, "no_service"),
            (Blocked::NotOpen(BillingStatus::Closed), "not_open"),
            (Blocked::Unreadable, "unreadable"),
        ] {
            assert_eq!(blocked.code(), code);
        }
    }
}
