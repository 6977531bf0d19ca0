//! Credentials: the `Authorization` header value must be one of the fixture's
//! `credentials`; its role decides which upgrade rules bind the request, and a
//! credential bound to one account is refused on every other account's paths.
//! The header value is never logged, echoed or stored.

use axum::{extract::FromRequestParts, http::header, http::request::Parts};
use ox_core::rules::Role;

use crate::{error::ApiError, state::AppState};

/// Who is calling, as the fixture's credentials say.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The caller's role.
    pub role: Role,
    /// The only account the caller may use, if bound.
    pub account: Option<String>,
}

impl Caller {
    /// Refuses (401) a caller bound to another account.
    pub fn check_account(&self, account: &str) -> Result<(), ApiError> {
        match &self.account {
            Some(bound) if bound != account => Err(ApiError::Unauthorized(
                "These credentials do not give access to this account",
            )),
            _ => Ok(()),
        }
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let value = parts
            .headers
            .get(header::AUTHORIZATION)
            .ok_or(ApiError::Unauthorized("Authorization required"))?;
        let value = value
            .to_str()
            .map_err(|_| ApiError::Unauthorized("The supplied credentials are invalid"))?;
        let data = state.data();
        let credential = data.credentials.get(value).ok_or(ApiError::Unauthorized(
            "The supplied credentials are invalid",
        ))?;
        Ok(Caller {
            role: credential.role(),
            account: credential.account().map(str::to_owned),
        })
    }
}
