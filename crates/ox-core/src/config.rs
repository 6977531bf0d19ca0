//! The embedding configuration: one shape for the standalone page and for `mount()`.
//!
//! Read by hand from a JSON value rather than by derive so that every error names the
//! key it is about (a host integrator sees "invalid configuration key `role`", not a
//! line and column), and so that unknown keys are simply ignored.

use std::collections::BTreeMap;

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};
use thiserror::Error;

use crate::rules::Role;
use crate::secret::Secret;
use crate::types::{u64_map, OxType};
use crate::url::{encode_segment, Endpoints, DEFAULT_API_BASE};

/// The panels the module can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    Webmail,
    Blackberry,
    Domain,
}

impl Section {
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Webmail => "webmail",
            Section::Blackberry => "blackberry",
            Section::Domain => "domain",
        }
    }
}

/// A configuration problem, naming the key.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ConfigError {
    #[error("missing configuration key `{0}`")]
    Missing(&'static str),
    #[error("invalid configuration key `{key}`: {reason}")]
    Invalid { key: String, reason: String },
}

impl ConfigError {
    fn invalid(key: &str, reason: impl Into<String>) -> Self {
        ConfigError::Invalid {
            key: key.to_owned(),
            reason: reason.into(),
        }
    }

    /// The key the error is about.
    pub fn key(&self) -> &str {
        match self {
            ConfigError::Missing(k) => k,
            ConfigError::Invalid { key, .. } => key,
        }
    }
}

/// The configuration (keys in `camelCase`; see the UI contract).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PanelConfig {
    pub api_base: String,
    pub account: String,
    pub domain: String,
    pub mailbox: Option<String>,
    pub exchange_domain: Option<String>,
    pub exchange_user: Option<String>,
    /// The exact `Authorization` header value.
    pub authorization: Option<Secret>,
    pub role: Role,
    pub plan_quotas_mb: BTreeMap<OxType, u64>,
    pub upgrades_enabled: bool,
    pub locale: Option<String>,
    pub sections: Option<Vec<Section>>,
    pub timeout_ms: Option<u32>,
}

/// Wrapper so that a key's value is read with the tolerant quota-map reader.
struct Quotas(BTreeMap<OxType, u64>);

impl<'de> Deserialize<'de> for Quotas {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        u64_map(d).map(Quotas)
    }
}

/// Reads an optional key; `null` counts as absent.
fn opt<T: DeserializeOwned>(obj: &Map<String, Value>, key: &str) -> Result<Option<T>, ConfigError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => T::deserialize(v)
            .map(Some)
            .map_err(|e| ConfigError::invalid(key, e.to_string())),
    }
}

fn required(obj: &Map<String, Value>, key: &'static str) -> Result<String, ConfigError> {
    opt::<String>(obj, key)?.ok_or(ConfigError::Missing(key))
}

/// A timeout from a whole number (JS hands numbers over as floats).
fn timeout(obj: &Map<String, Value>) -> Result<Option<u32>, ConfigError> {
    const KEY: &str = "timeoutMs";
    match obj.get(KEY) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n
            .as_u64()
            .or_else(|| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f <= f64::from(u32::MAX))
                    .map(|f| f as u64)
            })
            .and_then(|n| u32::try_from(n).ok())
            .map(Some)
            .ok_or_else(|| ConfigError::invalid(KEY, "expected milliseconds as a whole number")),
        Some(_) => Err(ConfigError::invalid(KEY, "expected a number")),
    }
}

impl PanelConfig {
    /// A configuration with the defaults for everything but the two required keys.
    pub fn new(account: impl Into<String>, domain: impl Into<String>) -> Self {
        PanelConfig {
            api_base: DEFAULT_API_BASE.to_owned(),
            account: account.into(),
            domain: domain.into(),
            mailbox: None,
            exchange_domain: None,
            exchange_user: None,
            authorization: None,
            role: Role::User,
            plan_quotas_mb: BTreeMap::new(),
            upgrades_enabled: true,
            locale: None,
            sections: None,
            timeout_ms: None,
        }
    }

    /// Reads a parsed JSON value (an object); unknown keys are ignored.
    pub fn from_json_value(value: &Value) -> Result<Self, ConfigError> {
        let obj = value
            .as_object()
            .ok_or_else(|| ConfigError::invalid("config", "expected a JSON object"))?;
        Ok(PanelConfig {
            api_base: opt(obj, "apiBase")?.unwrap_or_else(|| DEFAULT_API_BASE.to_owned()),
            account: required(obj, "account")?,
            domain: required(obj, "domain")?,
            mailbox: opt(obj, "mailbox")?,
            exchange_domain: opt(obj, "exchangeDomain")?,
            exchange_user: opt(obj, "exchangeUser")?,
            authorization: opt(obj, "authorization")?,
            role: opt(obj, "role")?.unwrap_or_default(),
            plan_quotas_mb: opt::<Quotas>(obj, "planQuotasMb")?
                .map(|q| q.0)
                .unwrap_or_default(),
            upgrades_enabled: opt(obj, "upgradesEnabled")?.unwrap_or(true),
            locale: opt(obj, "locale")?,
            sections: opt(obj, "sections")?,
            timeout_ms: timeout(obj)?,
        })
    }

    /// The domain for the BlackBerry endpoints: `exchangeDomain`, else `domain`.
    pub fn bb_domain(&self) -> &str {
        self.exchange_domain.as_deref().unwrap_or(&self.domain)
    }

