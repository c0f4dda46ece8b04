//! The catalogue of stable diagnosis codes. Every verdict and warning has one snake_case
//! [`Code`], defined here once, with a title, a cause and a fix in English and Russian.
//! The wizard, the CLI's JSON and reports all speak these codes. The entries live by subject:
//! reaching Jira (`reachability.rs`), the credential (`credential.rs`), what a working credential
//! may do (`access.rs`), a token's life and one-click creation (`token.rs`), and the warnings
//! about the address, the deployment and what was typed (`warnings.rs`).

mod access;
mod credential;
mod reachability;
mod token;
mod warnings;

use crate::i18n::{L10n, Text};
use serde::{Deserialize, Serialize};

/// Whether a code ends a token test (verdict) or travels beside one (warning).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Verdict,
    Warning,
    /// What creating a personal access token came to (`src/pat/`).
    #[serde(rename = "pat_creation")]
    PatCreation,
}

/// A stable diagnosis code. The serde name is the public code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    // Verdicts.
    Ok,
    NotJira,
    Unreachable,
    Timeout,
    CredentialsRejected,
    PasswordNotAccepted,
    TokenNotRecognized,
    PatNotSupported,
    PatNotAcceptedAsPassword,
    WrongAuthMethod,
    ScopedTokenNeedsGateway,
    CaptchaRequired,
    BasicAuthDisabled,
    SsoLoginPage,
    AccountInactive,
    UserMismatch,
    RateLimited,
    MissingPermissions,
    ProjectNotFound,
    ServerError,
    UnexpectedResponse,
    TargetNotSupported,
    ScopeMismatch,
    IpNotAllowed,
    BlockedByProxy,
    ProxyAuthRequired,
    EdgeNotFound,
    // Warnings.
    BaseUrlMismatch,
    ServerInfoNeedsLogin,
    ServerInfoUnavailable,
    VersionUnknown,
    HostPermissionNeeded,
    LoginRedirect,
    TechnicalUserIsYou,
    WorksViaGateway,
    LoginLooksLikeEmail,
    LoginNotAnEmail,
    UrlNormalized,
    CustomDomain,
    TokenExpiresSoon,
    DiffersFromServer,
    CloudIdMismatch,
    BaseUrlOtherHost,
    // One-click personal access token.
    PatCreated,
    PatLimitReached,
    PatNotLoggedIn,
    PatDisabled,
    PatXsrfRejected,
    PatRequestInvalid,
    // Added later; the order of variants is the order reports sort codes in.
    SecretNotAToken,
    TransportFailed,
    TlsUntrusted,
    SecretWhitespace,
    InsecureHttp,
    CloudSiteElsewhere,
    BasicAuthOffByDefault,
    ClientCredentialsRejected,
    ServiceAccountNoAccess,
    ClientScopesMissing,
    TokenEndpointMissing,
    ClientCredentialsNotSupported,
    EndpointRemoved,
    MovedToCloud,
    TokenExpired,
    RedirectsToCloud,
}

