//! The domain view's state: the list's query and the one page it holds, the domain's
//! plan names, limits and counts, the selection and the target of a bulk change.
//! Pure, so paging, stale answers and the selection are testable without a browser.

use std::rc::Rc;

use ox_core::bulk::{plan_bulk, BulkPlan};
use ox_core::config::PanelConfig;
use ox_core::error::ApiError;
use ox_core::rules::DomainFacts;
use ox_core::types::{
    OxType, SortField, SortOrder, UsernameEntry, UsernamesList, UsernamesQuery, WebmailLimits,
    WebmailNames, WebmailUpdate,
};
use yew::Reducible;

use super::nav::{api_filter, ListQuery, Nav, PAGE_SIZES};
pub use crate::components::shared::slot::Slot;

#[derive(Debug, Clone, PartialEq)]
pub struct DomainState {
    /// What the list shows (or is about to).
    pub query: ListQuery,
    /// The filter as typed; becomes `query.filter` when the typing pauses.
    pub filter_text: String,
    /// Bumped by every change of the query: the answer to an older number is stale.
    pub seq: u64,
    /// The answer for `seq`: only the current page is ever held.
    pub page: Slot<UsernamesList>,
    pub names: Slot<WebmailNames>,
    pub limits: Slot<WebmailLimits>,
    pub counts: Slot<Counts>,
    /// Selected rows in the order they were selected, as the list last reported them.
    pub selected: Vec<UsernameEntry>,
    pub target: Option<OxType>,
    /// The mailbox whose panels are open instead of the list.
    pub open: Option<String>,
}

impl Default for DomainState {
    fn default() -> Self {
        Self {
            query: ListQuery::default(),
            filter_text: String::new(),
            seq: 1,
            page: Slot::Pending,
            names: Slot::Pending,
            limits: Slot::Pending,
            counts: Slot::Pending,
            selected: Vec::new(),
            target: None,
            open: None,
        }
    }
}

pub enum DomainAction {
    Names(Result<WebmailNames, ApiError>),
    Limits(Result<WebmailLimits, ApiError>),
    Counts(Result<Counts, ApiError>),
    /// The answer to the list request numbered `seq`.
    Loaded {
        seq: u64,
        result: Result<UsernamesList, ApiError>,
    },
    /// Asks for the same page again (try again, or after a bulk change).
    Reload,
    /// Reads of the domain facts that are being repeated.
    RetryingFacts,
    CountsPending,
    SetPage(u32),
    SetPageSize(u32),
    SetSort(SortField),
    FilterTyped(String),
    /// The typing paused: the typed filter becomes the query (page 1).
    FilterApplied,
    /// The whole position, e.g. from the address's hash.
    Navigate(Nav),
    Open(String),
    Back,
    Toggle(UsernameEntry),
    /// Selects (`true`) or unselects every row of the current page.
    SelectPage(bool),
    ClearSelection,
    ChooseTarget(OxType),
    /// The server accepted these changes: the selected rows take them at once, so a
    /// selected row on another page is not judged on its old plan.
    Applied(Vec<(String, WebmailUpdate)>),
}

impl DomainState {
    /// Starts at a position (the hash when the page loads).
    pub fn at(nav: Nav) -> Self {
        Self {
            filter_text: nav.query.filter.clone(),
            query: nav.query,
            open: nav.mailbox,
            ..Self::default()
        }
    }

    pub fn nav(&self) -> Nav {
        Nav {
            mailbox: self.open.clone(),
            query: self.query.clone(),
        }
    }

    /// The request for the current query.
    pub fn api_query(&self) -> UsernamesQuery {
        UsernamesQuery {
            filter_username: api_filter(&self.query.filter),
            page: Some(self.query.page),
            page_size: Some(self.query.page_size),
            sort_field: Some(self.query.sort),
            sort_order: Some(SortOrder::Asc),
            details: true,
        }
    }

    /// Pages of the current answer (at least 1).
    pub fn page_count(&self) -> u32 {
        let total = self.page.ready().map_or(0, |l| l.total_count);
        let pages = total
            .div_ceil(u64::from(self.query.page_size.max(1)))
            .max(1);
        u32::try_from(pages).unwrap_or(u32::MAX)
    }

    pub fn is_selected(&self, username: &str) -> bool {
        self.selected.iter().any(|e| e.username == username)
    }

