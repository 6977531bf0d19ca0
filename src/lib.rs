//! ox-panel: the OpenXchange plan and BlackBerry panel as an embeddable Yew module.
//!
//! Layout: `ox_core` holds everything pure (types, rules, URLs, errors); `api` is the one
//! module that speaks HTTP; `components` render state and send intents; `entry` is the
//! single way in (`mount`), which the standalone page uses too.

pub mod api;
pub mod app;
pub mod components;
pub mod config_source;
pub mod entry;
pub mod events;
pub mod format;
pub mod host;
pub mod host_listeners;
pub mod i18n;
pub mod perf;

pub use entry::{mount, mount_standalone, MountHandle};
