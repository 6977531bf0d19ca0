//! The message catalogue: every text a user sees comes from here, by key.
//!
//! English is the only language today; a second one adds a `match` arm in [`I18n::tr`]
//! and a function like [`english`], and no component changes.

use ox_core::error::ApiError;
use ox_core::rules::ViolationCode;

// Domain view
mod domain;
pub use domain::DomainMsg;

/// One message and the values it needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg<'a> {
    // Shell
    AppTitle,
    ShellFor {
        account: &'a str,
        domain: &'a str,
        mailbox: &'a str,
    },
    ShellForDomain {
        account: &'a str,
        domain: &'a str,
    },
    ConfigError {
        detail: &'a str,
    },
    Loading,
    TryAgain,
    LoadFailed {
        what: &'a Msg<'a>,
    },
    ExchangeTarget {
        domain: &'a str,
        user: &'a str,
    },
    DomainHeading,
    DomainPlaceholder {
        domain: &'a str,
    },
    // What a failed read was about
    WhatSettings,
    WhatPlanNames,
    WhatPlanLimits,
    WhatMailbox,
    WhatCounts,
    WhatBlackberryStatus,
    WhatBlackberryStatistics,
    // Webmail panel
    WebmailHeading,
    CurrentPlanLabel,
    CurrentPlan {
        name: &'a str,
        r#type: &'a str,
    },
    UpgradesAllowed,
    UpgradesNotAllowed,
    UsageLabel,
    UsageOf {
        usage: &'a str,
        quota: &'a str,
    },
    UsageUnknown,
    ChoosePlan,
    PlanOption {
        name: &'a str,
        r#type: &'a str,
    },
    AllowUpgradeLabel,
    Reason {
        code: ViolationCode,
        r#type: &'a str,
        limit: Option<u64>,
        quota: Option<&'a str>,
    },
    SummaryChange {
        from: &'a str,
        to: &'a str,
    },
    SummaryAllowOn,
    SummaryAllowOff,
    DowngradeWarning,
    NoChange,
    Submit,
    Submitting,
    PlanChanged {
        to: &'a str,
    },
    PlanOutcomeUnknown,
    FieldError {
        field: &'a str,
        text: &'a str,
    },
    // Failures of any request
    Error(&'a ApiError),
    // BlackBerry panel
    BlackberryHeading,
    // BlackBerry panel: service and device (BlackBerry section, kept together)
    BbStatusLabel,
    BbBilling {
        status: &'a ox_core::types::BillingStatus,
    },
    BbNoService,
    BbNotConfigured,
    BbDeviceHeading,
    BbDeviceName,
    BbPin,
    BbDeviceType,
    BbDeviceStatus,
    BbDataService,
    BbDataOn,
    BbDataOff,
    BbForwarded,
    BbSent,
    BbPending,
    BbFiltered,
    BbLastResult,
    BbLastForward,
    BbLastSend,
    BbNotAvailable,
    // BlackBerry panel: actions and why they are unavailable
    BbActionsHeading,
    BbActionLabel {
        action: ox_core::types::BlackberryAction,
    },
    BbActionHelp {
        action: ox_core::types::BlackberryAction,
    },
    BbBlockedNoUser,
    BbBlockedBusy,
    BbBlockedChecking,
    BbBlockedNoService,
    BbBlockedNotOpen {
        status: &'a ox_core::types::BillingStatus,
    },
    BbBlockedUnreadable,
    // BlackBerry panel: confirmation
    BbConfirmTitle {
        action: ox_core::types::BlackberryAction,
    },
    BbConfirmBody {
        action: ox_core::types::BlackberryAction,
        device: Option<&'a str>,
        user: &'a str,
    },
    BbConfirmFinal {
        action: ox_core::types::BlackberryAction,
    },
    BbConfirmTypeLabel {
        user: &'a str,
    },
    BbConfirmTypeHint,
    BbConfirmSubmit {
        action: ox_core::types::BlackberryAction,
    },
    BbCancel,
    // BlackBerry panel: outcomes and activity
    BbSending {
        action: ox_core::types::BlackberryAction,
    },
    BbAccepted {
        action: ox_core::types::BlackberryAction,
    },
    BbOutcomeUnknown,
    BbRefused {
        error: &'a ApiError,
        billing: Option<&'a ox_core::types::BillingStatus>,
    },
    BbActivityHeading,
    BbActivityPending,
    BbActivityAccepted,
    BbActivityUnknown,
    BbActivityRefused {
        status: Option<u16>,
    },
    // Domain view (its messages are in `domain.rs`)
    Domain(DomainMsg<'a>),
}

/// What the components receive through context: the locale and the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct I18n {
    /// BCP 47 tag (`en-US`), as the browser's `Intl` wants it.
    pub locale: String,
}

