//! Components render state and send intents; they never build URLs or parse JSON.

pub mod blackberry_panel;
pub mod domain_view;
pub mod ids;
pub mod load_failure;
pub mod plan_state;
pub mod webmail_panel;
