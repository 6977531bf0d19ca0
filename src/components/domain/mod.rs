//! The domain view's parts: its pure state (`nav`, `state`, `run`), the address
//! (`location`), and what it renders (`list`, `limits`, `bulk`, `opened`).

pub mod bulk;
pub mod limits;
pub mod list;
pub mod location;
pub mod nav;
pub mod opened;
pub mod run;
pub mod state;