impl Default for I18n {
    fn default() -> Self {
        Self::new("en_US")
    }
}

impl I18n {
    /// Accepts the API's `en_US` form or BCP 47; anything unusable falls back to `en-US`.
    pub fn new(locale: &str) -> Self {
        let tag = locale.trim().replace('_', "-");
        let valid = !tag.is_empty()
            && tag.len() <= 35
            && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        Self {
            locale: if valid { tag } else { "en-US".to_owned() },
        }
    }

    pub fn tr(&self, msg: &Msg<'_>) -> String {
        // Only English exists yet; the language part of the locale will pick the table.
        english(msg)
    }
}

impl Msg<'_> {
    /// Stable key of the message, for translators and tests.
    pub fn key(&self) -> &'static str {
        match self {
            Msg::AppTitle => "app.title",
            Msg::ShellFor { .. } => "shell.for",
            Msg::ShellForDomain { .. } => "shell.for_domain",
            Msg::ConfigError { .. } => "shell.config_error",
            Msg::Loading => "common.loading",
            Msg::TryAgain => "common.try_again",
            Msg::LoadFailed { .. } => "common.load_failed",
            Msg::ExchangeTarget { .. } => "blackberry.target",
            Msg::DomainHeading => "domain.heading",
            Msg::DomainPlaceholder { .. } => "domain.placeholder",
            Msg::WhatSettings => "what.settings",
            Msg::WhatPlanNames => "what.plan_names",
            Msg::WhatPlanLimits => "what.plan_limits",
            Msg::WhatMailbox => "what.mailbox",
            Msg::WhatCounts => "what.counts",
            Msg::WhatBlackberryStatus => "what.blackberry_status",
            Msg::WhatBlackberryStatistics => "what.blackberry_statistics",
            Msg::WebmailHeading => "webmail.heading",
            Msg::CurrentPlanLabel => "webmail.current_label",
            Msg::CurrentPlan { .. } => "webmail.current",
            Msg::UpgradesAllowed => "webmail.upgrades_allowed",
            Msg::UpgradesNotAllowed => "webmail.upgrades_not_allowed",
            Msg::UsageLabel => "webmail.usage_label",
            Msg::UsageOf { .. } => "webmail.usage_of",
            Msg::UsageUnknown => "webmail.usage_unknown",
            Msg::ChoosePlan => "webmail.choose",
            Msg::PlanOption { .. } => "webmail.option",
            Msg::AllowUpgradeLabel => "webmail.allow_upgrade",
            Msg::Reason { code, .. } => reason_key(*code),
            Msg::SummaryChange { .. } => "webmail.summary_change",
            Msg::SummaryAllowOn => "webmail.summary_allow_on",
            Msg::SummaryAllowOff => "webmail.summary_allow_off",
            Msg::DowngradeWarning => "webmail.downgrade_warning",
            Msg::NoChange => "webmail.no_change",
            Msg::Submit => "webmail.submit",
            Msg::Submitting => "webmail.submitting",
            Msg::PlanChanged { .. } => "webmail.changed",
            Msg::PlanOutcomeUnknown => "webmail.outcome_unknown",
            Msg::FieldError { .. } => "webmail.field_error",
            Msg::Error(e) => error_key(e),
            Msg::BlackberryHeading => "blackberry.heading",
            // BlackBerry panel (BlackBerry section, kept together)
            Msg::BbStatusLabel => "blackberry.status_label",
            Msg::BbBilling { status } => bb_billing_key(status),
            Msg::BbNoService => "blackberry.no_service",
            Msg::BbNotConfigured => "blackberry.not_configured",
            Msg::BbDeviceHeading => "blackberry.device.heading",
            Msg::BbDeviceName => "blackberry.device.name",
            Msg::BbPin => "blackberry.device.pin",
            Msg::BbDeviceType => "blackberry.device.type",
            Msg::BbDeviceStatus => "blackberry.device.status",
            Msg::BbDataService => "blackberry.device.data_service",
            Msg::BbDataOn => "blackberry.device.data_on",
            Msg::BbDataOff => "blackberry.device.data_off",
            Msg::BbForwarded => "blackberry.device.forwarded",
            Msg::BbSent => "blackberry.device.sent",
            Msg::BbPending => "blackberry.device.pending",
            Msg::BbFiltered => "blackberry.device.filtered",
            Msg::BbLastResult => "blackberry.device.last_result",
            Msg::BbLastForward => "blackberry.device.last_forward",
            Msg::BbLastSend => "blackberry.device.last_send",
            Msg::BbNotAvailable => "blackberry.device.not_available",
            Msg::BbActionsHeading => "blackberry.actions.heading",
            Msg::BbActionLabel { action } => bb_per_action(
                *action,
                [
                    "blackberry.action.resend.label",
                    "blackberry.action.wipe.label",
                    "blackberry.action.reinitialize.label",
                ],
            ),
            Msg::BbActionHelp { action } => bb_per_action(
                *action,
                [
                    "blackberry.action.resend.help",
                    "blackberry.action.wipe.help",
                    "blackberry.action.reinitialize.help",
                ],
            ),
            Msg::BbBlockedNoUser => "blackberry.blocked.no_user",
            Msg::BbBlockedBusy => "blackberry.blocked.busy",
            Msg::BbBlockedChecking => "blackberry.blocked.checking",
            Msg::BbBlockedNoService => "blackberry.blocked.no_service",
            Msg::BbBlockedNotOpen { .. } => "blackberry.blocked.not_open",
            Msg::BbBlockedUnreadable => "blackberry.blocked.unreadable",
            Msg::BbConfirmTitle { action } => bb_per_action(
                *action,
                [
                    "blackberry.confirm.resend.title",
                    "blackberry.confirm.wipe.title",
                    "blackberry.confirm.reinitialize.title",
                ],
            ),
            Msg::BbConfirmBody { action, .. } => bb_per_action(
                *action,
                [
                    "blackberry.confirm.resend.body",
                    "blackberry.confirm.wipe.body",
                    "blackberry.confirm.reinitialize.body",
                ],
            ),
            Msg::BbConfirmFinal { action } => bb_per_action(
                *action,
                [
                    "blackberry.confirm.resend.final",
                    "blackberry.confirm.wipe.final",
                    "blackberry.confirm.reinitialize.final",
                ],
            ),
            Msg::BbConfirmTypeLabel { .. } => "blackberry.confirm.type_label",
            Msg::BbConfirmTypeHint => "blackberry.confirm.type_hint",
            Msg::BbConfirmSubmit { action } => bb_per_action(
                *action,
                [
                    "blackberry.confirm.resend.submit",
                    "blackberry.confirm.wipe.submit",
                    "blackberry.confirm.reinitialize.submit",
                ],
            ),
            Msg::BbCancel => "blackberry.confirm.cancel",
            Msg::BbSending { .. } => "blackberry.result.sending",
            Msg::BbAccepted { action } => bb_per_action(
                *action,
                [
                    "blackberry.result.resend.accepted",
                    "blackberry.result.wipe.accepted",
                    "blackberry.result.reinitialize.accepted",
                ],
            ),
            Msg::BbOutcomeUnknown => "blackberry.result.unknown",
            Msg::BbRefused { error, .. } => bb_refused_key(error),
            Msg::BbActivityHeading => "blackberry.activity.heading",
            Msg::BbActivityPending => "blackberry.activity.pending",
            Msg::BbActivityAccepted => "blackberry.activity.accepted",
            Msg::BbActivityUnknown => "blackberry.activity.unknown",
            Msg::BbActivityRefused { .. } => "blackberry.activity.refused",
            // Domain view
            Msg::Domain(m) => m.key(),
        }
    }
}