    /// The username for the BlackBerry endpoints: `exchangeUser`, else `mailbox`.
    pub fn bb_user(&self) -> Option<&str> {
        self.exchange_user.as_deref().or(self.mailbox.as_deref())
    }

    /// The panels to show: as configured, else webmail and BlackBerry for a mailbox
    /// and the domain view without one.
    pub fn sections(&self) -> Vec<Section> {
        match &self.sections {
            Some(s) => s.clone(),
            None if self.mailbox.is_some() => vec![Section::Webmail, Section::Blackberry],
            None => vec![Section::Domain],
        }
    }

    /// The URL builder for this configuration's API base.
    pub fn endpoints(&self) -> Endpoints {
        Endpoints::new(&self.api_base)
    }

    /// Checks what serde cannot: required names present, optional ones not empty,
    /// names usable as URL segments, sections backed by the names they need.
    pub fn validate(&self) -> Result<(), ConfigError> {
        for (key, value) in [("account", &self.account), ("domain", &self.domain)] {
            if value.trim().is_empty() {
                return Err(ConfigError::Missing(key));
            }
        }
        let optional = [
            ("apiBase", Some(self.api_base.as_str())),
            ("mailbox", self.mailbox.as_deref()),
            ("exchangeDomain", self.exchange_domain.as_deref()),
            ("exchangeUser", self.exchange_user.as_deref()),
            (
                "authorization",
                self.authorization.as_ref().map(Secret::expose),
            ),
            ("locale", self.locale.as_deref()),
        ];
        for (key, value) in optional {
            if value.is_some_and(|v| v.trim().is_empty()) {
                return Err(ConfigError::invalid(key, "must not be empty"));
            }
        }
        let segments = [
            ("account", Some(self.account.as_str())),
            ("domain", Some(self.domain.as_str())),
            ("mailbox", self.mailbox.as_deref()),
            ("exchangeDomain", self.exchange_domain.as_deref()),
            ("exchangeUser", self.exchange_user.as_deref()),
        ];
        for (key, value) in segments {
            if let Some(v) = value {
                encode_segment("name", v)
                    .map_err(|_| ConfigError::invalid(key, "cannot be \".\" or \"..\""))?;
            }
        }
        if self.timeout_ms == Some(0) {
            return Err(ConfigError::invalid("timeoutMs", "must be more than 0"));
        }
        if let Some(sections) = &self.sections {
            if sections.is_empty() {
                return Err(ConfigError::invalid(
                    "sections",
                    "must name at least one panel",
                ));
            }
            if sections.contains(&Section::Webmail) && self.mailbox.is_none() {
                return Err(ConfigError::invalid(
                    "sections",
                    "\"webmail\" needs a `mailbox`",
                ));
            }
            if sections.contains(&Section::Blackberry) && self.bb_user().is_none() {
                return Err(ConfigError::invalid(
                    "sections",
                    "\"blackberry\" needs a `mailbox` or an `exchangeUser`",
                ));
            }
        }
        Ok(())
    }

    /// Applies the standalone page's query-string overrides (already decoded pairs;
    /// the last one of a key wins). Only non-secret keys are honoured: `account`,
    /// `domain`, `mailbox`, `exchangeDomain`, `exchangeUser`, `role`, `locale`,
    /// `apiBase`, `sections`; `authorization` and everything else are ignored. An empty value
    /// clears an optional key and is ignored for the others; an unknown role is
    /// ignored (the configured role stays).
    pub fn apply_query_overrides(&mut self, pairs: &[(String, String)]) {
        let optional = |v: &str| (!v.is_empty()).then(|| v.to_owned());
        for (key, value) in pairs {
            let value = value.as_str();
            match key.as_str() {
                "account" if !value.is_empty() => self.account = value.to_owned(),
                "domain" if !value.is_empty() => self.domain = value.to_owned(),
                "apiBase" if !value.is_empty() => self.api_base = value.to_owned(),
                "mailbox" => self.mailbox = optional(value),
                "exchangeDomain" => self.exchange_domain = optional(value),
                "exchangeUser" => self.exchange_user = optional(value),
                "locale" => self.locale = optional(value),
                "role" => {
                    if let Some(role) = Role::parse(value) {
                        self.role = role;
                    }
                }
                // Domain view: `sections=domain` or a comma-separated list; one unknown
                // name and the whole value is ignored, empty clears it.
                "sections" => {
                    if value.is_empty() {
                        self.sections = None;
                    } else if let Some(list) = parse_sections(value) {
                        self.sections = Some(list);
                    }
                }
                _ => {}
            }
        }
    }
}

/// `"domain"` or `"webmail,blackberry"` (spaces around names allowed, no duplicates
/// kept); `None` when any name is unknown or the list is empty.
pub fn parse_sections(value: &str) -> Option<Vec<Section>> {
    let mut out = Vec::new();
    for name in value.split(',').map(str::trim) {
        let section = match name {
            "webmail" => Section::Webmail,
            "blackberry" => Section::Blackberry,
            "domain" => Section::Domain,
            _ => return None,
        };
        if !out.contains(&section) {
            out.push(section);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Through a JSON value, so that `serde-wasm-bindgen` and `serde_json` callers get the
/// same key-naming errors.
impl<'de> Deserialize<'de> for PanelConfig {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(d)?;
        PanelConfig::from_json_value(&value).map_err(D::Error::custom)
    }
}

/// Parses the configuration's JSON text (the standalone page's script element).
pub fn parse_config_json(text: &str) -> Result<PanelConfig, ConfigError> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| ConfigError::invalid("config", format!("not valid JSON: {e}")))?;
    PanelConfig::from_json_value(&value)
}
