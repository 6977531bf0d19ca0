//! Each upgrade rule on its own, the admin exemption, the domain rules and the
//! verdicts the form derives from them.

use std::collections::BTreeMap;

use ox_core::rules::texts;
use ox_core::{
    allow_upgrade_verdict, apply, choice_verdict, evaluate, request_for, type_verdicts,
    CurrentPlan, DomainFacts, FormChoice, OxType, Role, Verdict, ViolationCode, WebmailUpdate,
};
use ViolationCode::*;

fn req(t: Option<&str>, allow: Option<bool>) -> WebmailUpdate {
    WebmailUpdate {
        r#type: t.map(str::to_owned),
        allow_upgrade: allow,
        ..Default::default()
    }
}

fn codes(
    current: &CurrentPlan,
    r: &WebmailUpdate,
    role: Role,
    facts: &DomainFacts,
) -> Vec<ViolationCode> {
    match evaluate(current, r, role, facts) {
        Ok(()) => vec![],
        Err(v) => v.into_iter().map(|v| v.code).collect(),
    }
}

fn first(
    current: &CurrentPlan,
    r: &WebmailUpdate,
    role: Role,
    facts: &DomainFacts,
) -> Option<ViolationCode> {
    codes(current, r, role, facts).first().copied()
}

fn plan(t: &str, allow: bool) -> CurrentPlan {
    CurrentPlan::new(t, allow)
}

fn types(names: &[&str]) -> Vec<OxType> {
    names.iter().map(|n| OxType::from(*n)).collect()
}

#[test]
fn rule1_type_is_required_and_must_be_supported() {
    let f = DomainFacts::default();
    let p = plan("standard", true);
    assert_eq!(
        first(&p, &req(None, None), Role::User, &f),
        Some(TypeRequired)
    );
    assert_eq!(
        first(&p, &req(Some(""), None), Role::Admin, &f),
        Some(TypeRequired)
    );
    assert_eq!(
        first(&p, &req(None, Some(true)), Role::User, &f),
        Some(TypeRequired)
    );
    assert_eq!(
        first(&p, &req(Some("Premium"), None), Role::Admin, &f),
        Some(TypeNotSupported)
    );
    assert_eq!(
        first(&p, &req(Some("starter"), None), Role::User, &f),
        Some(TypeNotSupported)
    );
    // A domain that lists `starter` supports it, and the list in the text is the domain's.
    let with_starter = DomainFacts {
        supported: Some(types(&["starter", "premium", "standard"])),
        ..Default::default()
    };
    assert_eq!(
        first(&p, &req(Some("starter"), None), Role::User, &with_starter),
        None
    );
    let err = evaluate(
        &p,
        &req(Some("activesync"), None),
        Role::User,
        &with_starter,
    )
    .unwrap_err();
    assert_eq!(
        err[0].server_text,
        r#""activesync" is not one of standard, premium, starter"#
    );
    assert_eq!(
        err[0].response_body(),
        serde_json::json!({"type": err[0].server_text})
    );
    assert_eq!(err[0].field, Some("type"));
}

#[test]
fn rule2_allow_upgrade_false_only_fits_standard() {
    let f = DomainFacts::default();
    let p = plan("standard", true);
    for t in ["activesync", "premium"] {
        assert_eq!(
            first(&p, &req(Some(t), Some(false)), Role::User, &f),
            Some(InconsistentAllowUpgrade)
        );
    }
    assert_eq!(
        first(&p, &req(Some("standard"), Some(false)), Role::User, &f),
        None
    );
    assert_eq!(
        first(&p, &req(Some("premium"), Some(false)), Role::Admin, &f),
        None
    );
}

