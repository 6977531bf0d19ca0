//! The BlackBerry panel: its pure state, the device, the actions and their confirmation.

pub mod actions;
pub mod confirm;
pub mod confirm_dialog;
pub mod device_card;
pub mod panel;
pub mod result;
pub mod state;
pub mod status;
