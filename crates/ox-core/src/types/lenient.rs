//! Tolerant field readers for the places where the API documentation is loose.
//!
//! The docs show some numbers as strings (`"totalCount": "{count}"`), some flags as
//! `0`/`1`, and statistics fields as nullable. Rather than fail a whole response over a
//! display-only field, these readers accept the plausible spellings. Required fields
//! still fail loudly when they hold something unusable; optional display fields fall
//! back to `None`. Fractional numbers are truncated toward zero.

use std::collections::BTreeMap;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::{Link, OxType};

/// A short name for a JSON value's kind, for error messages that must not echo values.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn f64_to_i64(f: f64) -> Option<i64> {
    // The bounds keep the cast exact-or-truncating, never saturating silently.
    if (-9.2e18..=9.2e18).contains(&f) {
        Some(f.trunc() as i64)
    } else {
        None
    }
}

fn f64_to_u64(f: f64) -> Option<u64> {
    if (0.0..=1.8e19).contains(&f) {
        Some(f.trunc() as u64)
    } else {
        None
    }
}

/// A non-negative integer from a number or a numeric string.
pub(crate) fn value_to_u64(v: &Value) -> Option<u64> {
    match v {
        Value::Number(n) => n.as_u64().or_else(|| n.as_f64().and_then(f64_to_u64)),
        Value::String(s) => {
            let s = s.trim();
            s.parse::<u64>()
                .ok()
                .or_else(|| s.parse::<f64>().ok().and_then(f64_to_u64))
        }
        _ => None,
    }
}

/// A signed integer from a number or a numeric string.
pub(crate) fn value_to_i64(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().and_then(f64_to_i64)),
        Value::String(s) => {
            let s = s.trim();
            s.parse::<i64>()
                .ok()
                .or_else(|| s.parse::<f64>().ok().and_then(f64_to_i64))
        }
        _ => None,
    }
}

/// A flag from a boolean, `0`/`1`, or `"true"`/`"false"`/`"1"`/`"0"`.
pub(crate) fn value_to_bool(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => match n.as_u64() {
            Some(0) => Some(false),
            Some(1) => Some(true),
            _ => None,
        },
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "1" => Some(true),
            "false" | "0" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// Text from a string, or the printed form of a number or boolean.
pub(crate) fn value_to_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Required `u64` that may arrive as a numeric string.
pub(crate) fn u64_num<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    let v = Value::deserialize(d)?;
    value_to_u64(&v).ok_or_else(|| {
        D::Error::custom(format!(
            "expected a non-negative integer or numeric string, got {}",
            kind(&v)
        ))
    })
}

/// Optional `u64`; null, missing or unusable values become `None`.
pub(crate) fn opt_u64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Ok(Option::<Value>::deserialize(d)?
        .as_ref()
        .and_then(value_to_u64))
}

/// Optional `0`/`1` flag kept as a number (booleans map to 0/1).
pub(crate) fn opt_u8<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u8>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Bool(b)) => Some(u8::from(b)),
        Some(v) => value_to_u64(&v).and_then(|n| u8::try_from(n).ok()),
        None => None,
    })
}

/// Optional flag; null, missing or unusable values become `None`.
pub(crate) fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    Ok(Option::<Value>::deserialize(d)?
        .as_ref()
        .and_then(value_to_bool))
}

/// Flag that defaults to `false` when missing, null or unusable.
pub(crate) fn bool_or_false<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(opt_bool(d)?.unwrap_or(false))
}

/// Optional text; numbers and booleans are kept in printed form.
pub(crate) fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<Value>::deserialize(d)?
        .as_ref()
        .and_then(value_to_string))
}

/// Optional OX type; an empty string means "not reported".
pub(crate) fn opt_ox_type<'de, D: Deserializer<'de>>(d: D) -> Result<Option<OxType>, D::Error> {
    Ok(opt_string(d)?.filter(|s| !s.is_empty()).map(OxType))
}

/// `links`: null means none, and an entry that is not a link object is skipped
/// (links are navigation hints; one odd entry must not fail the whole response).
pub(crate) fn links<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Link>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Array(items) => items
            .into_iter()
            .filter_map(|item| Link::deserialize(item).ok())
            .collect(),
        _ => Vec::new(),
    })
}

/// `webmailLimits` values: numbers or numeric strings; unusable entries are dropped
/// (an unknown limit is treated like no limit).
pub(crate) fn limits_map<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<OxType, i64>, D::Error> {
    let raw = BTreeMap::<String, Value>::deserialize(d)?;
    Ok(raw
        .into_iter()
        .filter_map(|(k, v)| value_to_i64(&v).map(|n| (OxType(k), n)))
        .collect())
}

/// `webmailNames` values: the plan name; a type listed without a usable name is kept
/// (it is still supported) and named after itself.
pub(crate) fn names_map<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<OxType, String>, D::Error> {
    let raw = BTreeMap::<String, Value>::deserialize(d)?;
    Ok(raw
        .into_iter()
        .map(|(k, v)| {
            let name = value_to_string(&v).unwrap_or_else(|| k.clone());
            (OxType(k), name)
        })
        .collect())
}

/// Map of type → non-negative integer (per-type quotas in the configuration).
pub(crate) fn u64_map<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<OxType, u64>, D::Error> {
    let raw = Option::<BTreeMap<String, Value>>::deserialize(d)?.unwrap_or_default();
    let mut out = BTreeMap::new();
    for (k, v) in raw {
        let n = value_to_u64(&v).ok_or_else(|| {
            D::Error::custom(format!(
                "`{k}`: expected a non-negative integer, got {}",
                kind(&v)
            ))
        })?;
        out.insert(OxType(k), n);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_from_strings_and_floats() {
        assert_eq!(value_to_u64(&json!("42")), Some(42));
        assert_eq!(value_to_u64(&json!(" 42 ")), Some(42));
        assert_eq!(value_to_u64(&json!(42.9)), Some(42));
        assert_eq!(value_to_u64(&json!("4.5")), Some(4));
        assert_eq!(value_to_u64(&json!(-1)), None);
        assert_eq!(value_to_u64(&json!("x")), None);
        assert_eq!(value_to_u64(&json!(1e300)), None);
        assert_eq!(value_to_i64(&json!("-1")), Some(-1));
        assert_eq!(value_to_i64(&json!(-1.0)), Some(-1));
        assert_eq!(value_to_i64(&json!([])), None);
    }

    #[test]
    fn flags() {
        assert_eq!(value_to_bool(&json!(1)), Some(true));
        assert_eq!(value_to_bool(&json!("False")), Some(false));
        assert_eq!(value_to_bool(&json!(2)), None);
        assert_eq!(value_to_bool(&json!(null)), None);
    }
}
