//! Arabic (Modern Standard), written right to left. Headings, buttons, the confirmation
//! dialog (a test holds these to it) and the BlackBerry device's details are translated;
//! every other message is listed explicitly with `None`, which shows it in English. The `match`es are
//! exhaustive, so a new message does not compile until it is decided here.

use ox_core::types::{BillingStatus, BlackberryAction};

#[cfg(feature = "domain")]
use super::DomainMsg;
use super::Msg;

pub(super) fn text(msg: &Msg<'_>) -> Option<String> {
    let s = |t: &str| Some(t.to_owned());
    match msg {
        Msg::AppTitle => s("إعدادات صندوق البريد"),
        Msg::ShellFor {
            account,
            domain,
            mailbox,
        } => Some(format!("الحساب {account} · {mailbox}@{domain}")),
        Msg::ShellForDomain { account, domain } => Some(format!("الحساب {account} · {domain}")),
        Msg::OpaqueOrigin => s(
            "لا يمكن تشغيل هذه اللوحة داخل إطار معزول بلا أصل خاص به. على الصفحة التي \
             تضمّنها أن تضيف \u{2066}allow-same-origin\u{2069} إلى السمة \u{2066}sandbox\u{2069} للإطار.",
        ),
        Msg::Loading => s("جارٍ التحميل…"),
        Msg::TryAgain => s("إعادة المحاولة"),
        Msg::DomainHeading => s("صناديق البريد"),
        Msg::WebmailHeading => s("خطة البريد عبر الويب"),
        Msg::CurrentPlanLabel => s("الخطة الحالية"),
        Msg::UsageLabel => s("المساحة المستخدمة"),
        Msg::ChoosePlan => s("اختر خطة"),
        Msg::AllowUpgradeLabel => s("السماح بالترقية إلى خطة أكبر"),
        Msg::CurrentPlan { name, r#type } | Msg::PlanOption { name, r#type } => {
            Some(format!("{name} ({type})"))
        }
        Msg::Submit => s("تغيير الخطة"),
        Msg::Submitting => s("جارٍ تغيير الخطة…"),
        Msg::BlackberryHeading => s("جهاز BlackBerry"),
        Msg::BbStatusLabel => s("خدمة BlackBerry"),
        Msg::BbDeviceHeading => s("الجهاز"),
        Msg::BbActionsHeading => s("إجراءات الجهاز"),
        Msg::BbActivityHeading => s("الإجراءات المرسلة من هذه الصفحة"),
        Msg::BbActionLabel { action } => s(action_label(*action)),
        Msg::BbConfirmTitle { action } => s(match action {
            BlackberryAction::ResendServiceBooks => "هل تريد إعادة إرسال دفاتر الخدمة؟",
            BlackberryAction::Wipe => "هل تريد مسح هذا الجهاز نهائيًا؟",
            BlackberryAction::Reinitialize => "هل تريد إعادة تهيئة هذا الجهاز؟",
        }),
        Msg::BbConfirmBody {
            action,
            device,
            user,
        } => Some(confirm_body(*action, *device, user)),
        Msg::BbConfirmFinal { action } => s(match action {
            BlackberryAction::ResendServiceBooks => "يمكنك إعادة إرسالها في أي وقت.",
            BlackberryAction::Wipe | BlackberryAction::Reinitialize => {
                "لا يمكن استعادة البيانات المحذوفة، لا من جانبك ولا من جانب الدعم الفني."
            }
        }),
        Msg::BbConfirmTypeLabel { user } => Some(format!("للتأكيد، اكتب اسم صندوق البريد {user}")),
        Msg::BbConfirmTypeHint => s("يصبح الزر متاحًا عند كتابة الاسم تمامًا كما هو معروض."),
        Msg::BbConfirmSubmit { action } => s(match action {
            BlackberryAction::ResendServiceBooks => "إعادة إرسال دفاتر الخدمة",
            BlackberryAction::Wipe => "مسح الجهاز نهائيًا",
            BlackberryAction::Reinitialize => "إعادة تهيئة الجهاز",
        }),
        Msg::BbCancel => s("إلغاء"),
        Msg::ExchangeTarget { domain, user } => {
            Some(format!("صندوق بريد Exchange {user}@{domain}"))
        }
        Msg::UsageOf { usage, quota } => Some(format!("{usage} مستخدمة من {quota}")),
        Msg::UsageUnknown => s("المساحة المستخدمة غير معروفة."),
        Msg::UpgradesAllowed => s("الترقية إلى خطة أكبر مسموح بها."),
        Msg::UpgradesNotAllowed => s("الترقية إلى خطة أكبر غير مسموح بها."),
        Msg::NoChange => s("اختر خطة أو إعدادًا آخر لإجراء تغيير."),
        Msg::BbBilling { status } => Some(match status {
            BillingStatus::Pending => "قيد الإعداد".into(),
            BillingStatus::Open => "نشطة".into(),
            BillingStatus::Suspended => "معلّقة".into(),
            BillingStatus::ClosePending => "قيد الإغلاق".into(),
            BillingStatus::Closed => "مغلقة".into(),
            BillingStatus::PurgePending => "قيد الإزالة".into(),
            BillingStatus::Unknown(raw) => format!("حالة غير معروفة «{raw}»"),
        }),
        Msg::BbDeviceName => s("الاسم"),
        Msg::BbPin => s("رقم PIN"),
        Msg::BbDeviceType => s("الطراز"),
        Msg::BbDeviceStatus => s("حالة الجهاز"),
        Msg::BbDataService => s("خدمة البيانات"),
        Msg::BbDataOn => s("مفعّلة"),
        Msg::BbDataOff => s("معطّلة"),
        Msg::BbForwarded => s("الرسائل المُعاد توجيهها إلى الجهاز"),
        Msg::BbSent => s("الرسائل المرسلة من الجهاز"),
        Msg::BbPending => s("الرسائل التي تنتظر التسليم"),
        Msg::BbFiltered => s("الرسائل التي حجبتها عوامل التصفية"),
        Msg::BbLastResult => s("نتيجة آخر عملية نقل"),
        Msg::BbLastForward => s("آخر رسالة أُعيد توجيهها"),
        Msg::BbLastSend => s("آخر رسالة أُرسلت"),
        Msg::BbNotAvailable => s("غير متاح"),
        Msg::BbActionHelp { action } => s(match action {
            BlackberryAction::ResendServiceBooks => {
                "يرسل إلى الجهاز إعداداته للبريد والتقويم وجهات الاتصال من جديد. استخدمه عندما \
                 تتوقف مزامنة الرسائل أو مواعيد التقويم أو جهات الاتصال أو البحث عن العناوين؛ لا \
                 يُحذف شيء من الجهاز."
            }
            BlackberryAction::Wipe => {
                "يمحو كل ما على الجهاز نهائيًا ويعيده إلى إعدادات المصنع. استخدمه عند فقدان \
                 الجهاز أو سرقته، أو قبل تسليمه إلى شخص آخر."
            }
            BlackberryAction::Reinitialize => {
                "يمحو الجهاز ثم يعيد إعداد المزامنة بكلمة مرور جديدة، فيمرّ مستخدمه بإعداد الجهاز \
                 مرة أخرى. استخدمه لبدء الجهاز من جديد."
            }
        }),
        Msg::ServerWordsLabel => s("نص الخادم:"),
        #[cfg(feature = "domain")]
        Msg::Domain(m) => domain(m),
        // Left to English on purpose: labels, explanations, reasons, errors and outcomes.
        Msg::ConfigError { .. }
        | Msg::LoadFailed { .. }
        | Msg::DomainPlaceholder { .. }
        | Msg::WhatSettings
        | Msg::WhatPlanNames
        | Msg::WhatPlanLimits
        | Msg::WhatMailbox
        | Msg::WhatCounts
        | Msg::WhatBlackberryStatus
        | Msg::WhatBlackberryStatistics
        | Msg::Reason { .. }
        | Msg::SummaryChange { .. }
        | Msg::SummaryAllowOn
        | Msg::SummaryAllowOff
        | Msg::DowngradeWarning
        | Msg::PlanChanged { .. }
        | Msg::PlanOutcomeUnknown
        | Msg::Error(_)
        | Msg::BbNoService
        | Msg::BbNotConfigured
        | Msg::BbBlockedNoUser
        | Msg::BbBlockedBusy
        | Msg::BbBlockedChecking
        | Msg::BbBlockedNoService
        | Msg::BbBlockedNotOpen { .. }
        | Msg::BbBlockedUnreadable
        | Msg::BbSending { .. }
        | Msg::BbAccepted { .. }
        | Msg::BbOutcomeUnknown
        | Msg::BbRefused { .. }
        | Msg::BbActivityPending
        | Msg::BbActivityAccepted
        | Msg::BbActivityUnknown
        | Msg::BbActivityRefused { .. } => None,
    }
}

