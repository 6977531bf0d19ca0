//! The per-mailbox OX webmail settings: the GET response and the PUT body.

use serde::{Deserialize, Serialize};

use super::{lenient, AuthToken, Link, OxType};

/// `GET .../usernames/{mailbox}/webmail`, 200 body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WebmailSettings {
    /// OX login token: a credential, so a [`crate::Secret`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_token: Option<AuthToken>,
    pub r#type: OxType,
    pub allow_upgrade: bool,
    #[serde(default, deserialize_with = "lenient::bool_or_false")]
    pub reset_password: bool,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient::opt_string"
    )]
    pub theme: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient::opt_string"
    )]
    pub language: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient::opt_string"
    )]
    pub timezone: Option<String>,
    #[serde(default, deserialize_with = "lenient::links")]
    pub links: Vec<Link>,
}

/// `PUT .../usernames/{mailbox}/webmail` body.
///
/// Which fields are present matters to the server's rules (a body without `type` is
/// refused, `allowUpgrade` only counts when sent), so every field is optional and
/// absent ones are left out of the JSON. `type` stays a raw string because the server
/// answers an empty or unknown one with its own texts, which the rule engine reproduces.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WebmailUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_upgrade: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reset_password: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
}

impl WebmailUpdate {
    /// A body that asks for `type` and nothing else.
    pub fn with_type(t: impl Into<String>) -> Self {
        WebmailUpdate {
            r#type: Some(t.into()),
            ..Default::default()
        }
    }

    /// The requested type, when one is present and not empty.
    pub fn requested_type(&self) -> Option<OxType> {
        self.r#type
            .as_deref()
            .filter(|t| !t.is_empty())
            .map(OxType::from)
    }
}
