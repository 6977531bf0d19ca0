//! The embedding configuration: defaults, key-naming errors, validation, overrides.

use ox_core::{parse_config_json, ConfigError, OxType, PanelConfig, Role, Section};

#[test]
fn minimal_config_gets_the_defaults() {
    let c = parse_config_json(r#"{"account": "test", "domain": "test.com"}"#).unwrap();
    assert_eq!(c, PanelConfig::new("test", "test.com"));
    assert_eq!(c.api_base, "/api");
    assert_eq!(c.role, Role::User);
    assert!(c.upgrades_enabled);
    assert_eq!(c.sections(), vec![Section::Domain]);
    assert_eq!(c.bb_domain(), "test.com");
    assert_eq!(c.bb_user(), None);
    c.validate().unwrap();
}

#[test]
fn full_config() {
    let c = parse_config_json(
        r#"{"apiBase": "https://h.example/api/", "account": "1001", "domain": "test.com",
            "mailbox": "john.smith", "exchangeDomain": "ex.test.com", "exchangeUser": "jsmith",
            "authorization": "Basic ZGVtbzpkZW1v", "role": "admin",
            "planQuotasMb": {"standard": 1024, "premium": 25600.0, "starter": "512"},
            "upgradesEnabled": false, "locale": "de_DE", "sections": ["blackberry"],
            "timeoutMs": 15000, "someFutureKey": {"ignored": true}}"#,
    )
    .unwrap();
    assert_eq!(c.role, Role::Admin);
    assert_eq!(c.bb_domain(), "ex.test.com");
    assert_eq!(c.bb_user(), Some("jsmith"));
    assert_eq!(c.plan_quotas_mb[&OxType::premium()], 25600);
    assert_eq!(c.plan_quotas_mb[&OxType::from("starter")], 512);
    assert!(!c.upgrades_enabled);
    assert_eq!(c.sections(), vec![Section::Blackberry]);
    assert_eq!(c.timeout_ms, Some(15000));
    assert_eq!(
        c.authorization.as_ref().unwrap().expose(),
        "Basic ZGVtbzpkZW1v"
    );
    assert!(
        !format!("{c:?}").contains("ZGVtbzpkZW1v"),
        "Debug hides the credentials"
    );
    assert_eq!(
        c.endpoints()
            .webmail("1001", "test.com", "john.smith")
            .unwrap(),
        "https://h.example/api/accounts/1001/email/test.com/usernames/john.smith/webmail"
    );
    c.validate().unwrap();
    let with_mailbox = PanelConfig {
        sections: None,
        ..c
    };
    assert_eq!(
        with_mailbox.sections(),
        vec![Section::Webmail, Section::Blackberry]
    );
}

