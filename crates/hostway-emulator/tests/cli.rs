//! The binary: start-up line, demo data without --fixture, clear errors (exit 2) for
//! a bad fixture or a port in use, and a clean exit on SIGINT.

use std::{
    io::{BufRead, BufReader, Read, Write},
    net::{TcpListener, TcpStream},
    path::PathBuf,
    process::{Child, Command, ExitStatus, Stdio},
    time::{Duration, Instant},
};

fn emulator(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_hostway-emulator"))
        .args(args)
        .env("RUST_LOG", "info")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn hostway-emulator")
}

/// Waits for the process to exit (at most 10 s, then kills it and fails).
fn wait_exit(child: &mut Child) -> ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("hostway-emulator did not exit");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn stderr_of(child: &mut Child) -> String {
    let mut text = String::new();
    if let Some(mut err) = child.stderr.take() {
        let _ = err.read_to_string(&mut text);
    }
    text
}

/// Runs to completion and returns (exit code, stderr).
fn run_failing(args: &[&str]) -> (Option<i32>, String) {
    let mut child = emulator(args);
    let status = wait_exit(&mut child);
    (status.code(), stderr_of(&mut child))
}

fn temp_file(name: &str, contents: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("hostway-emulator-{}-{name}", std::process::id()));
    std::fs::write(&path, contents).expect("write");
    path
}

#[test]
fn a_fixture_with_a_wrong_value_names_the_key_and_the_line() {
    let path = temp_file(
        "wrong.json",
        "{\n  \"accounts\": {\n    \"test\": {\"domains\": {\"test.com\": {\"mailboxes\": {\n      \"x\": {\"usage\": \"lots\"}\n    }}}}\n  }\n}\n",
    );
    let (code, stderr) = run_failing(&[
        "--listen",
        "127.0.0.1:0",
        "--fixture",
        path.to_str().unwrap_or_default(),
    ]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("accounts.test.domains.test.com.mailboxes.x.usage"),
        "{stderr}"
    );
    assert!(stderr.contains("line 4"), "{stderr}");
    assert!(
        stderr.contains(path.to_str().unwrap_or_default()),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_fixture_that_is_not_json_names_the_line_and_column() {
    let path = temp_file("syntax.json", "{\n  \"credentials\": {,}\n}\n");
    let (code, stderr) = run_failing(&[
        "--listen",
        "127.0.0.1:0",
        "--fixture",
        path.to_str().unwrap_or_default(),
    ]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("line 2, column"), "{stderr}");
}

#[test]
fn a_fixture_with_an_unknown_key_or_role_is_refused() {
    let path = temp_file("typo.json", r#"{"credentials": {"Basic x": "root"}}"#);
    let (code, stderr) = run_failing(&[
        "--listen",
        "127.0.0.1:0",
        "--fixture",
        path.to_str().unwrap_or_default(),
    ]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("credentials.<credential>"), "{stderr}");
    assert!(
        !stderr.contains("Basic x"),
        "credentials are never printed: {stderr}"
    );
    let path = temp_file(
        "unknown.json",
        r#"{"accounts": {"a": {"domains": {"d": {"upgradeEnabled": true}}}}}"#,
    );
    let (code, stderr) = run_failing(&[
        "--listen",
        "127.0.0.1:0",
        "--fixture",
        path.to_str().unwrap_or_default(),
    ]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("upgradeEnabled"), "{stderr}");
}

#[test]
fn a_missing_fixture_file_is_a_clear_error() {
    let (code, stderr) = run_failing(&[
        "--listen",
        "127.0.0.1:0",
        "--fixture",
        "/nonexistent/fixture.json",
    ]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("cannot read fixture /nonexistent/fixture.json"),
        "{stderr}"
    );
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let taken = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = taken.local_addr().expect("addr").to_string();
    let (code, stderr) = run_failing(&["--listen", &addr]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!("cannot listen on {addr}")),
        "{stderr}"
    );
    assert!(stderr.contains("already in use"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn bad_flags_exit_2() {
    let (code, _) = run_failing(&["--listen", "127.0.0.1:0", "--dist", "/nonexistent/dist"]);
    assert_eq!(code, Some(2));
    let (code, _) = run_failing(&["--listen", "127.0.0.1:0", "--dist-prefix", "no-slash"]);
    assert_eq!(code, Some(2));
    let (code, _) = run_failing(&["--no-such-flag"]);
    assert_eq!(code, Some(2));
}

fn get(addr: &str, path: &str, auth: &str) -> String {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: {auth}\r\nConnection: close\r\n\r\n"
    )
    .expect("write");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("read");
    answer
}

#[test]
fn serves_the_demo_on_a_free_port_and_stops_on_sigint() {
    let mut child = emulator(&["--listen", "127.0.0.1:0"]);
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("first line");
    let addr = line
        .trim()
        .strip_prefix("hostway-emulator listening on http://")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_owned();
    assert!(!addr.ends_with(":0"), "the real port is printed: {addr}");

    let answer = get(
        &addr,
        "/api/accounts/test/email/test.com/usernames/john.smith/webmail",
        "Basic ZGVtbzpkZW1v",
    );
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(
        answer.contains("content-type: application/json; charset=UTF-8"),
        "{answer}"
    );
    assert!(answer.contains(&format!(
        "\"href\":\"http://{addr}/api/accounts/test/email/test.com/usernames/john.smith/webmail/\""
    )));
    let list = get(
        &addr,
        "/api/accounts/test/email/big-domain.com/usernames?page=1&pageSize=1",
        "Basic YWRtaW46YWRtaW4=",
    );
    assert!(list.contains("\"totalCount\":300"), "{list}");

    let pid = child.id().to_string();
    let status = Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill");
    assert!(status.success());
    let exit = wait_exit(&mut child);
    assert!(exit.success(), "graceful exit on SIGINT: {exit:?}");
    let stderr = stderr_of(&mut child);
    assert!(stderr.contains("status=200"), "{stderr}");
    assert!(stderr.contains("shutting down"), "{stderr}");
    assert!(
        !stderr.contains("ZGVtbzpkZW1v") && !stderr.contains("YWRtaW46"),
        "{stderr}"
    );
}
