//! The standalone page's `sections` override (`?sections=domain`).

use ox_core::config::{parse_sections, PanelConfig, Section};

fn with(pairs: &[(&str, &str)]) -> PanelConfig {
    let mut c = PanelConfig::new("test", "test.com");
    c.mailbox = Some("john.smith".into());
    let pairs: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    if let Err(e) = c.apply_query_overrides(&pairs, "http://127.0.0.1:8080") {
        panic!("overrides: {e}");
    }
    c
}

#[test]
fn sections_from_the_query_string() {
    assert_eq!(
        with(&[("sections", "domain")]).sections(),
        [Section::Domain]
    );
    assert_eq!(
        with(&[("sections", "webmail, blackberry,webmail")]).sections(),
        [Section::Webmail, Section::Blackberry]
    );
    // Unknown names leave the configured value; empty clears it.
    assert_eq!(with(&[("sections", "domain,evil")]).sections, None);
    assert_eq!(
        with(&[("sections", "domain"), ("sections", "")]).sections,
        None
    );
    assert!(with(&[("sections", "domain")]).validate().is_ok());
}

#[test]
fn parse_sections_is_strict() {
    assert_eq!(parse_sections("domain"), Some(vec![Section::Domain]));
    assert_eq!(parse_sections(""), None);
    assert_eq!(parse_sections(","), None);
    assert_eq!(parse_sections("Domain"), None);
    assert_eq!(parse_sections("domain;webmail"), None);
}
