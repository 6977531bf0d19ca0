//! Turning any answer into an `ApiError`, whatever the body looks like.

use std::collections::BTreeMap;

use ox_core::{error_from_response, parse_success, ApiError, UrlError, WebmailSettings};

#[test]
fn bad_request_bodies() {
    assert_eq!(
        error_from_response(
            400,
            br#"{"message": "This account is not allowed to be upgraded"}"#
        ),
        ApiError::BadRequestMessage("This account is not allowed to be upgraded".into())
    );
    let fields: BTreeMap<String, String> = [("type".to_owned(), "Required".to_owned())].into();
    assert_eq!(
        error_from_response(400, br#"{"type": "Required"}"#),
        ApiError::BadRequestFields(fields)
    );
    let e = error_from_response(400, br#"{"type": ["Required", "Too short"], "n": 3}"#);
    match &e {
        ApiError::BadRequestFields(f) => {
            assert_eq!(f.len(), 1);
            assert_eq!(f["type"], "Required; Too short");
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(
        e.to_string(),
        "the request was refused: type: Required; Too short"
    );
    assert_eq!(e.kind(), "bad_request_fields");
    assert_eq!(e.status(), Some(400));
}

#[test]
fn unreadable_bodies_still_give_a_value() {
    let html = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    let truncated = br#"{"message": "The account is alr"#;
    let bodies: [&[u8]; 7] = [
        b"",
        b"   \n",
        html,
        truncated,
        b"\xff\xfe\x00garbage",
        b"[1,2]",
        b"null",
    ];
    for body in bodies {
        let e = error_from_response(400, body);
        assert_eq!(e.kind(), "invalid_body", "body {body:?}");
        assert!(
            !e.to_string().contains("nginx"),
            "raw bodies are not echoed"
        );
        for status in [401, 404, 405, 409, 500, 502, 503, 418, 302, 0, 999] {
            let e = error_from_response(status, body);
            assert!(!e.kind().is_empty());
            assert_eq!(e.status(), Some(status).filter(|_| status != 408));
        }
    }
    assert_eq!(error_from_response(401, html), ApiError::Unauthorized);
    assert_eq!(error_from_response(404, b""), ApiError::NotFound(None));
    assert_eq!(error_from_response(405, html), ApiError::MethodNotAllowed);
    assert_eq!(
        error_from_response(409, truncated),
        ApiError::Conflict(None)
    );
    assert_eq!(
        error_from_response(502, html),
        ApiError::Server {
            status: 502,
            message: None
        }
    );
    assert_eq!(
        error_from_response(418, b"{}"),
        ApiError::UnexpectedStatus(418)
    );
    assert_eq!(error_from_response(408, b""), ApiError::Timeout);
}

#[test]
fn messages_are_picked_up_where_present() {
    assert_eq!(
        error_from_response(404, br#"{"message": "No blackberry service"}"#),
        ApiError::NotFound(Some("No blackberry service".into()))
    );
    assert_eq!(
        error_from_response(
            409,
            "\u{feff}{\"message\": \"billing status closed\"}".as_bytes()
        ),
        ApiError::Conflict(Some("billing status closed".into()))
    );
    let e = error_from_response(502, br#"{"error": "upstream down"}"#);
    assert_eq!(
        e,
        ApiError::Server {
            status: 502,
            message: Some("upstream down".into())
        }
    );
    assert_eq!(e.to_string(), "server error 502: upstream down");
    assert_eq!(
        error_from_response(404, br#"{"message": 5}"#),
        ApiError::NotFound(None)
    );
}

#[test]
fn kinds_are_stable() {
    let all = [
        (ApiError::Network("x".into()), "network"),
        (ApiError::Timeout, "timeout"),
        (
            ApiError::InvalidRequest(UrlError::EmptySegment("mailbox")),
            "invalid_request",
        ),
        (
            ApiError::BadRequestFields(BTreeMap::new()),
            "bad_request_fields",
        ),
        (
            ApiError::BadRequestMessage("m".into()),
            "bad_request_message",
        ),
        (ApiError::Unauthorized, "unauthorized"),
        (ApiError::NotFound(None), "not_found"),
        (ApiError::MethodNotAllowed, "method_not_allowed"),
        (ApiError::Conflict(None), "conflict"),
        (
            ApiError::Server {
                status: 500,
                message: None,
            },
            "server",
        ),
        (ApiError::UnexpectedStatus(302), "unexpected_status"),
        (
            ApiError::InvalidBody {
                status: 200,
                detail: "d".into(),
            },
            "invalid_body",
        ),
    ];
    for (e, kind) in all {
        assert_eq!(e.kind(), kind);
        assert!(!e.to_string().is_empty());
    }
    assert_eq!(
        ApiError::from(UrlError::EmptySegment("mailbox")).to_string(),
        "invalid request: the mailbox name is empty"
    );
}

#[test]
fn success_bodies() {
    let ok: WebmailSettings =
        parse_success(200, br#"{"type": "standard", "allowUpgrade": true}"#).unwrap();
    assert!(ok.allow_upgrade);
    parse_success::<()>(204, b"").unwrap();
    parse_success::<()>(202, b"").unwrap();
    let e = parse_success::<WebmailSettings>(200, b"<html>").unwrap_err();
    assert_eq!(e.kind(), "invalid_body");
    let e = parse_success::<WebmailSettings>(200, br#"{"type": "standard""#).unwrap_err();
    assert_eq!(e.kind(), "invalid_body");
    let e = parse_success::<WebmailSettings>(200, b"").unwrap_err();
    assert_eq!(e.kind(), "invalid_body");
    let e = parse_success::<WebmailSettings>(401, b"").unwrap_err();
    assert_eq!(e, ApiError::Unauthorized);
}
