//! Property tests.
//!
//! The default run is quick (64 cases per property); `PROPTEST_CASES=N` sets the count.
//! `./x fuzz` runs a million cases per property in release mode.

use ox_core::{
    allow_upgrade_verdict, apply, choice_verdict, decode_segment, encode_segment,
    error_from_response, evaluate, parse_config_json, parse_success, request_for, type_verdicts,
    ApiTimestamp, BlackberryAction, BlackberryActionRequest, BlackberryStatistics,
    BlackberryStatus, CurrentPlan, DomainFacts, Endpoints, FormChoice, MailboxInfo, OxType,
    PanelConfig, Role, Secret, Section, SortField, SortOrder, UsernamesList, UsernamesQuery,
    Verdict, ViolationCode, WebmailLimits, WebmailNames, WebmailSettings, WebmailUpdate,
};
use proptest::prelude::*;
use serde_json::Value;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

// ---------- strategies ----------

const POOL: [&str; 6] = ["standard", "activesync", "premium", "starter", "zeta", ""];

fn pool_type() -> impl Strategy<Value = OxType> {
    prop::sample::select(POOL.to_vec()).prop_map(OxType::from)
}

fn any_type_name() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(POOL.to_vec()).prop_map(str::to_owned),
        1 => "[a-zA-Z\" ,]{0,8}",
        1 => any::<String>(),
    ]
}

fn role() -> impl Strategy<Value = Role> {
    prop_oneof![Just(Role::User), Just(Role::Admin)]
}

fn current() -> impl Strategy<Value = CurrentPlan> {
    (pool_type(), any::<bool>()).prop_map(|(t, a)| CurrentPlan::new(t, a))
}

fn request() -> impl Strategy<Value = WebmailUpdate> {
    (
        prop::option::of(any_type_name()),
        prop::option::of(any::<bool>()),
        prop::option::of(any::<bool>()),
    )
        .prop_map(|(t, allow, reset)| WebmailUpdate {
            r#type: t,
            allow_upgrade: allow,
            reset_password: reset,
            ..Default::default()
        })
}

fn facts() -> impl Strategy<Value = DomainFacts> {
    (
        prop::option::of(prop::collection::vec(pool_type(), 0..5)),
        prop::collection::btree_map(pool_type(), 0u64..4000, 0..4),
        prop::option::of(0u64..4000),
        prop::collection::btree_map(pool_type(), -2i64..5, 0..4),
        prop::option::of(prop::collection::btree_map(pool_type(), 0u64..6, 0..4)),
        prop::bool::weighted(0.7),
    )
        .prop_map(
            |(supported, quotas_mb, usage_mb, limits, counts, upgrades_enabled)| DomainFacts {
                supported,
                quotas_mb,
                usage_mb,
                limits,
                counts,
                upgrades_enabled,
            },
        )
}

/// An independent restatement of the rules: each rule a predicate, listed in the
/// documented check order 3, 1, 2, 4, 4b, 7, 6, 5.
fn oracle(
    current: &CurrentPlan,
    req: &WebmailUpdate,
    role: Role,
    facts: &DomainFacts,
) -> Vec<ViolationCode> {
    let user = role == Role::User;
    let supported: Vec<String> = match &facts.supported {
        Some(list) => list.iter().map(|t| t.0.clone()).collect(),
        None => vec!["standard".into(), "activesync".into(), "premium".into()],
    };
    let ty = req.r#type.clone().unwrap_or_default();
    let valid = !ty.is_empty() && supported.contains(&ty);
    let to_standard = ty == "standard";
    let changes = valid && ty != current.r#type.0;
    let key = OxType::from(ty.as_str());
    let limit = facts.limits.get(&key).copied().unwrap_or(0);
    let count = facts
        .counts
        .as_ref()
        .map(|c| c.get(&key).copied().unwrap_or(0));
    let quota = facts.quotas_mb.get(&key).copied();
    let rules = [
        (
            ViolationCode::AlreadyUpgraded,
            user && current.r#type.0 != "standard" && req.allow_upgrade == Some(false),
        ),
        (ViolationCode::TypeRequired, ty.is_empty()),
        (ViolationCode::TypeNotSupported, !ty.is_empty() && !valid),
        (
            ViolationCode::InconsistentAllowUpgrade,
            user && valid && req.allow_upgrade == Some(false) && !to_standard,
        ),
        (
            ViolationCode::UpgradeNotAllowed,
            user && valid && !current.allow_upgrade && !to_standard,
        ),
        // 4b: only the owner turns allowUpgrade on.
        (
            ViolationCode::UpgradeNotAllowed,
            user && !current.allow_upgrade && req.allow_upgrade == Some(true),
        ),
        (
            ViolationCode::UpgradesDisabled,
            !facts.upgrades_enabled
                && (changes || (req.allow_upgrade == Some(true) && !current.allow_upgrade)),
        ),
        (
            ViolationCode::LimitReached,
            changes && limit > 0 && count.is_some_and(|c| c >= limit as u64),
        ),
        (
            ViolationCode::UsageOverQuota,
            changes && matches!((quota, facts.usage_mb), (Some(q), Some(u)) if u > q),
        ),
    ];
    rules
        .into_iter()
        .filter(|(_, broken)| *broken)
        .map(|(code, _)| code)
        .collect()
}

