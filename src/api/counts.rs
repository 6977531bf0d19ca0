//! How many mailboxes the domain has on each type, read page by page within a bound.
//!
//! The server's `totalCount` decides how many pages there are, so it is not trusted
//! with an unbounded number of requests: past [`MAX_PAGES`] the counts stay unknown,
//! the limit rule does not fire in the client, and the server decides.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use futures::stream::{self, StreamExt, TryStreamExt};
use ox_core::error::ApiError;
use ox_core::rules::DomainFacts;
use ox_core::types::{OxType, UsernamesQuery};

use super::Api;

/// Mailboxes per page.
pub const PAGE_SIZE: u32 = 500;
/// The most pages read for one count (10 000 mailboxes).
pub const MAX_PAGES: u32 = 20;
/// The most page requests in flight at once.
pub const CONCURRENCY: usize = 4;

/// The pages still to read after the first, for a domain of `total_count` mailboxes;
/// `None` when that takes more than [`MAX_PAGES`] pages in all.
pub fn remaining_pages(total_count: u64) -> Option<RangeInclusive<u32>> {
    let pages = total_count.div_ceil(u64::from(PAGE_SIZE));
    if pages > u64::from(MAX_PAGES) {
        return None;
    }
    let last = u32::try_from(pages).ok()?;
    Some(2..=last)
}

fn page(number: u32) -> UsernamesQuery {
    UsernamesQuery {
        page: Some(number),
        page_size: Some(PAGE_SIZE),
        details: true,
        ..Default::default()
    }
}

/// The per-type counts: `Ok(None)` when they cannot be known (too many pages, or a
/// list that does not add up, see [`DomainFacts::counts_from_list`]).
pub async fn count_types(api: &dyn Api) -> Result<Option<BTreeMap<OxType, u64>>, ApiError> {
    let mut all = api.usernames(page(1)).await?;
    let Some(rest) = remaining_pages(all.total_count) else {
        return Ok(None);
    };
    let pages: Vec<_> = stream::iter(rest)
        .map(|n| api.usernames(page(n)))
        .buffered(CONCURRENCY)
        .try_collect()
        .await?;
    for p in pages {
        all.list.extend(p.list);
    }
    Ok(DomainFacts::counts_from_list(&all))
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::rc::Rc;

    use ox_core::types::{
        BlackberryAction, BlackberryStatistics, BlackberryStatus, MailboxInfo, UsernamesList,
        WebmailLimits, WebmailNames, WebmailSettings, WebmailUpdate,
    };

    use super::*;
    use crate::api::ApiFuture;

    #[test]
    fn the_paging_plan_is_bounded() {
        let plan = |n| remaining_pages(n).map(|r| r.collect::<Vec<_>>());
        assert_eq!(plan(0), Some(vec![]));
        assert_eq!(plan(500), Some(vec![]));
        assert_eq!(plan(501), Some(vec![2]));
        assert_eq!(plan(1500), Some(vec![2, 3]));
        assert_eq!(plan(10_000), Some((2..=20).collect()));
        assert_eq!(plan(10_001), None, "a 21st page is not read");
        assert_eq!(plan(u64::MAX), None);
    }

    /// Answers every page with `per_page` mailboxes of `totalCount` `total`, and
    /// records how many page requests were in flight at most.
    struct Pages {
        total: u64,
        per_page: usize,
        calls: Rc<Cell<u32>>,
        in_flight: Rc<Cell<usize>>,
        most: Rc<Cell<usize>>,
    }

    fn never<T: 'static>() -> ApiFuture<T> {
        Box::pin(async { Err(ApiError::Timeout) })
    }

    /// Pending once, so every future the stream started is in flight together.
    async fn yield_once() {
        let mut yielded = false;
        futures::future::poll_fn(|cx| {
            if yielded {
                std::task::Poll::Ready(())
            } else {
                yielded = true;
                cx.waker().wake_by_ref();
                std::task::Poll::Pending
            }
        })
        .await
    }

    impl Api for Pages {
        fn usernames(&self, _: UsernamesQuery) -> ApiFuture<UsernamesList> {
            self.calls.set(self.calls.get() + 1);
            let (in_flight, most) = (self.in_flight.clone(), self.most.clone());
            let list = serde_json::json!({
                "totalCount": self.total,
                "list": vec![serde_json::json!({"username": "u", "type": "activesync"}); self.per_page],
            });
            Box::pin(async move {
                in_flight.set(in_flight.get() + 1);
                most.set(most.get().max(in_flight.get()));
                yield_once().await;
                in_flight.set(in_flight.get() - 1);
                serde_json::from_value(list).map_err(|e| ApiError::Network(e.to_string()))
            })
        }
        fn webmail(&self) -> ApiFuture<WebmailSettings> {
            never()
        }
        fn webmail_names(&self) -> ApiFuture<WebmailNames> {
            never()
        }
        fn webmail_limits(&self) -> ApiFuture<WebmailLimits> {
            never()
        }
        fn mailbox(&self) -> ApiFuture<MailboxInfo> {
            never()
        }
        fn put_webmail(&self, _: WebmailUpdate) -> ApiFuture<()> {
            never()
        }
        fn blackberry_status(&self) -> ApiFuture<BlackberryStatus> {
            never()
        }
        fn blackberry_statistics(&self) -> ApiFuture<BlackberryStatistics> {
            never()
        }
        fn blackberry_action(&self, _: BlackberryAction) -> ApiFuture<u16> {
            never()
        }
        fn for_mailbox(&self, _: &str) -> std::rc::Rc<dyn Api> {
            unimplemented!("the count stays on one domain")
        }
    }

    /// Runs a future to its end on this thread (every pending future here has already
    /// asked to be polled again).
    fn block_on<F: std::future::Future>(future: F) -> F::Output {
        let mut future = std::pin::pin!(future);
        let mut cx = std::task::Context::from_waker(futures::task::noop_waker_ref());
        for _ in 0..10_000 {
            if let std::task::Poll::Ready(out) = future.as_mut().poll(&mut cx) {
                return out;
            }
        }
        panic!("the future never finished");
    }

    fn pages(total: u64, per_page: usize) -> Pages {
        Pages {
            total,
            per_page,
            calls: Rc::default(),
            in_flight: Rc::default(),
            most: Rc::default(),
        }
    }

    #[test]
    fn at_most_four_pages_at_once_and_every_page_counted() {
        let api = pages(20 * 500, 500);
        let counts = block_on(count_types(&api));
        assert_eq!(api.calls.get(), 20);
        assert_eq!(api.most.get(), CONCURRENCY);
        let expected: BTreeMap<OxType, u64> = [(OxType::activesync(), 10_000)].into();
        assert_eq!(counts.ok(), Some(Some(expected)));
    }

    #[test]
    fn a_huge_total_count_reads_one_page_and_leaves_the_counts_unknown() {
        let api = pages(1_000_000_000, 500);
        let counts = block_on(count_types(&api));
        assert_eq!(api.calls.get(), 1);
        assert_eq!(counts.ok(), Some(None));
    }

    #[test]
    fn a_list_that_does_not_add_up_is_unknown() {
        // The server says 3 but lists 2 per page over one page.
        let api = pages(3, 2);
        let counts = block_on(count_types(&api));
        assert_eq!(counts.ok(), Some(None));
    }
}