fn reason_key(code: ViolationCode) -> &'static str {
    match code {
        ViolationCode::TypeRequired => "reason.type_required",
        ViolationCode::TypeNotSupported => "reason.type_not_supported",
        ViolationCode::InconsistentAllowUpgrade => "reason.inconsistent",
        ViolationCode::AlreadyUpgraded => "reason.already_upgraded",
        ViolationCode::UpgradeNotAllowed => "reason.upgrade_not_allowed",
        ViolationCode::UsageOverQuota => "reason.usage_over_quota",
        ViolationCode::LimitReached => "reason.limit_reached",
        ViolationCode::UpgradesDisabled => "reason.upgrades_disabled",
    }
}

fn error_key(error: &ApiError) -> &'static str {
    match error {
        ApiError::Network(_) => "error.network",
        ApiError::Timeout => "error.timeout",
        ApiError::InvalidRequest(_) => "error.invalid_request",
        ApiError::BadRequestFields(_) => "error.bad_request_fields",
        ApiError::BadRequestMessage(_) => "error.bad_request_message",
        ApiError::Unauthorized => "error.unauthorized",
        ApiError::NotFound(_) => "error.not_found",
        ApiError::MethodNotAllowed => "error.method_not_allowed",
        ApiError::Conflict(_) => "error.conflict",
        ApiError::Server { .. } => "error.server",
        ApiError::UnexpectedStatus(_) => "error.unexpected_status",
        ApiError::InvalidBody { .. } => "error.invalid_body",
    }
}

