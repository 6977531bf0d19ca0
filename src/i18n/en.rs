//! English, the catalogue's first language.

use ox_core::error::ApiError;
use ox_core::rules::ViolationCode;
use ox_core::types::{BillingStatus, BlackberryAction};

use super::Msg;

pub(super) fn text(msg: &Msg<'_>) -> String {
    match msg {
        Msg::AppTitle => "Mailbox settings".into(),
        Msg::ShellFor { account, domain, mailbox } => {
            format!("Account {account} · {mailbox}@{domain}")
        }
        Msg::ShellForDomain { account, domain } => format!("Account {account} · {domain}"),
        Msg::ConfigError { detail } => {
            format!("This panel is not set up correctly: {detail}")
        }
        Msg::OpaqueOrigin => "This panel cannot run in a sandboxed frame without its own \
                              origin. The page that embeds it must add allow-same-origin to \
                              the frame's sandbox attribute."
            .into(),
        Msg::Loading => "Loading…".into(),
        Msg::TryAgain => "Try again".into(),
        Msg::LoadFailed { what } => format!("Could not load {}.", text(what)),
        Msg::ExchangeTarget { domain, user } => format!("Exchange mailbox {user}@{domain}"),
        Msg::DomainHeading => "Mailboxes".into(),
        Msg::DomainPlaceholder { domain } => format!("Mailboxes of {domain}"),
        Msg::WhatSettings => "the webmail settings".into(),
        Msg::WhatPlanNames => "the plans of this domain".into(),
        Msg::WhatPlanLimits => "the plan limits of this domain".into(),
        Msg::WhatMailbox => "the mailbox usage".into(),
        Msg::WhatCounts => "the number of mailboxes on each plan".into(),
        Msg::WhatBlackberryStatus => "the BlackBerry service status".into(),
        Msg::WhatBlackberryStatistics => "the BlackBerry device details".into(),
        Msg::WebmailHeading => "Webmail plan".into(),
        Msg::CurrentPlanLabel => "Current plan".into(),
        Msg::CurrentPlan { name, r#type } => format!("{name} ({type})"),
        Msg::UpgradesAllowed => "Upgrades to a larger plan are allowed.".into(),
        Msg::UpgradesNotAllowed => "Upgrades to a larger plan are not allowed.".into(),
        Msg::UsageLabel => "Storage used".into(),
        Msg::UsageOf { usage, quota } => format!("{usage} of {quota} used"),
        Msg::UsageUnknown => "Storage use is not known.".into(),
        Msg::ChoosePlan => "Choose a plan".into(),
        Msg::PlanOption { name, r#type } => format!("{name} ({type})"),
        Msg::AllowUpgradeLabel => "Allow upgrades to a larger plan".into(),
        Msg::Reason { code, r#type, limit, quota } => reason_en(*code, r#type, *limit, *quota),
        Msg::SummaryChange { from, to } => format!("This changes the plan from {from} to {to}."),
        Msg::SummaryAllowOn => "Upgrades to a larger plan will be allowed.".into(),
        Msg::SummaryAllowOff => "Upgrades to a larger plan will no longer be allowed.".into(),
        Msg::DowngradeWarning => "A smaller plan has less storage and fewer features: \
             what only the current plan offers, such as mobile synchronisation or \
             collaboration tools, stops working for this mailbox."
            .into(),
        Msg::NoChange => "Choose another plan or setting to make a change.".into(),
        Msg::Submit => "Change plan".into(),
        Msg::Submitting => "Changing plan…".into(),
        Msg::PlanChanged { to } => format!("Done: the mailbox is now on {to}."),
        Msg::PlanOutcomeUnknown => "The server did not confirm the change. The panel shows \
             the settings as they are now; check them before trying again."
            .into(),
        Msg::Error(e) => error_en(e),
        Msg::BlackberryHeading => "BlackBerry device".into(),
        Msg::BbStatusLabel => "BlackBerry service".into(),
        Msg::BbBilling { status } => bb_billing_en(status),
        Msg::BbNoService => "No BlackBerry service on this mailbox.".into(),
        Msg::BbNotConfigured => "No Exchange mailbox is set up for this panel.".into(),
        Msg::BbDeviceHeading => "Device".into(),
        Msg::BbDeviceName => "Name".into(),
        Msg::BbPin => "PIN".into(),
        Msg::BbDeviceType => "Model".into(),
        Msg::BbDeviceStatus => "Device status".into(),
        Msg::BbDataService => "Data service".into(),
        Msg::BbDataOn => "On".into(),
        Msg::BbDataOff => "Off".into(),
        Msg::BbForwarded => "Messages forwarded to the device".into(),
        Msg::BbSent => "Messages sent from the device".into(),
        Msg::BbPending => "Messages waiting for delivery".into(),
        Msg::BbFiltered => "Messages held back by filters".into(),
        Msg::BbLastResult => "Result of the last transfer".into(),
        Msg::BbLastForward => "Last message forwarded".into(),
        Msg::BbLastSend => "Last message sent".into(),
        Msg::BbNotAvailable => "not available".into(),
        Msg::BbActionsHeading => "Device actions".into(),
        Msg::BbActionLabel { action } => bb_action_label_en(*action).into(),
        Msg::BbActionHelp { action } => bb_action_help_en(*action).into(),
        Msg::BbBlockedNoUser => "Unavailable: this panel is not set up with an Exchange mailbox.".into(),
        Msg::BbBlockedBusy => "Unavailable until the server answers the action just sent.".into(),
        Msg::BbBlockedChecking => "Unavailable while the BlackBerry service is being checked.".into(),
        Msg::BbBlockedNoService => "Unavailable: this mailbox has no BlackBerry service.".into(),
        Msg::BbBlockedNotOpen { status } => format!(
            "Unavailable: the BlackBerry service is {}, and devices only take actions while it is active.",
            bb_billing_phrase_en(status)
        ),
        Msg::BbBlockedUnreadable => {
            "Unavailable: the state of the BlackBerry service could not be read. Load it again first."
                .into()
        }
        Msg::BbConfirmTitle { action } => bb_confirm_title_en(*action).into(),
        Msg::BbConfirmBody { action, device, user } => bb_confirm_body_en(*action, *device, user),
        Msg::BbConfirmFinal { action } => bb_confirm_final_en(*action).into(),
        Msg::BbConfirmTypeLabel { user } => format!("To confirm, type the mailbox name {user}"),
        Msg::BbConfirmTypeHint => {
            "The button becomes available when the name is typed exactly as shown.".into()
        }
        Msg::BbConfirmSubmit { action } => bb_confirm_submit_en(*action).into(),
        Msg::BbCancel => "Cancel".into(),
        Msg::BbSending { action } => {
            format!("Sending “{}” to the server…", bb_action_label_en(*action))
        }
        Msg::BbAccepted { action } => bb_accepted_en(*action).into(),
        Msg::BbOutcomeUnknown => "Outcome unknown: the request was sent, but no answer came back, so \
             the device may or may not carry it out. Check the device status before trying again."
            .into(),
        Msg::BbRefused { error, billing } => bb_refused_en(error, *billing),
        Msg::BbActivityHeading => "Actions sent from this page".into(),
        Msg::BbActivityPending => "waiting for the answer".into(),
        Msg::BbActivityAccepted => "accepted".into(),
        Msg::BbActivityUnknown => "outcome unknown".into(),
        Msg::BbActivityRefused { status } => match status {
            Some(code) => format!("not carried out (error {code})"),
            None => "not carried out".into(),
        },
        Msg::ServerWordsLabel => "The server's words:".into(),
        #[cfg(feature = "domain")]
        Msg::Domain(m) => super::domain::english(m),
    }
}

fn reason_en(code: ViolationCode, ty: &str, limit: Option<u64>, quota: Option<&str>) -> String {
    match code {
        ViolationCode::TypeRequired => "Choose a plan.".into(),
        ViolationCode::TypeNotSupported => format!("The plan {ty} is not offered for this domain."),
        ViolationCode::InconsistentAllowUpgrade => {
            "A larger plan needs upgrades to be allowed for this mailbox.".into()
        }
        ViolationCode::AlreadyUpgraded => "The mailbox is on a larger plan: move it to the \
             basic plan first, then upgrades can be turned off."
            .into(),
        ViolationCode::UpgradeNotAllowed => "Upgrades are turned off for this mailbox; the \
             account owner can turn them on."
            .into(),
        ViolationCode::UsageOverQuota => match quota {
            Some(q) => format!("The mailbox holds more than this plan's {q} of storage."),
            None => "The mailbox holds more than this plan's storage.".into(),
        },
        ViolationCode::LimitReached => match limit {
            Some(n) => format!("The domain already has {n} mailboxes on this plan, its limit."),
            None => "The domain has no room left on this plan.".into(),
        },
        ViolationCode::UpgradesDisabled => {
            "Plan changes are not available for this product.".into()
        }
    }
}

fn error_en(error: &ApiError) -> String {
    match error {
        ApiError::Network(_) => {
            "The server could not be reached. Check the connection and try again.".into()
        }
        ApiError::Timeout => "The server did not answer in time.".into(),
        ApiError::InvalidRequest(_) => {
            "This panel is not set up for a mailbox, so there is nothing to show here.".into()
        }
        ApiError::BadRequestFields(_) | ApiError::BadRequestMessage(_) => {
            match super::recognised(error) {
                Some(r) => reason_en(r.code, r.r#type.as_deref().unwrap_or(""), r.limit, None),
                None => "The server refused the change.".into(),
            }
        }
        ApiError::Unauthorized => {
            "Your session has expired or does not allow this. Please sign in again.".into()
        }
        ApiError::NotFound(_) => "The server does not know this mailbox or domain.".into(),
        ApiError::MethodNotAllowed => "The server does not support this operation.".into(),
        ApiError::Conflict(_) => "The server refused this in the current state.".into(),
        ApiError::Server { status, .. } => {
            format!("The server had a problem (error {status}). Please try again later.")
        }
        ApiError::UnexpectedStatus(status) => {
            format!("The server gave an unexpected answer (status {status}).")
        }
        ApiError::InvalidBody { .. } => "The server sent an answer this panel cannot read.".into(),
    }
}

fn bb_billing_en(status: &BillingStatus) -> String {
    use BillingStatus::*;
    match status {
        Pending => "Being set up".into(),
        Open => "Active".into(),
        Suspended => "Suspended".into(),
        ClosePending => "Closing".into(),
        Closed => "Closed".into(),
        PurgePending => "Being removed".into(),
        Unknown(raw) => format!("Unrecognised status “{raw}”"),
    }
}

/// The billing status inside a sentence ("the service is …").
fn bb_billing_phrase_en(status: &BillingStatus) -> String {
    use BillingStatus::*;
    match status {
        Pending => "still being set up".into(),
        Open => "active".into(),
        Suspended => "suspended".into(),
        ClosePending => "being closed".into(),
        Closed => "closed".into(),
        PurgePending => "being removed".into(),
        Unknown(raw) => format!("in the unrecognised status “{raw}”"),
    }
}

fn bb_action_label_en(action: BlackberryAction) -> &'static str {
    use BlackberryAction::*;
    match action {
        ResendServiceBooks => "Resend service books",
        Wipe => "Wipe device",
        Reinitialize => "Reinitialize device",
    }
}

fn bb_action_help_en(action: BlackberryAction) -> &'static str {
    use BlackberryAction::*;
    match action {
        ResendServiceBooks => {
            "Sends the device its setup for mail, calendar and contacts again. \
             Use it when messages, calendar entries, contacts or address look-ups stop \
             syncing; nothing on the device is deleted."
        }
        Wipe => {
            "Erases everything on the device for good and resets it to factory settings. \
             Use it when the device is lost or stolen, or before it is handed to someone else."
        }
        Reinitialize => {
            "Erases the device, then sets up syncing again with a new password, so \
             its user goes through the device setup once more. Use it to start a device afresh."
        }
    }
}

fn bb_confirm_title_en(action: BlackberryAction) -> &'static str {
    use BlackberryAction::*;
    match action {
        ResendServiceBooks => "Resend the service books?",
        Wipe => "Wipe this device permanently?",
        Reinitialize => "Reinitialize this device?",
    }
}

fn bb_confirm_body_en(action: BlackberryAction, device: Option<&str>, user: &str) -> String {
    use BlackberryAction::*;
    let device = match device {
        Some(name) => format!("the device “{name}” of {user}"),
        None => format!("the BlackBerry device of {user}"),
    };
    match action {
        ResendServiceBooks => format!(
            "The service books are sent to {device} the next time it connects. Nothing on the \
             device is deleted."
        ),
        Wipe => format!(
            "The next time it connects, {device} is reset to factory settings. Everything on it \
             is deleted: all messages, contacts, calendar entries, photos and other data, every \
             app that was installed, and the company's security settings (IT policies)."
        ),
        Reinitialize => format!(
            "The next time it connects, {device} is erased: all messages, contacts, calendar \
             entries, photos and other data, every installed app and the IT policies are \
             deleted. Syncing is then set up again with a new password, and the user has to go \
             through the device setup again."
        ),
    }
}

fn bb_confirm_final_en(action: BlackberryAction) -> &'static str {
    use BlackberryAction::*;
    match action {
        ResendServiceBooks => "You can resend them again at any time.",
        Wipe | Reinitialize => "The deleted data cannot be recovered, by you or by support.",
    }
}

