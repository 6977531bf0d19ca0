//! German (de_DE), formal "Sie". Every message has its German words: the `match`es
//! are exhaustive, so a new message does not compile until it is translated here.

use ox_core::error::ApiError;
use ox_core::rules::ViolationCode;
use ox_core::types::{BillingStatus, BlackberryAction};

#[cfg(feature = "domain")]
use super::DomainMsg;
use super::Msg;

pub(super) fn text(msg: &Msg<'_>) -> String {
    match msg {
        Msg::AppTitle => "Postfacheinstellungen".into(),
        Msg::ShellFor {
            account,
            domain,
            mailbox,
        } => {
            format!("Konto {account} · {mailbox}@{domain}")
        }
        Msg::ShellForDomain { account, domain } => format!("Konto {account} · {domain}"),
        Msg::ConfigError { detail } => {
            format!("Dieses Modul ist nicht richtig eingerichtet: {detail}")
        }
        Msg::OpaqueOrigin => "Dieses Modul kann in einem abgeschotteten Frame ohne eigenen \
                              Ursprung nicht laufen. Die einbettende Seite muss im \
                              sandbox-Attribut des Frames allow-same-origin erlauben."
            .into(),
        Msg::Loading => "Wird geladen …".into(),
        Msg::TryAgain => "Erneut versuchen".into(),
        Msg::LoadFailed { what } => {
            format!("Folgendes konnte nicht geladen werden: {}.", text(what))
        }
        Msg::ExchangeTarget { domain, user } => format!("Exchange-Postfach {user}@{domain}"),
        Msg::DomainHeading => "Postfächer".into(),
        Msg::DomainPlaceholder { domain } => format!("Postfächer von {domain}"),
        Msg::WhatSettings => "die Webmail-Einstellungen".into(),
        Msg::WhatPlanNames => "die Tarife dieser Domain".into(),
        Msg::WhatPlanLimits => "die Tarifgrenzen dieser Domain".into(),
        Msg::WhatMailbox => "die Speichernutzung des Postfachs".into(),
        Msg::WhatCounts => "die Anzahl der Postfächer je Tarif".into(),
        Msg::WhatBlackberryStatus => "der Status des BlackBerry-Dienstes".into(),
        Msg::WhatBlackberryStatistics => "die Angaben zum BlackBerry-Gerät".into(),
        Msg::WebmailHeading => "Webmail-Tarif".into(),
        Msg::CurrentPlanLabel => "Aktueller Tarif".into(),
        Msg::CurrentPlan { name, r#type } => format!("{name} ({type})"),
        Msg::UpgradesAllowed => "Der Wechsel in einen größeren Tarif ist erlaubt.".into(),
        Msg::UpgradesNotAllowed => "Der Wechsel in einen größeren Tarif ist nicht erlaubt.".into(),
        Msg::UsageLabel => "Belegter Speicher".into(),
        Msg::UsageOf { usage, quota } => format!("{usage} von {quota} belegt"),
        Msg::UsageUnknown => "Die Speichernutzung ist nicht bekannt.".into(),
        Msg::ChoosePlan => "Tarif wählen".into(),
        Msg::PlanOption { name, r#type } => format!("{name} ({type})"),
        Msg::AllowUpgradeLabel => "Wechsel in einen größeren Tarif erlauben".into(),
        Msg::Reason {
            code,
            r#type,
            limit,
            quota,
        } => reason(*code, r#type, *limit, *quota),
        Msg::SummaryChange { from, to } => {
            format!("Damit wechselt der Tarif von {from} zu {to}.")
        }
        Msg::SummaryAllowOn => "Der Wechsel in einen größeren Tarif wird erlaubt.".into(),
        Msg::SummaryAllowOff => {
            "Der Wechsel in einen größeren Tarif wird nicht mehr erlaubt.".into()
        }
        Msg::DowngradeWarning => "Ein kleinerer Tarif hat weniger Speicher und weniger \
             Funktionen: Was nur der aktuelle Tarif bietet, etwa die mobile Synchronisierung \
             oder Werkzeuge für die Zusammenarbeit, funktioniert für dieses Postfach nicht mehr."
            .into(),
        Msg::NoChange => "Wählen Sie einen anderen Tarif oder eine andere Einstellung, um etwas \
             zu ändern."
            .into(),
        Msg::Submit => "Tarif ändern".into(),
        Msg::Submitting => "Tarif wird geändert …".into(),
        Msg::PlanChanged { to } => format!("Erledigt: Das Postfach hat jetzt den Tarif {to}."),
        Msg::PlanOutcomeUnknown => "Der Server hat die Änderung nicht bestätigt. Das Modul \
             zeigt die Einstellungen, wie sie jetzt sind; prüfen Sie sie, bevor Sie es erneut \
             versuchen."
            .into(),
        Msg::Error(e) => error(e),
        Msg::BlackberryHeading => "BlackBerry-Gerät".into(),
        Msg::BbStatusLabel => "BlackBerry-Dienst".into(),
        Msg::BbBilling { status } => billing(status),
        Msg::BbNoService => "Dieses Postfach hat keinen BlackBerry-Dienst.".into(),
        Msg::BbNotConfigured => "Für dieses Modul ist kein Exchange-Postfach eingerichtet.".into(),
        Msg::BbDeviceHeading => "Gerät".into(),
        Msg::BbDeviceName => "Name".into(),
        Msg::BbPin => "PIN".into(),
        Msg::BbDeviceType => "Modell".into(),
        Msg::BbDeviceStatus => "Gerätestatus".into(),
        Msg::BbDataService => "Datendienst".into(),
        Msg::BbDataOn => "Ein".into(),
        Msg::BbDataOff => "Aus".into(),
        Msg::BbForwarded => "An das Gerät weitergeleitete Nachrichten".into(),
        Msg::BbSent => "Vom Gerät gesendete Nachrichten".into(),
        Msg::BbPending => "Nachrichten, die auf Zustellung warten".into(),
        Msg::BbFiltered => "Durch Filter zurückgehaltene Nachrichten".into(),
        Msg::BbLastResult => "Ergebnis der letzten Übertragung".into(),
        Msg::BbLastForward => "Zuletzt weitergeleitete Nachricht".into(),
        Msg::BbLastSend => "Zuletzt gesendete Nachricht".into(),
        Msg::BbNotAvailable => "nicht verfügbar".into(),
        Msg::BbActionsHeading => "Geräteaktionen".into(),
        Msg::BbActionLabel { action } => action_label(*action).into(),
        Msg::BbActionHelp { action } => action_help(*action).into(),
        Msg::BbBlockedNoUser => {
            "Nicht verfügbar: Dieses Modul ist nicht mit einem Exchange-Postfach eingerichtet."
                .into()
        }
        Msg::BbBlockedBusy => {
            "Nicht verfügbar, bis der Server auf die gerade gesendete Aktion antwortet.".into()
        }
        Msg::BbBlockedChecking => {
            "Nicht verfügbar, während der BlackBerry-Dienst geprüft wird.".into()
        }
        Msg::BbBlockedNoService => {
            "Nicht verfügbar: Dieses Postfach hat keinen BlackBerry-Dienst.".into()
        }
        Msg::BbBlockedNotOpen { status } => format!(
            "Nicht verfügbar: Der BlackBerry-Dienst {}, und Geräte führen Aktionen nur aus, \
             solange er aktiv ist.",
            billing_phrase(status)
        ),
        Msg::BbBlockedUnreadable => "Nicht verfügbar: Der Zustand des BlackBerry-Dienstes \
             konnte nicht gelesen werden. Laden Sie ihn zuerst erneut."
            .into(),
        Msg::BbConfirmTitle { action } => confirm_title(*action).into(),
        Msg::BbConfirmBody {
            action,
            device,
            user,
        } => confirm_body(*action, *device, user),
        Msg::BbConfirmFinal { action } => confirm_final(*action).into(),
        Msg::BbConfirmTypeLabel { user } => {
            format!("Geben Sie zur Bestätigung den Postfachnamen {user} ein")
        }
        Msg::BbConfirmTypeHint => "Die Schaltfläche wird verfügbar, sobald der Name genau wie \
             angezeigt eingegeben ist."
            .into(),
        Msg::BbConfirmSubmit { action } => confirm_submit(*action).into(),
        Msg::BbCancel => "Abbrechen".into(),
        Msg::BbSending { action } => {
            format!("„{}“ wird an den Server gesendet …", action_label(*action))
        }
        Msg::BbAccepted { action } => accepted(*action).into(),
        Msg::BbOutcomeUnknown => "Ergebnis unbekannt: Die Anfrage wurde gesendet, aber es kam \
             keine Antwort zurück; das Gerät führt sie also vielleicht aus, vielleicht nicht. \
             Prüfen Sie den Gerätestatus, bevor Sie es erneut versuchen."
            .into(),
        Msg::BbRefused { error, billing } => refused(error, *billing),
        Msg::BbActivityHeading => "Von dieser Seite gesendete Aktionen".into(),
        Msg::BbActivityPending => "wartet auf Antwort".into(),
        Msg::BbActivityAccepted => "angenommen".into(),
        Msg::BbActivityUnknown => "Ergebnis unbekannt".into(),
        Msg::BbActivityRefused { status } => match status {
            Some(code) => format!("nicht ausgeführt (Fehler {code})"),
            None => "nicht ausgeführt".into(),
        },
        Msg::ServerWordsLabel => "Wortlaut des Servers:".into(),
        #[cfg(feature = "domain")]
        Msg::Domain(m) => domain(m),
    }
}

fn reason(code: ViolationCode, ty: &str, limit: Option<u64>, quota: Option<&str>) -> String {
    match code {
        ViolationCode::TypeRequired => "Wählen Sie einen Tarif.".into(),
        ViolationCode::TypeNotSupported => {
            format!("Der Tarif {ty} wird für diese Domain nicht angeboten.")
        }
        ViolationCode::InconsistentAllowUpgrade => "Ein größerer Tarif setzt voraus, dass der \
             Wechsel in größere Tarife für dieses Postfach erlaubt ist."
            .into(),
        ViolationCode::AlreadyUpgraded => "Das Postfach hat einen größeren Tarif: Wechseln Sie \
             zuerst in den Basistarif, dann lässt sich der Wechsel in größere Tarife abschalten."
            .into(),
        ViolationCode::UpgradeNotAllowed => "Der Wechsel in größere Tarife ist für dieses \
             Postfach abgeschaltet; der Kontoinhaber kann ihn erlauben."
            .into(),
        ViolationCode::UsageOverQuota => match quota {
            Some(q) => format!("Das Postfach belegt mehr als die {q} Speicher dieses Tarifs."),
            None => "Das Postfach belegt mehr Speicher, als dieser Tarif bietet.".into(),
        },
        ViolationCode::LimitReached => match limit {
            Some(n) => format!(
                "Die Domain hat bereits {} mit diesem Tarif, ihre Obergrenze.",
                mailboxes(n)
            ),
            None => "Für diesen Tarif ist in der Domain kein Platz mehr frei.".into(),
        },
        ViolationCode::UpgradesDisabled => {
            "Tarifwechsel sind für dieses Produkt nicht verfügbar.".into()
        }
    }
}

fn error(error: &ApiError) -> String {
    match error {
        ApiError::Network(_) => "Der Server ist nicht erreichbar. Prüfen Sie die Verbindung \
             und versuchen Sie es erneut."
            .into(),
        ApiError::Timeout => "Der Server hat nicht rechtzeitig geantwortet.".into(),
        ApiError::InvalidRequest(_) => "Dieses Modul ist für kein Postfach eingerichtet, daher \
             gibt es hier nichts anzuzeigen."
            .into(),
        ApiError::BadRequestFields(_) | ApiError::BadRequestMessage(_) => {
            match super::recognised(error) {
                Some(r) => reason(r.code, r.r#type.as_deref().unwrap_or(""), r.limit, None),
                None => "Der Server hat die Änderung abgelehnt.".into(),
            }
        }
        ApiError::Unauthorized => "Ihre Sitzung ist abgelaufen oder erlaubt dies nicht. Bitte \
             melden Sie sich erneut an."
            .into(),
        ApiError::NotFound(_) => "Der Server kennt dieses Postfach oder diese Domain nicht.".into(),
        ApiError::MethodNotAllowed => "Der Server unterstützt diesen Vorgang nicht.".into(),
        ApiError::Conflict(_) => "Der Server lehnt dies im aktuellen Zustand ab.".into(),
        ApiError::Server { status, .. } => format!(
            "Auf dem Server ist ein Problem aufgetreten (Fehler {status}). Bitte versuchen Sie \
             es später erneut."
        ),
        ApiError::UnexpectedStatus(status) => {
            format!("Der Server hat unerwartet geantwortet (Status {status}).")
        }
        ApiError::InvalidBody { .. } => {
            "Der Server hat eine Antwort gesendet, die dieses Modul nicht lesen kann.".into()
        }
    }
}

fn billing(status: &BillingStatus) -> String {
    use BillingStatus::*;
    match status {
        Pending => "Wird eingerichtet".into(),
        Open => "Aktiv".into(),
        Suspended => "Gesperrt".into(),
        ClosePending => "Wird beendet".into(),
        Closed => "Beendet".into(),
        PurgePending => "Wird entfernt".into(),
        Unknown(raw) => format!("Unbekannter Status „{raw}“"),
    }
}

/// The billing status as a sentence's predicate ("Der Dienst …").
fn billing_phrase(status: &BillingStatus) -> String {
    use BillingStatus::*;
    match status {
        Pending => "wird noch eingerichtet".into(),
        Open => "ist aktiv".into(),
        Suspended => "ist gesperrt".into(),
        ClosePending => "wird gerade beendet".into(),
        Closed => "ist beendet".into(),
        PurgePending => "wird gerade entfernt".into(),
        Unknown(raw) => format!("hat den unbekannten Status „{raw}“"),
    }
}

fn action_label(action: BlackberryAction) -> &'static str {
    use BlackberryAction::*;
    match action {
        ResendServiceBooks => "Service Books erneut senden",
        Wipe => "Gerät löschen",
        Reinitialize => "Gerät neu initialisieren",
    }
}

fn action_help(action: BlackberryAction) -> &'static str {
    use BlackberryAction::*;
    match action {
        ResendServiceBooks => {
            "Sendet dem Gerät seine Einrichtung für E-Mail, Kalender und Kontakte erneut. \
             Nutzen Sie dies, wenn Nachrichten, Termine, Kontakte oder die Adresssuche nicht \
             mehr synchronisiert werden; auf dem Gerät wird nichts gelöscht."
        }
        Wipe => {
            "Löscht alles auf dem Gerät endgültig und setzt es auf die Werkseinstellungen \
             zurück. Nutzen Sie dies, wenn das Gerät verloren oder gestohlen wurde oder bevor \
             es an jemand anderen geht."
        }
        Reinitialize => {
            "Löscht das Gerät und richtet die Synchronisierung mit einem neuen Passwort neu \
             ein, sodass sein Benutzer die Geräteeinrichtung noch einmal durchläuft. Nutzen \
             Sie dies, um ein Gerät neu zu beginnen."
        }
    }
}

fn confirm_title(action: BlackberryAction) -> &'static str {
    use BlackberryAction::*;
    match action {
        ResendServiceBooks => "Service Books erneut senden?",
        Wipe => "Dieses Gerät endgültig löschen?",
        Reinitialize => "Dieses Gerät neu initialisieren?",
    }
}

fn confirm_body(action: BlackberryAction, device: Option<&str>, user: &str) -> String {
    use BlackberryAction::*;
    let device = match device {
        Some(name) => format!("das Gerät „{name}“ von {user}"),
        None => format!("das BlackBerry-Gerät von {user}"),
    };
    match action {
        ResendServiceBooks => format!(
            "Die Service Books werden an {device} gesendet, sobald es sich das nächste Mal \
             verbindet. Auf dem Gerät wird nichts gelöscht."
        ),
        Wipe => format!(
            "Sobald es sich das nächste Mal verbindet, wird {device} auf die \
             Werkseinstellungen zurückgesetzt. Alles darauf wird gelöscht: alle Nachrichten, \
             Kontakte, Termine, Fotos und anderen Daten, jede installierte App und die \
             Sicherheitseinstellungen des Unternehmens (IT-Richtlinien)."
        ),
        Reinitialize => format!(
            "Sobald es sich das nächste Mal verbindet, wird {device} gelöscht: alle \
             Nachrichten, Kontakte, Termine, Fotos und anderen Daten, jede installierte App und \
             die IT-Richtlinien. Danach wird die Synchronisierung mit einem neuen Passwort neu \
             eingerichtet, und der Benutzer muss die Geräteeinrichtung erneut durchlaufen."
        ),
    }
}

fn confirm_final(action: BlackberryAction) -> &'static str {
    use BlackberryAction::*;
    match action {
        ResendServiceBooks => "Sie können sie jederzeit erneut senden.",
        Wipe | Reinitialize => {
            "Die gelöschten Daten lassen sich nicht wiederherstellen, weder von Ihnen noch vom \
             Support."
        }
    }
}

