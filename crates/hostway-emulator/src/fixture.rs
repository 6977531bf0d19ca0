//! The fixture: everything the emulator knows (credentials, accounts, domains,
//! mailboxes), in the JSON shape of `docs/contract.md` §5. It is the emulator's whole
//! state: `--fixture FILE` loads one at start-up, `POST /__emulator/reset` replaces it,
//! and without either the built-in demo data set ([`crate::demo`]) is used.
//!
//! Keys a domain or mailbox leaves out take sensible defaults (a domain offers the
//! three standard plans without limits and with upgrades enabled; a mailbox is a
//! standard one with `allowUpgrade` true). Unknown keys are refused, so that a typo
//! in a fixture is reported rather than silently ignored.

use std::{collections::BTreeMap, path::Path};

use ox_core::rules::Role;
use serde::{Deserialize, Serialize};

/// The whole data set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Fixture {
    /// Accepted `Authorization` header values and whose they are.
    #[serde(default)]
    pub credentials: BTreeMap<String, Credential>,
    /// Accounts by account number.
    #[serde(default)]
    pub accounts: BTreeMap<String, Account>,
}

/// What one accepted `Authorization` value stands for: a role, or a role bound to
/// one account (refused with 401 on any other account's paths).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Credential {
    /// `"user"` or `"admin"`, valid on every account.
    Role(Role),
    /// `{"role": "user", "account": "test"}`.
    Bound {
        /// The role of these credentials.
        role: Role,
        /// The only account they may be used for.
        account: String,
    },
}

const CREDENTIAL_SHAPE: &str =
    r#"a credential is "user", "admin" or {"role": "user" or "admin", "account": "..."}"#;

impl<'de> Deserialize<'de> for Credential {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Bound {
            role: String,
            account: String,
        }
        let role = |name: &str| {
            Role::parse(name).ok_or_else(|| {
                D::Error::custom(format!("unknown role {name:?}; {CREDENTIAL_SHAPE}"))
            })
        };
        match serde_json::Value::deserialize(d)? {
            serde_json::Value::String(name) => role(&name).map(Credential::Role),
            value @ serde_json::Value::Object(_) => {
                let bound: Bound = serde_json::from_value(value)
                    .map_err(|err| D::Error::custom(format!("{err}; {CREDENTIAL_SHAPE}")))?;
                Ok(Credential::Bound {
                    role: role(&bound.role)?,
                    account: bound.account,
                })
            }
            _ => Err(D::Error::custom(CREDENTIAL_SHAPE)),
        }
    }
}

impl Credential {
    /// The role these credentials have.
    pub fn role(&self) -> Role {
        match self {
            Credential::Role(role) | Credential::Bound { role, .. } => *role,
        }
    }

    /// The account these credentials are bound to, if any.
    pub fn account(&self) -> Option<&str> {
        match self {
            Credential::Role(_) => None,
            Credential::Bound { account, .. } => Some(account),
        }
    }
}

/// One account.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Account {
    /// Its domains by name; the same names serve the email (OX) and the exchange
    /// (BlackBerry) paths.
    #[serde(default)]
    pub domains: BTreeMap<String, Domain>,
}

/// One domain and its mailboxes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Domain {
    /// The OX types the domain supports and the plan name of each.
    #[serde(default = "default_webmail_names")]
    pub webmail_names: BTreeMap<String, String>,
    /// The most mailboxes of each type; zero, negative or absent means no limit.
    #[serde(default)]
    pub webmail_limits: BTreeMap<String, i64>,
    /// The quota (MB) of each type, where known.
    #[serde(default)]
    pub plan_quotas_mb: BTreeMap<String, u64>,
    /// False where the product disables upgrades.
    #[serde(default = "yes")]
    pub upgrades_enabled: bool,
    /// The mailboxes by name (the part before the `@`).
    #[serde(default)]
    pub mailboxes: BTreeMap<String, Mailbox>,
}

impl Default for Domain {
    fn default() -> Self {
        Domain {
            webmail_names: default_webmail_names(),
            webmail_limits: BTreeMap::new(),
            plan_quotas_mb: BTreeMap::new(),
            upgrades_enabled: true,
            mailboxes: BTreeMap::new(),
        }
    }
}