fn bb_confirm_submit_en(action: BlackberryAction) -> &'static str {
    use BlackberryAction::*;
    match action {
        ResendServiceBooks => "Resend service books",
        Wipe => "Wipe device permanently",
        Reinitialize => "Reinitialize device",
    }
}

fn bb_accepted_en(action: BlackberryAction) -> &'static str {
    use BlackberryAction::*;
    match action {
        ResendServiceBooks => {
            "Accepted: the device receives its service books the next time it connects."
        }
        Wipe => "Accepted: the device is wiped the next time it connects.",
        Reinitialize => {
            "Accepted: the device is erased and set up again the next time it connects."
        }
    }
}

fn bb_refused_en(error: &ApiError, billing: Option<&BillingStatus>) -> String {
    const CHECK: &str = "Check the device status before trying again.";
    match error {
        ApiError::Network(_) | ApiError::Timeout => text(&Msg::BbOutcomeUnknown),
        ApiError::InvalidRequest(_) => {
            "Nothing was sent: this panel is not set up with an Exchange mailbox.".into()
        }
        ApiError::BadRequestMessage(_) | ApiError::BadRequestFields(_) => {
            "The server refused the action.".into()
        }
        ApiError::Unauthorized => "Not carried out: your session has expired or does not allow \
             this action. Sign in again, then check the device status."
            .into(),
        ApiError::NotFound(_) => {
            "Not carried out: this mailbox has no BlackBerry service (any more).".into()
        }
        ApiError::MethodNotAllowed => {
            "Not carried out: the server does not support this request (error 405).".into()
        }
        ApiError::Conflict(_) => match billing.filter(|b| !b.is_open()) {
            Some(status) => format!(
                "Not carried out: the BlackBerry service is {}, and devices only take actions \
                 while it is active.",
                bb_billing_phrase_en(status)
            ),
            None => "Not carried out: the BlackBerry service is not active, and devices only \
                 take actions while it is."
                .into(),
        },
        ApiError::Server { status: 502, .. } => format!(
            "The BlackBerry service reported an internal error (502) and did not accept the \
             action. {CHECK}"
        ),
        ApiError::Server { status, .. } => format!(
            "The server had a problem (error {status}) and did not confirm the action. {CHECK}"
        ),
        ApiError::UnexpectedStatus(status) => format!(
            "The server gave an unexpected answer (status {status}) and did not confirm the \
             action. {CHECK}"
        ),
        ApiError::InvalidBody { status, .. } => format!(
            "The server sent an answer this panel cannot read (status {status}), so it is not \
             known whether the action was accepted. {CHECK}"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The destructive actions' texts, word for word: a customer decides on these.
    #[test]
    fn wipe_confirmation_and_outcome() {
        use BlackberryAction::Wipe;
        assert_eq!(
            text(&Msg::BbConfirmTitle { action: Wipe }),
            "Wipe this device permanently?"
        );
        assert_eq!(
            text(&Msg::BbConfirmBody {
                action: Wipe,
                device: Some("BlackBerry Bold"),
                user: "john.smith"
            }),
            "The next time it connects, the device “BlackBerry Bold” of john.smith is reset to \
             factory settings. Everything on it is deleted: all messages, contacts, calendar \
             entries, photos and other data, every app that was installed, and the company's \
             security settings (IT policies)."
        );
        assert_eq!(
            text(&Msg::BbConfirmFinal { action: Wipe }),
            "The deleted data cannot be recovered, by you or by support."
        );
        assert_eq!(
            text(&Msg::BbConfirmTypeLabel { user: "john.smith" }),
            "To confirm, type the mailbox name john.smith"
        );
        assert_eq!(
            text(&Msg::BbConfirmSubmit { action: Wipe }),
            "Wipe device permanently"
        );
        assert_eq!(
            text(&Msg::BbAccepted { action: Wipe }),
            "Accepted: the device is wiped the next time it connects."
        );
    }

    #[test]
    fn reinitialize_confirmation_and_outcome() {
        use BlackberryAction::Reinitialize;
        assert_eq!(
            text(&Msg::BbConfirmTitle {
                action: Reinitialize
            }),
            "Reinitialize this device?"
        );
        assert_eq!(
            text(&Msg::BbConfirmBody {
                action: Reinitialize,
                device: None,
                user: "jsmith"
            }),
            "The next time it connects, the BlackBerry device of jsmith is erased: all messages, \
             contacts, calendar entries, photos and other data, every installed app and the IT \
             policies are deleted. Syncing is then set up again with a new password, and the \
             user has to go through the device setup again."
        );
        assert_eq!(
            text(&Msg::BbConfirmFinal {
                action: Reinitialize
            }),
            "The deleted data cannot be recovered, by you or by support."
        );
        assert_eq!(
            text(&Msg::BbConfirmSubmit {
                action: Reinitialize
            }),
            "Reinitialize device"
        );
        assert_eq!(
            text(&Msg::BbAccepted {
                action: Reinitialize
            }),
            "Accepted: the device is erased and set up again the next time it connects."
        );
    }

    #[test]
    fn outcomes_that_are_not_an_acceptance() {
        assert_eq!(
            text(&Msg::BbOutcomeUnknown),
            "Outcome unknown: the request was sent, but no answer came back, so the device may \
             or may not carry it out. Check the device status before trying again."
        );
        let conflict = ApiError::Conflict(None);
        assert_eq!(
            text(&Msg::BbRefused {
                error: &conflict,
                billing: Some(&BillingStatus::Suspended)
            }),
            "Not carried out: the BlackBerry service is suspended, and devices only take \
             actions while it is active."
        );
        assert_eq!(
            text(&Msg::BbRefused {
                error: &conflict,
                billing: None
            }),
            "Not carried out: the BlackBerry service is not active, and devices only take \
             actions while it is."
        );
        let timeout = ApiError::Timeout;
        assert_eq!(
            text(&Msg::BbRefused {
                error: &timeout,
                billing: None
            }),
            text(&Msg::BbOutcomeUnknown),
            "no answer is never reported as a refusal"
        );
        assert_eq!(
            text(&Msg::BbBilling {
                status: &BillingStatus::Unknown("frozen".into())
            }),
            "Unrecognised status “frozen”"
        );
    }
}
