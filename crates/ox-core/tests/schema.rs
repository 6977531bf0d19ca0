//! `schema/config.schema.json` against the parser it describes (`parse_config_json` +
//! `validate`, what `mount()` and the standalone page run): a table of configurations
//! and a sweep of values per key, each judged by both. Where they may differ is listed
//! here and in the schema's README section, nowhere else.

use std::collections::BTreeSet;

use ox_core::{parse_config_json, PanelConfig};
use serde_json::{json, Value};

const SCHEMA: &str = include_str!("../../../schema/config.schema.json");

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the schema is a valid draft 2020-12 schema")
}

fn rust_accepts(config: &Value) -> bool {
    parse_config_json(&config.to_string())
        .and_then(|c| c.validate())
        .is_ok()
}

fn base() -> Value {
    json!({"account": "test", "domain": "test.com", "mailbox": "john.smith"})
}

fn with(key: &str, value: Value) -> Value {
    let mut c = base();
    c[key] = value;
    c
}

/// Accepted by the parser, refused by the schema: the schema states the documented
/// form, the parser tolerates what hosts send by mistake (surrounding spaces, numbers
/// as strings, fractions of a megabyte).
fn lenient() -> Vec<Value> {
    vec![
        with("locale", json!(" en_US ")),
        with("planQuotasMb", json!({"standard": "4.5"})),
        with("planQuotasMb", json!({"standard": "+5"})),
        with("planQuotasMb", json!({"standard": "1e3"})),
    ]
}

/// Accepted by the schema, refused by the parser: what JSON Schema cannot say.
fn schema_cannot_say() -> Vec<Value> {
    vec![
        // Variants must be distinct (compared case-insensitively).
        with("locale", json!("de-DE-1901-1901")),
    ]
}

#[test]
fn the_table_agrees_with_the_parser() {
    let v = validator();
    let valid = [
        base(),
        json!({"account": "test", "domain": "test.com"}),
        json!({"account": "1001", "domain": "test.com", "sections": ["domain"]}),
        json!({
            "apiBase": "https://h.example/api/", "account": "1001", "domain": "test.com",
            "mailbox": "john.smith", "exchangeDomain": "ex.test.com", "exchangeUser": "jsmith",
            "authorization": "Basic ZGVtbzpkZW1v", "role": "admin",
            "planQuotasMb": {"standard": 1024, "premium": 25600.0, "starter": "512"},
            "upgradesEnabled": false, "locale": "de_DE", "sections": ["blackberry"],
            "timeoutMs": 15000, "allowedApiOrigins": ["https://api.example.net", "http://[::1]:8080/"],
            "someFutureKey": {"ignored": true}
        }),
        json!({"account": "a", "domain": "d", "exchangeUser": "bb", "sections": ["blackberry"]}),
        json!({"account": "a", "domain": "d", "mailbox": null, "role": null, "locale": null}),
    ];
    let invalid = [
        json!([]),
        json!("config"),
        json!({"domain": "test.com"}),
        json!({"account": null, "domain": "test.com"}),
        json!({"account": "test"}),
        json!({"account": "  ", "domain": "test.com"}),
        json!({"account": "test", "domain": ".."}),
        json!({"account": "test", "domain": "d", "sections": ["webmail"]}),
        json!({"account": "test", "domain": "d", "sections": ["blackberry"]}),
        json!({"account": "test", "domain": "d", "mailbox": null, "sections": ["webmail"]}),
        with("sections", json!([])),
        with("sections", json!(["mail"])),
        with("sections", json!("webmail")),
        with("role", json!("owner")),
        with("timeoutMs", json!(0)),
        with("timeoutMs", json!(2_147_483_648_u64)),
        with("timeoutMs", json!(1.5)),
        with("timeoutMs", json!("1000")),
        with("authorization", json!("Basic a\r\nX-Evil: 1")),
        with("authorization", json!("Bearer \u{20ac}")),
        with("authorization", json!("   ")),
        with("locale", json!("english please")),
        with("locale", json!("en-US-u-ca-buddhist")),
        with("allowedApiOrigins", json!(["https://api.example.net/path"])),
        with("allowedApiOrigins", json!(["ftp://api.example.net"])),
        with("allowedApiOrigins", json!("https://api.example.net")),
        with("planQuotasMb", json!({"standard": -1})),
        with("planQuotasMb", json!({"standard": "lots"})),
        with("planQuotasMb", json!([1024])),
        with("upgradesEnabled", json!("false")),
        with("mailbox", json!(".")),
        with("apiBase", json!("")),
    ];
    for config in valid {
        assert!(rust_accepts(&config), "the parser refuses {config}");
        let errors: Vec<String> = v.iter_errors(&config).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "the schema refuses {config}: {errors:?}");
    }
    for config in invalid {
        assert!(!rust_accepts(&config), "the parser accepts {config}");
        assert!(!v.is_valid(&config), "the schema accepts {config}");
    }
    for config in lenient() {
        assert!(
            rust_accepts(&config),
            "lenient: the parser refuses {config}"
        );
        assert!(!v.is_valid(&config), "lenient: the schema accepts {config}");
    }
    for config in schema_cannot_say() {
        assert!(!rust_accepts(&config), "the parser accepts {config}");
        assert!(v.is_valid(&config), "the schema refuses {config}");
    }
}

