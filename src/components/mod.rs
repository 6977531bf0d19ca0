//! Components render state and send intents; they never build URLs or parse JSON.
//! One folder per feature, so the code each module carries shows in the tree: `plan` and
//! `blackberry` are the mailbox panels (in both builds), `domain` the domain view (only in
//! the build with the `domain` feature, `ox-panel-domain`), `shared` what more than one of
//! them uses. Each panel's decisions live in its pure state (`plan::state`,
//! `blackberry::state`, `domain::state`).

pub mod blackberry;
#[cfg(feature = "domain")]
pub mod domain;
pub mod plan;
pub mod shared;