#[test]
fn rule3_upgraded_accounts_cannot_switch_allow_upgrade_off() {
    let f = DomainFacts::default();
    for t in ["activesync", "premium"] {
        let p = plan(t, true);
        // Even together with a downgrade: the text says to downgrade first.
        assert_eq!(
            codes(&p, &req(Some("standard"), Some(false)), Role::User, &f),
            vec![AlreadyUpgraded]
        );
        // Before `Required`: the documented example sends no type at all.
        assert_eq!(
            codes(&p, &req(None, Some(false)), Role::User, &f),
            vec![AlreadyUpgraded, TypeRequired]
        );
        assert_eq!(
            first(&p, &req(Some(t), Some(false)), Role::User, &f),
            Some(AlreadyUpgraded)
        );
        // Downgrading first, then switching the flag off, works.
        let down = req(Some("standard"), None);
        assert_eq!(first(&p, &down, Role::User, &f), None);
        let p2 = apply(&p, &down);
        assert_eq!(
            first(&p2, &req(Some("standard"), Some(false)), Role::User, &f),
            None
        );
    }
    let p = plan("premium", true);
    assert_eq!(
        first(&p, &req(Some("standard"), Some(false)), Role::Admin, &f),
        None
    );
    assert_eq!(
        first(&p, &req(None, Some(false)), Role::Admin, &f),
        Some(TypeRequired)
    );
}

#[test]
fn rule4_no_upgrade_without_allow_upgrade() {
    let f = DomainFacts::default();
    let p = plan("standard", false);
    assert_eq!(
        first(&p, &req(Some("premium"), None), Role::User, &f),
        Some(UpgradeNotAllowed)
    );
    assert_eq!(
        first(&p, &req(Some("activesync"), None), Role::User, &f),
        Some(UpgradeNotAllowed)
    );
    // Read as documented: the current flag counts, even if the request turns it on.
    assert_eq!(
        first(&p, &req(Some("premium"), Some(true)), Role::User, &f),
        Some(UpgradeNotAllowed)
    );
    assert_eq!(
        first(&p, &req(Some("standard"), None), Role::User, &f),
        None
    );
    // The account owner may change between types regardless of allowUpgrade.
    assert_eq!(
        first(&p, &req(Some("premium"), None), Role::Admin, &f),
        None
    );
}

#[test]
fn rule4b_only_the_owner_turns_allow_upgrade_on() {
    let f = DomainFacts::default();
    let locked = plan("standard", false);
    let err = evaluate(&locked, &req(Some("standard"), Some(true)), Role::User, &f).unwrap_err();
    assert_eq!(err.len(), 1);
    assert_eq!(err[0].code, UpgradeNotAllowed);
    assert_eq!(err[0].field, Some("allowUpgrade"));
    assert_eq!(
        err[0].response_body(),
        serde_json::json!({"message": "The allowUpgrade option can only be turned on by the account owner"})
    );
    // Without a type too (rule 1 answers first, rule 4b is still listed).
    assert_eq!(
        codes(&locked, &req(None, Some(true)), Role::User, &f),
        vec![TypeRequired, UpgradeNotAllowed]
    );
    // The owner may turn it on, and the user's second step (the upgrade) stays refused.
    assert_eq!(
        first(&locked, &req(Some("standard"), Some(true)), Role::Admin, &f),
        None
    );
    assert_eq!(
        first(&locked, &req(Some("premium"), None), Role::User, &f),
        Some(UpgradeNotAllowed)
    );
    // Already on: re-sending true is no change of permission; turning it off on
    // standard stays open to the user.
    let open = plan("standard", true);
    assert_eq!(
        first(&open, &req(Some("standard"), Some(true)), Role::User, &f),
        None
    );
    assert_eq!(
        first(&open, &req(Some("standard"), Some(false)), Role::User, &f),
        None
    );
    // Leaving it off is fine.
    assert_eq!(
        first(&locked, &req(Some("standard"), Some(false)), Role::User, &f),
        None
    );
}