    /// Whether every row of the current page is selected (false for an empty page).
    pub fn page_selected(&self) -> bool {
        self.page.ready().is_some_and(|l| {
            !l.list.is_empty() && l.list.iter().all(|e| self.is_selected(&e.username))
        })
    }

    /// The facts the rules judge a bulk change with: the configuration's product
    /// settings and the domain's names, limits and counts, where read.
    pub fn facts(&self, config: &PanelConfig) -> DomainFacts {
        let mut facts = DomainFacts {
            quotas_mb: config.plan_quotas_mb.clone(),
            counts: self.counts.ready().cloned().flatten(),
            upgrades_enabled: config.upgrades_enabled,
            ..DomainFacts::default()
        };
        if let Some(names) = self.names.ready() {
            facts.set_names(names);
        }
        if let Some(limits) = self.limits.ready() {
            facts.set_limits(limits);
        }
        facts
    }

    /// The verdicts of moving the selection to the chosen target.
    pub fn bulk_plan(&self, config: &PanelConfig) -> Option<BulkPlan> {
        let target = self.target.as_ref()?;
        (!self.selected.is_empty())
            .then(|| plan_bulk(&self.selected, target, config.role, &self.facts(config)))
    }

    /// The types a bulk change may target, in display order.
    pub fn offered_types(&self) -> Vec<OxType> {
        match self.names.ready() {
            Some(n) if !n.webmail_names.is_empty() => n.supported(),
            _ => OxType::defaults(),
        }
    }

    pub fn plan_name(&self, t: &OxType) -> String {
        self.names
            .ready()
            .and_then(|n| n.name_for(t))
            .map_or_else(|| t.as_str().to_owned(), str::to_owned)
    }

    fn requery(&mut self) {
        self.seq = self.seq.wrapping_add(1);
        self.page = Slot::Pending;
    }

    fn set_query(&mut self, query: ListQuery) {
        if query != self.query {
            self.query = query;
            self.requery();
        }
    }
}

// The OX panel's decision of when counts are kept, shared.
use crate::components::plan::state::{counts_on_answer, counts_on_limits, Counts};

impl Reducible for DomainState {
    type Action = DomainAction;

