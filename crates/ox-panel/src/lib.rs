//! `ox-panel.js`: the app without its `domain` feature, the module the mailbox page loads.
//! It adds nothing of its own: the app's exports (`mount`, `mountStandalone`,
//! `checkConfig`, …) are its exports.

pub use ox_panel::*;
