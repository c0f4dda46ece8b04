//! What the token test asks, round by round: the first batch (the credential on `/myself`
//! and what goes beside it), the second (the permissions, projects and endpoints once the
//! credential is known to work, or the gateway), each request built with its `Authorization`.

use super::*;

impl ProbeFlow {
    pub(super) fn authed(&self, id: &str, url: String, scheme: Scheme) -> HttpRequest {
        let mut req = HttpRequest::get(id, url, self.input.timeout_ms);
        req.headers.push((
            "Authorization".into(),
            scheme.header(&self.input.login, &self.input.secret),
        ));
        req
    }

    pub(super) fn permissions_url(&self, base: &str) -> String {
        let mut query = Vec::new();
        if let Some(p) = &self.input.project {
            query.push(format!("projectKey={p}"));
        }
        // facts §5.1: Cloud requires `permissions=`; DC returns all and takes no such param.
        if self.is_cloud() {
            let keys: Vec<&str> = self
                .plan
                .required
                .iter()
                .map(String::as_str)
                .filter(|k| *k != "USE" && k.chars().all(|c| c.is_ascii_uppercase() || c == '_'))
                .collect();
            let keys = if keys.is_empty() {
                vec!["BROWSE_PROJECTS"]
            } else {
                keys
            };
            query.push(format!("permissions={}", keys.join(",")));
        }
        let q = if query.is_empty() {
            String::new()
        } else {
            format!("?{}", query.join("&"))
        };
        urls::join(base, &format!("/rest/api/2/mypermissions{q}"))
    }

    pub(super) fn first_batch(&self) -> Vec<HttpRequest> {
        if !self.will_send() {
            return Vec::new();
        }
        if self.client_credentials() {
            return client_credentials::first_batch(self);
        }
        let mut batch = vec![self.authed(
            MYSELF,
            urls::join(&self.base, "/rest/api/2/myself"),
            self.plan.scheme,
        )];
        if !self.serial() {
            batch.extend(self.access_requests());
        }
        // facts §3.3: the caller's own tokens with `expiringAt`; harmless if the PAT is bad
        // (anonymous → 401). Sent with the test, so it costs no round trip.
        if self.plan.scheme == Scheme::Bearer && self.pat_possible() {
            batch.push(self.authed(
                PAT_TOKENS,
                urls::join(&self.base, "/rest/pat/latest/tokens"),
                Scheme::Bearer,
            ));
        }
        if self.is_cloud() && self.input.gateway.is_some() && self.deployment().cloud_id.is_none() {
            let origin = urls::parse_http(&self.base)
                .map(|u| urls::origin(&u))
                .unwrap_or_default();
            batch.push(HttpRequest::get(
                TENANT_INFO,
                urls::join(&origin, "/_edge/tenant_info"),
                self.input.timeout_ms,
            ));
        }
        batch
    }

    pub(super) fn second_batch(&self) -> Vec<HttpRequest> {
        if self.client_credentials() {
            return client_credentials::second_batch(self);
        }
        let Some(Exchange::Response(me)) = self.answers.get(MYSELF) else {
            return Vec::new();
        };
        let mut batch = Vec::new();
        let myself_url = urls::join(&self.base, "/rest/api/2/myself");
        if me.redirect && me.header("location").is_none() {
            // The browser hides an opaque redirect's target: ask again without credentials.
            let mut req = HttpRequest::get(
                MYSELF_UNAUTHENTICATED,
                myself_url.clone(),
                self.input.timeout_ms,
            );
            req.follow_redirects = true;
            batch.push(req);
        }
        // Only a rejected password can be a PAT in disguise; AUTHORISATION_FAILED means the
        // password was right but the account may not use Jira (facts §4.2).
        let password_rejected = me.status == 401
            && !me
                .header("x-seraph-loginreason")
                .is_some_and(|r| r.contains("AUTHORISATION_FAILED"));
        // A secret no token could be (Cyrillic, spaces, …) is never retried as Bearer.
        if password_rejected
            && self.plan.scheme == Scheme::Basic
            && self.pat_possible()
            && self.input.secret.could_be_token()
        {
            batch.push(self.authed(MYSELF_BEARER, myself_url, Scheme::Bearer));
        }
        if gateway::worth_asking(self, me) {
            if let Some(base) = self.gateway_base() {
                batch.push(self.authed(
                    GATEWAY_MYSELF,
                    urls::join(&base, "/rest/api/2/myself"),
                    self.plan.scheme,
                ));
                batch.push(self.authed(
                    GATEWAY_MYPERMISSIONS,
                    self.permissions_url(&base),
                    self.plan.scheme,
                ));
                batch.push(self.authed(
                    GATEWAY_PROJECTS,
                    urls::join(&base, "/rest/api/2/project"),
                    self.plan.scheme,
                ));
            }
        }
        if self.serial() && JiraUser::from_response(me).is_some() {
            batch.extend(self.access_requests());
        }
        batch
    }

    /// What the account may do: its permissions, the projects it can browse, and the endpoints
    /// the integration calls (`endpoints.rs`) — one batch, so they cost no round trip of their own.
    pub(super) fn access_requests(&self) -> Vec<HttpRequest> {
        let projects = urls::join(&self.base, "/rest/api/2/project");
        let mut batch = vec![
            self.authed(
                MYPERMISSIONS,
                self.permissions_url(&self.base),
                self.plan.scheme,
            ),
            self.authed(PROJECTS, projects, self.plan.scheme),
        ];
        batch.extend(self.plan.endpoints.iter().map(|e| {
            self.authed(
                &format!("{ENDPOINT_PREFIX}{}", e.id),
                urls::join(&self.base, e.path),
                self.plan.scheme,
            )
        }));
        batch
    }
}
