//! Components render state and send intents; they never build URLs or parse JSON.
//! Each panel's decisions live in its pure state (`plan_state`, `bb_state`).

pub mod bb_actions;
pub mod bb_confirm;
pub mod bb_result;
pub mod bb_state;
pub mod bb_status;
pub mod blackberry_panel;
pub mod confirm_dialog;
pub mod device_card;
// Domain view: list, limits and bulk changes
pub mod domain;
pub mod domain_view;
pub mod ids;
pub mod load_failure;
pub mod plan_current;
pub mod plan_form;
pub mod plan_option;
pub mod plan_state;
pub mod reads;
pub mod server_words;
pub mod slot;
pub mod webmail_panel;