fn english(msg: &Msg<'_>) -> String {
    match msg {
        Msg::AppTitle => "Mailbox settings".into(),
        Msg::ShellFor { account, domain, mailbox } => {
            format!("Account {account} · {mailbox}@{domain}")
        }
        Msg::ShellForDomain { account, domain } => format!("Account {account} · {domain}"),
        Msg::ConfigError { detail } => {
            format!("This panel is not set up correctly: {detail}")
        }
        Msg::Loading => "Loading…".into(),
        Msg::TryAgain => "Try again".into(),
        Msg::LoadFailed { what } => format!("Could not load {}.", english(what)),
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
        Msg::FieldError { field, text } => format!("{field}: {text}"),
        Msg::Error(e) => error_en(e),
        Msg::BlackberryHeading => "BlackBerry device".into(),
        // BlackBerry panel (BlackBerry section, kept together)
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
        // Domain view
        Msg::Domain(m) => domain::english(m),
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
        ApiError::BadRequestFields(fields) => {
            let list: Vec<String> = fields.iter().map(|(k, v)| format!("{k}: {v}")).collect();
            format!("The server refused the change ({}).", list.join("; "))
        }
        ApiError::BadRequestMessage(m) => format!("The server refused the change: {m}"),
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

// ---- BlackBerry panel (BlackBerry section, kept together) ----

fn bb_per_action(
    action: ox_core::types::BlackberryAction,
    keys: [&'static str; 3],
) -> &'static str {
    use ox_core::types::BlackberryAction::*;
    match action {
        ResendServiceBooks => keys[0],
        Wipe => keys[1],
        Reinitialize => keys[2],
    }
}

fn bb_billing_key(status: &ox_core::types::BillingStatus) -> &'static str {
    use ox_core::types::BillingStatus::*;
    match status {
        Pending => "blackberry.billing.pending",
        Open => "blackberry.billing.open",
        Suspended => "blackberry.billing.suspended",
        ClosePending => "blackberry.billing.close_pending",
        Closed => "blackberry.billing.closed",
        PurgePending => "blackberry.billing.purge_pending",
        Unknown(_) => "blackberry.billing.unknown",
    }
}

fn bb_refused_key(error: &ApiError) -> &'static str {
    match error {
        ApiError::Network(_) | ApiError::Timeout => "blackberry.result.unknown",
        ApiError::InvalidRequest(_) => "blackberry.refused.invalid_request",
        ApiError::BadRequestFields(_) | ApiError::BadRequestMessage(_) => {
            "blackberry.refused.bad_request"
        }
        ApiError::Unauthorized => "blackberry.refused.unauthorized",
        ApiError::NotFound(_) => "blackberry.refused.no_service",
        ApiError::MethodNotAllowed => "blackberry.refused.method_not_allowed",
        ApiError::Conflict(_) => "blackberry.refused.not_open",
        ApiError::Server { status: 502, .. } => "blackberry.refused.bad_gateway",
        ApiError::Server { .. } => "blackberry.refused.server",
        ApiError::UnexpectedStatus(_) => "blackberry.refused.unexpected_status",
        ApiError::InvalidBody { .. } => "blackberry.refused.invalid_body",
    }
}

/// The billing status as the status line shows it.
fn bb_billing_en(status: &ox_core::types::BillingStatus) -> String {
    use ox_core::types::BillingStatus::*;
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
fn bb_billing_phrase_en(status: &ox_core::types::BillingStatus) -> String {
    use ox_core::types::BillingStatus::*;
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

fn bb_action_label_en(action: ox_core::types::BlackberryAction) -> &'static str {
    use ox_core::types::BlackberryAction::*;
    match action {
        ResendServiceBooks => "Resend service books",
        Wipe => "Wipe device",
        Reinitialize => "Reinitialize device",
    }
}

fn bb_action_help_en(action: ox_core::types::BlackberryAction) -> &'static str {
    use ox_core::types::BlackberryAction::*;
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

fn bb_confirm_title_en(action: ox_core::types::BlackberryAction) -> &'static str {
    use ox_core::types::BlackberryAction::*;
    match action {
        ResendServiceBooks => "Resend the service books?",
        Wipe => "Wipe this device permanently?",
        Reinitialize => "Reinitialize this device?",
    }
}

