//! The OX plan panel's state and every decision the panel makes: what was read, what
//! the customer chose, what a change sends, what is read again after each outcome,
//! what "Try again" reads, and how each option is shown. Pure (no DOM), so each
//! decision is tested natively; the view only renders it.

use std::collections::BTreeMap;
use std::rc::Rc;

use futures::future::LocalBoxFuture;
use ox_core::config::PanelConfig;
use ox_core::error::ApiError;
use ox_core::rules::{CurrentPlan, DomainFacts, Violation};
use ox_core::types::{
    MailboxInfo, OxType, WebmailLimits, WebmailNames, WebmailSettings, WebmailUpdate,
};
use ox_core::verdicts::{self, FormChoice};
use yew::Reducible;

use crate::api::counts::count_types;
use crate::api::ApiRef;
use crate::components::shared::reads::Reads;
pub use crate::components::shared::slot::Slot;

/// Which read, so "Try again" repeats only the ones that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Read {
    Settings,
    Names,
    Limits,
    Mailbox,
    Counts,
}

impl Read {
    /// What the panel reads when it opens, all at once: the counts go out with the
    /// limits rather than after them (one round trip, not two; see [`counts_on_limits`]).
    pub const INITIAL: [Read; 5] = [
        Read::Settings,
        Read::Names,
        Read::Limits,
        Read::Mailbox,
        Read::Counts,
    ];
}

#[derive(Debug, Clone, PartialEq)]
pub enum Submit {
    Idle,
    InFlight,
    Succeeded {
        to: OxType,
    },
    Failed(Rc<ApiError>),
    /// Sent, but no answer came (timeout or network): the panel re-reads instead.
    Unknown,
}

/// Per-type counts: `Ready(None)` is an answer that leaves them unknown (see
/// [`count_types`]), so the server decides.
pub type Counts = Option<BTreeMap<OxType, u64>>;

#[derive(Debug, Clone, PartialEq)]
pub struct PlanState {
    pub settings: Slot<WebmailSettings>,
    pub names: Slot<WebmailNames>,
    pub limits: Slot<WebmailLimits>,
    pub mailbox: Slot<MailboxInfo>,
    pub counts: Slot<Counts>,
    pub choice: Option<FormChoice>,
    pub submit: Submit,
}

impl Default for PlanState {
    fn default() -> Self {
        Self {
            settings: Slot::Pending,
            names: Slot::Pending,
            limits: Slot::Pending,
            mailbox: Slot::Pending,
            counts: Slot::Pending,
            choice: None,
            submit: Submit::Idle,
        }
    }
}

/// The reducer's messages: answers of reads and the customer's intents.
pub enum PlanMsg {
    Settings(Result<WebmailSettings, ApiError>),
    Names(Result<WebmailNames, ApiError>),
    Limits(Result<WebmailLimits, ApiError>),
    Mailbox(Result<MailboxInfo, ApiError>),
    Counts(Result<Counts, ApiError>),
    /// "Try again": every failed read is pending again.
    Retrying,
    ChooseType(OxType),
    SetAllowUpgrade(bool),
    SubmitStarted,
    SubmitFinished(Result<OxType, ApiError>),
}

/// A change ready to send, and what the `oxpanel:plan-changed` event says of it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanChange {
    pub update: WebmailUpdate,
    pub from: OxType,
    pub to: OxType,
    pub allow_upgrade: bool,
}

/// Why a choice is not available, with what its text needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    pub violation: Violation,
    pub r#type: OxType,
    pub limit: Option<u64>,
    pub quota_mb: Option<u64>,
}

/// One plan option as the form shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanOption {
    pub r#type: OxType,
    pub name: String,
    pub checked: bool,
    pub disabled: bool,
    pub reason: Option<Reason>,
}

/// The `allowUpgrade` checkbox as the form shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct AllowOption {
    pub checked: bool,
    pub disabled: bool,
    pub reason: Option<Reason>,
}

/// What the chosen change does, in plan names.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// `(from, to)` when the type changes.
    pub type_change: Option<(String, String)>,
    /// The new `allowUpgrade` when it changes.
    pub allow_upgrade: Option<bool>,
    pub downgrade: bool,
}

