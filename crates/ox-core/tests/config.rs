//! The embedding configuration: defaults, key-naming errors, validation, overrides.

use ox_core::config::{check_authorization, locale_tag, origin_of, MAX_TIMEOUT_MS};
use ox_core::{parse_config_json, ConfigError, OxType, PanelConfig, Role, Section};

/// The standalone page's origin in the query-override tests.
const PAGE: &str = "https://panel.example.net";

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

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
        ("apiBase", "/other/api"),
        ("authorization", "Basic stolen"),
        ("allowedApiOrigins", "https://evil.example"),
        ("upgradesEnabled", "false"),
        ("sections", "domain"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    c.apply_query_overrides(&pairs, PAGE).unwrap();
    assert_eq!((c.account.as_str(), c.domain.as_str()), ("b", "e.com"));
    assert_eq!(c.mailbox.as_deref(), Some("ann"));
    assert_eq!(c.bb_domain(), "ex.com");
    assert_eq!(c.bb_user(), Some("ann2"));
    assert_eq!(c.role, Role::Admin);
    assert_eq!(c.locale.as_deref(), Some("fr_FR"));
    assert_eq!(c.api_base, "/other/api");
    assert!(c.allowed_api_origins.is_empty());
    assert_eq!(c.authorization.as_ref().unwrap().expose(), "Basic original");
    assert!(c.upgrades_enabled);
    // Domain view: `sections` may come from the query string too (`?sections=domain`).
    assert_eq!(c.sections, Some(vec![Section::Domain]));

    let clear: Vec<(String, String)> = [("mailbox", ""), ("account", ""), ("role", "root")]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    c.apply_query_overrides(&clear, PAGE).unwrap();
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

#[test]
fn the_query_string_may_only_point_the_api_at_allowed_origins() {
    let configured = || {
        let c = parse_config_json(
            r#"{"account": "a", "domain": "d", "authorization": "Basic x",
                "apiBase": "https://api.example.net/api",
                "allowedApiOrigins": ["https://staging.example.net", "HTTP://LOCALHOST:9090/"]}"#,
        )
        .unwrap();
        c.validate().unwrap();
        c
    };
    assert_eq!(
        configured().allowed_api_origins,
        vec!["https://staging.example.net", "http://localhost:9090"]
    );
    for ok in [
        "/api",
        "/other/api/",
        "/api?x=1",
        "/.//evil.example/api", // a path: still this page's host
        "https://panel.example.net/api",
        "https://PANEL.example.net:443/api",
        "https://api.example.net/v2",
        "https://staging.example.net",
        "http://localhost:9090/api",
    ] {
        let mut c = configured();
        assert_eq!(
            c.apply_query_overrides(&pairs(&[("apiBase", ok)]), PAGE),
            Ok(()),
            "{ok}"
        );
        assert_eq!(c.api_base, ok);
    }
    for bad in [
        "https://elsewhere.example/x",
        "http://panel.example.net/api", // another scheme is another origin
        "https://panel.example.net:8443/api",
        "https://api.example.net.evil.example/api",
        "https://panel.example.net@evil.example/api",
        "//evil.example/api",
        "/\\evil.example/api",
        "\\\\evil.example/api",
        "/\t/evil.example/api",
        "/\n/evil.example",
        " //evil.example/api",
        "javascript:alert(1)",
        "data:text/plain,x",
        "http:evil.example",
        "https:/evil.example",
        "https:\\\\evil.example",
        "api",
        "../api",
        "https://ev%69l.example/api",
        "https://evil.example\\@panel.example.net/api",
        "https://[::1]/api",
        "http://localhost:9091/api",
        "http://localhost:99999/api",
        "https://stagïng.example.net",
    ] {
        let mut c = configured();
        let err = c
            .apply_query_overrides(&pairs(&[("apiBase", bad)]), PAGE)
            .unwrap_err();
        assert_eq!(err.key(), "apiBase", "{bad}");
        assert!(err.to_string().contains("allowedApiOrigins"), "{err}");
        assert_eq!(
            c.api_base, "https://api.example.net/api",
            "{bad} left the base alone"
        );
    }
    // A page with a relative configured base and no list: only its own origin.
    let mut plain = PanelConfig::new("a", "d");
    assert!(plain
        .apply_query_overrides(
            &pairs(&[("apiBase", "http://127.0.0.2:8080/api")]),
            "http://127.0.0.1:8080"
        )
        .is_err());
    assert!(plain
        .apply_query_overrides(
            &pairs(&[("apiBase", "http://127.0.0.1:8080/api")]),
            "http://127.0.0.1:8080"
        )
        .is_ok());
    // A page without an origin of its own ("null") still gets paths.
    let mut null_page = PanelConfig::new("a", "d");
    assert!(null_page
        .apply_query_overrides(&pairs(&[("apiBase", "/api")]), "null")
        .is_ok());
    assert!(null_page
        .apply_query_overrides(&pairs(&[("apiBase", "null/api")]), "null")
        .is_err());
}