impl Code {
    /// Every code, for catalogue-wide tests and the UI's code list.
    pub const ALL: &'static [Code] = &[
        Code::Ok,
        Code::NotJira,
        Code::Unreachable,
        Code::Timeout,
        Code::CredentialsRejected,
        Code::PasswordNotAccepted,
        Code::TokenNotRecognized,
        Code::PatNotSupported,
        Code::PatNotAcceptedAsPassword,
        Code::WrongAuthMethod,
        Code::ScopedTokenNeedsGateway,
        Code::CaptchaRequired,
        Code::BasicAuthDisabled,
        Code::SsoLoginPage,
        Code::AccountInactive,
        Code::UserMismatch,
        Code::RateLimited,
        Code::MissingPermissions,
        Code::ProjectNotFound,
        Code::ServerError,
        Code::UnexpectedResponse,
        Code::TargetNotSupported,
        Code::ScopeMismatch,
        Code::IpNotAllowed,
        Code::BlockedByProxy,
        Code::ProxyAuthRequired,
        Code::EdgeNotFound,
        Code::BaseUrlMismatch,
        Code::ServerInfoNeedsLogin,
        Code::ServerInfoUnavailable,
        Code::VersionUnknown,
        Code::HostPermissionNeeded,
        Code::LoginRedirect,
        Code::TechnicalUserIsYou,
        Code::WorksViaGateway,
        Code::LoginLooksLikeEmail,
        Code::LoginNotAnEmail,
        Code::UrlNormalized,
        Code::CustomDomain,
        Code::TokenExpiresSoon,
        Code::DiffersFromServer,
        Code::CloudIdMismatch,
        Code::BaseUrlOtherHost,
        Code::PatCreated,
        Code::PatLimitReached,
        Code::PatNotLoggedIn,
        Code::PatDisabled,
        Code::PatXsrfRejected,
        Code::PatRequestInvalid,
        Code::SecretNotAToken,
        Code::TransportFailed,
        Code::TlsUntrusted,
        Code::SecretWhitespace,
        Code::InsecureHttp,
        Code::CloudSiteElsewhere,
        Code::BasicAuthOffByDefault,
        Code::ClientCredentialsRejected,
        Code::ServiceAccountNoAccess,
        Code::ClientScopesMissing,
        Code::TokenEndpointMissing,
        Code::ClientCredentialsNotSupported,
        Code::EndpointRemoved,
        Code::MovedToCloud,
        Code::TokenExpired,
        Code::RedirectsToCloud,
    ];

    /// The public snake_case code, e.g. `"base_url_mismatch"`.
    pub fn as_str(self) -> &'static str {
        self.entry().code
    }

    pub fn kind(self) -> Kind {
        self.entry().kind
    }

    /// The catalogue entry.
    pub fn entry(self) -> &'static Entry {
        match self {
            Code::Ok => &access::OK,
            Code::NotJira => &reachability::NOT_JIRA,
            Code::Unreachable => &reachability::UNREACHABLE,
            Code::Timeout => &reachability::TIMEOUT,
            Code::CredentialsRejected => &credential::CREDENTIALS_REJECTED,
            Code::PasswordNotAccepted => &credential::PASSWORD_NOT_ACCEPTED,
            Code::TokenNotRecognized => &credential::TOKEN_NOT_RECOGNIZED,
            Code::PatNotSupported => &credential::PAT_NOT_SUPPORTED,
            Code::PatNotAcceptedAsPassword => &credential::PAT_NOT_ACCEPTED_AS_PASSWORD,
            Code::WrongAuthMethod => &credential::WRONG_AUTH_METHOD,
            Code::ScopedTokenNeedsGateway => &credential::SCOPED_TOKEN_NEEDS_GATEWAY,
            Code::CaptchaRequired => &credential::CAPTCHA_REQUIRED,
            Code::BasicAuthDisabled => &credential::BASIC_AUTH_DISABLED,
            Code::SsoLoginPage => &credential::SSO_LOGIN_PAGE,
            Code::AccountInactive => &credential::ACCOUNT_INACTIVE,
            Code::UserMismatch => &access::USER_MISMATCH,
            Code::RateLimited => &reachability::RATE_LIMITED,
            Code::MissingPermissions => &access::MISSING_PERMISSIONS,
            Code::ProjectNotFound => &access::PROJECT_NOT_FOUND,
            Code::ServerError => &reachability::SERVER_ERROR,
            Code::UnexpectedResponse => &reachability::UNEXPECTED_RESPONSE,
            Code::BaseUrlMismatch => &warnings::BASE_URL_MISMATCH,
            Code::ServerInfoNeedsLogin => &warnings::SERVER_INFO_NEEDS_LOGIN,
            Code::ServerInfoUnavailable => &warnings::SERVER_INFO_UNAVAILABLE,
            Code::VersionUnknown => &warnings::VERSION_UNKNOWN,
            Code::HostPermissionNeeded => &warnings::HOST_PERMISSION_NEEDED,
            Code::LoginRedirect => &warnings::LOGIN_REDIRECT,
            Code::TechnicalUserIsYou => &warnings::TECHNICAL_USER_IS_YOU,
            Code::CloudIdMismatch => &warnings::CLOUD_ID_MISMATCH,
            Code::BaseUrlOtherHost => &warnings::BASE_URL_OTHER_HOST,
            Code::PatCreated => &token::PAT_CREATED,
            Code::PatLimitReached => &token::PAT_LIMIT_REACHED,
            Code::PatNotLoggedIn => &token::PAT_NOT_LOGGED_IN,
            Code::PatDisabled => &token::PAT_DISABLED,
            Code::PatXsrfRejected => &token::PAT_XSRF_REJECTED,
            Code::PatRequestInvalid => &token::PAT_REQUEST_INVALID,
            Code::TargetNotSupported => &access::TARGET_NOT_SUPPORTED,
            Code::SecretNotAToken => &credential::SECRET_NOT_A_TOKEN,
            Code::TransportFailed => &reachability::TRANSPORT_FAILED,
            Code::TlsUntrusted => &reachability::TLS_UNTRUSTED,
            Code::SecretWhitespace => &credential::SECRET_WHITESPACE,
            Code::InsecureHttp => &reachability::INSECURE_HTTP,
            Code::CloudSiteElsewhere => &reachability::CLOUD_SITE_ELSEWHERE,
            Code::ScopeMismatch => &access::SCOPE_MISMATCH,
            Code::IpNotAllowed => &reachability::IP_NOT_ALLOWED,
            Code::BlockedByProxy => &reachability::BLOCKED_BY_PROXY,
            Code::ProxyAuthRequired => &reachability::PROXY_AUTH_REQUIRED,
            Code::EdgeNotFound => &reachability::EDGE_NOT_FOUND,
            Code::WorksViaGateway => &token::WORKS_VIA_GATEWAY,
            Code::LoginLooksLikeEmail => &warnings::LOGIN_LOOKS_LIKE_EMAIL,
            Code::LoginNotAnEmail => &warnings::LOGIN_NOT_AN_EMAIL,
            Code::UrlNormalized => &warnings::URL_NORMALIZED,
            Code::CustomDomain => &warnings::CUSTOM_DOMAIN,
            Code::TokenExpiresSoon => &token::TOKEN_EXPIRES_SOON,
            Code::DiffersFromServer => &warnings::DIFFERS_FROM_SERVER,
            Code::BasicAuthOffByDefault => &credential::BASIC_AUTH_OFF_BY_DEFAULT,
            Code::ClientCredentialsRejected => &credential::CLIENT_CREDENTIALS_REJECTED,
            Code::ServiceAccountNoAccess => &access::SERVICE_ACCOUNT_NO_ACCESS,
            Code::ClientScopesMissing => &access::CLIENT_SCOPES_MISSING,
            Code::TokenEndpointMissing => &token::TOKEN_ENDPOINT_MISSING,
            Code::ClientCredentialsNotSupported => &access::CLIENT_CREDENTIALS_NOT_SUPPORTED,
            Code::EndpointRemoved => &access::ENDPOINT_REMOVED,
            Code::MovedToCloud => &credential::MOVED_TO_CLOUD,
            Code::TokenExpired => &token::TOKEN_EXPIRED,
            Code::RedirectsToCloud => &warnings::REDIRECTS_TO_CLOUD,
        }
    }

    /// A notice for this code with `{name}` placeholders filled in all texts.
    pub fn notice(self, vars: &[(&str, &str)]) -> Notice {
        let e = self.entry();
        Notice {
            code: self,
            kind: e.kind,
            title: e.title.fill(vars),
            cause: e.cause.fill(vars),
            fix: e.fix.fill(vars),
        }
    }
}

