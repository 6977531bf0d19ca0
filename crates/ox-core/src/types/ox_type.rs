//! The OX webmail plan type: an open set.
//!
//! The documentation names `standard`, `activesync` and `premium`, but a domain may
//! report others (the limits example lists `starter`). Unknown types are kept and shown,
//! never dropped, so the type is a string with a display order that puts the three
//! known plans first, cheapest first, and any others after them alphabetically.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Serialize};

/// The three types the documentation names, in plan order.
pub const KNOWN_TYPES: [&str; 3] = ["standard", "activesync", "premium"];

/// An OX account type such as `standard`.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OxType(pub String);

impl OxType {
    /// The basic plan; the only one that an account without `allowUpgrade` may have.
    pub fn standard() -> Self {
        OxType(KNOWN_TYPES[0].to_owned())
    }

    /// The plan with ActiveSync.
    pub fn activesync() -> Self {
        OxType(KNOWN_TYPES[1].to_owned())
    }

    /// The collaboration plan.
    pub fn premium() -> Self {
        OxType(KNOWN_TYPES[2].to_owned())
    }

    /// The three documented types, in order: the default supported set.
    pub fn defaults() -> Vec<OxType> {
        KNOWN_TYPES
            .iter()
            .map(|s| OxType((*s).to_owned()))
            .collect()
    }

    /// The wire string.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True for `standard`, which the upgrade rules single out.
    pub fn is_standard(&self) -> bool {
        self.0 == KNOWN_TYPES[0]
    }

    /// 0 for standard, 1 activesync, 2 premium, 3 for any other type.
    pub fn known_rank(&self) -> usize {
        KNOWN_TYPES
            .iter()
            .position(|k| *k == self.0)
            .unwrap_or(KNOWN_TYPES.len())
    }
}

impl Ord for OxType {
    fn cmp(&self, other: &Self) -> Ordering {
        self.known_rank()
            .cmp(&other.known_rank())
            .then_with(|| self.0.cmp(&other.0))
    }
}

impl PartialOrd for OxType {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for OxType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for OxType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OxType({:?})", self.0)
    }
}

impl From<&str> for OxType {
    fn from(s: &str) -> Self {
        OxType(s.to_owned())
    }
}

impl From<String> for OxType {
    fn from(s: String) -> Self {
        OxType(s)
    }
}

impl PartialEq<str> for OxType {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for OxType {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_puts_known_plans_first() {
        let mut v: Vec<OxType> = ["zeta", "premium", "starter", "standard", "activesync"]
            .into_iter()
            .map(OxType::from)
            .collect();
        v.sort();
        let names: Vec<&str> = v.iter().map(OxType::as_str).collect();
        assert_eq!(
            names,
            ["standard", "activesync", "premium", "starter", "zeta"]
        );
        assert!(OxType::standard().is_standard());
        assert_eq!(OxType::from("x").known_rank(), 3);
    }

    #[test]
    fn plain_string_on_the_wire() {
        assert_eq!(
            serde_json::to_string(&OxType::premium()).unwrap(),
            "\"premium\""
        );
        let t: OxType = serde_json::from_str("\"starter\"").unwrap();
        assert_eq!(t, "starter");
    }
}