fn codes(r: &Result<(), Vec<ox_core::Violation>>) -> Vec<ViolationCode> {
    match r {
        Ok(()) => vec![],
        Err(v) => v.iter().map(|v| v.code).collect(),
    }
}

/// The invariant between a verdict and the engine.
fn check_verdict(
    current: &CurrentPlan,
    choice: &FormChoice,
    verdict: &Verdict,
    role: Role,
    facts: &DomainFacts,
) -> Result<(), TestCaseError> {
    match (request_for(current, choice), verdict) {
        (None, v) => prop_assert_eq!(v, &Verdict::Allowed),
        (Some(req), Verdict::Allowed) => {
            prop_assert!(evaluate(current, &req, role, facts).is_ok())
        }
        (Some(req), Verdict::Forbidden(v)) => match evaluate(current, &req, role, facts) {
            Ok(()) => prop_assert!(false, "forbidden option passes the engine"),
            Err(all) => prop_assert_eq!(&all[0], v),
        },
    }
    Ok(())
}

fn json_value() -> impl Strategy<Value = Value> {
    let keys = prop::sample::select(vec![
        "type",
        "allowUpgrade",
        "authToken",
        "links",
        "href",
        "location",
        "rel",
        "webmailNames",
        "webmailLimits",
        "username",
        "quota",
        "usage",
        "totalCount",
        "list",
        "billingStatus",
        "statistics",
        "pin",
        "dataService",
        "action",
        "actionData",
        "message",
        "account",
        "domain",
        "planQuotasMb",
        "sections",
        "timeoutMs",
        "standard",
        "x",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "[0-9a-z_ ./:-]{0,10}".prop_map(Value::from),
        any::<String>().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(keys.clone(), inner, 0..6).prop_map(|m| Value::Object(
                m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
            )),
        ]
    })
}

fn parse_everything(status: u16, body: &[u8]) {
    let e = error_from_response(status, body);
    assert!(!e.kind().is_empty());
    let _ = e.to_string();
    let _ = parse_success::<WebmailSettings>(status, body);
    let _ = parse_success::<WebmailUpdate>(status, body);
    let _ = parse_success::<WebmailNames>(status, body);
    let _ = parse_success::<WebmailLimits>(status, body);
    let _ = parse_success::<MailboxInfo>(status, body);
    let _ = parse_success::<UsernamesList>(status, body);
    let _ = parse_success::<BlackberryStatus>(status, body);
    let _ = parse_success::<BlackberryStatistics>(status, body);
    let _ = parse_success::<BlackberryActionRequest>(status, body);
    let _ = parse_success::<PanelConfig>(status, body);
    let _ = parse_success::<()>(status, body);
    let text = String::from_utf8_lossy(body);
    let _ = parse_config_json(&text);
    let _ = ApiTimestamp::parse(&text);
    let _ = UsernamesQuery::from_query_string(&text);
    let _ = decode_segment(&text);
}

fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        3 => "[./?#%& +a-zé€]{0,6}",
        1 => Just(".".to_owned()),
        1 => Just("..".to_owned()),
        1 => Just(String::new()),
        1 => Just("%2e%2e".to_owned()),
    ]
}

fn base() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "/api",
        "/api/",
        "",
        "/",
        "api",
        "https://api.example.net/v1/",
        "http://127.0.0.1:8080/x/y//",
    ])
    .prop_map(str::to_owned)
}

/// Splits `url` (built under `endpoints`) into decoded segments; fails the case if the
/// path escapes its base or holds a query/fragment.
fn decoded_segments(base: &str, url: &str) -> Result<Vec<String>, TestCaseError> {
    // `Endpoints::new` drops surrounding blanks and trailing slashes from the base.
    let rest = url.strip_prefix(base.trim().trim_end_matches('/'));
    prop_assert!(rest.is_some(), "URL {} does not start with its base", url);
    let rest = rest.unwrap_or_default();
    prop_assert!(
        !rest.contains('?') && !rest.contains('#'),
        "query or fragment in {}",
        url
    );
    prop_assert!(rest.starts_with('/'));
    let mut out = Vec::new();
    for raw in rest[1..].split('/') {
        prop_assert!(raw != "." && raw != "..", "dot segment in {}", url);
        prop_assert!(
            raw.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)),
            "unencoded byte in segment {}",
            raw
        );
        let decoded = decode_segment(raw);
        prop_assert!(decoded.is_some(), "segment {} does not decode", raw);
        out.push(decoded.unwrap_or_default());
    }
    Ok(out)
}

fn bad(s: &str) -> bool {
    s.is_empty() || s == "." || s == ".."
}

fn opt_name() -> impl Strategy<Value = Option<String>> {
    prop::option::of(segment())
}

fn sections() -> impl Strategy<Value = Option<Vec<Section>>> {
    prop::option::of(prop::collection::vec(
        prop_oneof![
            Just(Section::Webmail),
            Just(Section::Blackberry),
            Just(Section::Domain)
        ],
        0..4,
    ))
}

/// A configuration as a host would write it, every key optional but the two required.
#[allow(clippy::type_complexity)]
fn panel_config() -> impl Strategy<Value = PanelConfig> {
    (
        (
            prop::option::of(base()),
            segment(),
            segment(),
            opt_name(),
            opt_name(),
            opt_name(),
        ),
        (
            prop::option::of(any::<String>()),
            role(),
            prop::collection::btree_map(pool_type(), any::<u64>(), 0..4),
            any::<bool>(),
            prop::option::of("[a-z]{2}_[A-Z]{2}|[ a-zA-Z-]{0,6}"),
            sections(),
            prop::option::of(any::<u32>()),
        ),
    )
        .prop_map(
            |(
                (api_base, account, domain, mailbox, exchange_domain, exchange_user),
                (
                    authorization,
                    role,
                    plan_quotas_mb,
                    upgrades_enabled,
                    locale,
                    sections,
                    timeout_ms,
                ),
            )| {
                let mut c = PanelConfig::new(account, domain);
                if let Some(b) = api_base {
                    c.api_base = b;
                }
                c.mailbox = mailbox;
                c.exchange_domain = exchange_domain;
                c.exchange_user = exchange_user;
                c.authorization = authorization.map(Secret::new);
                c.role = role;
                c.plan_quotas_mb = plan_quotas_mb;
                c.upgrades_enabled = upgrades_enabled;
                c.locale = locale;
                c.sections = sections;
                c.timeout_ms = timeout_ms;
                c
            },
        )
}

