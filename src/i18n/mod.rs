//! The message catalogue: every text a user sees is a [`Msg`], and [`I18n::tr`] turns
//! it into words.
//!
//! English ([`en`]) is the only language today. A second one is a file next to it
//! (`de.rs` with its own `text(&Msg) -> String`, which the compiler makes cover every
//! message) and an arm in [`I18n::tr`]; no component changes.

mod domain;
mod en;

pub use domain::DomainMsg;

use ox_core::error::ApiError;
use ox_core::rules::ViolationCode;
use ox_core::types::{BillingStatus, BlackberryAction};
use yew::Callback;

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
    // Failures of any request
    Error(&'a ApiError),
    // BlackBerry panel: service and device
    BlackberryHeading,
    BbStatusLabel,
    BbBilling {
        status: &'a BillingStatus,
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
        action: BlackberryAction,
    },
    BbActionHelp {
        action: BlackberryAction,
    },
    BbBlockedNoUser,
    BbBlockedBusy,
    BbBlockedChecking,
    BbBlockedNoService,
    BbBlockedNotOpen {
        status: &'a BillingStatus,
    },
    BbBlockedUnreadable,
    // BlackBerry panel: confirmation
    BbConfirmTitle {
        action: BlackberryAction,
    },
    BbConfirmBody {
        action: BlackberryAction,
        device: Option<&'a str>,
        user: &'a str,
    },
    BbConfirmFinal {
        action: BlackberryAction,
    },
    BbConfirmTypeLabel {
        user: &'a str,
    },
    BbConfirmTypeHint,
    BbConfirmSubmit {
        action: BlackberryAction,
    },
    BbCancel,
    // BlackBerry panel: outcomes and activity
    BbSending {
        action: BlackberryAction,
    },
    BbAccepted {
        action: BlackberryAction,
    },
    BbOutcomeUnknown,
    BbRefused {
        error: &'a ApiError,
        billing: Option<&'a BillingStatus>,
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
        // Checked once here: `Intl` throws on a malformed tag (`123`, `en--US`).
        Self {
            locale: ox_core::config::locale_tag(locale).unwrap_or_else(|| "en-US".to_owned()),
        }
    }

    pub fn tr(&self, msg: &Msg<'_>) -> String {
        // Only English exists yet; the language part of the locale will pick the table.
        en::text(msg)
    }
}

/// Lets a panel report the account's language once it knows it (the default locale).
#[derive(Clone, PartialEq)]
pub struct LanguageHint(pub Callback<String>);

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
}