fn action_label(action: BlackberryAction) -> &'static str {
    match action {
        BlackberryAction::ResendServiceBooks => "إعادة إرسال دفاتر الخدمة",
        BlackberryAction::Wipe => "مسح الجهاز",
        BlackberryAction::Reinitialize => "إعادة تهيئة الجهاز",
    }
}

fn confirm_body(action: BlackberryAction, device: Option<&str>, user: &str) -> String {
    let device = match device {
        Some(name) => format!("الجهاز «{name}» الخاص بـ {user}"),
        None => format!("جهاز BlackBerry الخاص بـ {user}"),
    };
    match action {
        BlackberryAction::ResendServiceBooks => {
            format!("تُرسَل دفاتر الخدمة إلى {device} عند اتصاله التالي. لا يُحذف شيء من الجهاز.")
        }
        BlackberryAction::Wipe => format!(
            "عند اتصاله التالي، يُعاد {device} إلى إعدادات المصنع، ويُحذف كل ما عليه: جميع \
             الرسائل وجهات الاتصال ومواعيد التقويم والصور وسائر البيانات، وكل تطبيق مثبَّت، \
             وإعدادات أمان الشركة (سياسات تقنية المعلومات)."
        ),
        BlackberryAction::Reinitialize => format!(
            "عند اتصاله التالي، يُمسَح {device}: تُحذف جميع الرسائل وجهات الاتصال ومواعيد \
             التقويم والصور وسائر البيانات، وكل تطبيق مثبَّت، وسياسات تقنية المعلومات. ثم \
             تُعاد تهيئة المزامنة بكلمة مرور جديدة، وعلى المستخدم أن يمرّ بإعداد الجهاز من جديد."
        ),
    }
}