#[test]
fn rule5_usage_must_fit_the_new_quota() {
    let mut f = DomainFacts {
        usage_mb: Some(2000),
        ..Default::default()
    };
    f.quotas_mb.insert(OxType::standard(), 1024);
    f.quotas_mb.insert(OxType::premium(), 25600);
    let p = plan("premium", true);
    for role in [Role::User, Role::Admin] {
        assert_eq!(
            first(&p, &req(Some("standard"), None), role, &f),
            Some(UsageOverQuota)
        );
    }
    // Unknown quota (activesync) or unknown usage: the rule cannot fire.
    assert_eq!(
        first(&p, &req(Some("activesync"), None), Role::User, &f),
        None
    );
    let unknown_usage = DomainFacts {
        usage_mb: None,
        ..f.clone()
    };
    assert_eq!(
        first(&p, &req(Some("standard"), None), Role::User, &unknown_usage),
        None
    );
    // Staying on the same type never trips it, even over quota.
    let over = plan("standard", true);
    assert_eq!(
        first(&over, &req(Some("standard"), None), Role::User, &f),
        None
    );
}

#[test]
fn rule6_domain_limits() {
    let mut counts = BTreeMap::new();
    counts.insert(OxType::activesync(), 2);
    counts.insert(OxType::premium(), 7);
    let mut f = DomainFacts {
        counts: Some(counts),
        ..Default::default()
    };
    f.limits.insert(OxType::activesync(), 2);
    f.limits.insert(OxType::premium(), -1);
    f.limits.insert(OxType::standard(), 0);
    let p = plan("standard", true);
    for role in [Role::User, Role::Admin] {
        let err = evaluate(&p, &req(Some("activesync"), None), role, &f).unwrap_err();
        assert_eq!(err[0].code, LimitReached);
        assert_eq!(
            err[0].response_body(),
            serde_json::json!({"message": "The domain has reached its limit of 2 activesync mailboxes"})
        );
    }
    assert_eq!(
        first(&p, &req(Some("premium"), None), Role::User, &f),
        None,
        "-1: no limit"
    );
    // A mailbox already of the limited type may stay.
    let on_activesync = plan("activesync", true);
    assert_eq!(
        first(
            &on_activesync,
            &req(Some("activesync"), None),
            Role::User,
            &f
        ),
        None
    );
    // Below the limit, or counts unknown: allowed.
    f.limits.insert(OxType::activesync(), 3);
    assert_eq!(
        first(&p, &req(Some("activesync"), None), Role::User, &f),
        None
    );
    f.limits.insert(OxType::activesync(), 1);
    f.counts = None;
    assert_eq!(
        first(&p, &req(Some("activesync"), None), Role::User, &f),
        None
    );
    // A type missing from the counts has none yet.
    f.counts = Some(BTreeMap::new());
    assert_eq!(
        first(&p, &req(Some("activesync"), None), Role::User, &f),
        None
    );
}

#[test]
fn rule7_upgrades_disabled_binds_everyone() {
    let f = DomainFacts {
        upgrades_enabled: false,
        ..Default::default()
    };
    let p = plan("standard", true);
    for role in [Role::User, Role::Admin] {
        let err = evaluate(&p, &req(Some("premium"), None), role, &f).unwrap_err();
        assert_eq!(err[0].code, UpgradesDisabled);
        assert_eq!(err[0].server_text, texts::UPGRADES_DISABLED);
        assert_eq!(
            err[0].response_body(),
            serde_json::json!({"message": texts::UPGRADES_DISABLED})
        );
        // The type can only stay what it is, downgrades included.
        assert_eq!(
            first(
                &plan("premium", true),
                &req(Some("standard"), None),
                role,
                &f
            ),
            Some(UpgradesDisabled)
        );
        assert_eq!(first(&p, &req(Some("standard"), None), role, &f), None);
        // allowUpgrade cannot be switched on (a user is refused by rule 4b first)...
        let locked = plan("standard", false);
        let on = codes(&locked, &req(Some("standard"), Some(true)), role, &f);
        match role {
            Role::User => assert_eq!(on, vec![UpgradeNotAllowed, UpgradesDisabled]),
            Role::Admin => assert_eq!(on, vec![UpgradesDisabled]),
        }
        // ...but may be switched off, or re-sent unchanged.
        assert_eq!(
            first(&p, &req(Some("standard"), Some(false)), role, &f),
            None
        );
        assert_eq!(
            first(&p, &req(Some("standard"), Some(true)), role, &f),
            None
        );
    }
}