/// Whether the per-type counts matter: only a type with a limit can be full.
pub fn counts_needed(limits: &WebmailLimits) -> bool {
    limits
        .webmail_limits
        .keys()
        .any(|t| limits.limit_for(t).is_some())
}

/// The counts once the limits have answered. The counts are read alongside the limits,
/// so either may answer first: a domain where no type has a limit drops them (its first
/// page of mailboxes was read for nothing, the price of not waiting a round trip for the
/// limits when a limit does exist); otherwise they stay as they are. The domain view
/// keeps its counts by these two rules too.
pub fn counts_on_limits(
    counts: &Slot<Counts>,
    limits: &Result<WebmailLimits, ApiError>,
) -> Slot<Counts> {
    match limits {
        Ok(l) if !counts_needed(l) => Slot::NotNeeded,
        _ => counts.clone(),
    }
}

/// The counts' own answer: kept, unless the limits already said no limit needs them.
pub fn counts_on_answer(
    limits: &Slot<WebmailLimits>,
    answer: Result<Counts, ApiError>,
) -> Slot<Counts> {
    match limits.ready() {
        Some(l) if !counts_needed(l) => Slot::NotNeeded,
        _ => Slot::from_result(answer),
    }
}

impl Reads for PlanState {
    type Read = Read;

    fn fetch(api: ApiRef, read: Read) -> LocalBoxFuture<'static, PlanMsg> {
        Box::pin(async move {
            match read {
                Read::Settings => PlanMsg::Settings(api.webmail().await),
                Read::Names => PlanMsg::Names(api.webmail_names().await),
                Read::Limits => PlanMsg::Limits(api.webmail_limits().await),
                Read::Mailbox => PlanMsg::Mailbox(api.mailbox().await),
                Read::Counts => PlanMsg::Counts(count_types(&*api).await),
            }
        })
    }
}

impl Reducible for PlanState {
    type Action = PlanMsg;

    fn reduce(self: Rc<Self>, msg: PlanMsg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            PlanMsg::Settings(result) => {
                // The server's truth resets the form, except mid-send and after an
                // unknown outcome: then the re-read shows where the plan stands and the
                // customer's choice stays, ready to send again if it did not go through.
                let keep = next.locked() || next.submit == Submit::Unknown;
                if let (Ok(s), false) = (&result, keep) {
                    next.choice = Some(FormChoice::from_current(&CurrentPlan::from(s)));
                }
                next.settings = Slot::from_result(result);
            }
            PlanMsg::Names(r) => next.names = Slot::from_result(r),
            PlanMsg::Limits(r) => {
                next.counts = counts_on_limits(&next.counts, &r);
                next.limits = Slot::from_result(r);
            }
            PlanMsg::Mailbox(r) => next.mailbox = Slot::from_result(r),
            PlanMsg::Counts(r) => next.counts = counts_on_answer(&next.limits, r),
            PlanMsg::Retrying => {
                for read in self.failures().into_iter().map(|(read, _)| read) {
                    match read {
                        Read::Settings => next.settings = Slot::Pending,
                        Read::Names => next.names = Slot::Pending,
                        Read::Limits => next.limits = Slot::Pending,
                        Read::Mailbox => next.mailbox = Slot::Pending,
                        Read::Counts => next.counts = Slot::Pending,
                    }
                }
            }
            PlanMsg::ChooseType(t) => {
                if let (Some(choice), false) = (next.choice.as_mut(), self.locked()) {
                    choice.r#type = t;
                    next.submit = Submit::Idle;
                }
            }
            PlanMsg::SetAllowUpgrade(on) => {
                if let (Some(choice), false) = (next.choice.as_mut(), self.locked()) {
                    choice.allow_upgrade = on;
                    next.submit = Submit::Idle;
                }
            }
            PlanMsg::SubmitStarted => next.submit = Submit::InFlight,
            PlanMsg::SubmitFinished(result) => {
                next.submit = match result {
                    Ok(to) => Submit::Succeeded { to },
                    Err(ApiError::Timeout) | Err(ApiError::Network(_)) => Submit::Unknown,
                    Err(e) => Submit::Failed(Rc::new(e)),
                };
            }
        }
        Rc::new(next)
    }
}

