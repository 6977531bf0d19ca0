//! The message catalogue: every text a user sees is a [`Msg`], and [`I18n::tr`] turns
//! it into words.
//!
//! Shipped languages: English ([`en`]), German ([`de`]: every message, an exhaustive
//! `match`, so a new message does not compile until it has its German words) and Arabic
//! ([`ar`]: exhaustive too, where each message left to English says so with `None`; a
//! test holds headings, buttons and the confirmation dialog to being translated).
//! Which one a panel speaks is [`ox_core::Locale::resolve`]'s decision.

mod ar;
mod de;
#[cfg(feature = "domain")]
mod domain;
mod en;

#[cfg(feature = "domain")]
pub use domain::DomainMsg;
pub use ox_core::Locale;

use ox_core::error::ApiError;
use ox_core::rules::texts::{self, Recognised};
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
    /// The page runs in an opaque origin (a sandboxed frame without `allow-same-origin`).
    OpaqueOrigin,
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
    /// Before text only the server has (no translation exists): its words follow.
    ServerWordsLabel,
    // Domain view (its messages are in `domain.rs`)
    #[cfg(feature = "domain")]
    Domain(DomainMsg<'a>),
}

/// What the components receive through context: the locale and the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct I18n {
    /// BCP 47 tag (`en-US`), as the browser's `Intl` and `lang` want it.
    pub locale: String,
    /// The catalogue the texts come from.
    pub lang: Locale,
}

impl Default for I18n {
    fn default() -> Self {
        Self::from(Locale::EnUs)
    }
}

impl From<Locale> for I18n {
    fn from(lang: Locale) -> Self {
        Self {
            locale: lang.tag().to_owned(),
            lang,
        }
    }
}

impl I18n {
    /// Accepts the API's `en_US` form or BCP 47; anything unusable means `en_US`.
    pub fn new(locale: &str) -> Self {
        Self::from(Locale::resolve(Some(locale), None))
    }

    /// `rtl` or `ltr`, for the `dir` attribute.
    pub fn dir(&self) -> &'static str {
        self.lang.dir()
    }

    pub fn tr(&self, msg: &Msg<'_>) -> String {
        match self.lang {
            Locale::EnUs => en::text(msg),
            Locale::DeDe => de::text(msg),
            // `None`: a message deliberately left to English (see `ar.rs`), isolated
            // left to right (LRI … PDI) so its words and full stop keep their order
            // inside the right-to-left panel.
            Locale::Ar => {
                ar::text(msg).unwrap_or_else(|| format!("\u{2066}{}\u{2069}", en::text(msg)))
            }
        }
    }
}

/// The rule a refusal names when every text in it is one of the server's known rule
/// texts (then the panel says it in its own words), else `None`.
pub fn recognised(error: &ApiError) -> Option<Recognised> {
    match error {
        ApiError::BadRequestMessage(m) => texts::recognise(m),
        ApiError::BadRequestFields(fields) => {
            let all: Option<Vec<Recognised>> =
                fields.values().map(|v| texts::recognise(v)).collect();
            all?.into_iter().next()
        }
        _ => None,
    }
}

/// The server's own words of a refusal, where no translation of them exists: shown
/// marked as the server's, next to the translated sentence.
pub fn server_words(error: &ApiError) -> Option<String> {
    if recognised(error).is_some() {
        return None;
    }
    match error {
        ApiError::BadRequestMessage(m) if !m.trim().is_empty() => Some(m.clone()),
        ApiError::BadRequestFields(fields) if !fields.is_empty() => {
            let list: Vec<String> = fields.iter().map(|(k, v)| format!("{k}: {v}")).collect();
            Some(list.join("; "))
        }
        _ => None,
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
        assert_eq!(I18n::new("de_AT").locale, "de-DE");
        assert_eq!(I18n::new("ar_EG").dir(), "rtl");
    }

    #[test]
    fn english_inside_arabic_is_isolated_left_to_right() {
        let ar = I18n::new("ar");
        assert_eq!(
            ar.tr(&Msg::DowngradeWarning).chars().next(),
            Some('\u{2066}')
        );
        assert!(ar
            .tr(&Msg::DowngradeWarning)
            .ends_with("working for this mailbox.\u{2069}"));
        assert_eq!(ar.tr(&Msg::BbCancel), "إلغاء");
    }
}