/// The plan names the hosting API documents for the three standard types.
pub fn default_webmail_names() -> BTreeMap<String, String> {
    [
        ("activesync", "SMX Sync Advanced"),
        ("premium", "SMA Collaborate Premium"),
        ("standard", "SMX Mail Basic"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

fn yes() -> bool {
    true
}

fn standard() -> String {
    "standard".to_owned()
}

fn default_theme() -> String {
    "default".to_owned()
}

fn default_language() -> String {
    "en_US".to_owned()
}

fn default_timezone() -> String {
    "America/Chicago".to_owned()
}

/// One mailbox: its OX settings, its size, and its BlackBerry service if it has one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Mailbox {
    /// The OX type (`standard`, `activesync`, `premium`, or a domain's own).
    #[serde(rename = "type", default = "standard")]
    pub r#type: String,
    /// May an end user upgrade it.
    #[serde(default = "yes")]
    pub allow_upgrade: bool,
    /// Must the user reset the password at the next OX login.
    #[serde(default)]
    pub reset_password: bool,
    /// OX theme identifier.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// OX locale, `en_US` style.
    #[serde(default = "default_language")]
    pub language: String,
    /// OX time zone, `America/Chicago` style.
    #[serde(default = "default_timezone")]
    pub timezone: String,
    /// Quota in MB; absent: the domain's `planQuotasMb` of its type, else 1024.
    #[serde(default)]
    pub quota: Option<u64>,
    /// Usage in MB.
    #[serde(default)]
    pub usage: u64,
    /// Is it the domain's master mailbox.
    #[serde(default)]
    pub master: bool,
    /// Has it webmail access (the usernames list shows it).
    #[serde(default = "yes")]
    pub webmail_access: bool,
    /// Trial type, shown in the usernames list.
    #[serde(default)]
    pub trial_type: Option<String>,
    /// Trial expiration, shown in the usernames list.
    #[serde(default)]
    pub trial_expiration: Option<String>,
    /// The OX login token to answer; absent: one made up from the mailbox's path.
    /// Never logged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_token: Option<String>,
    /// The BlackBerry service; absent: the mailbox has none (404 on those paths).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blackberry: Option<Blackberry>,
}

impl Default for Mailbox {
    fn default() -> Self {
        Mailbox {
            r#type: standard(),
            allow_upgrade: true,
            reset_password: false,
            theme: default_theme(),
            language: default_language(),
            timezone: default_timezone(),
            quota: None,
            usage: 0,
            master: false,
            webmail_access: true,
            trial_type: None,
            trial_expiration: None,
            auth_token: None,
            blackberry: None,
        }
    }
}

/// The quota a mailbox without one of its own gets when its domain knows none either.
pub const FALLBACK_QUOTA_MB: u64 = 1024;

impl Domain {
    /// The quota of a mailbox in MB: its own, else its type's plan quota, else 1024.
    pub fn quota_of(&self, mailbox: &Mailbox) -> u64 {
        mailbox
            .quota
            .or_else(|| self.plan_quotas_mb.get(&mailbox.r#type).copied())
            .unwrap_or(FALLBACK_QUOTA_MB)
    }
}

/// A mailbox's BlackBerry service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Blackberry {
    /// `pending`, `open`, `suspended`, `close_pending`, `closed` or `purge_pending`.
    #[serde(default = "open")]
    pub billing_status: String,
    /// The device statistics.
    #[serde(default)]
    pub statistics: DeviceStatistics,
}

fn open() -> String {
    "open".to_owned()
}

/// The statistics of a BlackBerry device, in the order the API sends them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeviceStatistics {
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// Device PIN, if a device is activated.
    #[serde(default)]
    pub pin: Option<u64>,
    /// Device model, if known.
    #[serde(default)]
    pub device_type: Option<String>,
    /// Device status text, e.g. `Running`.
    #[serde(default = "running")]
    pub device_status: String,
    /// 1 where the data service is on, else 0.
    #[serde(default)]
    pub data_service: u8,
    /// Messages forwarded to the device.
    #[serde(default)]
    pub forwarded: u64,
    /// Messages sent from the device.
    #[serde(default)]
    pub sent: u64,
    /// Messages pending.
    #[serde(default)]
    pub pending: u64,
    /// Messages filtered.
    #[serde(default)]
    pub filtered: u64,
    /// Result of the last transaction.
    #[serde(default)]
    pub last_transaction_result: Option<String>,
    /// `MM/DD/YYYY hh:mm:ss` of the last forward.
    #[serde(default)]
    pub last_fwd_time: Option<String>,
    /// `MM/DD/YYYY hh:mm:ss` of the last send.
    #[serde(default)]
    pub last_sent_time: Option<String>,
}

fn running() -> String {
    "Running".to_owned()
}

impl Default for DeviceStatistics {
    fn default() -> Self {
        DeviceStatistics {
            name: String::new(),
            pin: None,
            device_type: None,
            device_status: running(),
            data_service: 0,
            forwarded: 0,
            sent: 0,
            pending: 0,
            filtered: 0,
            last_transaction_result: None,
            last_fwd_time: None,
            last_sent_time: None,
        }
    }
}

/// Why a fixture cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum FixtureError {
    /// The file cannot be read.
    #[error("cannot read fixture {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The JSON does not parse or does not fit the fixture shape.
    #[error("{origin}: {message} (at key `{key}`, line {line}, column {column})")]
    Parse {
        /// Where the JSON came from (a file name, or "request body").
        origin: String,
        /// What is wrong.
        message: String,
        /// The key path, e.g. `accounts.test.domains.test.com.mailboxes.x.type`.
        key: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
}

impl Fixture {
    /// Parses fixture JSON; `origin` names where it came from, for the error message.
    pub fn from_json(bytes: &[u8], origin: &str) -> Result<Fixture, FixtureError> {
        let mut de = serde_json::Deserializer::from_slice(bytes);
        let fixture: Fixture =
            serde_path_to_error::deserialize(&mut de).map_err(|err| parse_error(err, origin))?;
        de.end().map_err(|err| FixtureError::Parse {
            origin: origin.to_owned(),
            message: strip_position(&err),
            key: ".".to_owned(),
            line: err.line(),
            column: err.column(),
        })?;
        Ok(fixture)
    }

    /// Reads and parses a fixture file.
    pub fn load(path: &Path) -> Result<Fixture, FixtureError> {
        let bytes = std::fs::read(path).map_err(|source| FixtureError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Fixture::from_json(&bytes, &path.display().to_string())
    }

    /// The domain of an account, if both exist.
    pub fn domain(&self, account: &str, domain: &str) -> Option<&Domain> {
        self.accounts.get(account)?.domains.get(domain)
    }

    /// The domain of an account, mutably, if both exist.
    pub fn domain_mut(&mut self, account: &str, domain: &str) -> Option<&mut Domain> {
        self.accounts.get_mut(account)?.domains.get_mut(domain)
    }
}

/// The key path of an error, with the credential (an `Authorization` value) that a
/// `credentials.*` path would name replaced by `<credential>`: it is never printed.
fn key_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut parts: Vec<String> = Vec::new();
    for segment in path.iter() {
        let part = match segment {
            Segment::Map { .. } if parts.len() == 1 && parts[0] == "credentials" => {
                "<credential>".to_owned()
            }
            Segment::Seq { index } => index.to_string(),
            Segment::Map { key } => key.clone(),
            Segment::Enum { variant } => variant.clone(),
            Segment::Unknown => "?".to_owned(),
        };
        parts.push(part);
    }
    if parts.is_empty() {
        ".".to_owned()
    } else {
        parts.join(".")
    }
}

fn parse_error(err: serde_path_to_error::Error<serde_json::Error>, origin: &str) -> FixtureError {
    let key = key_path(err.path());
    let inner = err.into_inner();
    FixtureError::Parse {
        origin: origin.to_owned(),
        message: strip_position(&inner),
        key,
        line: inner.line(),
        column: inner.column(),
    }
}

/// serde_json's message without its own " at line L column C" suffix (we print both).
fn strip_position(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}
