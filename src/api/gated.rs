//! A client that closes when its instance is unmounted.

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use ox_core::error::ApiError;
use ox_core::types::{
    BlackberryAction, BlackberryStatistics, BlackberryStatus, MailboxInfo, UsernamesList,
    UsernamesQuery, WebmailLimits, WebmailNames, WebmailSettings, WebmailUpdate,
};

use super::{Api, ApiFuture};

/// The instance's client, closed by `unmount`: a read or re-read that a pending answer
/// would start after it (e.g. the re-read after a plan change) is never sent.
pub struct Gated<A> {
    api: A,
    open: Rc<Cell<bool>>,
}

impl<A: Api> Gated<A> {
    pub fn new(api: A, open: Rc<Cell<bool>>) -> Self {
        Self { api, open }
    }

    fn call<T: 'static>(
        &self,
        request: impl Future<Output = Result<T, ApiError>> + 'static,
    ) -> ApiFuture<T> {
        let open = self.open.clone();
        Box::pin(async move {
            if !open.get() {
                return Err(ApiError::Network("the panel was unmounted".into()));
            }
            request.await
        })
    }
}

impl<A: Api + 'static> Api for Gated<A> {
    fn webmail(&self) -> ApiFuture<WebmailSettings> {
        self.call(self.api.webmail())
    }
    fn webmail_names(&self) -> ApiFuture<WebmailNames> {
        self.call(self.api.webmail_names())
    }
    fn webmail_limits(&self) -> ApiFuture<WebmailLimits> {
        self.call(self.api.webmail_limits())
    }
    fn mailbox(&self) -> ApiFuture<MailboxInfo> {
        self.call(self.api.mailbox())
    }
    fn usernames(&self, query: UsernamesQuery) -> ApiFuture<UsernamesList> {
        self.call(self.api.usernames(query))
    }
    fn put_webmail(&self, update: WebmailUpdate) -> ApiFuture<()> {
        self.call(self.api.put_webmail(update))
    }
    fn blackberry_status(&self) -> ApiFuture<BlackberryStatus> {
        self.call(self.api.blackberry_status())
    }
    fn blackberry_statistics(&self) -> ApiFuture<BlackberryStatistics> {
        self.call(self.api.blackberry_statistics())
    }
    fn blackberry_action(&self, action: BlackberryAction) -> ApiFuture<()> {
        self.call(self.api.blackberry_action(action))
    }
    // Domain view: closed together with this instance.
    fn for_mailbox(&self, mailbox: &str) -> Rc<dyn Api> {
        Rc::new(Gated::new(self.api.for_mailbox(mailbox), self.open.clone()))
    }
}
