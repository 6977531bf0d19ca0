//! The part of a mailbox's webmail settings that the upgrade rules look at.

use serde::{Deserialize, Serialize};

use crate::types::{OxType, WebmailSettings};

/// The mailbox's current type and `allowUpgrade` flag.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CurrentPlan {
    pub r#type: OxType,
    pub allow_upgrade: bool,
}

impl CurrentPlan {
    pub fn new(t: impl Into<OxType>, allow_upgrade: bool) -> Self {
        CurrentPlan {
            r#type: t.into(),
            allow_upgrade,
        }
    }
}

impl From<&WebmailSettings> for CurrentPlan {
    fn from(s: &WebmailSettings) -> Self {
        CurrentPlan {
            r#type: s.r#type.clone(),
            allow_upgrade: s.allow_upgrade,
        }
    }
}
