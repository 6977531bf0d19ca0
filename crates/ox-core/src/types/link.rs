//! A hypermedia link as the API returns it.
//!
//! The documentation's template writes the URL under `location`, its example under
//! `href`; both are accepted and `href` is what we write.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// `{"rel": "self", "href": "..."}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Default)]
pub struct Link {
    pub rel: String,
    pub href: String,
}

impl<'de> Deserialize<'de> for Link {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Hand-written so that a body carrying both keys is not a "duplicate field".
        let Value::Object(map) = Value::deserialize(d)? else {
            return Err(D::Error::custom("a link must be an object"));
        };
        let text = |key: &str| map.get(key).and_then(Value::as_str).map(str::to_owned);
        Ok(Link {
            rel: text("rel").unwrap_or_default(),
            href: text("href")
                .or_else(|| text("location"))
                .unwrap_or_default(),
        })
    }
}