#[test]
fn the_check_order_is_3_1_2_4_4b_7_6_5() {
    // A request that breaks everything at once lists the rules in check order.
    let mut f = DomainFacts {
        upgrades_enabled: false,
        usage_mb: Some(10_000),
        counts: Some([(OxType::premium(), 5)].into_iter().collect()),
        ..Default::default()
    };
    f.limits.insert(OxType::premium(), 5);
    f.quotas_mb.insert(OxType::premium(), 100);
    let p = plan("activesync", false);
    assert_eq!(
        codes(&p, &req(Some("premium"), Some(false)), Role::User, &f),
        vec![
            AlreadyUpgraded,
            InconsistentAllowUpgrade,
            UpgradeNotAllowed,
            UpgradesDisabled,
            LimitReached,
            UsageOverQuota
        ]
    );
    assert_eq!(
        codes(&p, &req(Some("premium"), Some(false)), Role::Admin, &f),
        vec![UpgradesDisabled, LimitReached, UsageOverQuota]
    );
    assert_eq!(
        codes(&p, &req(Some("nope"), Some(true)), Role::User, &f),
        vec![TypeNotSupported, UpgradeNotAllowed, UpgradesDisabled]
    );
    assert_eq!(
        codes(&p, &req(Some("nope"), Some(true)), Role::Admin, &f),
        vec![TypeNotSupported, UpgradesDisabled]
    );
    // Rule 4 and rule 4b together: rule 4's documented text comes first.
    let all = evaluate(
        &plan("standard", false),
        &req(Some("premium"), Some(true)),
        Role::User,
        &DomainFacts::default(),
    )
    .unwrap_err();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].server_text, texts::NOT_ALLOWED);
    assert_eq!(all[1].server_text, texts::OWNER_ONLY);
}

#[test]
fn violation_codes_and_bodies_are_stable() {
    let expect = [
        (TypeRequired, "type_required"),
        (TypeNotSupported, "type_not_supported"),
        (InconsistentAllowUpgrade, "inconsistent_allow_upgrade"),
        (AlreadyUpgraded, "already_upgraded"),
        (UpgradeNotAllowed, "upgrade_not_allowed"),
        (UsageOverQuota, "usage_over_quota"),
        (LimitReached, "limit_reached"),
        (UpgradesDisabled, "upgrades_disabled"),
    ];
    for (code, s) in expect {
        assert_eq!(code.as_str(), s);
        assert_eq!(serde_json::to_value(code).unwrap(), serde_json::json!(s));
    }
}

#[test]
fn apply_takes_the_sent_fields() {
    let p = plan("standard", true);
    assert_eq!(
        apply(&p, &req(Some("premium"), None)),
        plan("premium", true)
    );
    assert_eq!(
        apply(&p, &req(Some("standard"), Some(false))),
        plan("standard", false)
    );
    assert_eq!(apply(&p, &req(None, Some(false))), plan("standard", false));
    assert_eq!(apply(&p, &req(Some(""), None)), p);
}

#[test]
fn request_for_sends_type_always_and_the_flag_only_when_changed() {
    let p = plan("premium", true);
    assert_eq!(request_for(&p, &FormChoice::from_current(&p)), None);
    let choice = FormChoice {
        r#type: OxType::standard(),
        allow_upgrade: true,
    };
    assert_eq!(request_for(&p, &choice), Some(req(Some("standard"), None)));
    let choice = FormChoice {
        r#type: OxType::premium(),
        allow_upgrade: false,
    };
    assert_eq!(
        request_for(&p, &choice),
        Some(req(Some("premium"), Some(false)))
    );
}

fn verdict_codes(v: &[(OxType, Verdict)]) -> Vec<(String, Option<ViolationCode>)> {
    v.iter()
        .map(|(t, v)| (t.to_string(), v.violation().map(|v| v.code)))
        .collect()
}

