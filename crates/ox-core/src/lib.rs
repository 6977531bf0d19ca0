//! Pure core of ox-panel: the hosting API's types, the OX upgrade-rule engine, option
//! verdicts for the plan form, safe URL building, the error model and the embedding
//! configuration.
//!
//! No browser dependency on purpose: the web app and the API emulator both build on
//! it, so the panel's predictions and the emulator's answers come from the same rules,
//! and everything here is testable on the host.

// Domain view: bulk plan changes
pub mod bulk;
pub mod config;
pub mod error;
pub mod locale;
pub mod rules;
pub mod secret;
pub mod types;
pub mod url;
pub mod verdicts;

pub use config::{parse_config_json, ConfigError, PanelConfig, Section};
pub use error::{error_from_response, parse_success, ApiError};
pub use locale::Locale;
pub use rules::{apply, evaluate, CurrentPlan, DomainFacts, Role, Violation, ViolationCode};
pub use secret::{AuthToken, Secret};
pub use types::{
    ApiTimestamp, BillingStatus, BlackberryAction, BlackberryActionRequest, BlackberryStatistics,
    BlackberryStatus, Link, MailboxInfo, OxType, SortField, SortOrder, Statistics, UsernameEntry,
    UsernamesList, UsernamesQuery, WebmailLimits, WebmailNames, WebmailSettings, WebmailUpdate,
};
pub use url::{decode_segment, encode_segment, Endpoints, UrlError};
pub use verdicts::{
    allow_upgrade_verdict, choice_verdict, request_for, type_verdicts, FormChoice, Verdict,
};
