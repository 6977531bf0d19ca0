//! Helpers shared by the emulator's HTTP-level tests.
#![allow(dead_code)]

pub mod schema;

use axum::{
    body::Body,
    http::{header, HeaderMap, Method, Request, StatusCode},
    Router,
};
use hostway_emulator::{app, demo, AppState, Fixture};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

pub const USER: &str = demo::USER_AUTH;
pub const ADMIN: &str = demo::ADMIN_AUTH;
pub const BOUND: &str = demo::BOUND_AUTH;

/// The webmail path of a mailbox of `test/test.com`.
pub fn webmail(mailbox: &str) -> String {
    format!("/api/accounts/test/email/test.com/usernames/{mailbox}/webmail")
}

/// The BlackBerry path of a mailbox of `test/test.com`, `rest` being `""`, `statistics`
/// or `action`.
pub fn blackberry(mailbox: &str, rest: &str) -> String {
    format!("/api/accounts/test/exchange/test.com/mailboxes/{mailbox}/blackberry/{rest}")
}

/// An in-process emulator with the demo data.
pub struct Emu {
    pub state: AppState,
    pub app: Router,
}

impl Emu {
    pub fn demo() -> Emu {
        Emu::with(demo::fixture())
    }

    pub fn with(fixture: Fixture) -> Emu {
        let state = AppState::new(fixture);
        Emu {
            app: app(state.clone()),
            state,
        }
    }

    pub fn from_json(json: Value) -> Emu {
        let fixture = Fixture::from_json(json.to_string().as_bytes(), "test").expect("fixture");
        Emu::with(fixture)
    }

    pub async fn call(
        &self,
        method: Method,
        path: &str,
        auth: Option<&str>,
        body: Option<&str>,
    ) -> Answer {
        // The control endpoints answer only to a loopback Host; API links name the Host.
        let host = if path.starts_with("/__emulator") {
            "localhost"
        } else {
            "emu.test"
        };
        let mut request = Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, host);
        if let Some(auth) = auth {
            request = request.header(header::AUTHORIZATION, auth);
        }
        if body.is_some() {
            request = request.header(header::CONTENT_TYPE, "application/json; charset=UTF-8");
        }
        let request = request
            .body(Body::from(body.unwrap_or_default().to_owned()))
            .expect("request");
        let response = self.app.clone().oneshot(request).await.expect("infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes()
            .to_vec();
        Answer {
            status,
            headers,
            body: String::from_utf8(bytes).expect("utf-8 body"),
        }
    }

    pub async fn get(&self, path: &str, auth: &str) -> Answer {
        self.call(Method::GET, path, Some(auth), None).await
    }

    pub async fn put(&self, path: &str, auth: &str, body: &str) -> Answer {
        self.call(Method::PUT, path, Some(auth), Some(body)).await
    }

    pub async fn post(&self, path: &str, body: &str) -> Answer {
        self.call(Method::POST, path, None, Some(body)).await
    }
}

/// A response, body read.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", self.body))
    }

    pub fn content_type(&self) -> &str {
        self.headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// Asserts a status and the API's JSON content type, and returns the body.
    #[track_caller]
    pub fn expect_json(&self, status: u16) -> Value {
        assert_eq!(self.status.as_u16(), status, "body: {}", self.body);
        assert_eq!(self.content_type(), "application/json; charset=UTF-8");
        self.json()
    }

    /// Asserts a status with a `{"message": ...}` body and returns the message.
    #[track_caller]
    pub fn expect_message(&self, status: u16) -> String {
        let body = self.expect_json(status);
        let object = body.as_object().expect("object");
        assert_eq!(object.len(), 1, "only a message: {body}");
        body["message"].as_str().expect("message").to_owned()
    }

    /// Asserts an empty answer with this status.
    #[track_caller]
    pub fn expect_empty(&self, status: u16) {
        assert_eq!(self.status.as_u16(), status, "body: {}", self.body);
        assert_eq!(self.body, "");
    }
}

/// The example fixture of `docs/contract.md`, with `john.smith` changed by `patch` (merged
/// into the mailbox object).
pub fn john_fixture(patch: Value) -> Value {
    let mut john = serde_json::json!({
        "type": "standard", "allowUpgrade": true, "resetPassword": false,
        "theme": "test_theme", "language": "en_US", "timezone": "America/Chicago",
        "quota": 1024, "usage": 200, "master": false,
        "blackberry": {"billingStatus": "open", "statistics": {"name": "John Smith", "pin": 12345678, "deviceType": "BlackBerry Bold", "deviceStatus": "Running", "dataService": 1, "forwarded": 10, "sent": 4, "pending": 0, "filtered": 1, "lastTransactionResult": "OK", "lastFwdTime": "11/20/2026 10:00:00", "lastSentTime": "11/20/2026 10:05:00"}}
    });
    if let (Some(john), Some(patch)) = (john.as_object_mut(), patch.as_object()) {
        for (k, v) in patch {
            john.insert(k.clone(), v.clone());
        }
    }
    serde_json::json!({
        "credentials": {USER: "user", ADMIN: "admin"},
        "accounts": {"test": {"domains": {"test.com": {
            "webmailNames": {"standard": "SMX Mail Basic", "activesync": "SMX Sync Advanced", "premium": "SMA Collaborate Premium"},
            "webmailLimits": {"standard": -1, "activesync": 2, "premium": -1},
            "planQuotasMb": {"standard": 1024, "activesync": 5120, "premium": 25600},
            "upgradesEnabled": true,
            "mailboxes": {"john.smith": john}
        }}}}
    })
}
