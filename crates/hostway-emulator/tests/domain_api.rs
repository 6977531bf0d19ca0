//! The domain-wide OX endpoints: webmailNames, webmailLimits, usernames.

mod common;

use axum::http::Method;
use common::{schema::check_answer, Emu, USER};
use ox_core::types::{UsernamesList, UsernamesQuery, WebmailLimits, WebmailNames};
use serde_json::{json, Value};

const TEST: &str = "/api/accounts/test/email/test.com";
const BIG: &str = "/api/accounts/test/email/big-domain.com";

#[tokio::test]
async fn webmail_names_and_limits() {
    let emu = Emu::demo();
    let path = format!("{TEST}/webmailNames");
    let answer = emu.get(&path, USER).await;
    let body = answer.expect_json(200);
    check_answer("GET", &path, &answer);
    assert_eq!(
        body["webmailNames"],
        json!({"activesync": "SMX Sync Advanced", "premium": "SMA Collaborate Premium", "standard": "SMX Mail Basic"})
    );
    assert_eq!(body["links"][0]["href"], format!("http://emu.test{path}/"));
    let names: WebmailNames = serde_json::from_str(&answer.body).expect("WebmailNames");
    assert_eq!(names.supported().len(), 3);

    let path = format!("{TEST}/webmailLimits");
    let answer = emu.get(&path, USER).await;
    let body = answer.expect_json(200);
    check_answer("GET", &path, &answer);
    assert_eq!(
        body["webmailLimits"],
        json!({"activesync": 2, "premium": -1, "standard": -1})
    );
    let limits: WebmailLimits = serde_json::from_str(&answer.body).expect("WebmailLimits");
    assert_eq!(
        limits.limit_for(&ox_core::types::OxType::activesync()),
        Some(2)
    );

    // A domain without names or limits in its fixture gets the defaults.
    let names = emu
        .get(&format!("{BIG}/webmailNames"), USER)
        .await
        .expect_json(200);
    assert_eq!(names["webmailNames"].as_object().map(|o| o.len()), Some(3));
    let limits = emu
        .get(&format!("{BIG}/webmailLimits"), USER)
        .await
        .expect_json(200);
    assert_eq!(
        limits["webmailLimits"],
        json!({"activesync": -1, "premium": -1, "standard": -1})
    );
}

#[tokio::test]
async fn domain_endpoints_404_and_405() {
    let emu = Emu::demo();
    for tail in ["webmailNames", "webmailLimits", "usernames"] {
        for base in [
            "/api/accounts/nope/email/test.com",
            "/api/accounts/test/email/nope.com",
        ] {
            let path = format!("{base}/{tail}");
            let answer = emu.get(&path, USER).await;
            answer.expect_message(404);
            check_answer("GET", &path, &answer);
        }
        let answer = emu
            .call(
                Method::PUT,
                &format!("{TEST}/{tail}"),
                Some(USER),
                Some("{}"),
            )
            .await;
        answer.expect_message(405);
        assert_eq!(answer.headers["allow"], "GET, HEAD");
        emu.get(&format!("{TEST}/{tail}/"), USER)
            .await
            .expect_json(200);
    }
}

async fn list(emu: &Emu, base: &str, query: &str) -> Value {
    let path = format!("{base}/usernames{query}");
    let answer = emu.get(&path, USER).await;
    let body = answer.expect_json(200);
    check_answer("GET", &path, &answer);
    let parsed: UsernamesList = serde_json::from_str(&answer.body).expect("UsernamesList");
    assert_eq!(
        parsed.list.len(),
        body["list"].as_array().map_or(0, Vec::len)
    );
    body
}

