//! Where the domain view is: the opened mailbox and the list's page, size, sort and
//! filter, as the standalone page's hash (`#mailbox=x&page=2&sort=quota&filter=a*`).
//! The hash is untrusted input: every value is checked and a bad one falls back to
//! its default, never to an error.

use ox_core::types::SortField;
use ox_core::url::{decode_query_component, encode_query_component};

/// The page sizes offered (the first is the default).
pub const PAGE_SIZES: [u32; 3] = [25, 50, 100];
/// Longest filter and mailbox name taken from the hash.
const MAX_FILTER: usize = 64;
const MAX_MAILBOX: usize = 128;
/// Highest page number taken from the hash (10 million mailboxes at 25 a page).
const MAX_PAGE: u32 = 400_000;

/// The list's query as the user set it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListQuery {
    /// 1-based.
    pub page: u32,
    pub page_size: u32,
    pub sort: SortField,
    /// As typed (the API pattern is [`api_filter`]).
    pub filter: String,
}

impl Default for ListQuery {
    fn default() -> Self {
        Self {
            page: 1,
            page_size: PAGE_SIZES[0],
            sort: SortField::Username,
            filter: String::new(),
        }
    }
}

/// The API's `filterUsername` for what was typed: nothing for blank, as typed when it
/// has a `*` wildcard, else "contains" (`*text*`).
pub fn api_filter(typed: &str) -> Option<String> {
    let t = typed.trim();
    if t.is_empty() {
        None
    } else if t.contains('*') {
        Some(t.to_owned())
    } else {
        Some(format!("*{t}*"))
    }
}

/// The view's whole position.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Nav {
    pub mailbox: Option<String>,
    pub query: ListQuery,
}

fn clean_text(value: &str, max: usize) -> Option<String> {
    (!value.is_empty() && value.chars().count() <= max && !value.chars().any(char::is_control))
        .then(|| value.to_owned())
}

fn clean_mailbox(value: &str) -> Option<String> {
    clean_text(value, MAX_MAILBOX).filter(|v| v != "." && v != ".." && v.trim() == v)
}

fn clean_page(value: &str) -> Option<u32> {
    if value.is_empty() || value.len() > 6 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    value
        .parse::<u32>()
        .ok()
        .filter(|p| (1..=MAX_PAGE).contains(p))
}

/// Reads a hash (with or without the leading `#`). Unknown keys are ignored; a value
/// that is not valid for its key leaves the default.
pub fn parse_hash(hash: &str) -> Nav {
    let mut nav = Nav::default();
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    if hash.len() > 1024 {
        return nav;
    }
    for pair in hash.split('&').filter(|p| !p.is_empty()) {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let Some(value) = decode_query_component(raw) else {
            continue;
        };
        match key {
            "mailbox" => nav.mailbox = clean_mailbox(&value),
            "page" => {
                if let Some(p) = clean_page(&value) {
                    nav.query.page = p;
                }
            }
            "size" => {
                if let Some(s) = value.parse::<u32>().ok().filter(|s| PAGE_SIZES.contains(s)) {
                    nav.query.page_size = s;
                }
            }
            "sort" => {
                if let Some(s) = SortField::parse(&value) {
                    nav.query.sort = s;
                }
            }
            "filter" => {
                if let Some(f) = clean_text(&value, MAX_FILTER) {
                    nav.query.filter = f;
                }
            }
            _ => {}
        }
    }
    nav
}

/// The hash for a position (with the leading `#`); defaults are left out.
pub fn to_hash(nav: &Nav) -> String {
    let mut parts = Vec::new();
    if let Some(m) = &nav.mailbox {
        parts.push(format!("mailbox={}", encode_query_component(m)));
    }
    let q = &nav.query;
    if q.page != 1 {
        parts.push(format!("page={}", q.page));
    }
    if q.page_size != PAGE_SIZES[0] {
        parts.push(format!("size={}", q.page_size));
    }
    if q.sort != SortField::Username {
        parts.push(format!("sort={}", q.sort.as_str()));
    }
    if !q.filter.is_empty() {
        parts.push(format!("filter={}", encode_query_component(&q.filter)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("#{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_round_trip() {
        let nav = Nav {
            mailbox: Some("odd name+tag/ü#50%".into()),
            query: ListQuery {
                page: 2,
                page_size: 50,
                sort: SortField::Quota,
                filter: "a*".into(),
            },
        };
        let hash = to_hash(&nav);
        assert_eq!(parse_hash(&hash), nav);
        assert_eq!(to_hash(&Nav::default()), "");
        assert_eq!(
            parse_hash("#mailbox=x&page=2&sort=quota&filter=a*"),
            Nav {
                mailbox: Some("x".into()),
                query: ListQuery {
                    page: 2,
                    sort: SortField::Quota,
                    filter: "a*".into(),
                    ..ListQuery::default()
                }
            }
        );
    }

    #[test]
    fn bad_values_fall_back_to_defaults() {
        let cases = [
            "#page=0",
            "#page=-1",
            "#page=1e3",
            "#page=99999999999",
            "#page=%31%00",
            "#size=33",
            "#sort=usage",
            "#mailbox=..",
            "#mailbox=%20x",
            "#mailbox=a%0Ab",
            "#filter=%E0%A4",
            "#mailbox",
            "#=&&=&",
            "#evil=<script>",
        ];
        for hash in cases {
            assert_eq!(parse_hash(hash), Nav::default(), "{hash}");
        }
        let long = format!("#filter={}", "a".repeat(65));
        assert_eq!(parse_hash(&long), Nav::default());
        let huge = format!("#page=2&x={}", "a".repeat(2000));
        assert_eq!(parse_hash(&huge), Nav::default());
    }

    #[test]
    fn typed_filters_become_api_patterns() {
        assert_eq!(api_filter("  "), None);
        assert_eq!(api_filter("ali"), Some("*ali*".into()));
        assert_eq!(api_filter("a*"), Some("a*".into()));
    }
}