const fn entry(code: &'static str, kind: Kind, title: L10n, cause: L10n, fix: L10n) -> Entry {
    Entry {
        code,
        kind,
        title,
        cause,
        fix,
    }
}

/// A verdict's entry: the one conclusion of a token test.
const fn verdict(code: &'static str, title: L10n, cause: L10n, fix: L10n) -> Entry {
    entry(code, Kind::Verdict, title, cause, fix)
}

/// A warning's entry: a finding that travels beside a verdict.
const fn warning(code: &'static str, title: L10n, cause: L10n, fix: L10n) -> Entry {
    entry(code, Kind::Warning, title, cause, fix)
}

/// What creating a personal access token came to.
const fn pat_creation(code: &'static str, title: L10n, cause: L10n, fix: L10n) -> Entry {
    entry(code, Kind::PatCreation, title, cause, fix)
}

/// One catalogue entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub code: &'static str,
    pub kind: Kind,
    pub title: L10n,
    pub cause: L10n,
    pub fix: L10n,
}

/// A code with its texts filled for one situation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Notice {
    pub code: Code,
    pub kind: Kind,
    pub title: Text,
    pub cause: Text,
    pub fix: Text,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// README's list of codes and the catalogue agree, both ways.
    #[test]
    fn readme_lists_every_code() {
        let readme = include_str!("../../README.md");
        let section = readme
            .split("### Diagnosis codes")
            .nth(1)
            .and_then(|s| s.split("\n## ").next())
            .unwrap_or_default();
        let listed: std::collections::BTreeSet<&str> = section
            .split('`')
            .skip(1)
            .step_by(2)
            .filter(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .collect();
        let all: std::collections::BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(listed, all);
    }

    #[test]
    fn every_code_has_matching_name_and_both_languages() {
        let mut seen = std::collections::BTreeSet::new();
        for &code in Code::ALL {
            let e = code.entry();
            let serde_name = serde_json::to_value(code).unwrap_or_default();
            assert_eq!(serde_name.as_str(), Some(e.code), "{code:?}");
            assert!(seen.insert(e.code), "duplicate code {}", e.code);
            for text in [e.title, e.cause, e.fix] {
                assert!(!text.en.trim().is_empty(), "{} has empty English", e.code);
                assert!(!text.ru.trim().is_empty(), "{} has empty Russian", e.code);
                assert!(
                    text.ru
                        .chars()
                        .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c))),
                    "{}: Russian text has no Cyrillic: {}",
                    e.code,
                    text.ru
                );
            }
        }
    }
}