#[test]
fn verdicts_for_a_locked_standard_user() {
    let p = plan("standard", false);
    let f = DomainFacts::default();
    let choice = FormChoice::from_current(&p);
    assert_eq!(
        verdict_codes(&type_verdicts(&p, &choice, Role::User, &f)),
        vec![
            ("standard".into(), None),
            ("activesync".into(), Some(UpgradeNotAllowed)),
            ("premium".into(), Some(UpgradeNotAllowed)),
        ]
    );
    // The user may not switch the flag on (which would allow the upgrade in a second
    // step): the checkbox is disabled with rule 4's reason.
    match allow_upgrade_verdict(&p, &choice, Role::User, &f) {
        Verdict::Forbidden(v) => {
            assert_eq!(v.code, UpgradeNotAllowed);
            assert_eq!(v.field, Some("allowUpgrade"));
            assert_eq!(v.server_text, texts::OWNER_ONLY);
        }
        Verdict::Allowed => panic!("a user must not turn allowUpgrade on"),
    }
    // The owner may.
    assert_eq!(
        allow_upgrade_verdict(&p, &choice, Role::Admin, &f),
        Verdict::Allowed
    );
    // The admin may pick anything.
    assert!(type_verdicts(&p, &choice, Role::Admin, &f)
        .iter()
        .all(|(_, v)| v.is_allowed()));
}

#[test]
fn verdicts_for_a_premium_user() {
    let p = plan("premium", true);
    let f = DomainFacts::default();
    let choice = FormChoice::from_current(&p);
    assert!(type_verdicts(&p, &choice, Role::User, &f)
        .iter()
        .all(|(_, v)| v.is_allowed()));
    match allow_upgrade_verdict(&p, &choice, Role::User, &f) {
        Verdict::Forbidden(v) => assert_eq!(v.code, AlreadyUpgraded),
        Verdict::Allowed => panic!("switching the flag off on premium must be refused"),
    }
    // Unchanged form: nothing to send, so nothing to refuse.
    assert_eq!(
        choice_verdict(&p, &choice, Role::User, &f),
        Verdict::Allowed
    );
}

#[test]
fn verdicts_follow_the_domain_facts() {
    let p = plan("premium", true);
    let mut f = DomainFacts {
        supported: Some(types(&["premium", "standard", "starter"])),
        usage_mb: Some(1500),
        counts: Some([(OxType::from("starter"), 10)].into_iter().collect()),
        ..Default::default()
    };
    f.quotas_mb.insert(OxType::standard(), 1024);
    f.limits.insert(OxType::from("starter"), 10);
    let choice = FormChoice::from_current(&p);
    assert_eq!(
        verdict_codes(&type_verdicts(&p, &choice, Role::Admin, &f)),
        vec![
            ("standard".into(), Some(UsageOverQuota)),
            ("premium".into(), None),
            ("starter".into(), Some(LimitReached)),
        ]
    );
}

#[test]
fn facts_from_responses() {
    use ox_core::{UsernamesList, WebmailLimits, WebmailNames};
    let mut f = DomainFacts::default();
    let names: WebmailNames =
        serde_json::from_str(r#"{"webmailNames": {"premium": "P", "standard": "S"}}"#).unwrap();
    f.set_names(&names);
    assert_eq!(f.supported_types(), types(&["standard", "premium"]));
    f.set_names(&WebmailNames::default());
    assert_eq!(f.supported, None, "an empty names map keeps the default");
    let limits: WebmailLimits =
        serde_json::from_str(r#"{"webmailLimits": {"activesync": 2}}"#).unwrap();
    f.set_limits(&limits);
    assert_eq!(f.limit_for(&OxType::activesync()), Some(2));

    let list: UsernamesList = serde_json::from_str(
        r#"{"totalCount": 3, "list": [{"username": "a", "type": "premium"},
            {"username": "b", "type": "premium"}, {"username": "c", "type": "standard"}]}"#,
    )
    .unwrap();
    let counts = DomainFacts::counts_from_list(&list).unwrap();
    assert_eq!(counts[&OxType::premium()], 2);
    assert_eq!(counts[&OxType::standard()], 1);
    let partial = UsernamesList {
        total_count: 10,
        ..list.clone()
    };
    assert_eq!(DomainFacts::counts_from_list(&partial), None);
    let mut untyped = list;
    untyped.list[0].r#type = None;
    assert_eq!(DomainFacts::counts_from_list(&untyped), None);
}
