//! URL building: every name is one encoded path segment, whatever it holds.

use ox_core::{decode_segment, encode_segment, Endpoints, UrlError, UsernamesQuery};

#[test]
fn every_endpoint_path() {
    let e = Endpoints::default();
    assert_eq!(
        e.webmail("test", "test.com", "john.smith").unwrap(),
        "/api/accounts/test/email/test.com/usernames/john.smith/webmail"
    );
    assert_eq!(
        e.mailbox("test", "test.com", "john.smith").unwrap(),
        "/api/accounts/test/email/test.com/usernames/john.smith/mailbox"
    );
    assert_eq!(
        e.webmail_names("test", "test.com").unwrap(),
        "/api/accounts/test/email/test.com/webmailNames"
    );
    assert_eq!(
        e.webmail_limits("test", "test.com").unwrap(),
        "/api/accounts/test/email/test.com/webmailLimits"
    );
    assert_eq!(
        e.usernames("test", "test.com", &UsernamesQuery::default())
            .unwrap(),
        "/api/accounts/test/email/test.com/usernames"
    );
    let q = UsernamesQuery {
        details: true,
        page: Some(1),
        page_size: Some(25),
        ..Default::default()
    };
    assert_eq!(
        e.usernames("test", "test.com", &q).unwrap(),
        "/api/accounts/test/email/test.com/usernames?page=1&pageSize=25&details=1"
    );
    assert_eq!(
        e.blackberry("1001", "ex.com", "ann").unwrap(),
        "/api/accounts/1001/exchange/ex.com/mailboxes/ann/blackberry/"
    );
    assert_eq!(
        e.blackberry_statistics("1001", "ex.com", "ann").unwrap(),
        "/api/accounts/1001/exchange/ex.com/mailboxes/ann/blackberry/statistics"
    );
    assert_eq!(
        e.blackberry_action("1001", "ex.com", "ann").unwrap(),
        "/api/accounts/1001/exchange/ex.com/mailboxes/ann/blackberry/action"
    );
}

#[test]
fn bases_absolute_relative_with_or_without_slash() {
    for (base, expect) in [
        ("/api", "/api/accounts/a/email/d/webmailNames"),
        ("/api/", "/api/accounts/a/email/d/webmailNames"),
        ("/api//", "/api/accounts/a/email/d/webmailNames"),
        (
            "https://api.example.net/v1",
            "https://api.example.net/v1/accounts/a/email/d/webmailNames",
        ),
        (
            "https://api.example.net/v1/",
            "https://api.example.net/v1/accounts/a/email/d/webmailNames",
        ),
        (
            "http://127.0.0.1:8080",
            "http://127.0.0.1:8080/accounts/a/email/d/webmailNames",
        ),
        ("../hosting", "../hosting/accounts/a/email/d/webmailNames"),
        ("/", "/accounts/a/email/d/webmailNames"),
        (" /api/ ", "/api/accounts/a/email/d/webmailNames"),
    ] {
        assert_eq!(
            Endpoints::new(base).webmail_names("a", "d").unwrap(),
            expect,
            "base {base:?}"
        );
    }
}

#[test]
fn special_characters_stay_inside_their_segment() {
    let e = Endpoints::new("/api");
    for (name, encoded) in [
        ("a/b", "a%2Fb"),
        ("a?b", "a%3Fb"),
        ("a#b", "a%23b"),
        ("100%", "100%25"),
        ("john smith", "john%20smith"),
        ("jürgen", "j%C3%BCrgen"),
        ("名前", "%E5%90%8D%E5%89%8D"),
        ("a+b=c&d", "a%2Bb%3Dc%26d"),
        ("%2e%2e", "%252e%252e"),
        ("...", "..."),
        (".hidden", ".hidden"),
        ("first.last-x_y~z", "first.last-x_y~z"),
        ("a\\b", "a%5Cb"),
        ("a;b", "a%3Bb"),
    ] {
        assert_eq!(encode_segment("mailbox", name).unwrap(), encoded);
        assert_eq!(decode_segment(encoded).as_deref(), Some(name));
        let url = e.webmail("acct", "d.com", name).unwrap();
        assert_eq!(
            url,
            format!("/api/accounts/acct/email/d.com/usernames/{encoded}/webmail")
        );
    }
}

#[test]
fn empty_and_dot_segments_are_refused_naming_the_value() {
    let e = Endpoints::default();
    assert_eq!(
        e.webmail("", "d", "m"),
        Err(UrlError::EmptySegment("account"))
    );
    assert_eq!(
        e.webmail("a", "", "m"),
        Err(UrlError::EmptySegment("domain"))
    );
    assert_eq!(
        e.webmail("a", "d", ""),
        Err(UrlError::EmptySegment("mailbox"))
    );
    assert_eq!(
        e.webmail("a", "d", ".."),
        Err(UrlError::DotSegment("mailbox"))
    );
    assert_eq!(
        e.webmail_names(".", "d"),
        Err(UrlError::DotSegment("account"))
    );
    assert_eq!(
        e.blackberry("a", "..", "u"),
        Err(UrlError::DotSegment("exchangeDomain"))
    );
    assert_eq!(
        e.blackberry_action("a", "d", ""),
        Err(UrlError::EmptySegment("exchangeUser"))
    );
    assert_eq!(
        UrlError::DotSegment("mailbox").to_string(),
        "the mailbox name cannot be \".\" or \"..\""
    );
}