/// One sample of every message, for the tests that compare languages.
#[cfg(test)]
pub(crate) fn samples() -> Vec<Msg<'static>> {
    use BlackberryAction::*;
    #[cfg(feature = "domain")]
    use DomainMsg as D;
    static SUSPENDED: BillingStatus = BillingStatus::Suspended;
    static CONFLICT: ApiError = ApiError::Conflict(None);
    static UNAUTHORIZED: ApiError = ApiError::Unauthorized;
    static SETTINGS: Msg<'static> = Msg::WhatSettings;
    let mut all = vec![
        Msg::AppTitle,
        Msg::ShellFor {
            account: "a",
            domain: "d",
            mailbox: "m",
        },
        Msg::ShellForDomain {
            account: "a",
            domain: "d",
        },
        Msg::ConfigError { detail: "x" },
        Msg::Loading,
        Msg::TryAgain,
        Msg::LoadFailed { what: &SETTINGS },
        Msg::ExchangeTarget {
            domain: "d",
            user: "u",
        },
        Msg::DomainHeading,
        Msg::DomainPlaceholder { domain: "d" },
        Msg::WhatSettings,
        Msg::WhatPlanNames,
        Msg::WhatPlanLimits,
        Msg::WhatMailbox,
        Msg::WhatCounts,
        Msg::WhatBlackberryStatus,
        Msg::WhatBlackberryStatistics,
        Msg::WebmailHeading,
        Msg::CurrentPlanLabel,
        Msg::CurrentPlan {
            name: "n",
            r#type: "t",
        },
        Msg::UpgradesAllowed,
        Msg::UpgradesNotAllowed,
        Msg::UsageLabel,
        Msg::UsageOf {
            usage: "1",
            quota: "2",
        },
        Msg::UsageUnknown,
        Msg::ChoosePlan,
        Msg::PlanOption {
            name: "n",
            r#type: "t",
        },
        Msg::AllowUpgradeLabel,
        Msg::SummaryChange { from: "a", to: "b" },
        Msg::SummaryAllowOn,
        Msg::SummaryAllowOff,
        Msg::DowngradeWarning,
        Msg::NoChange,
        Msg::Submit,
        Msg::Submitting,
        Msg::PlanChanged { to: "p" },
        Msg::PlanOutcomeUnknown,
        Msg::Error(&CONFLICT),
        Msg::Error(&UNAUTHORIZED),
        Msg::BlackberryHeading,
        Msg::BbStatusLabel,
        Msg::BbBilling { status: &SUSPENDED },
        Msg::BbNoService,
        Msg::BbNotConfigured,
        Msg::BbDeviceHeading,
        Msg::BbDeviceName,
        Msg::BbPin,
        Msg::BbDeviceType,
        Msg::BbDeviceStatus,
        Msg::BbDataService,
        Msg::BbDataOn,
        Msg::BbDataOff,
        Msg::BbForwarded,
        Msg::BbSent,
        Msg::BbPending,
        Msg::BbFiltered,
        Msg::BbLastResult,
        Msg::BbLastForward,
        Msg::BbLastSend,
        Msg::BbNotAvailable,
        Msg::BbActionsHeading,
        Msg::BbBlockedNoUser,
        Msg::BbBlockedBusy,
        Msg::BbBlockedChecking,
        Msg::BbBlockedNoService,
        Msg::BbBlockedNotOpen { status: &SUSPENDED },
        Msg::BbBlockedUnreadable,
        Msg::BbConfirmTypeLabel { user: "u" },
        Msg::BbConfirmTypeHint,
        Msg::BbCancel,
        Msg::BbOutcomeUnknown,
        Msg::BbRefused {
            error: &CONFLICT,
            billing: Some(&SUSPENDED),
        },
        Msg::BbActivityHeading,
        Msg::BbActivityPending,
        Msg::BbActivityAccepted,
        Msg::BbActivityUnknown,
        Msg::BbActivityRefused { status: Some(409) },
        Msg::ServerWordsLabel,
    ];
    for code in [
        ViolationCode::TypeRequired,
        ViolationCode::TypeNotSupported,
        ViolationCode::InconsistentAllowUpgrade,
        ViolationCode::AlreadyUpgraded,
        ViolationCode::UpgradeNotAllowed,
        ViolationCode::UsageOverQuota,
        ViolationCode::LimitReached,
        ViolationCode::UpgradesDisabled,
    ] {
        all.push(Msg::Reason {
            code,
            r#type: "t",
            limit: Some(2),
            quota: Some("1 GB"),
        });
    }
    for action in [ResendServiceBooks, Wipe, Reinitialize] {
        all.extend([
            Msg::BbActionLabel { action },
            Msg::BbActionHelp { action },
            Msg::BbConfirmTitle { action },
            Msg::BbConfirmBody {
                action,
                device: Some("d"),
                user: "u",
            },
            Msg::BbConfirmFinal { action },
            Msg::BbConfirmSubmit { action },
            Msg::BbSending { action },
            Msg::BbAccepted { action },
        ]);
    }
    #[cfg(feature = "domain")]
    all.extend(
        [
            D::WhatList,
            D::FilterLabel,
            D::FilterHint,
            D::SortLabel,
            D::SortUsername,
            D::SortQuota,
            D::PageSizeLabel,
            D::PageOf {
                page: 1,
                pages: 2,
                total: 3,
            },
            D::PrevPage,
            D::NextPage,
            D::ListCaption { domain: "d" },
            D::ColSelect,
            D::ColUsername,
            D::ColPlan,
            D::ColQuota,
            D::ColAllowUpgrade,
            D::ColMaster,
            D::Yes,
            D::No,
            D::NotKnown,
            D::SelectRow { name: "n" },
            D::SelectPage,
            D::OpenMailbox { name: "n" },
            D::Empty,
            D::EmptyFilter,
            D::LimitsHeading,
            D::LimitUsed {
                name: "n",
                used: 1,
                limit: 2,
            },
            D::LimitCountUnknown {
                name: "n",
                limit: 2,
            },
            D::NoLimits,
            D::Back,
            D::MailboxHeading { mailbox: "m" },
            D::BulkHeading,
            D::SelectedCount { n: 2 },
            D::ClearSelection,
            D::TargetLegend,
            D::ChooseTargetFirst,
            D::SelectRowsFirst,
            D::PreviewSend { n: 2 },
            D::PreviewUnchanged { n: 2 },
            D::PreviewServer { n: 2 },
            D::PreviewRefused { n: 2 },
            D::RefusedRow {
                name: "n",
                reason: "r",
            },
            D::LimitBySelection { limit: 2, used: 1 },
            D::Submit { n: 2, plan: "p" },
            D::Cancel,
            D::RetryFailed { n: 2 },
            D::ProgressLabel,
            D::Progress {
                finished: 1,
                total: 2,
                done: 1,
                failed: 0,
                cancelled: 0,
            },
            D::PhaseRunning,
            D::PhaseStopping,
            D::PhaseFinished,
            D::PhaseCancelled,
            D::PhaseUnauthorized,
            D::ResultQueued,
            D::ResultSending,
            D::ResultDone,
            D::ResultFailed { error: "e" },
            D::ResultUnknown,
            D::ResultCancelled,
        ]
        .map(Msg::Domain),
    );
    all
}

#[cfg(test)]
mod language_tests {
    use super::*;

    /// German says everything in German: a text equal to the English one is a word both
    /// languages share, listed here, or a forgotten translation.
    #[test]
    fn every_german_text_differs_from_english_or_is_listed() {
        let same_in_both = ["Name", "PIN", "Master", "n (t)", "n: r"];
        let (en, de) = (I18n::new("en_US"), I18n::new("de_DE"));
        for msg in samples() {
            let (e, d) = (en.tr(&msg), de.tr(&msg));
            assert!(!d.is_empty(), "{msg:?}");
            if e == d {
                assert!(
                    same_in_both.contains(&d.as_str()),
                    "{msg:?} is English in German: {d}"
                );
            }
        }
    }

    /// Arabic translates a message or says it is left to English; either way no text is
    /// empty and nothing English is passed off as translated.
    #[test]
    fn arabic_is_arabic_or_marked_english() {
        let ar = I18n::new("ar");
        for msg in samples() {
            let t = ar.tr(&msg);
            let arabic = t.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
            let isolated_english = t.starts_with('\u{2066}') && t.ends_with('\u{2069}');
            assert!(arabic || isolated_english || t == "n (t)", "{msg:?}: {t}");
        }
    }
}
