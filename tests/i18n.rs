//! Languages: the locale chain, German and Arabic on screen, `setLocale` without a
//! reload, and the server's own words marked as such.
#![cfg(target_arch = "wasm32")]

mod support;

use std::rc::Rc;

use ox_core::error::ApiError;
use ox_core::rules::texts;
use ox_panel::api::ApiRef;
use ox_panel::app::AppProps;
use ox_panel::events::Events;
use support::*;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const GERMAN: &str =
    r#"{"account": "test", "domain": "test.com", "mailbox": "john.smith", "locale": "de_DE"}"#;

fn mount_root(root: &Element) -> Element {
    query(root, ".oxp-root").unwrap_or_else(|| panic!("no .oxp-root"))
}

fn title(root: &Element) -> String {
    query(root, ".oxp-title")
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

async fn loaded(root: &Element) {
    wait_testid(root, "current-plan").await;
    until("loading gone", || by_testid(root, "loading").is_none()).await;
}

async fn submit_premium(root: &Element) {
    click(&wait_testid(root, "plan-option-premium").await);
    let submit = wait_testid(root, "plan-submit").await;
    until("submit enabled", || !is_disabled(&submit)).await;
    click(&submit);
}

#[wasm_bindgen_test]
async fn a_configured_german_locale_shows_german_headings_buttons_and_reasons() {
    let api = FakeApi::default();
    api.replies().put_webmail = Err(ApiError::BadRequestMessage(texts::NOT_ALLOWED.into()));
    let (root, _h) = render(&api, config(GERMAN));
    loaded(&root).await;
    let top = mount_root(&root);
    assert_eq!(top.get_attribute("lang").as_deref(), Some("de-DE"));
    assert_eq!(top.get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(title(&root), "Postfacheinstellungen");
    assert_eq!(text(&root, "plan-submit").trim(), "Tarif ändern");
    submit_premium(&root).await;
    let error = wait_testid(&root, "plan-error").await;
    assert_eq!(
        error.text_content().as_deref().map(str::trim),
        Some(
            "Der Wechsel in größere Tarife ist für dieses Postfach abgeschaltet; der \
             Kontoinhaber kann ihn erlauben."
        ),
        "a known rule text is said in German, not quoted"
    );
    assert!(by_testid(&root, "server-words").is_none());
}

#[wasm_bindgen_test]
async fn text_only_the_server_has_is_shown_marked_as_its_words() {
    let api = FakeApi::default();
    api.replies().put_webmail = Err(ApiError::BadRequestMessage(
        "Quota <b>locked</b> by billing".into(),
    ));
    let (root, _h) = render(&api, config(GERMAN));
    loaded(&root).await;
    submit_premium(&root).await;
    let error = wait_testid(&root, "plan-error").await;
    let words = wait_testid(&error, "server-words").await;
    let shown = error.text_content().unwrap_or_default();
    assert!(
        shown.starts_with("Der Server hat die Änderung abgelehnt. Wortlaut des Servers:"),
        "{shown}"
    );
    let quoted = query(&words, "q").unwrap_or_else(|| panic!("no <q>"));
    assert_eq!(
        quoted.text_content().as_deref(),
        Some("Quota <b>locked</b> by billing")
    );
    assert_eq!(quoted.get_attribute("lang").as_deref(), Some(""));
    assert_eq!(quoted.get_attribute("dir").as_deref(), Some("auto"));
    assert!(query(&error, "b").is_none(), "server text renders as text");
}

#[wasm_bindgen_test]
async fn the_accounts_language_decides_without_a_configured_locale() {
    let api = FakeApi::default();
    if let Ok(settings) = api.replies().webmail.as_mut() {
        settings.language = Some("de_AT".into());
    }
    let (root, _h) = render(&api, default_config());
    loaded(&root).await;
    until("German after the settings arrive", || {
        title(&root) == "Postfacheinstellungen"
    })
    .await;
    assert_eq!(
        mount_root(&root).get_attribute("lang").as_deref(),
        Some("de-DE")
    );
}

#[wasm_bindgen_test]
async fn arabic_mirrors_the_layout_and_translates_the_confirmation() {
    let api = FakeApi::default();
    let (root, _h) = render(
        &api,
        config(
            r#"{"account": "test", "domain": "test.com", "mailbox": "john.smith", "locale": "ar_EG"}"#,
        ),
    );
    loaded(&root).await;
    let top = mount_root(&root);
    assert_eq!(top.get_attribute("lang").as_deref(), Some("ar"));
    assert_eq!(top.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(title(&root), "إعدادات صندوق البريد");
    wait_testid(&root, "blackberry-status").await;
    let wipe = wait_testid(&root, "bb-action-wipe").await;
    until("wipe enabled", || !is_disabled(&wipe)).await;
    assert_eq!(
        wipe.text_content().as_deref().map(str::trim),
        Some("مسح الجهاز")
    );
    click(&wipe);
    let dialog = wait_testid(&root, "confirm-dialog").await;
    let shown = dialog.text_content().unwrap_or_default();
    assert!(shown.contains("هل تريد مسح هذا الجهاز نهائيًا؟"), "{shown}");
    assert_eq!(text(&root, "confirm-submit").trim(), "مسح الجهاز نهائيًا");
    assert_eq!(text(&root, "confirm-cancel").trim(), "إلغاء");
}

/// `setLocale` renders the same app again with another locale: the mechanism is
/// `AppHandle::update`, here with the fake API so every request is counted.
#[wasm_bindgen_test]
async fn another_locale_renders_every_text_again_without_a_request() {
    let api = FakeApi::default();
    let (root, mut handle) = render(&api, default_config());
    loaded(&root).await;
    wait_testid(&root, "blackberry-status").await;
    until("BlackBerry settled", || {
        by_testid(&root, "loading").is_none()
    })
    .await;
    assert_eq!(title(&root), "Mailbox settings");
    let calls = api.calls();
    let props = |locale: &str| {
        let mut p = AppProps::new(
            Rc::new(default_config()),
            ApiRef::new(api.clone()),
            Events::new(root.clone().into()),
        );
        p.locale = Some(locale.to_owned());
        p
    };
    handle.update(props("de_DE"));
    until("German", || title(&root) == "Postfacheinstellungen").await;
    assert_eq!(text(&root, "plan-submit").trim(), "Tarif ändern");
    assert_eq!(
        mount_root(&root).get_attribute("dir").as_deref(),
        Some("ltr")
    );
    handle.update(props("ar"));
    until("Arabic", || title(&root) == "إعدادات صندوق البريد").await;
    assert_eq!(
        mount_root(&root).get_attribute("dir").as_deref(),
        Some("rtl")
    );
    assert_eq!(text(&root, "plan-submit").trim(), "تغيير الخطة");
    assert_eq!(api.calls(), calls, "no request for a new language");
}

const MOUNT_CONFIG: &str =
    r#"{"apiBase": "/no-api", "account": "test", "domain": "test.com", "mailbox": "john.smith"}"#;

#[wasm_bindgen_test]
async fn set_locale_on_the_mount_handle_switches_and_never_throws() {
    let root = fresh_root();
    let config = js_sys::JSON::parse(MOUNT_CONFIG).unwrap_or_else(|_| panic!("config"));
    let mut handle = ox_panel::mount(root.clone(), config).unwrap_or_else(|_| panic!("mount"));
    wait_testid(&root, "webmail-panel").await;
    assert_eq!(title(&root), "Mailbox settings");
    handle.set_locale(Some("de_AT".into()));
    until("German", || title(&root) == "Postfacheinstellungen").await;
    handle.set_locale(Some("ar".into()));
    until("Arabic", || {
        mount_root(&root).get_attribute("dir").as_deref() == Some("rtl")
    })
    .await;
    for bad in ["123", "en--US", "<script>", "xx"] {
        handle.set_locale(Some("de_DE".into()));
        until("German", || title(&root) == "Postfacheinstellungen").await;
        handle.set_locale(Some(bad.into()));
        until("English for a malformed or unknown locale", || {
            title(&root) == "Mailbox settings"
        })
        .await;
        assert_eq!(
            mount_root(&root).get_attribute("lang").as_deref(),
            Some("en-US")
        );
    }
    handle.set_locale(Some("de_DE".into()));
    until("German", || title(&root) == "Postfacheinstellungen").await;
    // `null`: the chain without the configured locale; this API has no account language.
    handle.set_locale(None);
    until("English", || title(&root) == "Mailbox settings").await;
    handle.unmount();
}