impl PlanState {
    pub fn current(&self) -> Option<CurrentPlan> {
        self.settings.ready().map(CurrentPlan::from)
    }

    /// A change is on its way: the form takes no input.
    pub fn locked(&self) -> bool {
        self.submit == Submit::InFlight
    }

    /// Whether the current plan and the form are shown: once the settings are read and
    /// every other read has answered, either way. They then appear in one step, each
    /// option with its final verdict: a plan name replacing its type, the usage line
    /// arriving, or a full plan's reason appearing when the counts come would move
    /// everything below (layout shift), and an option could turn unavailable under the
    /// customer's finger. The reads go out together, so this waits for the slowest one
    /// (for the counts of a domain over 500 mailboxes, a few pages more).
    pub fn content_ready(&self) -> bool {
        self.settings.ready().is_some() && !self.reading()
    }

    /// Nothing to show yet but the loading line (a failed settings read shows its failure).
    pub fn first_load(&self) -> bool {
        !self.content_ready() && self.settings.failed().is_none()
    }

    /// Some read is still unanswered: the panel keeps the room its content will take.
    pub fn reading(&self) -> bool {
        [
            matches!(self.settings, Slot::Pending),
            matches!(self.names, Slot::Pending),
            matches!(self.limits, Slot::Pending),
            matches!(self.mailbox, Slot::Pending),
            matches!(self.counts, Slot::Pending),
        ]
        .contains(&true)
    }

    /// The reads that failed, with why, in display order.
    pub fn failures(&self) -> Vec<(Read, Rc<ApiError>)> {
        [
            (Read::Settings, self.settings.failed()),
            (Read::Names, self.names.failed()),
            (Read::Limits, self.limits.failed()),
            (Read::Mailbox, self.mailbox.failed()),
            (Read::Counts, self.counts.failed()),
        ]
        .into_iter()
        .filter_map(|(read, e)| e.map(|e| (read, e.clone())))
        .collect()
    }

    /// What "Try again" starts: the failed reads, all at once.
    pub fn retry_reads(&self) -> Vec<Read> {
        self.failures().into_iter().map(|(r, _)| r).collect()
    }