#[test]
fn allowed_api_origins_must_be_origins() {
    for bad in [
        r#"["https://api.example.net/api"]"#,
        r#"["api.example.net"]"#,
        r#"["https://api.example.net?x"]"#,
        r#"["ftp://api.example.net"]"#,
        r#""https://api.example.net""#,
        r#"[7]"#,
    ] {
        let text = format!(r#"{{"account": "a", "domain": "d", "allowedApiOrigins": {bad}}}"#);
        assert_eq!(
            parse_config_json(&text).unwrap_err().key(),
            "allowedApiOrigins",
            "{bad}"
        );
    }
}

#[test]
fn origins_are_read_strictly() {
    assert_eq!(
        origin_of("https://A.example:443/x").as_deref(),
        Some("https://a.example")
    );
    assert_eq!(
        origin_of("http://a.example:80").as_deref(),
        Some("http://a.example")
    );
    assert_eq!(
        origin_of("http://a.example:8080?q").as_deref(),
        Some("http://a.example:8080")
    );
    assert_eq!(
        origin_of("http://[::1]:9/x").as_deref(),
        Some("http://[::1]:9")
    );
    assert_eq!(
        origin_of("http://127.0.0.1:0/").as_deref(),
        Some("http://127.0.0.1:0")
    );
    for bad in [
        "",
        "/api",
        "null",
        "http://",
        "http://:80",
        "http://a:",
        "http://a:b",
        "http://u@a",
        "http://a b",
        "http://a\\b",
        "http://[zz]",
        "ws://a",
        "https://a:65536",
    ] {
        assert_eq!(origin_of(bad), None, "{bad}");
    }
}

#[test]
fn locale_tags_intl_accepts() {
    for (raw, tag) in [
        ("en_US", "en-US"),
        ("de-de", "de-DE"),
        ("zh_hant_TW", "zh-Hant-TW"),
        ("es-419", "es-419"),
        ("ca-ES-valencia", "ca-ES-valencia"),
        ("sl-rozaj-1994", "sl-rozaj-1994"),
        (" fr ", "fr"),
    ] {
        assert_eq!(locale_tag(raw).as_deref(), Some(tag), "{raw}");
    }
    for bad in [
        "",
        "123",
        "x",
        "en--US",
        "en-",
        "-en",
        "e1",
        "en-US-x-private",
        "en-u-ca-gregory",
        "i-klingon",
        "en-US-US",
        "sl-rozaj-rozaj",
        "<script>",
        "en US",
        "abcd",
        "ü",
    ] {
        assert_eq!(locale_tag(bad), None, "{bad}");
    }
}

#[test]
fn query_locale_that_is_not_a_tag_is_ignored() {
    let mut c = PanelConfig::new("a", "d");
    c.locale = Some("de_DE".into());
    for bad in ["123", "x", "en--US"] {
        c.apply_query_overrides(&pairs(&[("locale", bad)]), PAGE)
            .unwrap();
        assert_eq!(c.locale.as_deref(), Some("de_DE"), "{bad}");
    }
    c.apply_query_overrides(&pairs(&[("locale", "fr_FR")]), PAGE)
        .unwrap();
    assert_eq!(c.locale.as_deref(), Some("fr_FR"));
    let host = parse_config_json(r#"{"account": "a", "domain": "d", "locale": "en--US"}"#).unwrap();
    assert_eq!(host.validate().unwrap_err().key(), "locale");
}

#[test]
fn authorization_must_be_a_header_value() {
    for bad in [
        "Basic abc\r\nX-Injected: 1",
        "Basic abc\n",
        "Bearer \u{0}x",
        "Bearer \u{7f}x",
        "Bearer ключ",
        "Bearer 🔑",
        "   ",
    ] {
        let err = check_authorization(bad).unwrap_err();
        assert_eq!(err.key(), "authorization");
        assert!(
            !err.to_string().contains(bad.trim()) || bad.trim().is_empty(),
            "the value is not echoed"
        );
        let c = PanelConfig {
            authorization: Some(bad.into()),
            ..PanelConfig::new("a", "d")
        };
        assert_eq!(c.validate().unwrap_err().key(), "authorization", "{bad:?}");
    }
    for ok in [
        "Basic ZGVtbzpkZW1v",
        "Bearer a.b-c_d~e+f/g=",
        "Token caf\u{e9}\tx",
    ] {
        check_authorization(ok).unwrap();
    }
}

#[test]
fn timeout_is_bounded_by_what_a_browser_timer_holds() {
    assert_eq!(MAX_TIMEOUT_MS, 2_147_483_647);
    let with = |ms: &str| {
        parse_config_json(&format!(
            r#"{{"account": "a", "domain": "d", "timeoutMs": {ms}}}"#
        ))
        .and_then(|c| c.validate().map(|()| c.timeout_ms))
        .map_err(|e| e.key().to_owned())
    };
    assert_eq!(with("2147483647"), Ok(Some(MAX_TIMEOUT_MS)));
    assert_eq!(with("1"), Ok(Some(1)));
    for bad in ["2147483648", "4294967295", "4294967296", "1e12", "0", "-1"] {
        assert_eq!(with(bad), Err("timeoutMs".into()), "{bad}");
    }
}