#[cfg(feature = "domain")]
/// Arabic's plural categories (CLDR: zero, one, two, few, many, other), computed here:
/// `Intl.PluralRules` would give the same for whole numbers at the cost of a JS call.
#[derive(Debug, PartialEq, Eq)]
enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

#[cfg(feature = "domain")]
fn plural(n: u64) -> Plural {
    match (n, n % 100) {
        (0, _) => Plural::Zero,
        (1, _) => Plural::One,
        (2, _) => Plural::Two,
        (_, 3..=10) => Plural::Few,
        (_, 11..=99) => Plural::Many,
        _ => Plural::Other,
    }
}

#[cfg(feature = "domain")]
/// "n mailboxes" in the nominative.
fn mailboxes(n: u64) -> String {
    match plural(n) {
        Plural::Zero => "لا صناديق بريد".into(),
        Plural::One => "صندوق بريد واحد".into(),
        Plural::Two => "صندوقا بريد".into(),
        Plural::Few => format!("{n} صناديق بريد"),
        Plural::Many | Plural::Other => format!("{n} صندوق بريد"),
    }
}

#[cfg(feature = "domain")]
fn domain(msg: &DomainMsg<'_>) -> Option<String> {
    use DomainMsg::*;
    let s = |t: &str| Some(t.to_owned());
    match msg {
        PageOf { page, pages, total } => {
            Some(format!("الصفحة {page} من {pages} ({})", mailboxes(*total)))
        }
        PrevPage => s("الصفحة السابقة"),
        NextPage => s("الصفحة التالية"),
        LimitsHeading => s("حدود الخطط"),
        Back => s("العودة إلى قائمة صناديق البريد"),
        MailboxHeading { mailbox } => Some(format!("صندوق البريد {mailbox}")),
        BulkHeading => s("تغيير خطة عدة صناديق بريد"),
        SelectedCount { n } => Some(format!("المحدَّد: {}", mailboxes(*n as u64))),
        ClearSelection => s("إلغاء التحديد"),
        Submit { n, plan } => Some(format!("تغيير الخطة إلى {plan} ({})", mailboxes(*n as u64))),
        Cancel => s("إلغاء الباقي"),
        RetryFailed { n } => Some(format!("إعادة المحاولة لما فشل ({})", mailboxes(*n as u64))),
        // Left to English on purpose, as in `text`.
        WhatList
        | FilterLabel
        | FilterHint
        | SortLabel
        | SortUsername
        | SortQuota
        | PageSizeLabel
        | ListCaption { .. }
        | ColSelect
        | ColUsername
        | ColPlan
        | ColQuota
        | ColAllowUpgrade
        | ColMaster
        | Yes
        | No
        | NotKnown
        | SelectRow { .. }
        | SelectPage
        | OpenMailbox { .. }
        | Empty
        | EmptyFilter
        | LimitUsed { .. }
        | LimitCountUnknown { .. }
        | NoLimits
        | TargetLegend
        | ChooseTargetFirst
        | SelectRowsFirst
        | PreviewSend { .. }
        | PreviewUnchanged { .. }
        | PreviewServer { .. }
        | PreviewRefused { .. }
        | RefusedRow { .. }
        | LimitBySelection { .. }
        | ProgressLabel
        | Progress { .. }
        | PhaseRunning
        | PhaseStopping
        | PhaseFinished
        | PhaseCancelled
        | PhaseUnauthorized
        | ResultQueued
        | ResultSending
        | ResultDone
        | ResultFailed { .. }
        | ResultUnknown
        | ResultCancelled => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use BlackberryAction::*;

    /// Headings, buttons and the confirmation dialog: the groups Arabic must cover.
    #[test]
    fn the_required_groups_are_translated() {
        let mut required = vec![
            // headings
            Msg::AppTitle,
            Msg::DomainHeading,
            Msg::WebmailHeading,
            Msg::BlackberryHeading,
            Msg::BbDeviceHeading,
            Msg::BbActionsHeading,
            Msg::BbActivityHeading,
            // buttons
            Msg::TryAgain,
            Msg::Submit,
            Msg::Submitting,
            Msg::BbCancel,
            // confirmation dialog
            Msg::BbConfirmTypeHint,
            Msg::BbConfirmTypeLabel { user: "u" },
        ];
        // The domain view's headings and buttons.
        #[cfg(feature = "domain")]
        required.extend([
            Msg::Domain(DomainMsg::LimitsHeading),
            Msg::Domain(DomainMsg::BulkHeading),
            Msg::Domain(DomainMsg::MailboxHeading { mailbox: "m" }),
            Msg::Domain(DomainMsg::PrevPage),
            Msg::Domain(DomainMsg::NextPage),
            Msg::Domain(DomainMsg::Back),
            Msg::Domain(DomainMsg::ClearSelection),
            Msg::Domain(DomainMsg::Submit { n: 3, plan: "p" }),
            Msg::Domain(DomainMsg::Cancel),
            Msg::Domain(DomainMsg::RetryFailed { n: 1 }),
        ]);
        for action in [ResendServiceBooks, Wipe, Reinitialize] {
            required.extend([
                Msg::BbActionLabel { action },
                Msg::BbConfirmTitle { action },
                Msg::BbConfirmBody {
                    action,
                    device: Some("d"),
                    user: "u",
                },
                Msg::BbConfirmBody {
                    action,
                    device: None,
                    user: "u",
                },
                Msg::BbConfirmFinal { action },
                Msg::BbConfirmSubmit { action },
            ]);
        }
        for msg in &required {
            let t = text(msg).unwrap_or_else(|| panic!("{msg:?} is not translated to Arabic"));
            assert!(
                t.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
                "{msg:?}: {t}"
            );
        }
    }

    #[test]
    #[cfg(feature = "domain")]
    fn plural_categories() {
        let got: Vec<Plural> = [0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111]
            .into_iter()
            .map(plural)
            .collect();
        use Plural::*;
        assert_eq!(
            got,
            [Zero, One, Two, Few, Few, Many, Many, Other, Other, Few, Many]
        );
        assert_eq!(mailboxes(2), "صندوقا بريد");
        assert_eq!(mailboxes(5), "5 صناديق بريد");
        assert_eq!(mailboxes(25), "25 صندوق بريد");
    }
}
