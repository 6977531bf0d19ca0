//! `ox-panel-domain.js`: the app with its `domain` feature, the second of the bundle's two
//! modules. It adds nothing of its own: the app's exports (`mount`, `mountStandalone`,
//! `checkConfig`, …) are its exports, so a loader calls either module the same way.

pub use ox_panel::*;
