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
    pub fn invalid(key: &str, reason: impl Into<String>) -> Self {
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
    /// Origins besides the page's own (and the configured `apiBase`'s) that the
    /// standalone page's query string may point `apiBase` at; canonical
    /// `scheme://host[:port]`. Only ever read from the host's configuration.
    pub allowed_api_origins: Vec<String>,
}

/// The longest timeout a browser timer can hold (`setTimeout` takes a signed 32-bit
/// number of milliseconds; anything above fires at once).
pub const MAX_TIMEOUT_MS: u32 = i32::MAX as u32;

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

/// `allowedApiOrigins`: a list of origins, each canonicalised.
fn allowed_origins(obj: &Map<String, Value>) -> Result<Vec<String>, ConfigError> {
    const KEY: &str = "allowedApiOrigins";
    opt::<Vec<String>>(obj, KEY)?
        .unwrap_or_default()
        .iter()
        .map(|raw| {
            let trimmed = raw.strip_suffix('/').unwrap_or(raw);
            let authority_only = trimmed
                .split_once("://")
                .is_some_and(|(_, rest)| !rest.contains(['/', '?', '#']));
            match origin_of(trimmed) {
                Some(origin) if authority_only => Ok(origin),
                _ => Err(ConfigError::invalid(
                    KEY,
                    format!("{raw:?} is not an origin like \"https://api.example.net\""),
                )),
            }
        })
        .collect()
}