    /// What the rules know: the configuration's product settings and whatever the
    /// reads returned. Anything unknown stays unknown, so the server decides.
    pub fn facts(&self, config: &PanelConfig) -> DomainFacts {
        let mut facts = DomainFacts {
            quotas_mb: config.plan_quotas_mb.clone(),
            usage_mb: self.mailbox.ready().map(|m| m.usage),
            counts: self.counts.ready().cloned().flatten(),
            upgrades_enabled: config.upgrades_enabled,
            ..DomainFacts::default()
        };
        if let (Some(s), Some(m)) = (self.settings.ready(), self.mailbox.ready()) {
            // The mailbox's quota is its current type's quota.
            facts.quotas_mb.entry(s.r#type.clone()).or_insert(m.quota);
        }
        if let Some(names) = self.names.ready() {
            facts.set_names(names);
        }
        if let Some(limits) = self.limits.ready() {
            facts.set_limits(limits);
        }
        facts
    }

    /// The plan's display name, or the type itself where the domain gives none.
    pub fn plan_name(&self, t: &OxType) -> String {
        self.names
            .ready()
            .and_then(|n| n.name_for(t))
            .unwrap_or(t.as_str())
            .to_owned()
    }

    fn reason(&self, facts: &DomainFacts, t: &OxType, violation: &Violation) -> Reason {
        Reason {
            violation: violation.clone(),
            r#type: t.clone(),
            limit: facts.limit_for(t),
            quota_mb: facts.quotas_mb.get(t).copied(),
        }
    }

    /// Every type the form offers (the domain's, the documented three when its list is
    /// unknown or empty, and the current one), with the verdict of picking it while
    /// keeping `allowUpgrade`.
    pub fn options(&self, config: &PanelConfig) -> Vec<PlanOption> {
        let (Some(current), Some(choice)) = (self.current(), &self.choice) else {
            return Vec::new();
        };
        let facts = self.facts(config);
        verdicts::type_verdicts(&current, choice, config.role, &facts)
            .into_iter()
            .map(|(t, verdict)| {
                let reason = verdict.violation().map(|v| self.reason(&facts, &t, v));
                let checked = choice.r#type == t;
                PlanOption {
                    name: self.plan_name(&t),
                    disabled: self.locked() || (reason.is_some() && !checked),
                    checked,
                    reason,
                    r#type: t,
                }
            })
            .collect()
    }

    /// The checkbox, with the verdict of toggling it.
    pub fn allow_option(&self, config: &PanelConfig) -> Option<AllowOption> {
        let (current, choice) = (self.current()?, self.choice.as_ref()?);
        let facts = self.facts(config);
        let verdict = verdicts::allow_upgrade_verdict(&current, choice, config.role, &facts);
        let reason = verdict
            .violation()
            .map(|v| self.reason(&facts, &choice.r#type, v));
        Some(AllowOption {
            checked: choice.allow_upgrade,
            disabled: self.locked() || reason.is_some(),
            reason,
        })
    }

    /// What the chosen change does; `None` when it changes nothing.
    pub fn summary(&self) -> Option<Summary> {
        let (current, choice) = (self.current()?, self.choice.as_ref()?);
        verdicts::request_for(&current, choice)?;
        Some(Summary {
            type_change: (current.r#type != choice.r#type).then(|| {
                (
                    self.plan_name(&current.r#type),
                    self.plan_name(&choice.r#type),
                )
            }),
            allow_upgrade: (current.allow_upgrade != choice.allow_upgrade)
                .then_some(choice.allow_upgrade),
            downgrade: choice.r#type < current.r#type,
        })
    }

    /// What to send for the choice: only a change, only one the rules allow, and
    /// never while another is on its way.
    pub fn to_send(&self, config: &PanelConfig) -> Option<PlanChange> {
        if self.locked() {
            return None;
        }
        let (current, choice) = (self.current()?, self.choice.as_ref()?);
        let update = verdicts::request_for(&current, choice)?;
        verdicts::choice_verdict(&current, choice, config.role, &self.facts(config))
            .is_allowed()
            .then(|| PlanChange {
                update,
                from: current.r#type.clone(),
                to: choice.r#type.clone(),
                allow_upgrade: choice.allow_upgrade,
            })
    }

    /// What to read again once a change was answered: after an acceptance, or when no
    /// answer came, the settings and usage (and the counts, which a move changes) as
    /// the server has them now. A refusal changed nothing, so nothing is read.
    pub fn rereads_after(&self, result: &Result<(), ApiError>) -> Vec<Read> {
        match result {
            Ok(()) | Err(ApiError::Timeout) | Err(ApiError::Network(_)) => {
                let mut reads = vec![Read::Settings, Read::Mailbox];
                if !matches!(self.counts, Slot::NotNeeded) {
                    reads.push(Read::Counts);
                }
                reads
            }
            Err(_) => Vec::new(),
        }
    }

    /// The plan name a change just succeeded to.
    pub fn changed_to(&self) -> Option<String> {
        match &self.submit {
            Submit::Succeeded { to } => Some(self.plan_name(to)),
            _ => None,
        }
    }

    /// The server's per-field messages after a refused change, by field name.
    pub fn field_errors(&self) -> BTreeMap<String, String> {
        match &self.submit {
            Submit::Failed(e) => match &**e {
                ApiError::BadRequestFields(map) => map.clone(),
                _ => BTreeMap::new(),
            },
            _ => BTreeMap::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ox_core::rules::{Role, ViolationCode};

    fn json<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> T {
        serde_json::from_value(v).unwrap_or_else(|e| panic!("fixture: {e}"))
    }

    fn settings(t: &str, allow: bool) -> WebmailSettings {
        json(serde_json::json!({"type": t, "allowUpgrade": allow}))
    }

    fn names(v: serde_json::Value) -> WebmailNames {
        json(serde_json::json!({ "webmailNames": v }))
    }

    fn limits(v: serde_json::Value) -> WebmailLimits {
        json(serde_json::json!({ "webmailLimits": v }))
    }

    fn mailbox(quota: u64, usage: u64) -> MailboxInfo {
        json(serde_json::json!({"username": "john.smith", "quota": quota, "usage": usage}))
    }

    fn config() -> PanelConfig {
        PanelConfig::new("test", "test.com")
    }

    /// Standard with upgrades allowed, the documented three plans, no limits.
    fn loaded() -> Rc<PlanState> {
        loaded_with(serde_json::json!({"activesync": -1}))
    }

    /// Every read answered but the counts, which are still out unless no limit needs them.
    fn loaded_with(domain_limits: serde_json::Value) -> Rc<PlanState> {
        Rc::new(PlanState::default())
            .reduce(PlanMsg::Settings(Ok(settings("standard", true))))
            .reduce(PlanMsg::Names(Ok(names(serde_json::json!({
                "standard": "Basic", "activesync": "Sync", "premium": "Premium"
            })))))
            .reduce(PlanMsg::Limits(Ok(limits(domain_limits))))
            .reduce(PlanMsg::Mailbox(Ok(mailbox(1024, 200))))
    }

    fn option<'a>(options: &'a [PlanOption], t: &str) -> &'a PlanOption {
        options
            .iter()
            .find(|o| o.r#type == t)
            .unwrap_or_else(|| panic!("no option {t}"))
    }

    #[test]
    fn reading_until_every_needed_read_answered() {
        let s = Rc::new(PlanState::default());
        assert!(s.reading());
        let s = s.reduce(PlanMsg::Settings(Ok(settings("standard", true))));
        assert!(s.reading(), "names, limits and the mailbox are still out");
        // -1: no limit, so no counts are read.
        assert!(!loaded().reading());
        let failed = loaded().reduce(PlanMsg::Mailbox(Err(ApiError::Timeout)));
        assert!(!failed.reading(), "a failed read is answered");
    }

    #[test]
    fn the_plan_shows_in_one_step_once_every_read_answered() {
        let s =
            Rc::new(PlanState::default()).reduce(PlanMsg::Settings(Ok(settings("standard", true))));
        assert!(
            !s.content_ready() && s.first_load(),
            "names, usage, limits and counts are out"
        );
        let s = s
            .reduce(PlanMsg::Names(Err(ApiError::Timeout)))
            .reduce(PlanMsg::Mailbox(Ok(mailbox(1024, 200))))
            .reduce(PlanMsg::Limits(Ok(limits(
                serde_json::json!({"activesync": 2}),
            ))));
        assert!(!s.content_ready(), "the counts a limit needs are still out");
        let s = s.reduce(PlanMsg::Counts(Err(ApiError::Timeout)));
        assert!(
            s.content_ready() && !s.first_load(),
            "a failed read is answered too"
        );
        // Without a limit the counts are not needed, so not waited for.
        let s = Rc::new(PlanState::default())
            .reduce(PlanMsg::Settings(Ok(settings("standard", true))))
            .reduce(PlanMsg::Names(Err(ApiError::Timeout)))
            .reduce(PlanMsg::Mailbox(Ok(mailbox(1024, 200))))
            .reduce(PlanMsg::Limits(Ok(limits(
                serde_json::json!({"activesync": -1}),
            ))));
        assert!(s.content_ready());
        // A failed settings read is shown as such, not as loading.
        let failed =
            Rc::new(PlanState::default()).reduce(PlanMsg::Settings(Err(ApiError::Timeout)));
        assert!(!failed.content_ready() && !failed.first_load());
    }

    #[test]
    fn settings_reset_the_choice_but_not_mid_send() {
        let s = loaded();
        assert_eq!(
            s.choice.as_ref().map(|c| c.r#type.as_str()),
            Some("standard")
        );
        let s = s.reduce(PlanMsg::ChooseType(OxType::premium()));
        let s = s.reduce(PlanMsg::SubmitStarted);
        let s = s.reduce(PlanMsg::ChooseType(OxType::activesync()));
        assert_eq!(
            s.choice.as_ref().map(|c| c.r#type.as_str()),
            Some("premium")
        );
        let s = s.reduce(PlanMsg::Settings(Ok(settings("standard", true))));
        assert_eq!(
            s.choice.as_ref().map(|c| c.r#type.as_str()),
            Some("premium")
        );
    }

    #[test]
    fn the_choice_survives_the_re_read_after_an_unknown_outcome() {
        let s = loaded()
            .reduce(PlanMsg::ChooseType(OxType::premium()))
            .reduce(PlanMsg::SubmitStarted)
            .reduce(PlanMsg::SubmitFinished(Err(ApiError::Timeout)));
        assert_eq!(s.submit, Submit::Unknown);
        let s = s.reduce(PlanMsg::Settings(Ok(settings("standard", true))));
        assert_eq!(
            s.choice.as_ref().map(|c| c.r#type.as_str()),
            Some("premium")
        );
        // After a success the re-read sets the form to the new plan.
        let s = loaded()
            .reduce(PlanMsg::ChooseType(OxType::premium()))
            .reduce(PlanMsg::SubmitStarted)
            .reduce(PlanMsg::SubmitFinished(Ok(OxType::premium())))
            .reduce(PlanMsg::Settings(Ok(settings("premium", true))));
        assert_eq!(
            s.choice.as_ref().map(|c| c.r#type.as_str()),
            Some("premium")
        );
        assert_eq!(s.summary(), None);
    }

    #[test]
    fn counts_go_out_with_the_limits_and_stay_only_with_a_positive_limit() {
        assert!(
            Read::INITIAL.contains(&Read::Counts),
            "no round trip waits for the limits"
        );
        let none = || limits(serde_json::json!({"standard": -1, "premium": 0}));
        let some = || limits(serde_json::json!({"activesync": 2}));
        let counted = || Ok(Some(BTreeMap::from([(OxType::activesync(), 1)])));
        let s = Rc::new(PlanState::default());
        // Limits first, then the counts: kept with a limit, dropped without one.
        let first = s.clone().reduce(PlanMsg::Limits(Ok(none())));
        assert_eq!(first.counts, Slot::NotNeeded);
        assert_eq!(
            first.reduce(PlanMsg::Counts(counted())).counts,
            Slot::NotNeeded
        );
        let first = s.clone().reduce(PlanMsg::Limits(Ok(some())));
        assert_eq!(first.counts, Slot::Pending, "still reading");
        assert!(first
            .clone()
            .reduce(PlanMsg::Counts(counted()))
            .counts
            .ready()
            .is_some());
        // The counts first, then the limits.
        let first = s.clone().reduce(PlanMsg::Counts(counted()));
        assert!(first.counts.ready().is_some());
        assert!(first
            .clone()
            .reduce(PlanMsg::Limits(Ok(some())))
            .counts
            .ready()
            .is_some());
        assert_eq!(
            first.reduce(PlanMsg::Limits(Ok(none()))).counts,
            Slot::NotNeeded
        );
        // Failed limits leave the counts to their own answer (and their own retry).
        let failed = s.reduce(PlanMsg::Limits(Err(ApiError::Timeout)));
        assert_eq!(failed.counts, Slot::Pending);
        let failed = failed.reduce(PlanMsg::Counts(Err(ApiError::Timeout)));
        assert!(failed.counts.failed().is_some());
    }

    #[test]
    fn unknown_outcome_on_timeout() {
        let s =
            Rc::new(PlanState::default()).reduce(PlanMsg::SubmitFinished(Err(ApiError::Timeout)));
        assert_eq!(s.submit, Submit::Unknown);
    }

    #[test]
    fn what_a_choice_sends() {
        let s = loaded();
        assert_eq!(s.to_send(&config()), None, "nothing changed");
        let s = s.reduce(PlanMsg::ChooseType(OxType::premium()));
        let change = s.to_send(&config());
        assert_eq!(
            change,
            Some(PlanChange {
                update: WebmailUpdate {
                    r#type: Some("premium".into()),
                    ..WebmailUpdate::default()
                },
                from: OxType::standard(),
                to: OxType::premium(),
                allow_upgrade: true,
            })
        );
        let s = s.reduce(PlanMsg::SubmitStarted);
        assert_eq!(s.to_send(&config()), None, "never a second one in flight");
        // A change the rules forbid is not sent.
        let s = loaded()
            .reduce(PlanMsg::Settings(Ok(settings("standard", false))))
            .reduce(PlanMsg::ChooseType(OxType::premium()));
        assert_eq!(s.to_send(&config()), None);
        let mut admin = config();
        admin.role = Role::Admin;
        assert!(s.to_send(&admin).is_some(), "the account owner may");
    }

    #[test]
    fn what_is_read_again_after_each_outcome() {
        use Read::*;
        let no_counts = loaded();
        let with_counts = loaded_with(serde_json::json!({"activesync": 2}));
        let refused = |e: ApiError| -> Result<(), ApiError> { Err(e) };
        for (result, plain, counted) in [
            (
                Ok(()),
                vec![Settings, Mailbox],
                vec![Settings, Mailbox, Counts],
            ),
            (
                refused(ApiError::Timeout),
                vec![Settings, Mailbox],
                vec![Settings, Mailbox, Counts],
            ),
            (
                refused(ApiError::Network("x".into())),
                vec![Settings, Mailbox],
                vec![Settings, Mailbox, Counts],
            ),
            (
                refused(ApiError::BadRequestMessage("no".into())),
                vec![],
                vec![],
            ),
            (refused(ApiError::Unauthorized), vec![], vec![]),
            (
                refused(ApiError::Server {
                    status: 500,
                    message: None,
                }),
                vec![],
                vec![],
            ),
        ] {
            assert_eq!(no_counts.rereads_after(&result), plain, "{result:?}");
            assert_eq!(with_counts.rereads_after(&result), counted, "{result:?}");
        }
    }

    #[test]
    fn try_again_reads_what_failed_all_at_once() {
        let s = Rc::new(PlanState::default())
            .reduce(PlanMsg::Settings(Ok(settings("standard", true))))
            .reduce(PlanMsg::Names(Err(ApiError::Timeout)))
            .reduce(PlanMsg::Mailbox(Ok(mailbox(1024, 200))))
            .reduce(PlanMsg::Counts(Err(ApiError::Timeout)))
            .reduce(PlanMsg::Limits(Err(ApiError::Unauthorized)));
        let failed: Vec<Read> = s.failures().into_iter().map(|(r, _)| r).collect();
        assert_eq!(failed, vec![Read::Names, Read::Limits, Read::Counts]);
        assert_eq!(
            s.retry_reads(),
            vec![Read::Names, Read::Limits, Read::Counts]
        );
        let s = s.reduce(PlanMsg::Retrying);
        assert_eq!(s.names, Slot::Pending);
        assert_eq!(s.limits, Slot::Pending);
        assert_eq!(s.counts, Slot::Pending);
        assert!(s.failures().is_empty());
        // Only the counts failed: they alone are read again.
        let s = loaded_with(serde_json::json!({"activesync": 2}))
            .reduce(PlanMsg::Counts(Err(ApiError::Timeout)));
        assert_eq!(s.retry_reads(), vec![Read::Counts]);
        // Limits and counts failed: both go out again, side by side.
        let s = s.reduce(PlanMsg::Limits(Err(ApiError::Timeout)));
        assert_eq!(s.retry_reads(), vec![Read::Limits, Read::Counts]);
        assert_eq!(s.reduce(PlanMsg::Retrying).counts, Slot::Pending);
    }

    #[test]
    fn each_option_with_its_label_verdict_reason_and_state() {
        let s = loaded().reduce(PlanMsg::Settings(Ok(settings("standard", false))));
        let options = s.options(&config());
        let types: Vec<&str> = options.iter().map(|o| o.r#type.as_str()).collect();
        assert_eq!(types, ["standard", "activesync", "premium"]);
        let standard = option(&options, "standard");
        assert_eq!(
            (standard.name.as_str(), standard.checked, standard.disabled),
            ("Basic", true, false)
        );
        assert_eq!(standard.reason, None);
        let premium = option(&options, "premium");
        assert!(premium.disabled && !premium.checked);
        assert_eq!(
            premium.reason.as_ref().map(|r| r.violation.code),
            Some(ViolationCode::UpgradeNotAllowed)
        );
        // While a change is on its way every option is disabled.
        let s = loaded()
            .reduce(PlanMsg::ChooseType(OxType::activesync()))
            .reduce(PlanMsg::SubmitStarted);
        assert!(s.options(&config()).iter().all(|o| o.disabled));
        assert!(s.allow_option(&config()).is_some_and(|a| a.disabled));
    }

    #[test]
    fn a_reason_carries_the_quota_and_the_limit() {
        // Premium with 3000 MB used; the host knows the standard quota.
        let mut cfg = config();
        cfg.plan_quotas_mb.insert(OxType::standard(), 1024);
        let s = loaded()
            .reduce(PlanMsg::Settings(Ok(settings("premium", true))))
            .reduce(PlanMsg::Mailbox(Ok(mailbox(25_600, 3000))));
        let options = s.options(&cfg);
        let reason = option(&options, "standard").reason.clone();
        assert_eq!(
            reason.as_ref().map(|r| r.violation.code),
            Some(ViolationCode::UsageOverQuota)
        );
        assert_eq!(reason.and_then(|r| r.quota_mb), Some(1024));

        let s = loaded_with(serde_json::json!({"activesync": 2})).reduce(PlanMsg::Counts(Ok(
            Some([(OxType::activesync(), 2)].into()),
        )));
        let options = s.options(&config());
        let reason = option(&options, "activesync").reason.clone();
        assert_eq!(
            reason.as_ref().map(|r| r.violation.code),
            Some(ViolationCode::LimitReached)
        );
        assert_eq!(reason.and_then(|r| r.limit), Some(2));
    }

    #[test]
    fn unknown_counts_leave_the_limit_to_the_server() {
        let s = loaded_with(serde_json::json!({"activesync": 2})).reduce(PlanMsg::Counts(Ok(None)));
        assert_eq!(s.facts(&config()).counts, None);
        assert!(
            s.failures().is_empty(),
            "unknown is an answer, not a failure"
        );
        assert_eq!(option(&s.options(&config()), "activesync").reason, None);
    }

    #[test]
    fn an_empty_or_unread_plan_list_offers_the_documented_three() {
        let expected = ["standard", "activesync", "premium"];
        let types = |s: &PlanState| -> Vec<String> {
            s.options(&config())
                .iter()
                .map(|o| o.r#type.as_str().to_owned())
                .collect()
        };
        let empty = loaded().reduce(PlanMsg::Names(Ok(names(serde_json::json!({})))));
        assert_eq!(types(&empty), expected);
        assert_eq!(empty.facts(&config()).supported, None);
        let failed = loaded().reduce(PlanMsg::Names(Err(ApiError::Timeout)));
        assert_eq!(types(&failed), expected);
        // The current type is offered even when the domain's list lacks it.
        let starter = loaded().reduce(PlanMsg::Settings(Ok(settings("starter", true))));
        assert_eq!(
            types(&starter),
            ["standard", "activesync", "premium", "starter"]
        );
        assert_eq!(starter.plan_name(&OxType::from("starter")), "starter");
        assert_eq!(starter.plan_name(&OxType::premium()), "Premium");
    }

    #[test]
    fn the_checkbox_and_the_summary() {
        let s =
            Rc::new((*loaded().reduce(PlanMsg::Settings(Ok(settings("premium", true))))).clone());
        let allow = s.allow_option(&config());
        assert_eq!(
            allow.and_then(|a| a.reason).map(|r| r.violation.code),
            Some(ViolationCode::AlreadyUpgraded)
        );
        assert_eq!(s.summary(), None);
        let s = s.reduce(PlanMsg::ChooseType(OxType::standard()));
        assert_eq!(
            s.summary(),
            Some(Summary {
                type_change: Some(("Premium".into(), "Basic".into())),
                allow_upgrade: None,
                downgrade: true,
            })
        );
        let s = loaded().reduce(PlanMsg::SetAllowUpgrade(false));
        assert_eq!(
            s.summary(),
            Some(Summary {
                type_change: None,
                allow_upgrade: Some(false),
                downgrade: false,
            })
        );
    }

    #[test]
    fn field_errors_of_a_refusal() {
        let fields: BTreeMap<String, String> = [("type".to_owned(), "Required".to_owned())].into();
        let s = loaded()
            .reduce(PlanMsg::ChooseType(OxType::premium()))
            .reduce(PlanMsg::SubmitStarted)
            .reduce(PlanMsg::SubmitFinished(Err(ApiError::BadRequestFields(
                fields.clone(),
            ))));
        assert_eq!(s.field_errors(), fields);
        assert!(loaded().field_errors().is_empty());
    }
}