/// Every value of this list in every key: both must judge alike, except for the
/// configurations listed above.
#[test]
fn a_sweep_of_values_in_every_key_agrees() {
    let v = validator();
    let known: Vec<Value> = lenient().into_iter().chain(schema_cannot_say()).collect();
    let values = [
        json!(null),
        json!(true),
        json!(false),
        json!(0),
        json!(1),
        json!(-1),
        json!(2.5),
        json!(1e300),
        json!(15000),
        json!(2_147_483_647),
        json!(4_294_967_296_u64),
        json!(""),
        json!(" "),
        json!("."),
        json!(".."),
        json!("x"),
        json!("0"),
        json!("/api"),
        json!("user"),
        json!("admin"),
        json!("webmail"),
        json!("en_US"),
        json!("zh-Hant-TW"),
        json!("de-CH-1901"),
        json!("es-419"),
        json!("e"),
        json!("toolongggg"),
        json!("Basic ZGVtbzpkZW1v"),
        json!("caf\u{e9}"),
        json!("line\nbreak"),
        json!("tab\there"),
        json!("del\u{7f}"),
        json!("https://api.example.net"),
        json!("https://api.example.net:65535/"),
        json!("https://api.example.net:65536"),
        json!("http://u@h"),
        json!([]),
        json!(["webmail"]),
        json!(["domain", "domain"]),
        json!(["blackberry", "webmail"]),
        json!(["https://api.example.net"]),
        json!(["http://LOCALHOST:8080/"]),
        json!([1]),
        json!({}),
        json!({"standard": 1024}),
        json!({"standard": "2048"}),
        json!({"standard": null}),
        json!({"standard": true}),
    ];
    let keys = schema_keys();
    let mut disagreements = Vec::new();
    for key in &keys {
        for value in &values {
            for mut config in [base(), json!({"account": "test", "domain": "test.com"})] {
                config[key.as_str()] = value.clone();
                if known.contains(&config) {
                    continue;
                }
                let (rust, schema) = (rust_accepts(&config), v.is_valid(&config));
                if rust != schema {
                    disagreements.push(format!("{config}: parser {rust}, schema {schema}"));
                }
            }
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}

fn schema_keys() -> BTreeSet<String> {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect()
}

/// The schema names exactly the configuration's fields: adding a field to
/// `PanelConfig` stops this from compiling until its key is added to `PanelConfig::KEYS`
/// and the schema.
#[test]
fn the_schema_names_every_field() {
    let PanelConfig {
        api_base: _,
        account: _,
        domain: _,
        mailbox: _,
        exchange_domain: _,
        exchange_user: _,
        authorization: _,
        role: _,
        plan_quotas_mb: _,
        upgrades_enabled: _,
        locale: _,
        sections: _,
        timeout_ms: _,
        allowed_api_origins: _,
    } = PanelConfig::new("a", "d");
    // The keys the app reads from a host's JS object, one by one (src/config_source.rs).
    let fields = PanelConfig::KEYS;
    let fields: BTreeSet<String> = fields.iter().map(|s| (*s).to_owned()).collect();
    assert_eq!(schema_keys(), fields);
    // And the parser reads each of them: a value of the wrong type is refused, naming it.
    for key in &fields {
        let wrong = if key == "upgradesEnabled" {
            json!("no")
        } else {
            json!(true)
        };
        let err = parse_config_json(&with(key, wrong).to_string())
            .and_then(|c| c.validate())
            .expect_err(key);
        assert_eq!(err.key(), key);
    }
}
