//! Serde types for every endpoint of the contract.
//!
//! Names are `camelCase` on the wire and unknown fields are ignored everywhere, so a
//! server that adds fields does not break the panel. Parsing is tolerant where the
//! documentation is loose (see `lenient`) and strict where a wrong value would
//! mislead the user (the current plan, the billing status).

mod blackberry;
mod domain;
mod lenient;
mod link;
mod mailbox;
mod ox_type;
mod timestamp;
mod usernames;
mod webmail;

pub use crate::secret::{AuthToken, Secret};
pub use blackberry::{
    BillingStatus, BlackberryAction, BlackberryActionRequest, BlackberryStatistics,
    BlackberryStatus, Statistics,
};
pub(crate) use domain::positive_limit;
pub use domain::{WebmailLimits, WebmailNames};
pub use link::Link;
pub use mailbox::MailboxInfo;
pub use ox_type::{OxType, KNOWN_TYPES};
pub use timestamp::ApiTimestamp;
pub use usernames::{SortField, SortOrder, UsernameEntry, UsernamesList, UsernamesQuery};
pub use webmail::{WebmailSettings, WebmailUpdate};

pub(crate) use lenient::u64_map;