fn bb_confirm_body_en(
    action: ox_core::types::BlackberryAction,
    device: Option<&str>,
    user: &str,
) -> String {
    use ox_core::types::BlackberryAction::*;
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

fn bb_confirm_final_en(action: ox_core::types::BlackberryAction) -> &'static str {
    use ox_core::types::BlackberryAction::*;
    match action {
        ResendServiceBooks => "You can resend them again at any time.",
        Wipe | Reinitialize => "The deleted data cannot be recovered, by you or by support.",
    }
}

fn bb_confirm_submit_en(action: ox_core::types::BlackberryAction) -> &'static str {
    use ox_core::types::BlackberryAction::*;
    match action {
        ResendServiceBooks => "Resend service books",
        Wipe => "Wipe device permanently",
        Reinitialize => "Reinitialize device",
    }
}

fn bb_accepted_en(action: ox_core::types::BlackberryAction) -> &'static str {
    use ox_core::types::BlackberryAction::*;
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

fn bb_refused_en(error: &ApiError, billing: Option<&ox_core::types::BillingStatus>) -> String {
    const CHECK: &str = "Check the device status before trying again.";
    match error {
        ApiError::Network(_) | ApiError::Timeout => english(&Msg::BbOutcomeUnknown),
        ApiError::InvalidRequest(_) => {
            "Nothing was sent: this panel is not set up with an Exchange mailbox.".into()
        }
        ApiError::BadRequestMessage(m) => format!("The server refused the action: {m}"),
        ApiError::BadRequestFields(fields) => {
            let list: Vec<String> = fields.iter().map(|(k, v)| format!("{k}: {v}")).collect();
            format!("The server refused the action ({}).", list.join("; "))
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
mod bb_tests {
    use super::*;
    use ox_core::types::{BillingStatus, BlackberryAction};

    #[test]
    fn every_blackberry_message_has_text_and_its_own_key() {
        let statuses = [
            BillingStatus::Pending,
            BillingStatus::Open,
            BillingStatus::Suspended,
            BillingStatus::ClosePending,
            BillingStatus::Closed,
            BillingStatus::PurgePending,
            BillingStatus::Unknown("frozen".into()),
        ];
        let mut keys = std::collections::BTreeSet::new();
        for s in &statuses {
            let m = Msg::BbBilling { status: s };
            assert!(m.key().starts_with("blackberry.billing."));
            assert!(keys.insert(m.key()), "{}", m.key());
            assert!(!I18n::default()
                .tr(&Msg::BbBlockedNotOpen { status: s })
                .is_empty());
        }
        assert!(I18n::default()
            .tr(&Msg::BbBilling {
                status: &statuses[6]
            })
            .contains("“frozen”"));
        for action in BlackberryAction::all() {
            for m in [
                Msg::BbActionLabel { action },
                Msg::BbActionHelp { action },
                Msg::BbConfirmTitle { action },
                Msg::BbConfirmBody {
                    action,
                    device: None,
                    user: "john.smith",
                },
                Msg::BbConfirmFinal { action },
                Msg::BbConfirmSubmit { action },
                Msg::BbAccepted { action },
            ] {
                assert!(m.key().starts_with("blackberry."));
                assert!(keys.insert(m.key()), "{}", m.key());
                assert!(!I18n::default().tr(&m).is_empty());
            }
        }
        assert_eq!(
            I18n::default().tr(&Msg::BbConfirmSubmit {
                action: BlackberryAction::Wipe
            }),
            "Wipe device permanently"
        );
    }

    #[test]
    fn a_refusal_names_the_billing_status() {
        let e = ApiError::Conflict(None);
        let text = I18n::default().tr(&Msg::BbRefused {
            error: &e,
            billing: Some(&BillingStatus::Suspended),
        });
        assert!(text.contains("suspended"), "{text}");
        let text = I18n::default().tr(&Msg::BbRefused {
            error: &e,
            billing: None,
        });
        assert!(text.contains("not active"), "{text}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_forms() {
        assert_eq!(I18n::new("en_US").locale, "en-US");
        assert_eq!(I18n::new("de-DE").locale, "de-DE");
        assert_eq!(I18n::new("<script>").locale, "en-US");
        assert_eq!(I18n::new("").locale, "en-US");
    }

    #[test]
    fn every_reason_has_text_and_key() {
        use ViolationCode::*;
        for code in [
            TypeRequired,
            TypeNotSupported,
            InconsistentAllowUpgrade,
            AlreadyUpgraded,
            UpgradeNotAllowed,
            UsageOverQuota,
            LimitReached,
            UpgradesDisabled,
        ] {
            let m = Msg::Reason {
                code,
                r#type: "premium",
                limit: Some(2),
                quota: Some("1 GB"),
            };
            assert!(m.key().starts_with("reason."));
            assert!(!I18n::default().tr(&m).is_empty());
        }
    }
}
