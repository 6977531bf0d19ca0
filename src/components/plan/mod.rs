//! The OX plan panel: its pure state and the views that render it.

pub mod current;
pub mod form;
pub mod option;
pub mod panel;
pub mod state;