#[test]
fn errors_name_the_key() {
    let cases: [(&str, ConfigError); 6] = [
        (r#"{"domain": "d"}"#, ConfigError::Missing("account")),
        (r#"{"account": "a"}"#, ConfigError::Missing("domain")),
        (
            r#"{"account": null, "domain": "d"}"#,
            ConfigError::Missing("account"),
        ),
        (
            r#"{"account": 5, "domain": "d"}"#,
            ConfigError::Invalid {
                key: "account".into(),
                reason: String::new(),
            },
        ),
        (
            r#"{"account": "a", "domain": "d", "role": "root"}"#,
            ConfigError::Invalid {
                key: "role".into(),
                reason: String::new(),
            },
        ),
        (
            r#"{"account": "a", "domain": "d", "sections": ["mail"]}"#,
            ConfigError::Invalid {
                key: "sections".into(),
                reason: String::new(),
            },
        ),
    ];
    for (text, expect) in cases {
        let got = parse_config_json(text).unwrap_err();
        assert_eq!(got.key(), expect.key(), "{text}");
        assert!(
            got.to_string().contains(&format!("`{}`", expect.key())),
            "{got}"
        );
    }
    for (text, key) in [
        (
            r#"{"account": "a", "domain": "d", "planQuotasMb": {"standard": -5}}"#,
            "planQuotasMb",
        ),
        (
            r#"{"account": "a", "domain": "d", "upgradesEnabled": "no"}"#,
            "upgradesEnabled",
        ),
        (
            r#"{"account": "a", "domain": "d", "timeoutMs": 1.5}"#,
            "timeoutMs",
        ),
        (
            r#"{"account": "a", "domain": "d", "authorization": 7}"#,
            "authorization",
        ),
        ("[1]", "config"),
        ("{not json", "config"),
        ("", "config"),
    ] {
        assert_eq!(parse_config_json(text).unwrap_err().key(), key, "{text}");
    }
    assert_eq!(
        ConfigError::Missing("account").to_string(),
        "missing configuration key `account`"
    );
}

#[test]
fn validate_refuses_empty_and_unusable_values() {
    let base = PanelConfig::new("a", "d.com");
    let check = |c: PanelConfig| c.validate().map_err(|e| e.key().to_owned());
    assert_eq!(check(PanelConfig::new("", "d")), Err("account".into()));
    assert_eq!(check(PanelConfig::new("a", " ")), Err("domain".into()));
    assert_eq!(
        check(PanelConfig {
            mailbox: Some(String::new()),
            ..base.clone()
        }),
        Err("mailbox".into())
    );
    assert_eq!(
        check(PanelConfig {
            mailbox: Some("..".into()),
            ..base.clone()
        }),
        Err("mailbox".into())
    );
    assert_eq!(
        check(PanelConfig {
            exchange_user: Some(String::new()),
            ..base.clone()
        }),
        Err("exchangeUser".into())
    );
    assert_eq!(
        check(PanelConfig {
            exchange_domain: Some(".".into()),
            ..base.clone()
        }),
        Err("exchangeDomain".into())
    );
    assert_eq!(
        check(PanelConfig {
            authorization: Some("".into()),
            ..base.clone()
        }),
        Err("authorization".into())
    );
    assert_eq!(
        check(PanelConfig {
            locale: Some(String::new()),
            ..base.clone()
        }),
        Err("locale".into())
    );
    assert_eq!(
        check(PanelConfig {
            api_base: String::new(),
            ..base.clone()
        }),
        Err("apiBase".into())
    );
    assert_eq!(
        check(PanelConfig {
            timeout_ms: Some(0),
            ..base.clone()
        }),
        Err("timeoutMs".into())
    );
    assert_eq!(
        check(PanelConfig {
            sections: Some(vec![]),
            ..base.clone()
        }),
        Err("sections".into())
    );
    assert_eq!(
        check(PanelConfig {
            sections: Some(vec![Section::Webmail]),
            ..base.clone()
        }),
        Err("sections".into())
    );
    assert_eq!(
        check(PanelConfig {
            sections: Some(vec![Section::Blackberry]),
            exchange_user: Some("u".into()),
            ..base.clone()
        }),
        Ok(())
    );
}

#[test]
fn query_overrides_only_touch_non_secret_keys() {
    let mut c = PanelConfig::new("a", "d.com");
    c.authorization = Some("Basic original".into());
    let pairs: Vec<(String, String)> = [
        ("account", "b"),
        ("domain", "e.com"),
        ("mailbox", "ann"),
        ("exchangeDomain", "ex.com"),
        ("exchangeUser", "ann2"),
        ("role", "admin"),
        ("locale", "fr_FR"),
        ("apiBase", "http://127.0.0.1:9/api"),
        ("authorization", "Basic stolen"),
        ("upgradesEnabled", "false"),
        ("sections", "domain"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    c.apply_query_overrides(&pairs);
    assert_eq!((c.account.as_str(), c.domain.as_str()), ("b", "e.com"));
    assert_eq!(c.mailbox.as_deref(), Some("ann"));
    assert_eq!(c.bb_domain(), "ex.com");
    assert_eq!(c.bb_user(), Some("ann2"));
    assert_eq!(c.role, Role::Admin);
    assert_eq!(c.locale.as_deref(), Some("fr_FR"));
    assert_eq!(c.api_base, "http://127.0.0.1:9/api");
    assert_eq!(c.authorization.as_ref().unwrap().expose(), "Basic original");
    assert!(c.upgrades_enabled);
    // Domain view: `sections` may come from the query string too (`?sections=domain`).
    assert_eq!(c.sections, Some(vec![Section::Domain]));

    let clear: Vec<(String, String)> = [("mailbox", ""), ("account", ""), ("role", "root")]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    c.apply_query_overrides(&clear);
    assert_eq!(c.mailbox, None, "an empty value clears an optional key");
    assert_eq!(c.account, "b", "and is ignored for a required one");
    assert_eq!(c.role, Role::Admin, "an unknown role is ignored");
}

#[test]
fn serde_deserialize_goes_through_the_same_reader() {
    let c: PanelConfig =
        serde_json::from_str(r#"{"account": "a", "domain": "d", "role": "admin"}"#).unwrap();
    assert_eq!(c.role, Role::Admin);
    let e = serde_json::from_str::<PanelConfig>(r#"{"domain": "d"}"#).unwrap_err();
    assert!(e.to_string().contains("`account`"), "{e}");
}
