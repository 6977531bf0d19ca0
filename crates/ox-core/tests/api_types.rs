//! The neighbouring endpoints' shapes, as the contract describes them, and the
//! tolerance the loose parts of the documentation call for.

use ox_core::{
    ApiTimestamp, BillingStatus, BlackberryAction, BlackberryActionRequest, BlackberryStatistics,
    BlackberryStatus, MailboxInfo, OxType, SortField, SortOrder, UsernamesList, UsernamesQuery,
    WebmailLimits, WebmailNames,
};
use serde_json::json;

#[test]
fn webmail_names_keep_every_type_in_plan_order() {
    let n: WebmailNames = serde_json::from_str(
        r#"{"webmailNames": {"premium": "Collab Plus", "starter": "Starter Pack",
            "standard": "Mail Basic", "activesync": "Sync Advanced"},
            "links": [{"rel": "self", "href": "/x"}]}"#,
    )
    .unwrap();
    let order: Vec<String> = n.supported().iter().map(OxType::to_string).collect();
    assert_eq!(order, ["standard", "activesync", "premium", "starter"]);
    assert_eq!(n.name_for(&OxType::from("starter")), Some("Starter Pack"));
    assert_eq!(n.links.len(), 1);
}

#[test]
fn webmail_limits_zero_or_negative_is_no_limit() {
    let l: WebmailLimits = serde_json::from_str(
        r#"{"webmailLimits": {"activesync": 2, "premium": -1, "standard": 0, "starter": "5"}}"#,
    )
    .unwrap();
    assert_eq!(l.limit_for(&OxType::activesync()), Some(2));
    assert_eq!(l.limit_for(&OxType::premium()), None);
    assert_eq!(l.limit_for(&OxType::standard()), None);
    assert_eq!(l.limit_for(&OxType::from("starter")), Some(5));
    assert_eq!(l.limit_for(&OxType::from("other")), None);
    assert!(l.links.is_empty());
}