fn confirm_submit(action: BlackberryAction) -> &'static str {
    use BlackberryAction::*;
    match action {
        ResendServiceBooks => "Service Books erneut senden",
        Wipe => "Gerät endgültig löschen",
        Reinitialize => "Gerät neu initialisieren",
    }
}

fn accepted(action: BlackberryAction) -> &'static str {
    use BlackberryAction::*;
    match action {
        ResendServiceBooks => {
            "Angenommen: Das Gerät erhält seine Service Books, sobald es sich \
             das nächste Mal verbindet."
        }
        Wipe => "Angenommen: Das Gerät wird gelöscht, sobald es sich das nächste Mal verbindet.",
        Reinitialize => {
            "Angenommen: Das Gerät wird gelöscht und neu eingerichtet, sobald es \
             sich das nächste Mal verbindet."
        }
    }
}

fn refused(error: &ApiError, billing: Option<&BillingStatus>) -> String {
    const CHECK: &str = "Prüfen Sie den Gerätestatus, bevor Sie es erneut versuchen.";
    match error {
        ApiError::Network(_) | ApiError::Timeout => text(&Msg::BbOutcomeUnknown),
        ApiError::InvalidRequest(_) => "Nichts gesendet: Dieses Modul ist nicht mit einem \
             Exchange-Postfach eingerichtet."
            .into(),
        ApiError::BadRequestMessage(_) | ApiError::BadRequestFields(_) => {
            "Der Server hat die Aktion abgelehnt.".into()
        }
        ApiError::Unauthorized => "Nicht ausgeführt: Ihre Sitzung ist abgelaufen oder erlaubt \
             diese Aktion nicht. Melden Sie sich erneut an und prüfen Sie dann den Gerätestatus."
            .into(),
        ApiError::NotFound(_) => {
            "Nicht ausgeführt: Dieses Postfach hat keinen BlackBerry-Dienst (mehr).".into()
        }
        ApiError::MethodNotAllowed => {
            "Nicht ausgeführt: Der Server unterstützt diese Anfrage nicht (Fehler 405).".into()
        }
        ApiError::Conflict(_) => match billing.filter(|b| !b.is_open()) {
            Some(status) => format!(
                "Nicht ausgeführt: Der BlackBerry-Dienst {}, und Geräte führen Aktionen nur \
                 aus, solange er aktiv ist.",
                billing_phrase(status)
            ),
            None => "Nicht ausgeführt: Der BlackBerry-Dienst ist nicht aktiv, und Geräte führen \
                 Aktionen nur aus, solange er es ist."
                .into(),
        },
        ApiError::Server { status: 502, .. } => format!(
            "Der BlackBerry-Dienst hat einen internen Fehler gemeldet (502) und die Aktion nicht \
             angenommen. {CHECK}"
        ),
        ApiError::Server { status, .. } => format!(
            "Auf dem Server ist ein Problem aufgetreten (Fehler {status}), und er hat die Aktion \
             nicht bestätigt. {CHECK}"
        ),
        ApiError::UnexpectedStatus(status) => format!(
            "Der Server hat unerwartet geantwortet (Status {status}) und die Aktion nicht \
             bestätigt. {CHECK}"
        ),
        ApiError::InvalidBody { status, .. } => format!(
            "Der Server hat eine Antwort gesendet, die dieses Modul nicht lesen kann (Status \
             {status}); ob die Aktion angenommen wurde, ist daher nicht bekannt. {CHECK}"
        ),
    }
}

