//! Components render state and send intents; they never build URLs or parse JSON.

pub mod bb_state;
pub mod blackberry_panel;
pub mod confirm_dialog;
pub mod device_card;
// Domain view: list, limits and bulk changes
pub mod domain;
pub mod domain_view;
pub mod ids;
pub mod load_failure;
pub mod plan_state;
pub mod slot;
pub mod webmail_panel;