#[test]
fn mailbox_info_reads_quota_usage_and_the_snake_case_key() {
    let m: MailboxInfo = serde_json::from_str(
        r#"{"username": "ann", "master": false, "quota": 1024, "usage": "200",
            "authToken": "secret-token", "links": [], "sitemail_urls": {"a": "b"}}"#,
    )
    .unwrap();
    assert_eq!((m.quota, m.usage), (1024, 200));
    assert_eq!(m.sitemail_urls, json!({"a": "b"}));
    assert!(!format!("{m:?}").contains("secret-token"));
    let back = serde_json::to_value(&m).unwrap();
    assert_eq!(back["sitemail_urls"], json!({"a": "b"}));
    assert_eq!(back["authToken"], json!("secret-token"));
    assert!(serde_json::from_str::<MailboxInfo>(r#"{"username": "a", "quota": 1}"#).is_err());
}

#[test]
fn usernames_list_accepts_string_counts_and_sparse_entries() {
    let l: UsernamesList = serde_json::from_str(
        r#"{"totalCount": "3", "list": [
            {"username": "a", "webmailAccess": true, "type": "premium", "quota": 25600,
             "master": true, "trialType": null, "trialExpiration": null,
             "allowUpgrade": true, "links": []},
            {"username": "b", "quota": "1024", "webmailAccess": "1", "type": ""},
            {"username": "c", "quota": null, "type": "starter"}
        ]}"#,
    )
    .unwrap();
    assert_eq!(l.total_count, 3);
    assert_eq!(l.list[0].r#type, Some(OxType::premium()));
    assert_eq!(l.list[0].master, Some(true));
    assert_eq!(l.list[1].quota, Some(1024));
    assert_eq!(l.list[1].webmail_access, Some(true));
    assert_eq!(l.list[1].r#type, None);
    assert_eq!(l.list[2].quota, None);
    assert_eq!(l.list[2].r#type, Some(OxType::from("starter")));
    let n: UsernamesList = serde_json::from_str(r#"{"totalCount": 0, "list": []}"#).unwrap();
    assert_eq!(n.total_count, 0);
    assert!(serde_json::from_str::<UsernamesList>(r#"{"totalCount": "many"}"#).is_err());
}

#[test]
fn usernames_query_string() {
    assert_eq!(UsernamesQuery::default().to_query_string(), "");
    let q = UsernamesQuery {
        filter_username: Some("jo hn*&x=#/%".into()),
        page: Some(2),
        page_size: Some(50),
        sort_field: Some(SortField::Quota),
        sort_order: Some(SortOrder::Desc),
        details: true,
    };
    let s = q.to_query_string();
    assert_eq!(
        s,
        "filterUsername=jo%20hn*%26x%3D%23%2F%25&page=2&pageSize=50&sortField=quota&sortOrder=desc&details=1"
    );
    assert_eq!(UsernamesQuery::from_query_string(&s).unwrap(), q);
    assert_eq!(
        UsernamesQuery::from_query_string("?details=1&other=x").unwrap(),
        UsernamesQuery {
            details: true,
            ..Default::default()
        }
    );
    assert!(UsernamesQuery::from_query_string("page=-1").is_err());
    assert!(UsernamesQuery::from_query_string("sortField=size").is_err());
}

#[test]
fn billing_status_keeps_unknown_values() {
    for (wire, status) in [
        ("pending", BillingStatus::Pending),
        ("open", BillingStatus::Open),
        ("suspended", BillingStatus::Suspended),
        ("close_pending", BillingStatus::ClosePending),
        ("closed", BillingStatus::Closed),
        ("purge_pending", BillingStatus::PurgePending),
        ("frozen", BillingStatus::Unknown("frozen".into())),
    ] {
        let s: BlackberryStatus =
            serde_json::from_value(json!({"billingStatus": wire, "links": []})).unwrap();
        assert_eq!(s.billing_status, status);
        assert_eq!(s.billing_status.as_str(), wire);
        assert_eq!(
            serde_json::to_value(&s).unwrap()["billingStatus"],
            json!(wire)
        );
    }
    assert!(BillingStatus::Open.is_open() && !BillingStatus::Closed.is_open());
}

#[test]
fn statistics_are_tolerant() {
    let full: BlackberryStatistics = serde_json::from_value(json!({"statistics": {
        "name": "Ann Example", "pin": 305419896, "deviceType": "Bold", "deviceStatus": "Running",
        "dataService": 1, "forwarded": 10, "sent": "4", "pending": 0, "filtered": 1,
        "lastTransactionResult": "OK", "lastFwdTime": "12/31/1999 16:00:00", "lastSentTime": null
    }, "links": []}))
    .unwrap();
    let s = &full.statistics;
    assert_eq!(s.pin, Some(305_419_896));
    assert_eq!(s.sent, Some(4));
    assert_eq!(s.data_service, Some(1));
    assert_eq!(s.last_sent_time, None);
    let t = ApiTimestamp::parse(s.last_fwd_time.as_deref().unwrap()).unwrap();
    assert_eq!(t.year, 1999);

    let sparse: BlackberryStatistics = serde_json::from_value(json!({"statistics": {
        "pin": null, "deviceType": null, "dataService": true, "forwarded": "lots", "extra": [1]
    }}))
    .unwrap();
    assert_eq!(sparse.statistics.pin, None);
    assert_eq!(sparse.statistics.device_type, None);
    assert_eq!(sparse.statistics.data_service, Some(1));
    assert_eq!(sparse.statistics.forwarded, None);
    assert_eq!(sparse.statistics.name, None);
    let out = serde_json::to_value(&sparse.statistics).unwrap();
    assert_eq!(
        out["pin"],
        json!(null),
        "nullable fields are written as null"
    );
}

#[test]
fn blackberry_action_body_is_exact() {
    for (action, wire, destructive) in [
        (
            BlackberryAction::ResendServiceBooks,
            "resendServiceBooks",
            false,
        ),
        (BlackberryAction::Wipe, "wipe", true),
        (BlackberryAction::Reinitialize, "reinitialize", true),
    ] {
        assert_eq!(action.as_str(), wire);
        assert_eq!(action.is_destructive(), destructive);
        let body = serde_json::to_string(&BlackberryActionRequest::new(action)).unwrap();
        assert_eq!(body, format!(r#"{{"action":"{wire}","actionData":""}}"#));
        let back: BlackberryActionRequest = serde_json::from_str(&body).unwrap();
        assert_eq!(back.action, action);
    }
    assert_eq!(BlackberryAction::all().len(), 3);
    let no_data: BlackberryActionRequest = serde_json::from_str(r#"{"action": "wipe"}"#).unwrap();
    assert_eq!(no_data.action_data, "");
    assert!(serde_json::from_str::<BlackberryActionRequest>(r#"{"action": "explode"}"#).is_err());
}