    fn reduce(self: Rc<Self>, action: DomainAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            DomainAction::Names(r) => next.names = Slot::from_result(r),
            DomainAction::Limits(r) => {
                next.counts = counts_on_limits(&next.counts, &r);
                next.limits = Slot::from_result(r);
            }
            DomainAction::Counts(r) => next.counts = counts_on_answer(&next.limits, r),
            DomainAction::CountsPending => next.counts = Slot::Pending,
            DomainAction::RetryingFacts => {
                if next.names.failed().is_some() {
                    next.names = Slot::Pending;
                }
                if next.limits.failed().is_some() {
                    next.limits = Slot::Pending;
                }
                if next.counts.failed().is_some() {
                    next.counts = Slot::Pending;
                }
            }
            DomainAction::Loaded { seq, result } => {
                // An answer to an older query never replaces the newer one.
                if seq != next.seq {
                    return self;
                }
                if let Ok(list) = &result {
                    for fresh in &list.list {
                        if let Some(kept) = next
                            .selected
                            .iter_mut()
                            .find(|e| e.username == fresh.username)
                        {
                            *kept = fresh.clone();
                        }
                    }
                }
                next.page = Slot::from_result(result);
            }
            DomainAction::Reload => next.requery(),
            DomainAction::SetPage(page) => {
                let query = ListQuery {
                    page: page.max(1),
                    ..next.query.clone()
                };
                next.set_query(query);
            }
            DomainAction::SetPageSize(size) => {
                if PAGE_SIZES.contains(&size) {
                    let query = ListQuery {
                        page: 1,
                        page_size: size,
                        ..next.query.clone()
                    };
                    next.set_query(query);
                }
            }
            DomainAction::SetSort(sort) => {
                let query = ListQuery {
                    page: 1,
                    sort,
                    ..next.query.clone()
                };
                next.set_query(query);
            }
            DomainAction::FilterTyped(text) => next.filter_text = text,
            DomainAction::FilterApplied => {
                let query = ListQuery {
                    page: 1,
                    filter: next.filter_text.trim().to_owned(),
                    ..next.query.clone()
                };
                next.set_query(query);
            }
            DomainAction::Navigate(nav) => {
                if nav.mailbox.is_none() && next.open.is_some() {
                    // Back to the list: its plans may have changed meanwhile.
                    next.requery();
                }
                next.open = nav.mailbox;
                next.filter_text = nav.query.filter.clone();
                next.set_query(nav.query);
            }
            DomainAction::Open(mailbox) => next.open = Some(mailbox),
            DomainAction::Back => {
                if next.open.take().is_some() {
                    next.requery();
                }
            }
            DomainAction::Toggle(entry) => {
                if let Some(i) = next
                    .selected
                    .iter()
                    .position(|e| e.username == entry.username)
                {
                    next.selected.remove(i);
                } else {
                    next.selected.push(entry);
                }
            }
            DomainAction::SelectPage(on) => {
                if let Some(list) = self.page.ready() {
                    for entry in &list.list {
                        let pos = next
                            .selected
                            .iter()
                            .position(|e| e.username == entry.username);
                        match (on, pos) {
                            (true, None) => next.selected.push(entry.clone()),
                            (false, Some(i)) => {
                                next.selected.remove(i);
                            }
                            _ => {}
                        }
                    }
                }
            }
            DomainAction::ClearSelection => next.selected.clear(),
            DomainAction::ChooseTarget(t) => next.target = Some(t),
            DomainAction::Applied(changes) => {
                for (username, update) in changes {
                    if let Some(e) = next.selected.iter_mut().find(|e| e.username == username) {
                        if let Some(t) = update.requested_type() {
                            e.r#type = Some(t);
                        }
                        if let Some(a) = update.allow_upgrade {
                            e.allow_upgrade = Some(a);
                        }
                    }
                }
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(total: u64, names: &[(&str, &str, bool)]) -> UsernamesList {
        UsernamesList {
            total_count: total,
            list: names
                .iter()
                .map(|(n, t, allow)| UsernameEntry {
                    username: (*n).to_owned(),
                    r#type: Some(OxType::from(*t)),
                    allow_upgrade: Some(*allow),
                    ..UsernameEntry::default()
                })
                .collect(),
        }
    }

    fn reduce(s: Rc<DomainState>, actions: Vec<DomainAction>) -> Rc<DomainState> {
        actions.into_iter().fold(s, |s, a| s.reduce(a))
    }

    #[test]
    fn a_stale_answer_never_replaces_a_newer_one() {
        let s = Rc::new(DomainState::default());
        let first = s.seq;
        let s = reduce(
            s,
            vec![
                DomainAction::FilterTyped("a".into()),
                DomainAction::FilterApplied,
            ],
        );
        let second = s.seq;
        assert_ne!(first, second);
        assert_eq!(s.api_query().filter_username.as_deref(), Some("*a*"));
        // The newer answer first, then the slow older one: the newer stays.
        let s = reduce(
            s,
            vec![
                DomainAction::Loaded {
                    seq: second,
                    result: Ok(list(1, &[("alice", "standard", true)])),
                },
                DomainAction::Loaded {
                    seq: first,
                    result: Ok(list(2, &[("bob", "standard", true)])),
                },
            ],
        );
        assert_eq!(
            s.page.ready().map(|l| l.list[0].username.as_str()),
            Some("alice")
        );
    }

    #[test]
    fn query_changes_reset_the_page_and_bump_the_sequence() {
        let s = Rc::new(DomainState::default());
        let s = reduce(s, vec![DomainAction::SetPage(3)]);
        assert_eq!(s.query.page, 3);
        let seq = s.seq;
        let s = reduce(s, vec![DomainAction::SetSort(SortField::Quota)]);
        assert_eq!((s.query.page, s.query.sort), (1, SortField::Quota));
        assert_eq!(s.seq, seq + 1);
        // The same sort again is no new request; an unknown page size is ignored.
        let s = reduce(
            s,
            vec![
                DomainAction::SetSort(SortField::Quota),
                DomainAction::SetPageSize(33),
            ],
        );
        assert_eq!(s.seq, seq + 1);
        let s = reduce(s, vec![DomainAction::SetPageSize(100)]);
        assert_eq!(s.query.page_size, 100);
        assert_eq!(
            s.api_query().to_query_string(),
            "page=1&pageSize=100&sortField=quota&sortOrder=asc&details=1"
        );
    }

    #[test]
    fn selection_across_pages_and_select_all_of_a_page() {
        let s = Rc::new(DomainState::default());
        let seq = s.seq;
        let s = reduce(
            s,
            vec![
                DomainAction::Loaded {
                    seq,
                    result: Ok(list(
                        4,
                        &[("a", "standard", true), ("b", "standard", false)],
                    )),
                },
                DomainAction::SelectPage(true),
            ],
        );
        assert!(s.page_selected());
        let s = reduce(s, vec![DomainAction::SetPage(2)]);
        let seq = s.seq;
        let s = reduce(
            s,
            vec![
                DomainAction::Loaded {
                    seq,
                    result: Ok(list(4, &[("c", "premium", true), ("d", "standard", true)])),
                },
                DomainAction::Toggle(UsernameEntry {
                    username: "d".into(),
                    ..UsernameEntry::default()
                }),
            ],
        );
        let names: Vec<&str> = s.selected.iter().map(|e| e.username.as_str()).collect();
        assert_eq!(names, ["a", "b", "d"]);
        assert!(!s.page_selected());
        let s = reduce(s, vec![DomainAction::SelectPage(false)]);
        assert_eq!(s.selected.len(), 2);
    }

    #[test]
    fn a_reloaded_page_refreshes_the_selected_rows() {
        let s = Rc::new(DomainState::default());
        let seq = s.seq;
        let s = reduce(
            s,
            vec![
                DomainAction::Loaded {
                    seq,
                    result: Ok(list(1, &[("a", "standard", true)])),
                },
                DomainAction::SelectPage(true),
                DomainAction::Reload,
            ],
        );
        let seq = s.seq;
        let s = reduce(
            s,
            vec![DomainAction::Loaded {
                seq,
                result: Ok(list(1, &[("a", "activesync", true)])),
            }],
        );
        assert_eq!(
            s.selected[0].r#type.as_ref().map(OxType::as_str),
            Some("activesync")
        );
    }

    #[test]
    fn the_bulk_plan_uses_the_limits_and_counts() {
        let limits: WebmailLimits = serde_json::from_value(
            serde_json::json!({"webmailLimits": {"standard": -1, "activesync": 2, "premium": -1}}),
        )
        .unwrap_or_else(|e| panic!("fixture: {e}"));
        let s = Rc::new(DomainState::default());
        let seq = s.seq;
        let s = reduce(
            s,
            vec![
                DomainAction::Limits(Ok(limits)),
                DomainAction::Counts(Ok(Some([(OxType::activesync(), 1)].into_iter().collect()))),
                DomainAction::Loaded {
                    seq,
                    result: Ok(list(
                        3,
                        &[
                            ("a", "standard", true),
                            ("b", "standard", true),
                            ("c", "standard", false),
                        ],
                    )),
                },
                DomainAction::SelectPage(true),
                DomainAction::ChooseTarget(OxType::activesync()),
            ],
        );
        let config = PanelConfig::new("test", "test.com");
        let plan = s.bulk_plan(&config).unwrap_or_default();
        assert_eq!(plan.send_count(), 1);
        assert_eq!(plan.refused_count(), 2);
    }

    #[test]
    fn accepted_changes_update_the_selection_everywhere() {
        let s = Rc::new(DomainState::default());
        let s = reduce(
            s,
            vec![
                DomainAction::Toggle(UsernameEntry {
                    username: "a".into(),
                    r#type: Some(OxType::standard()),
                    allow_upgrade: Some(true),
                    ..UsernameEntry::default()
                }),
                DomainAction::ChooseTarget(OxType::activesync()),
                DomainAction::Applied(vec![("a".into(), WebmailUpdate::with_type("activesync"))]),
            ],
        );
        let plan = s
            .bulk_plan(&PanelConfig::new("test", "test.com"))
            .unwrap_or_default();
        assert_eq!(plan.unchanged_count(), 1);
        assert_eq!(plan.send_count(), 0);
    }

    #[test]
    fn back_from_a_mailbox_rereads_the_page_it_left() {
        let s = Rc::new(DomainState::default());
        let s = reduce(
            s,
            vec![DomainAction::SetPage(2), DomainAction::Open("x".into())],
        );
        let seq = s.seq;
        let s = reduce(s, vec![DomainAction::Back]);
        assert_eq!((s.open.clone(), s.query.page), (None, 2));
        assert_eq!(s.seq, seq + 1);
        let nav = Nav {
            mailbox: Some("y".into()),
            query: s.query.clone(),
        };
        let s = reduce(s, vec![DomainAction::Navigate(nav)]);
        assert_eq!(s.open.as_deref(), Some("y"));
        assert_eq!(s.seq, seq + 1);
    }
}