/// The origin (`scheme://host[:port]`, lower case, default port left out) of an
/// absolute `http:` or `https:` URL, read strictly: printable ASCII only, no backslash,
/// no user info, a plain host name, IPv4 or bracketed IPv6 address. Whatever this
/// accepts, a browser's URL parser reads as the same origin (it ends the authority at
/// the same `/`, `?` or `#`); anything unusual is refused rather than guessed at.
pub fn origin_of(url: &str) -> Option<String> {
    if !url.bytes().all(|b| b.is_ascii_graphic() && b != b'\\') {
        return None;
    }
    let lower = url.to_ascii_lowercase();
    let (scheme, rest, default_port) = if let Some(rest) = lower.strip_prefix("https://") {
        ("https", rest, 443)
    } else if let Some(rest) = lower.strip_prefix("http://") {
        ("http", rest, 80)
    } else {
        return None;
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let (host, port) = match authority.strip_prefix('[') {
        Some(v6) => {
            let close = v6.find(']')?;
            let address = &v6[..close];
            if address.is_empty()
                || !address
                    .bytes()
                    .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
            {
                return None;
            }
            (&authority[..close + 2], &v6[close + 1..])
        }
        None => match authority.find(':') {
            Some(colon) => (&authority[..colon], &authority[colon..]),
            None => (authority, ""),
        },
    };
    let host_ok = !host.is_empty()
        && (host.starts_with('[')
            || host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.'));
    if !host_ok {
        return None;
    }
    let port = match port {
        "" => None,
        p => {
            let digits = p.strip_prefix(':')?;
            if digits.is_empty() || digits.len() > 5 || !digits.bytes().all(|b| b.is_ascii_digit())
            {
                return None;
            }
            let n: u32 = digits.parse().ok()?;
            if n > 65_535 {
                return None;
            }
            (n != default_port).then_some(n)
        }
    };
    Some(match port {
        Some(n) => format!("{scheme}://{host}:{n}"),
        None => format!("{scheme}://{host}"),
    })
}

/// True for a path on the page's own origin: `/` followed by anything but a second `/`
/// (`//host` names another host), printable ASCII only and no backslash anywhere (a
/// browser reads `\` as `/` and drops tabs and newlines, so `/\host` and `/<TAB>/host`
/// would also name another host).
fn is_same_origin_path(value: &str) -> bool {
    value.starts_with('/')
        && !value.starts_with("//")
        && value.bytes().all(|b| b.is_ascii_graphic() && b != b'\\')
}

/// A locale tag usable by the browser's `Intl` without a `RangeError`, in BCP 47 form
/// (`en_US` → `en-US`), or `None`. Deliberately stricter than BCP 47: a language (2–3 or
/// 5–8 letters), then optionally a script (4 letters), a region (2 letters or 3 digits)
/// and distinct variants; no extensions or private use. Every such tag is a structurally
/// valid Unicode locale identifier, which is all `Intl` checks before throwing.
pub fn locale_tag(raw: &str) -> Option<String> {
    let tag = raw.trim().replace('_', "-");
    if tag.len() > 64 {
        return None;
    }
    let mut parts = tag.split('-').peekable();
    let language = parts.next()?;
    let alpha = |s: &str| s.bytes().all(|b| b.is_ascii_alphabetic());
    if !(matches!(language.len(), 2 | 3 | 5..=8) && alpha(language)) {
        return None;
    }
    let mut out = language.to_ascii_lowercase();
    if let Some(script) = parts.next_if(|s| s.len() == 4 && alpha(s)) {
        out.push('-');
        out.push_str(&script[..1].to_ascii_uppercase());
        out.push_str(&script[1..].to_ascii_lowercase());
    }
    if let Some(region) = parts.next_if(|s| {
        (s.len() == 2 && alpha(s)) || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
    }) {
        out.push('-');
        out.push_str(&region.to_ascii_uppercase());
    }
    let mut variants: Vec<String> = Vec::new();
    for variant in parts {
        let alnum = variant.bytes().all(|b| b.is_ascii_alphanumeric());
        let shape = matches!(variant.len(), 5..=8)
            || (variant.len() == 4 && variant.as_bytes()[0].is_ascii_digit());
        let variant = variant.to_ascii_lowercase();
        if !alnum || !shape || variants.contains(&variant) {
            return None;
        }
        variants.push(variant);
    }
    for variant in variants {
        out.push('-');
        out.push_str(&variant);
    }
    Some(out)
}

/// Why a value cannot be sent as an HTTP header, if it cannot: the browser's `Headers`
/// throws on characters beyond Latin-1 and on NUL, CR and LF; other control characters
/// are refused too, since servers reject them.
pub fn header_value_problem(value: &str) -> Option<&'static str> {
    if value.trim().is_empty() {
        return Some("must not be empty");
    }
    if value.chars().any(|c| c == '\r' || c == '\n') {
        return Some("must be one line (no CR or LF)");
    }
    if value
        .chars()
        .any(|c| (c.is_ascii_control() && c != '\t') || u32::from(c) > 0xFF)
    {
        return Some("must be printable Latin-1 text (an HTTP header value)");
    }
    None
}

/// Checks an `Authorization` value, naming the key: the configuration and
/// `setAuthorization` both go through here.
pub fn check_authorization(value: &str) -> Result<(), ConfigError> {
    match header_value_problem(value) {
        Some(problem) => Err(ConfigError::invalid("authorization", problem)),
        None => Ok(()),
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
            allowed_api_origins: Vec::new(),
        }
    }

    /// Every key [`PanelConfig::from_json_value`] reads (schema/config.schema.json's
    /// properties, which a test holds it to). A host's JS object is read key by key from
    /// this list, so an unknown key, whatever it holds, is ignored as in the JSON.
    pub const KEYS: [&'static str; 14] = [
        "apiBase",
        "account",
        "domain",
        "mailbox",
        "exchangeDomain",
        "exchangeUser",
        "authorization",
        "role",
        "planQuotasMb",
        "upgradesEnabled",
        "locale",
        "sections",
        "timeoutMs",
        "allowedApiOrigins",
    ];

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
            allowed_api_origins: allowed_origins(obj)?,
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
            ("locale", self.locale.as_deref()),
        ];
        for (key, value) in optional {
            if value.is_some_and(|v| v.trim().is_empty()) {
                return Err(ConfigError::invalid(key, "must not be empty"));
            }
        }
        if let Some(secret) = &self.authorization {
            check_authorization(secret.expose())?;
        }
        if let Some(locale) = &self.locale {
            if locale_tag(locale).is_none() {
                return Err(ConfigError::invalid(
                    "locale",
                    "not a locale tag like \"en_US\" or \"de-DE\"",
                ));
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
        if let Some(ms) = self.timeout_ms {
            if ms == 0 || ms > MAX_TIMEOUT_MS {
                return Err(ConfigError::invalid(
                    "timeoutMs",
                    format!("must be between 1 and {MAX_TIMEOUT_MS} milliseconds"),
                ));
            }
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
    /// `apiBase`, `sections`; `authorization`, `allowedApiOrigins` and everything else are
    /// ignored.
    /// An empty value clears an optional key and is ignored for the others; an unknown
    /// role or an unusable locale tag is ignored (the configured value stays).
    ///
    /// `apiBase` is where the credential goes, so a link must not choose it freely: it
    /// may be a path on the page's own origin (`page_origin`, as the browser reports
    /// it), or an absolute URL on the page's origin, the configured `apiBase`'s origin
    /// or one of `allowedApiOrigins`. Anything else is an error naming `apiBase`.
    pub fn apply_query_overrides(
        &mut self,
        pairs: &[(String, String)],
        page_origin: &str,
    ) -> Result<(), ConfigError> {
        let optional = |v: &str| (!v.is_empty()).then(|| v.to_owned());
        let configured_origin = origin_of(&self.api_base);
        for (key, value) in pairs {
            let value = value.as_str();
            match key.as_str() {
                "account" if !value.is_empty() => self.account = value.to_owned(),
                "domain" if !value.is_empty() => self.domain = value.to_owned(),
                "apiBase" if !value.is_empty() => {
                    let allowed = is_same_origin_path(value)
                        || origin_of(value).is_some_and(|origin| {
                            Some(&origin) == origin_of(page_origin).as_ref()
                                || Some(&origin) == configured_origin.as_ref()
                                || self.allowed_api_origins.contains(&origin)
                        });
                    if !allowed {
                        return Err(ConfigError::invalid(
                            "apiBase",
                            "the address may only choose a path on this page's origin \
                             (starting with \"/\") or an origin the page's configuration \
                             lists in `allowedApiOrigins`",
                        ));
                    }
                    self.api_base = value.to_owned();
                }
                "mailbox" => self.mailbox = optional(value),
                "exchangeDomain" => self.exchange_domain = optional(value),
                "exchangeUser" => self.exchange_user = optional(value),
                "locale" if value.is_empty() => self.locale = None,
                "locale" if locale_tag(value).is_some() => self.locale = Some(value.to_owned()),
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
        Ok(())
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