/// `1 Postfach`, `2 Postfächer`.
fn mailboxes(n: impl Into<u64>) -> String {
    let n: u64 = n.into();
    if n == 1 {
        "1 Postfach".to_owned()
    } else {
        format!("{n} Postfächer")
    }
}

#[cfg(feature = "domain")]
fn domain(msg: &DomainMsg<'_>) -> String {
    use DomainMsg::*;
    match msg {
        WhatList => "die Postfachliste".into(),
        FilterLabel => "Nach Namen filtern".into(),
        FilterHint => "Ein Teil des Namens oder ein Muster mit * (z. B. a*).".into(),
        SortLabel => "Sortieren nach".into(),
        SortUsername => "Name".into(),
        SortQuota => "Speicher".into(),
        PageSizeLabel => "Postfächer pro Seite".into(),
        PageOf { page, pages, total } => {
            format!("Seite {page} von {pages} ({})", mailboxes(*total))
        }
        PrevPage => "Vorherige Seite".into(),
        NextPage => "Nächste Seite".into(),
        ListCaption { domain } => format!("Postfächer von {domain}"),
        ColSelect => "Auswahl".into(),
        ColUsername => "Postfach".into(),
        ColPlan => "Tarif".into(),
        ColQuota => "Speicher".into(),
        ColAllowUpgrade => "Wechsel erlaubt".into(),
        ColMaster => "Master".into(),
        Yes => "ja".into(),
        No => "nein".into(),
        NotKnown => "nicht bekannt".into(),
        SelectRow { name } => format!("{name} auswählen"),
        SelectPage => "Alle Postfächer dieser Seite auswählen".into(),
        OpenMailbox { name } => format!("Einstellungen von {name} öffnen"),
        Empty => "Diese Domain hat keine Postfächer.".into(),
        EmptyFilter => "Kein Postfach passt zum Filter.".into(),
        LimitsHeading => "Tarifgrenzen".into(),
        LimitUsed { name, used, limit } => format!("{name}: {used} von {limit} belegt"),
        LimitCountUnknown { name, limit } => {
            format!("{name}: höchstens {limit} (wie viele belegt sind, ist nicht bekannt)")
        }
        NoLimits => "Kein Tarif hat in dieser Domain eine Obergrenze.".into(),
        Back => "Zurück zur Postfachliste".into(),
        MailboxHeading { mailbox } => format!("Postfach {mailbox}"),
        BulkHeading => "Tarif mehrerer Postfächer ändern".into(),
        SelectedCount { n } => format!("{} ausgewählt", mailboxes(*n as u64)),
        ClearSelection => "Auswahl aufheben".into(),
        TargetLegend => "Neuer Tarif".into(),
        ChooseTargetFirst => "Wählen Sie den neuen Tarif, um zu sehen, was geschehen würde.".into(),
        SelectRowsFirst => {
            "Wählen Sie Postfächer in der Liste aus, um ihren Tarif zu ändern.".into()
        }
        PreviewSend { n } => match n {
            1 => "1 Postfach würde geändert.".into(),
            _ => format!("{} würden geändert.", mailboxes(*n as u64)),
        },
        PreviewUnchanged { n } => match n {
            1 => "1 Postfach hat diesen Tarif bereits: Es wird nichts gesendet.".into(),
            _ => format!(
                "{} haben diesen Tarif bereits: Es wird nichts gesendet.",
                mailboxes(*n as u64)
            ),
        },
        PreviewServer { n } => format!(
            "{}: Die Liste zeigt nicht den ganzen Tarif, daher entscheidet der Server.",
            mailboxes(*n as u64)
        ),
        PreviewRefused { n } => match n {
            1 => "1 Postfach würde abgelehnt:".into(),
            _ => format!("{} würden abgelehnt:", mailboxes(*n as u64)),
        },
        RefusedRow { name, reason } => format!("{name}: {reason}"),
        LimitBySelection { limit, used } => format!(
            "Der Tarif erlaubt {} (belegt: {used}): Die anderen ausgewählten Postfächer vor \
             diesem belegen die freien Plätze.",
            mailboxes(*limit)
        ),
        Submit { n, plan } => format!("{} auf {plan} ändern", mailboxes(*n as u64)),
        Cancel => "Den Rest abbrechen".into(),
        RetryFailed { n } => match n {
            1 => "Das fehlgeschlagene Postfach erneut versuchen".into(),
            _ => format!("Die {} fehlgeschlagenen Postfächer erneut versuchen", n),
        },
        ProgressLabel => "Fortschritt der Änderung".into(),
        Progress {
            finished,
            total,
            done,
            failed,
            cancelled,
        } => format!(
            "{finished} von {total} abgeschlossen: {done} geändert, {failed} fehlgeschlagen, \
             {cancelled} nicht gesendet."
        ),
        PhaseRunning => "Tarife werden geändert …".into(),
        PhaseStopping => {
            "Wird angehalten: Es wird auf die Antworten zu den bereits gesendeten Änderungen \
             gewartet."
                .into()
        }
        PhaseFinished => "Abgeschlossen.".into(),
        PhaseCancelled => "Abgebrochen: Die übrigen Postfächer wurden nicht gesendet.".into(),
        PhaseUnauthorized => "Angehalten: Ihre Sitzung ist abgelaufen. Melden Sie sich erneut \
             an und versuchen Sie dann den Rest."
            .into(),
        ResultQueued => "wartet".into(),
        ResultSending => "wird gesendet …".into(),
        ResultDone => "geändert".into(),
        ResultFailed { error } => format!("fehlgeschlagen: {error}"),
        ResultUnknown => "keine Antwort erhalten: Die Liste zeigt, was der Server hat".into(),
        ResultCancelled => "nicht gesendet".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "domain")]
    fn plurals() {
        assert_eq!(
            domain(&DomainMsg::Submit {
                n: 1,
                plan: "premium"
            }),
            "1 Postfach auf premium ändern"
        );
        assert_eq!(
            domain(&DomainMsg::Submit {
                n: 2,
                plan: "premium"
            }),
            "2 Postfächer auf premium ändern"
        );
        assert_eq!(
            domain(&DomainMsg::PageOf {
                page: 1,
                pages: 1,
                total: 0
            }),
            "Seite 1 von 1 (0 Postfächer)"
        );
        assert_eq!(
            reason(ViolationCode::LimitReached, "activesync", Some(2), None),
            "Die Domain hat bereits 2 Postfächer mit diesem Tarif, ihre Obergrenze."
        );
    }

    #[test]
    fn billing_in_a_sentence() {
        let conflict = ApiError::Conflict(None);
        assert_eq!(
            text(&Msg::BbRefused {
                error: &conflict,
                billing: Some(&BillingStatus::PurgePending)
            }),
            "Nicht ausgeführt: Der BlackBerry-Dienst wird gerade entfernt, und Geräte führen \
             Aktionen nur aus, solange er aktiv ist."
        );
    }

    #[test]
    fn a_failed_read() {
        assert_eq!(
            text(&Msg::LoadFailed {
                what: &Msg::WhatSettings
            }),
            "Folgendes konnte nicht geladen werden: die Webmail-Einstellungen."
        );
    }
}
