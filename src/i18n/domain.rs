//! The domain view's messages (list, limits, bulk change), kept together.

/// One message of the domain view and the values it needs.
#[derive(Debug, Clone, PartialEq)]
pub enum DomainMsg<'a> {
    WhatList,
    FilterLabel,
    FilterHint,
    SortLabel,
    SortUsername,
    SortQuota,
    PageSizeLabel,
    PageOf {
        page: u32,
        pages: u32,
        total: u64,
    },
    PrevPage,
    NextPage,
    ListCaption {
        domain: &'a str,
    },
    ColSelect,
    ColUsername,
    ColPlan,
    ColQuota,
    ColAllowUpgrade,
    ColMaster,
    Yes,
    No,
    NotKnown,
    SelectRow {
        name: &'a str,
    },
    SelectPage,
    OpenMailbox {
        name: &'a str,
    },
    Empty,
    EmptyFilter,
    LimitsHeading,
    LimitUsed {
        name: &'a str,
        used: u64,
        limit: u64,
    },
    LimitCountUnknown {
        name: &'a str,
        limit: u64,
    },
    NoLimits,
    Back,
    MailboxHeading {
        mailbox: &'a str,
    },
    BulkHeading,
    SelectedCount {
        n: usize,
    },
    ClearSelection,
    TargetLegend,
    ChooseTargetFirst,
    SelectRowsFirst,
    PreviewSend {
        n: usize,
    },
    PreviewUnchanged {
        n: usize,
    },
    PreviewServer {
        n: usize,
    },
    PreviewRefused {
        n: usize,
    },
    RefusedRow {
        name: &'a str,
        reason: &'a str,
    },
    /// The limit is reached only by the rows selected before this one.
    LimitBySelection {
        limit: u64,
        used: u64,
    },
    Submit {
        n: usize,
        plan: &'a str,
    },
    Cancel,
    RetryFailed {
        n: usize,
    },
    ProgressLabel,
    Progress {
        finished: usize,
        total: usize,
        done: usize,
        failed: usize,
        cancelled: usize,
    },
    PhaseRunning,
    PhaseStopping,
    PhaseFinished,
    PhaseCancelled,
    PhaseUnauthorized,
    ResultQueued,
    ResultSending,
    ResultDone,
    ResultFailed {
        error: &'a str,
    },
    ResultUnknown,
    ResultCancelled,
}

fn mailboxes(n: impl Into<u64>) -> String {
    let n: u64 = n.into();
    if n == 1 {
        "1 mailbox".to_owned()
    } else {
        format!("{n} mailboxes")
    }
}

pub fn english(msg: &DomainMsg<'_>) -> String {
    use DomainMsg::*;
    match msg {
        WhatList => "the mailbox list".into(),
        FilterLabel => "Filter by name".into(),
        FilterHint => "Part of a name, or a pattern with * (e.g. a*).".into(),
        SortLabel => "Sort by".into(),
        SortUsername => "Name".into(),
        SortQuota => "Quota".into(),
        PageSizeLabel => "Mailboxes per page".into(),
        PageOf { page, pages, total } => {
            format!("Page {page} of {pages} ({})", mailboxes(*total))
        }
        PrevPage => "Previous page".into(),
        NextPage => "Next page".into(),
        ListCaption { domain } => format!("Mailboxes of {domain}"),
        ColSelect => "Select".into(),
        ColUsername => "Mailbox".into(),
        ColPlan => "Plan".into(),
        ColQuota => "Quota".into(),
        ColAllowUpgrade => "Upgrades allowed".into(),
        ColMaster => "Master".into(),
        Yes => "yes".into(),
        No => "no".into(),
        NotKnown => "not known".into(),
        SelectRow { name } => format!("Select {name}"),
        SelectPage => "Select every mailbox on this page".into(),
        OpenMailbox { name } => format!("Open the settings of {name}"),
        Empty => "This domain has no mailboxes.".into(),
        EmptyFilter => "No mailbox matches the filter.".into(),
        LimitsHeading => "Plan limits".into(),
        LimitUsed { name, used, limit } => format!("{name}: {used} of {limit} used"),
        LimitCountUnknown { name, limit } => {
            format!("{name}: at most {limit} (how many are used is not known)")
        }
        NoLimits => "No plan has a limit on this domain.".into(),
        Back => "Back to the mailbox list".into(),
        MailboxHeading { mailbox } => format!("Mailbox {mailbox}"),
        BulkHeading => "Change the plan of several mailboxes".into(),
        SelectedCount { n } => format!("{} selected", mailboxes(*n as u64)),
        ClearSelection => "Clear the selection".into(),
        TargetLegend => "New plan".into(),
        ChooseTargetFirst => "Choose the new plan to see what would happen.".into(),
        SelectRowsFirst => "Select mailboxes in the list to change their plan.".into(),
        PreviewSend { n } => format!("{} would be changed.", mailboxes(*n as u64)),
        PreviewUnchanged { n } => {
            format!(
                "{} already on this plan: nothing is sent.",
                mailboxes(*n as u64)
            )
        }
        PreviewServer { n } => format!(
            "{}: the list does not show the whole plan, so the server decides.",
            mailboxes(*n as u64)
        ),
        PreviewRefused { n } => format!("{} would be refused:", mailboxes(*n as u64)),
        RefusedRow { name, reason } => format!("{name}: {reason}"),
        LimitBySelection { limit, used } => format!(
            "The plan allows {limit} mailboxes and {used} are in use: the other selected \
             mailboxes before this one take the remaining places."
        ),
        Submit { n, plan } => format!("Change {} to {plan}", mailboxes(*n as u64)),
        Cancel => "Cancel the rest".into(),
        RetryFailed { n } => format!("Try the {} that failed again", mailboxes(*n as u64)),
        ProgressLabel => "Progress of the change".into(),
        Progress {
            finished,
            total,
            done,
            failed,
            cancelled,
        } => format!(
            "{finished} of {total} finished: {done} changed, {failed} failed, {cancelled} not sent."
        ),
        PhaseRunning => "Changing the plans…".into(),
        PhaseStopping => "Stopping: waiting for the answers to the changes already sent.".into(),
        PhaseFinished => "Finished.".into(),
        PhaseCancelled => "Cancelled: the remaining mailboxes were not sent.".into(),
        PhaseUnauthorized => {
            "Stopped: your session has expired. Sign in again, then try the rest.".into()
        }
        ResultQueued => "waiting".into(),
        ResultSending => "sending…".into(),
        ResultDone => "changed".into(),
        ResultFailed { error } => format!("failed: {error}"),
        ResultUnknown => "no answer came: the list shows what the server has".into(),
        ResultCancelled => "not sent".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts() {
        let msgs = [
            DomainMsg::LimitUsed {
                name: "SMX Sync Advanced",
                used: 2,
                limit: 2,
            },
            DomainMsg::Submit { n: 1, plan: "X" },
            DomainMsg::PageOf {
                page: 2,
                pages: 12,
                total: 300,
            },
        ];
        assert_eq!(english(&msgs[0]), "SMX Sync Advanced: 2 of 2 used");
        assert_eq!(english(&msgs[1]), "Change 1 mailbox to X");
        assert_eq!(english(&msgs[2]), "Page 2 of 12 (300 mailboxes)");
    }
}