/// The JSON a host would pass for `c` (absent keys left out).
fn config_json(c: &PanelConfig) -> Value {
    let mut obj = serde_json::Map::new();
    obj.insert("apiBase".into(), c.api_base.clone().into());
    obj.insert("account".into(), c.account.clone().into());
    obj.insert("domain".into(), c.domain.clone().into());
    let optional = [
        ("mailbox", &c.mailbox),
        ("exchangeDomain", &c.exchange_domain),
        ("exchangeUser", &c.exchange_user),
        ("locale", &c.locale),
    ];
    for (key, value) in optional {
        if let Some(v) = value {
            obj.insert(key.into(), v.clone().into());
        }
    }
    if let Some(a) = &c.authorization {
        obj.insert("authorization".into(), a.expose().into());
    }
    obj.insert("role".into(), c.role.as_str().into());
    let quotas: serde_json::Map<String, Value> = c
        .plan_quotas_mb
        .iter()
        .map(|(t, q)| (t.as_str().to_owned(), Value::from(*q)))
        .collect();
    obj.insert("planQuotasMb".into(), Value::Object(quotas));
    obj.insert("upgradesEnabled".into(), c.upgrades_enabled.into());
    if let Some(s) = &c.sections {
        obj.insert(
            "sections".into(),
            s.iter().map(|s| Value::from(s.as_str())).collect(),
        );
    }
    if let Some(t) = c.timeout_ms {
        obj.insert("timeoutMs".into(), t.into());
    }
    Value::Object(obj)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn engine_matches_the_rules(
        cur in current(), req in request(), role in role(), facts in facts()
    ) {
        let result = evaluate(&cur, &req, role, &facts);
        prop_assert_eq!(codes(&result), oracle(&cur, &req, role, &facts));
        prop_assert_eq!(&result, &evaluate(&cur, &req, role, &facts), "deterministic");
        if let Err(all) = &result {
            prop_assert!(!all.is_empty());
            for v in all {
                let body = v.response_body();
                let obj = body.as_object().cloned().unwrap_or_default();
                prop_assert_eq!(obj.len(), 1);
                let key = if v.field == Some("type") { "type" } else { "message" };
                prop_assert_eq!(obj.get(key).and_then(Value::as_str), Some(v.server_text.as_str()));
                if v.code == ViolationCode::TypeNotSupported {
                    let given = req.r#type.clone().unwrap_or_default();
                    let prefix = format!("\"{given}\" is not one of ");
                    prop_assert!(v.server_text.starts_with(&prefix));
                }
            }
        } else if let Some(t) = req.requested_type() {
            prop_assert_eq!(apply(&cur, &req).r#type, t);
        }
        // The owner is never more restricted than the user, nor an enabled product
        // more than a disabled one.
        if result.is_ok() {
            prop_assert!(evaluate(&cur, &req, Role::Admin, &facts).is_ok());
            let enabled = DomainFacts { upgrades_enabled: true, ..facts.clone() };
            prop_assert!(evaluate(&cur, &req, role, &enabled).is_ok());
        }
    }

    #[test]
    fn verdicts_never_disagree_with_the_engine(
        cur in current(),
        choice_type in pool_type(),
        choice_allow in any::<bool>(),
        role in role(),
        facts in facts(),
    ) {
        let choice = FormChoice { r#type: choice_type, allow_upgrade: choice_allow };
        check_verdict(&cur, &choice, &choice_verdict(&cur, &choice, role, &facts), role, &facts)?;

        let toggled = FormChoice { allow_upgrade: !choice.allow_upgrade, ..choice.clone() };
        check_verdict(&cur, &toggled, &allow_upgrade_verdict(&cur, &choice, role, &facts), role, &facts)?;

        let verdicts = type_verdicts(&cur, &choice, role, &facts);
        let listed: Vec<OxType> = verdicts.iter().map(|(t, _)| t.clone()).collect();
        let mut offered = facts.supported_types();
        if !offered.contains(&cur.r#type) {
            offered.push(cur.r#type.clone());
            offered.sort();
        }
        prop_assert_eq!(listed, offered);
        for (t, verdict) in &verdicts {
            let option = FormChoice { r#type: t.clone(), allow_upgrade: choice.allow_upgrade };
            check_verdict(&cur, &option, verdict, role, &facts)?;
        }
        // Staying where one is is always possible.
        prop_assert_eq!(choice_verdict(&cur, &FormChoice::from_current(&cur), role, &facts), Verdict::Allowed);
    }

    #[test]
    fn parsers_never_panic_on_bytes(
        body in prop::collection::vec(any::<u8>(), 0..200),
        status in prop_oneof![Just(200u16), Just(204), Just(400), Just(404), Just(409), Just(502), any::<u16>()],
    ) {
        parse_everything(status, &body);
    }

    #[test]
    fn parsers_never_panic_on_json(value in json_value(), status in prop_oneof![Just(200u16), Just(400), Just(404), Just(500)]) {
        let text = value.to_string();
        parse_everything(status, text.as_bytes());
        // Truncated JSON too.
        let cut = text.len() / 2;
        parse_everything(status, &text.as_bytes()[..cut]);
        for wrapper in ["statistics", "webmailNames", "webmailLimits"] {
            let wrapped = serde_json::json!({ wrapper: value.clone(), "totalCount": 1, "list": [value.clone()] });
            parse_everything(status, wrapped.to_string().as_bytes());
        }
    }

    #[test]
    fn urls_keep_every_name_in_its_segment(
        base in base(), account in segment(), domain in segment(), mailbox in segment(),
    ) {
        let e = Endpoints::new(&base);
        let any_bad = bad(&account) || bad(&domain) || bad(&mailbox);
        match e.webmail(&account, &domain, &mailbox) {
            Err(_) => prop_assert!(any_bad),
            Ok(url) => {
                prop_assert!(!any_bad);
                let segs = decoded_segments(&base, &url)?;
                let expect: Vec<&str> =
                    vec!["accounts", &account, "email", &domain, "usernames", &mailbox, "webmail"];
                prop_assert_eq!(segs, expect);
            }
        }
        match e.blackberry_action(&account, &domain, &mailbox) {
            Err(_) => prop_assert!(any_bad),
            Ok(url) => {
                let segs = decoded_segments(&base, &url)?;
                let expect: Vec<&str> =
                    vec!["accounts", &account, "exchange", &domain, "mailboxes", &mailbox, "blackberry", "action"];
                prop_assert_eq!(segs, expect);
            }
        }
        if let Ok(url) = e.blackberry(&account, &domain, &mailbox) {
            prop_assert!(url.ends_with("/blackberry/"));
            let segs = decoded_segments(&base, &url)?;
            prop_assert_eq!(segs.len(), 8);
            prop_assert_eq!(&segs[7], "");
        }
    }

    #[test]
    fn usernames_query_round_trips(
        account in segment(), domain in segment(),
        filter in prop::option::of(any::<String>()),
        page in prop::option::of(any::<u32>()), page_size in prop::option::of(any::<u32>()),
        sort_field in prop::option::of(prop_oneof![Just(SortField::Username), Just(SortField::Quota)]),
        sort_order in prop::option::of(prop_oneof![Just(SortOrder::Asc), Just(SortOrder::Desc)]),
        details in any::<bool>(),
    ) {
        let q = UsernamesQuery { filter_username: filter, page, page_size, sort_field, sort_order, details };
        let e = Endpoints::default();
        match e.usernames(&account, &domain, &q) {
            Err(_) => prop_assert!(bad(&account) || bad(&domain)),
            Ok(url) => {
                let (path, query) = url.split_once('?').unwrap_or((url.as_str(), ""));
                prop_assert!(!query.contains('?') && !url.contains('#'));
                let segs = decoded_segments(ox_core::url::DEFAULT_API_BASE, path)?;
                let expect: Vec<&str> = vec!["accounts", &account, "email", &domain, "usernames"];
                prop_assert_eq!(segs, expect);
                prop_assert_eq!(UsernamesQuery::from_query_string(query), Ok(q));
            }
        }
    }

    #[test]
    fn segments_round_trip_and_stay_one_segment(name in segment()) {
        match encode_segment("name", &name) {
            Err(_) => prop_assert!(bad(&name)),
            Ok(encoded) => {
                prop_assert!(!bad(&name));
                prop_assert!(
                    encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)),
                    "unencoded byte in {}", encoded
                );
                prop_assert!(encoded != "." && encoded != "..", "dot segment {}", encoded);
                prop_assert_eq!(decode_segment(&encoded), Some(name.clone()));
                // Whatever the name, it is one segment of any URL it is put in.
                let url = format!("/api/x/{encoded}/y");
                prop_assert_eq!(url.split('/').count(), 5);
            }
        }
    }

    #[test]
    fn decoding_never_panics_and_re_encodes(raw in "[%0-9a-fA-F./+ a-z]{0,12}|\\PC{0,8}") {
        if let Some(decoded) = decode_segment(&raw) {
            if let Ok(again) = encode_segment("name", &decoded) {
                prop_assert_eq!(decode_segment(&again), Some(decoded));
            }
        }
    }

    #[test]
    fn configs_round_trip_through_json(config in panel_config()) {
        let json = config_json(&config);
        let text = json.to_string();
        let parsed = parse_config_json(&text);
        prop_assert_eq!(parsed.as_ref().ok(), Some(&config), "{}", text);
        // serde's way in (what mount() uses) reads the same.
        let via_serde: Result<PanelConfig, _> = serde_json::from_value(json);
        prop_assert_eq!(via_serde.ok(), Some(config.clone()));
        // A valid configuration can build every URL it names.
        if config.validate().is_ok() {
            let e = config.endpoints();
            if let Some(m) = &config.mailbox {
                prop_assert!(e.webmail(&config.account, &config.domain, m).is_ok());
            }
            if let Some(u) = config.bb_user() {
                prop_assert!(e.blackberry_action(&config.account, config.bb_domain(), u).is_ok());
            }
            prop_assert!(!config.sections().is_empty());
        }
        // Any one key with the wrong JSON type is refused, naming that key.
        for key in ["account", "domain", "mailbox", "role", "upgradesEnabled", "sections", "timeoutMs"] {
            let mut broken = config_json(&config);
            if let Some(obj) = broken.as_object_mut() {
                obj.insert(key.into(), serde_json::json!([{"x": 1}]));
            }
            match parse_config_json(&broken.to_string()) {
                Ok(_) => prop_assert!(false, "{} as an array was accepted", key),
                Err(e) => prop_assert_eq!(e.key(), key),
            }
        }
    }

    #[test]
    fn request_bodies_round_trip(
        t in prop::option::of(any_type_name()),
        allow in prop::option::of(any::<bool>()),
        reset in prop::option::of(any::<bool>()),
        theme in prop::option::of(any::<String>()),
        action in prop_oneof![
            Just(BlackberryAction::ResendServiceBooks),
            Just(BlackberryAction::Wipe),
            Just(BlackberryAction::Reinitialize)
        ],
        action_data in any::<String>(),
    ) {
        let update = WebmailUpdate { r#type: t, allow_upgrade: allow, reset_password: reset, theme, ..Default::default() };
        let body = serde_json::to_vec(&update).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(parse_success::<WebmailUpdate>(200, &body).ok(), Some(update));
        let request = BlackberryActionRequest { action, action_data };
        let body = serde_json::to_vec(&request).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(parse_success::<BlackberryActionRequest>(200, &body).ok(), Some(request.clone()));
        // actionData is a string or absent; anything else is refused.
        let odd = serde_json::json!({"action": action.as_str(), "actionData": {}});
        prop_assert!(parse_success::<BlackberryActionRequest>(200, odd.to_string().as_bytes()).is_err());
    }

    #[test]
    fn timestamps_round_trip(
        year in 1000u16..=9999, month in 1u8..=12, day in 1u8..=28,
        hour in 0u8..24, minute in 0u8..60, second in 0u8..60,
    ) {
        let t = ApiTimestamp { year, month, day, hour, minute, second };
        prop_assert_eq!(ApiTimestamp::parse(&t.to_string()), Some(t));
    }
}

#[test]
fn the_oracle_itself_reproduces_the_seed_order() {
    // Guards the oracle: the two order-sensitive documented examples.
    let f = DomainFacts::default();
    let premium = CurrentPlan::new("premium", true);
    let only_flag = WebmailUpdate {
        allow_upgrade: Some(false),
        ..Default::default()
    };
    assert_eq!(
        oracle(&premium, &only_flag, Role::User, &f)[0],
        ViolationCode::AlreadyUpgraded
    );
    let standard = CurrentPlan::new("standard", true);
    let both = WebmailUpdate {
        r#type: Some("premium".into()),
        allow_upgrade: Some(false),
        ..Default::default()
    };
    assert_eq!(
        oracle(&standard, &both, Role::User, &f),
        vec![ViolationCode::InconsistentAllowUpgrade]
    );
}
