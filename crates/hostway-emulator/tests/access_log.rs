//! What the access log writes: one line per request, never a credential or token.
//! Alone in its test binary: `tracing` caches per-callsite interest process-wide, so a
//! test that installs a thread-local subscriber must not race other tests' threads.

mod common;

use std::{
    io::Write,
    sync::{Arc, Mutex},
};

use axum::http::Method;
use common::{webmail, Emu, USER};
use hostway_emulator::demo;

/// A `tracing` writer into a shared buffer.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("poisoned"))?
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "current_thread")]
async fn the_access_log_has_one_line_per_request_and_no_secrets() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let emu = Emu::demo();
    emu.get(&webmail("john.smith"), USER).await.expect_json(200);
    emu.put(
        &webmail("john.smith"),
        demo::ADMIN_AUTH,
        r#"{"type": "premium"}"#,
    )
    .await
    .expect_empty(204);
    emu.call(Method::GET, "/api/x", Some("Basic c2VjcmV0"), None)
        .await
        .expect_message(404);
    let text = String::from_utf8(captured.0.lock().map(|b| b.clone()).unwrap_or_default())
        .unwrap_or_default();
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.contains(" request ") || l.ends_with(" request"))
        .collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[0].contains("method=GET")
            && lines[0].contains("status=200")
            && lines[0].contains("elapsed_ms=")
    );
    assert!(
        lines[0].contains("path=/api/accounts/test/email/test.com/usernames/john.smith/webmail")
    );
    assert!(lines[1].contains("method=PUT") && lines[1].contains("status=204"));
    assert!(lines[2].contains("status=404"));
    for secret in [
        "ZGVtbzpkZW1v",
        "YWRtaW46YWRtaW4",
        "c2VjcmV0",
        demo::JOHN_SMITH_TOKEN,
        "Authorization",
        "authorization",
    ] {
        assert!(!text.contains(secret), "log contains {secret}: {text}");
    }
}
