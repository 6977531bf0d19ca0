//! A string that must never be shown, logged or stored by accident.
//!
//! The API hands out `authToken` values (OX login tokens) and the host control panel
//! hands us an `Authorization` header value. Both are credentials: wrapping them in
//! [`Secret`] makes `{:?}` and `{}` print `[redacted]`, so a stray debug print or an
//! error message cannot leak them. The raw value is reachable only through
//! [`Secret::expose`], which is easy to grep for.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What `Debug` and `Display` print instead of the value.
pub const REDACTED: &str = "[redacted]";

/// A credential string whose formatting never reveals it.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secret(String);

/// The OX login token returned by the webmail and mailbox endpoints.
pub type AuthToken = Secret;

impl Secret {
    /// Wraps a value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The raw value, for the one place that has to send it (an HTTP header, the
    /// emulator's response body). Never pass it to a formatter.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// True when the value is the empty string.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret(value.to_owned())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

/// Serialized as the raw string: the emulator has to put tokens on the wire.
impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatting_never_shows_the_value() {
        let s = Secret::new("hunter2");
        assert_eq!(format!("{s}"), REDACTED);
        assert_eq!(format!("{s:?}"), REDACTED);
        assert_eq!(format!("{:?}", Some(s.clone())), "Some([redacted])");
        assert_eq!(s.expose(), "hunter2");
    }

    #[test]
    fn serde_uses_the_raw_string() {
        let s: Secret = serde_json::from_str("\"abc+/==\"").unwrap();
        assert_eq!(s.expose(), "abc+/==");
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"abc+/==\"");
        assert!(serde_json::from_str::<Secret>("12").is_err());
    }
}
