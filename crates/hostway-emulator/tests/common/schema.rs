//! A small checker for the OpenAPI 3.0 schema subset the emulator's document uses:
//! `$ref`, `type`, `nullable`, `required`, `properties`, `additionalProperties`,
//! `items`, `enum`, `oneOf`, `minimum`. (OpenAPI 3.0 schemas are not JSON Schema:
//! `nullable` has no JSON Schema meaning, so a JSON Schema validator would need the
//! document rewritten first; this stays exact for what the document says.)

use serde_json::Value;

use super::Answer;

/// The emulator's checked-in OpenAPI document.
pub fn document() -> Value {
    serde_json::from_str(hostway_emulator::routes::openapi::OPENAPI_JSON).expect("openapi.json")
}

fn resolve<'a>(doc: &'a Value, node: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(pointer) => {
            let target = doc
                .pointer(pointer.trim_start_matches('#'))
                .unwrap_or_else(|| panic!("dangling $ref {pointer}"));
            resolve(doc, target)
        }
        None => node,
    }
}

/// The path template of the document that a concrete request path (under `/api`,
/// with or without query or trailing slash) falls under.
pub fn template_for(doc: &Value, raw_path: &str) -> String {
    let path = raw_path.split('?').next().unwrap_or_default();
    let path = path.strip_prefix("/api").expect("an /api path");
    let concrete: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    let paths = doc["paths"].as_object().expect("paths");
    paths
        .keys()
        .find(|template| {
            let parts: Vec<&str> = template.trim_end_matches('/').split('/').collect();
            parts.len() == concrete.len()
                && parts
                    .iter()
                    .zip(&concrete)
                    .all(|(t, c)| (t.starts_with('{') && t.ends_with('}')) || t == c)
        })
        .unwrap_or_else(|| panic!("no documented path for {raw_path}"))
        .clone()
}

/// Checks an answer against the document's response for its path, method and status.
#[track_caller]
pub fn check_answer(method: &str, raw_path: &str, answer: &Answer) {
    let doc = document();
    let template = template_for(&doc, raw_path);
    let operation = &doc["paths"][&template][method.to_ascii_lowercase()];
    assert!(
        operation.is_object(),
        "{method} {template} is not documented"
    );
    let status = answer.status.as_u16().to_string();
    let response = operation["responses"]
        .get(&status)
        .unwrap_or_else(|| panic!("{method} {template} does not document status {status}"));
    let response = resolve(&doc, response);
    match response.get("content") {
        None => assert_eq!(answer.body, "", "{method} {template} {status} has no body"),
        Some(content) => {
            let media = content
                .get("application/json; charset=UTF-8")
                .expect("JSON media type");
            assert_eq!(answer.content_type(), "application/json; charset=UTF-8");
            let value: Value = serde_json::from_str(&answer.body).expect("JSON body");
            if let Err(why) = validate(&doc, &media["schema"], &value, "$") {
                panic!("{method} {raw_path} {status}: {why}\nbody: {}", answer.body);
            }
        }
    }
}

/// Validates `value` against `schema`; `at` names the place, for the error.
pub fn validate(doc: &Value, schema: &Value, value: &Value, at: &str) -> Result<(), String> {
    let schema = resolve(doc, schema);
    if value.is_null() {
        return if schema.get("nullable") == Some(&Value::Bool(true)) || schema.get("type").is_none()
        {
            Ok(())
        } else {
            Err(format!("{at}: null but not nullable"))
        };
    }
    if let Some(options) = schema.get("oneOf").and_then(Value::as_array) {
        let fits = options
            .iter()
            .filter(|option| validate(doc, option, value, at).is_ok())
            .count();
        if fits != 1 {
            return Err(format!(
                "{at}: fits {fits} of the oneOf options, not exactly 1"
            ));
        }
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        if !values.contains(value) {
            return Err(format!("{at}: {value} is not one of {values:?}"));
        }
    }
    if let Some(minimum) = schema.get("minimum").and_then(Value::as_f64) {
        if value.as_f64().is_some_and(|v| v < minimum) {
            return Err(format!("{at}: {value} is below {minimum}"));
        }
    }
    let Some(expected) = schema.get("type").and_then(Value::as_str) else {
        return Ok(());
    };
    let fits = match expected {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        other => return Err(format!("{at}: unsupported schema type {other}")),
    };
    if !fits {
        return Err(format!("{at}: expected {expected}, found {value}"));
    }
    if let Some(items) = schema.get("items") {
        for (i, item) in value.as_array().into_iter().flatten().enumerate() {
            validate(doc, items, item, &format!("{at}[{i}]"))?;
        }
    }
    if let Some(object) = value.as_object() {
        for key in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !object.contains_key(key) {
                return Err(format!("{at}: missing required `{key}`"));
            }
        }
        let properties = schema.get("properties").and_then(Value::as_object);
        for (key, item) in object {
            let place = format!("{at}.{key}");
            match properties.and_then(|p| p.get(key)) {
                Some(property) => validate(doc, property, item, &place)?,
                None => match schema.get("additionalProperties") {
                    Some(Value::Bool(false)) => {
                        return Err(format!("{at}: unexpected property `{key}`"))
                    }
                    Some(extra @ Value::Object(_)) => validate(doc, extra, item, &place)?,
                    _ => {}
                },
            }
        }
    }
    Ok(())
}
