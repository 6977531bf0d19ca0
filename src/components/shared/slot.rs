//! One read of a panel: pending, answered, failed, or not asked for.

use std::rc::Rc;

use ox_core::error::ApiError;

/// One read of the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Slot<T> {
    Pending,
    Ready(T),
    Failed(Rc<ApiError>),
    /// Not asked for (e.g. counts when no type has a limit).
    NotNeeded,
}

impl<T> Slot<T> {
    pub fn ready(&self) -> Option<&T> {
        match self {
            Slot::Ready(v) => Some(v),
            _ => None,
        }
    }

    pub fn failed(&self) -> Option<&Rc<ApiError>> {
        match self {
            Slot::Failed(e) => Some(e),
            _ => None,
        }
    }

    pub fn from_result(result: Result<T, ApiError>) -> Self {
        match result {
            Ok(v) => Slot::Ready(v),
            Err(e) => Slot::Failed(Rc::new(e)),
        }
    }
}
