//! The typed API boundary. Components see only [`Api`]; the HTTP details live in
//! [`http`], and tests substitute a fake.

pub mod gated;
pub mod http;

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use ox_core::error::ApiError;
use ox_core::types::{
    BlackberryAction, BlackberryStatistics, BlackberryStatus, MailboxInfo, UsernamesList,
    UsernamesQuery, WebmailLimits, WebmailNames, WebmailSettings, WebmailUpdate,
};

/// A boxed future, because components hold the client as `Rc<dyn Api>`.
pub type ApiFuture<T> = Pin<Box<dyn Future<Output = Result<T, ApiError>>>>;

/// Every call the panels make, bound to the mailbox of one mounted instance.
pub trait Api {
    fn webmail(&self) -> ApiFuture<WebmailSettings>;
    fn webmail_names(&self) -> ApiFuture<WebmailNames>;
    fn webmail_limits(&self) -> ApiFuture<WebmailLimits>;
    fn mailbox(&self) -> ApiFuture<MailboxInfo>;
    fn usernames(&self, query: UsernamesQuery) -> ApiFuture<UsernamesList>;
    /// Sends the PUT once; never retried here or anywhere else.
    fn put_webmail(&self, update: WebmailUpdate) -> ApiFuture<()>;
    fn blackberry_status(&self) -> ApiFuture<BlackberryStatus>;
    fn blackberry_statistics(&self) -> ApiFuture<BlackberryStatistics>;
    /// Sends the action once; destructive actions are never retried.
    fn blackberry_action(&self, action: BlackberryAction) -> ApiFuture<()>;
    // Domain view
    /// The same client (credentials, timeout, open state) bound to another mailbox of
    /// the domain, whose BlackBerry user is that mailbox too.
    fn for_mailbox(&self, mailbox: &str) -> Rc<dyn Api>;
}

// Domain view: a shared client is a client, so wrappers can hold `Rc<dyn Api>`.
impl<T: Api + ?Sized> Api for Rc<T> {
    fn webmail(&self) -> ApiFuture<WebmailSettings> {
        (**self).webmail()
    }
    fn webmail_names(&self) -> ApiFuture<WebmailNames> {
        (**self).webmail_names()
    }
    fn webmail_limits(&self) -> ApiFuture<WebmailLimits> {
        (**self).webmail_limits()
    }
    fn mailbox(&self) -> ApiFuture<MailboxInfo> {
        (**self).mailbox()
    }
    fn usernames(&self, query: UsernamesQuery) -> ApiFuture<UsernamesList> {
        (**self).usernames(query)
    }
    fn put_webmail(&self, update: WebmailUpdate) -> ApiFuture<()> {
        (**self).put_webmail(update)
    }
    fn blackberry_status(&self) -> ApiFuture<BlackberryStatus> {
        (**self).blackberry_status()
    }
    fn blackberry_statistics(&self) -> ApiFuture<BlackberryStatistics> {
        (**self).blackberry_statistics()
    }
    fn blackberry_action(&self, action: BlackberryAction) -> ApiFuture<()> {
        (**self).blackberry_action(action)
    }
    fn for_mailbox(&self, mailbox: &str) -> Rc<dyn Api> {
        (**self).for_mailbox(mailbox)
    }
}
