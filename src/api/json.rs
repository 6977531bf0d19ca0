//! JSON through the browser's own parser and serializer: `JSON.parse` and
//! `JSON.stringify`, with `serde-wasm-bindgen` between their JS values and Rust. The
//! module carries no JSON text parser of its own (README, "Size"); what a parsed body
//! means is still decided once, in `ox_core::error` ([`JsonBody`]).
//!
//! Two readings differ from `serde_json`'s and are accepted: a number is a JS number,
//! so an integer above 2^53 arrives rounded (no API value comes near it) and `1.0` reads
//! as the integer 1; a parse error's detail is the browser's words.

use ox_core::error::JsonBody;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::JsValue;

/// A response's text (already decoded by the browser, byte-order mark dropped) as JSON.
pub fn parse(text: &str) -> JsonBody {
    if text.bytes().all(|b| b.is_ascii_whitespace()) {
        return JsonBody::Blank;
    }
    match js_sys::JSON::parse(text) {
        Ok(js) => from_js(js).map_or_else(JsonBody::NotJson, JsonBody::Json),
        Err(e) => JsonBody::NotJson(super::js_error_text(&e, "not JSON")),
    }
}

/// A JS value (an answer `JSON.parse` gave, a host's configuration object) as a [`Value`].
/// Refuses what JSON cannot hold (a function, a symbol, a `Map`).
pub fn from_js(js: JsValue) -> Result<Value, String> {
    serde_wasm_bindgen::from_value(js).map_err(|e| e.to_string())
}

/// A request body's JSON text, as `serde_json::to_string` would write it for these types
/// (structs of strings and booleans: fields in order, absent options left out).
pub fn to_text<T: Serialize>(value: &T) -> Result<String, String> {
    let js = value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| e.to_string())?;
    js_sys::JSON::stringify(&js)
        .map(String::from)
        .map_err(|e| super::js_error_text(&e, "cannot be written as JSON"))
}