fn usernames(body: &Value) -> Vec<String> {
    body["list"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| e["username"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn usernames_lists_everything_sorted_by_name_without_types() {
    let emu = Emu::demo();
    let body = list(&emu, TEST, "").await;
    let names = usernames(&body);
    let count = emu.state.data().accounts["test"].domains["test.com"]
        .mailboxes
        .len();
    assert_eq!(body["totalCount"], count);
    assert_eq!(names.len(), count);
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    let john = &body["list"][names.iter().position(|n| n == "john.smith").unwrap_or(0)];
    assert_eq!(
        *john,
        json!({
            "username": "john.smith", "webmailAccess": true, "quota": 1024, "master": false,
            "trialType": null, "trialExpiration": null, "allowUpgrade": true,
            "links": [{"href": "http://emu.test/api/accounts/test/email/test.com/usernames/john.smith/", "rel": "self"}]
        })
    );
    let trial = &body["list"][names.iter().position(|n| n == "trial.user").unwrap_or(0)];
    assert_eq!(trial["trialType"], "premium");
    assert!(trial["trialExpiration"].is_string());
}

#[tokio::test]
async fn details_adds_the_type() {
    let emu = Emu::demo();
    let body = list(&emu, TEST, "?details=1").await;
    for entry in body["list"].as_array().into_iter().flatten() {
        assert!(entry["type"].is_string(), "{entry}");
    }
    let names = usernames(&body);
    let at = |n: &str| names.iter().position(|x| x == n).unwrap_or(usize::MAX);
    assert_eq!(body["list"][at("sync.user")]["type"], "activesync");
    assert_eq!(body["list"][at("premium.user")]["type"], "premium");
    let body = list(&emu, TEST, "?details=0").await;
    assert!(body["list"][0].get("type").is_none());
}

#[tokio::test]
async fn filter_with_wildcards() {
    let emu = Emu::demo();
    let names = |q: &'static str| {
        let emu = &emu;
        async move { usernames(&list(emu, TEST, q).await) }
    };
    assert_eq!(names("?filterUsername=john.smith").await, ["john.smith"]);
    assert_eq!(names("?filterUsername=JOHN.SMITH").await, ["john.smith"]);
    assert!(names("?filterUsername=john").await.is_empty());
    assert_eq!(names("?filterUsername=john*").await, ["john.smith"]);
    assert_eq!(
        names("?filterUsername=sync.*").await,
        ["sync.second", "sync.user"]
    );
    assert_eq!(
        names("?filterUsername=bb.*pending").await,
        ["bb.close-pending", "bb.pending", "bb.purge-pending"]
    );
    assert_eq!(
        names("?filterUsername=*%2Btag*").await,
        [hostway_emulator::demo::ODD_NAME]
    );
    assert_eq!(
        names("?filterUsername=odd%20name*").await,
        [hostway_emulator::demo::ODD_NAME]
    );
    assert_eq!(
        names("?filterUsername=odd+name*").await,
        [hostway_emulator::demo::ODD_NAME]
    );
    let all = list(&emu, TEST, "?filterUsername=*").await;
    assert_eq!(all["totalCount"], list(&emu, TEST, "").await["totalCount"]);
    // The query ox-core's client builds means the same.
    let q = UsernamesQuery {
        filter_username: Some("*user".to_owned()),
        details: true,
        ..UsernamesQuery::default()
    };
    let body = list(&emu, TEST, &format!("?{}", q.to_query_string())).await;
    assert!(usernames(&body).iter().all(|n| n.ends_with("user")));
    assert!(body["totalCount"].as_u64().unwrap_or(0) >= 6);
}

#[tokio::test]
async fn paging_counts_matches_before_paging() {
    let emu = Emu::demo();
    let all = usernames(&list(&emu, BIG, "").await);
    assert_eq!(all.len(), 300);
    let page1 = list(&emu, BIG, "?page=1&pageSize=25").await;
    assert_eq!(page1["totalCount"], 300);
    assert_eq!(usernames(&page1), all[..25]);
    let page3 = list(&emu, BIG, "?page=3&pageSize=25").await;
    assert_eq!(usernames(&page3), all[50..75]);
    let last = list(&emu, BIG, "?page=13&pageSize=25").await;
    assert!(usernames(&last).is_empty());
    assert_eq!(last["totalCount"], 300);
    let filtered = list(&emu, BIG, "?filterUsername=alice.*&page=2&pageSize=10").await;
    assert_eq!(filtered["totalCount"], 15);
    assert_eq!(usernames(&filtered).len(), 5);
}

#[tokio::test]
async fn sorting_by_name_or_quota_either_way() {
    let emu = Emu::demo();
    let asc = usernames(&list(&emu, BIG, "?sortField=username&sortOrder=asc").await);
    let mut desc = usernames(&list(&emu, BIG, "?sortField=username&sortOrder=desc").await);
    desc.reverse();
    assert_eq!(asc, desc);
    let quotas = |body: &Value| -> Vec<u64> {
        body["list"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| e["quota"].as_u64().unwrap_or(0))
            .collect()
    };
    let by_quota = list(&emu, BIG, "?sortField=quota").await;
    let q = quotas(&by_quota);
    assert!(q.windows(2).all(|w| w[0] <= w[1]));
    assert!(q[0] < q[q.len() - 1]);
    let by_quota_desc = list(
        &emu,
        BIG,
        "?sortField=quota&sortOrder=desc&page=1&pageSize=10",
    )
    .await;
    let q = quotas(&by_quota_desc);
    assert!(q.windows(2).all(|w| w[0] >= w[1]));
    assert_eq!(q[0], 25600);
}

#[tokio::test]
async fn bad_query_parameters_are_400_json() {
    let emu = Emu::demo();
    for query in [
        "?page=1",
        "?pageSize=10",
        "?page=0&pageSize=10",
        "?page=1&pageSize=0",
        "?page=x&pageSize=10",
        "?page=-1&pageSize=10",
        "?sortField=size",
        "?sortOrder=up",
        "?filterUsername=%zz",
    ] {
        let path = format!("{TEST}/usernames{query}");
        let answer = emu.get(&path, USER).await;
        answer.expect_message(400);
        check_answer("GET", &path, &answer);
    }
    let together = emu.get(&format!("{TEST}/usernames?page=2"), USER).await;
    assert!(together.expect_message(400).contains("together"));
}
