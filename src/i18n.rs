//! The message catalogue: every text a user sees comes from here, by key.
//!
//! English is the only language today; a second one adds a `match` arm in [`I18n::tr`]
//! and a function like [`english`], and no component changes.

use ox_core::error::ApiError;
use ox_core::rules::ViolationCode;

/// One message and the values it needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg<'a> {
    // Shell
    AppTitle,
    ShellFor { account: &'a str, domain: &'a str, mailbox: &'a str },
    ShellForDomain { account: &'a str, domain: &'a str },
    ConfigError { detail: &'a str },
    Loading,
    TryAgain,
    LoadFailed { what: &'a Msg<'a> },
    ExchangeTarget { domain: &'a str, user: &'a str },
    DomainHeading,
    DomainPlaceholder { domain: &'a str },
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
    CurrentPlan { name: &'a str, r#type: &'a str },
    UpgradesAllowed,
    UpgradesNotAllowed,
    UsageLabel,
    UsageOf { usage: &'a str, quota: &'a str },
    UsageUnknown,
    ChoosePlan,
    PlanOption { name: &'a str, r#type: &'a str },
    AllowUpgradeLabel,
    Reason { code: ViolationCode, r#type: &'a str, limit: Option<u64>, quota: Option<&'a str> },
    SummaryChange { from: &'a str, to: &'a str },
    SummaryAllowOn,
    SummaryAllowOff,
    DowngradeWarning,
    NoChange,
    Submit,
    Submitting,
    PlanChanged { to: &'a str },
    PlanOutcomeUnknown,
    FieldError { field: &'a str, text: &'a str },
    // Failures of any request
    Error(&'a ApiError),
    // BlackBerry panel
    BlackberryHeading,
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
        Self { locale: if valid { tag } else { "en-US".to_owned() } }
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
        ViolationCode::UpgradesDisabled => "Plan changes are not available for this product.".into(),
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
            let m = Msg::Reason { code, r#type: "premium", limit: Some(2), quota: Some("1 GB") };
            assert!(m.key().starts_with("reason."));
            assert!(!I18n::default().tr(&m).is_empty());
        }
    }
}
