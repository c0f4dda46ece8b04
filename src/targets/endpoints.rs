//! The read-only REST endpoints an integration may call, which the token test can ask with the
//! credential (`probe::endpoints` reads the answers), and the shape of a profile's list.

/// A read-only REST endpoint an integration may call, asked by the token test with the
/// credential to see that Jira still serves it (a 410 says it was removed, facts §7.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Endpoint {
    /// Stable name: the profiles', the CLI's `--calls` and the check input's `calls`.
    pub id: &'static str,
    /// What the integration calls, for the texts (`GET /rest/api/2/search`).
    pub shown: &'static str,
    /// Path after the REST base with a query that makes it cheap (one result, one field).
    pub path: &'static str,
    /// What to call instead, when Jira removed it.
    pub replacement: &'static str,
    /// Where it exists at all: `/rest/api/3` only on Cloud (facts §1.1).
    pub cloud: bool,
    pub self_managed: bool,
}

/// Every endpoint the token test can ask. Cloud removed `GET /rest/api/2|3/search` (410 Gone,
/// "Please migrate to the /rest/api/3/search/jql API", Atlassian changelog CHANGE-2046; seen by
/// integrations since August 2025: jenkinsci/jira-plugin#741, dapplo/Dapplo.Jira#79,
/// QIntegration/Qualys-Jira-Connector#14, atlassian/homebrew-acli#48); Data Center keeps
/// `/rest/api/2/search`.
pub const ENDPOINTS: &[Endpoint] = &[
    Endpoint {
        id: "search-v2",
        shown: "GET /rest/api/2/search",
        path: "/rest/api/2/search?maxResults=1&fields=id",
        replacement: "GET /rest/api/3/search/jql",
        cloud: true,
        self_managed: true,
    },
    Endpoint {
        id: "search-v3",
        shown: "GET /rest/api/3/search",
        path: "/rest/api/3/search?maxResults=1&fields=id",
        replacement: "GET /rest/api/3/search/jql",
        cloud: true,
        self_managed: false,
    },
    Endpoint {
        id: "search-jql",
        shown: "GET /rest/api/3/search/jql",
        // A bounded JQL: /search/jql refuses an unbounded one with 400 (facts §7.1).
        path: "/rest/api/3/search/jql?jql=created%20%3E%3D%20-1d&maxResults=1&fields=id",
        replacement: "",
        cloud: true,
        self_managed: false,
    },
];

/// The endpoints a profile's integration calls, by hosting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Calls {
    pub cloud: &'static [&'static str],
    pub self_managed: &'static [&'static str],
}

/// The endpoint named `id`.
pub fn endpoint(id: &str) -> Option<&'static Endpoint> {
    ENDPOINTS.iter().find(|e| e.id == id)
}

/// The endpoints a profile names. No vendor publishes which Jira endpoints its connector calls
/// (none of ELMA365's, AvePoint's or Deviniti's pages does, December 2026), and naming the
/// search every integration makes in its current form would add a request to every test for a
/// check that cannot fail today: so the profiles name none until a source does, and an
/// integration known to call an older endpoint — its log shows Jira's 410 — is named with the
/// check input's `calls` (the CLI's `--calls search-v2`).
pub(super) const UNKNOWN: Calls = Calls {
    cloud: &[],
    self_managed: &[],
};
