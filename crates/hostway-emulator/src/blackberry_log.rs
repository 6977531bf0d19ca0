//! The log of accepted BlackBerry actions: one entry per 202, in order, so tests and
//! host teams can check that an action was applied exactly once.

use serde::Serialize;

/// One accepted action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionRecord {
    /// 1-based number of the action since the last reset.
    pub seq: u64,
    /// Account number of the path.
    pub account: String,
    /// Exchange domain of the path.
    pub domain: String,
    /// Mailbox (username) of the path.
    pub mailbox: String,
    /// `resendServiceBooks`, `wipe` or `reinitialize`.
    pub action: String,
    /// The request's `actionData` (empty when absent).
    pub action_data: String,
}

/// Every accepted action since the last reset.
#[derive(Debug, Default)]
pub struct ActionLog {
    records: Vec<ActionRecord>,
}

impl ActionLog {
    /// Records an accepted action and returns its number.
    pub fn record(
        &mut self,
        account: &str,
        domain: &str,
        mailbox: &str,
        action: &str,
        action_data: &str,
    ) -> u64 {
        let seq = self.records.len() as u64 + 1;
        self.records.push(ActionRecord {
            seq,
            account: account.to_owned(),
            domain: domain.to_owned(),
            mailbox: mailbox.to_owned(),
            action: action.to_owned(),
            action_data: action_data.to_owned(),
        });
        seq
    }

    /// All records, oldest first.
    pub fn all(&self) -> &[ActionRecord] {
        &self.records
    }
}
