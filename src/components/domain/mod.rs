//! The domain view (`view`): its pure state (`nav`, `state`, `run`), the address
//! (`location`), and what it renders (`list`, `limits`, `bulk`, `opened`). Compiled only
//! with the `domain` feature: the mailbox page's module does not carry it.

pub mod bulk;
pub mod limits;
pub mod list;
pub mod location;
pub mod nav;
pub mod opened;
pub mod run;
pub mod state;
pub mod view;
