//! Help texts: the overview and one page per command.

use jira_token_wizard::auth_plan::CLOUD_GATEWAY;
use jira_token_wizard::http::DEFAULT_TIMEOUT_MS;
use jira_token_wizard::targets::Target;

/// The help text for `topic` (`None`: the overview).
pub fn help(topic: Option<&str>) -> String {
    let v = env!("CARGO_PKG_VERSION");
    match topic {
        Some("detect") => format!(
            "jira-token-wizard {v}\n\
             Tells whether a URL is Jira Cloud, Jira Server or Jira Data Center, with version,\n\
             base URL and the token to use. Sends only anonymous requests.\n\n\
             Usage: jira-token-wizard detect <URL> [options]\n\n\
             Options:\n  \
             --format text|json  output format (default text)\n  \
             --timeout SECS      per-request timeout in seconds (default {})\n  \
             --lang en|ru        language of the text output (default from LANG)\n  \
             --report FILE       also write a diagnostic report for the helpdesk (no secrets;\n                      \
             Markdown if FILE ends in .md, else JSON)\n  \
             --ca-cert FILE      also trust the CA certificates in this PEM file (besides the\n                      \
             system's trust store)\n  \
             -h, --help          this help\n\n\
             Exit status: 0 Jira, 1 not Jira or not reachable, 2 usage error (or a --report\n\
             file that cannot be written).\n",
            DEFAULT_TIMEOUT_MS / 1000
        ),
        Some("check") => format!(
            "jira-token-wizard {v}\n\
             Tests a credential against Jira: detects the deployment, signs in once with the\n\
             secret, checks the permissions the integration needs and explains any failure.\n\n\
             Usage: jira-token-wizard check <URL> --user <LOGIN> [options]\n\n\
             The secret (API token, personal access token, password or client secret) is\n\
             read from the JIRA_TOKEN environment variable, or with --token-stdin from the\n\
             first line of standard input. It is never accepted as an argument.\n\n\
             Options:\n  \
             --user LOGIN        e-mail (Cloud) or username (Server/Data Center);\n                      \
             not needed for a personal access token\n  \
             --auth METHOD       auto (default), api-token, pat, basic or client-credentials;\n                      \
             auto on Server/Data Center sends a secret not shaped like a\n                      \
             personal access token (44 characters) as the --user's password\n  \
             --client-id ID      with --auth client-credentials: a service account's OAuth 2.0\n                      \
             client id; its client secret is the secret (JIRA_TOKEN or\n                      \
             --token-stdin). The secret is exchanged for an access token\n                      \
             (Cloud: auth.atlassian.com/oauth/token, then Bearer through the\n                      \
             gateway; Data Center 11: <URL>/rest/oauth2/latest/token, then\n                      \
             Bearer to <URL>/rest/api/2); neither is ever shown\n  \
             --for TARGET        what the credential is for: {targets} (default generic)\n  \
             --project KEY       check project permissions in this project\n  \
             --gateway URL       Atlassian's gateway, asked when a Cloud site refuses an API\n                      \
             token (scoped tokens work only there; default {gateway})\n  \
             --no-gateway        never send the credential to the gateway (even one named by\n                      \
             --gateway): the verdict is what the site alone says\n  \
             --now TIME          judge token expiry as of this RFC 3339 time (default: now)\n  \
             --expires-on DATE   the expiry date you noted for this token (YYYY-MM-DD): a Cloud\n                      \
             refusal on or after it is token_expired, not a wrong token\n  \
             --calls ID,...      endpoints the integration is known to call, asked with the\n                      \
             credential (search-v2, search-v3, search-jql): endpoint_removed\n                      \
             names one Jira removed\n  \
             --token-stdin       read the secret from the first line of standard input\n  \
             --format text|json  output format (default text)\n  \
             --timeout SECS      per-request timeout in seconds (default {secs})\n  \
             --lang en|ru        language of the text output (default from LANG)\n  \
             --report FILE       also write a diagnostic report for the helpdesk (no secrets;\n                      \
             Markdown if FILE ends in .md, else JSON)\n  \
             --ca-cert FILE      also trust the CA certificates in this PEM file (besides the\n                      \
             system's trust store)\n  \
             -h, --help          this help\n\n\
             Exit status: 0 the credential works, 1 it does not (or Jira is not reachable),\n\
             2 usage error (including a missing secret, or a --report file that cannot be\n\
             written).\n",
            targets = target_names(),
            gateway = CLOUD_GATEWAY,
            secs = DEFAULT_TIMEOUT_MS / 1000
        ),
        Some("fleet") => format!(
            "jira-token-wizard {v}\n\
             Tests many connections at once, as check tests one, and prints a table: name,\n\
             status, verdict, days to the token's expiry, who answered.\n\n\
             Usage: jira-token-wizard fleet <FILE> [options]\n\n\
             FILE is TOML, one [[connection]] table per connection. The secrets are never in\n\
             it: each names the environment variable that holds its secret.\n\n  \
             [[connection]]\n  \
             name = \"ELMA365 production\"      # required, unique\n  \
             url = \"https://jira.example.com\" # required\n  \
             login = \"svc-elma\"               # as check's --user (empty for a PAT)\n  \
             target = \"elma365\"               # optional, default generic (targets below)\n  \
             auth = \"pat\"                     # optional: auto (default), api-token, pat, basic,\n                                   \
             # client-credentials (login = the client id)\n  \
             secret_env = \"ELMA_JIRA_TOKEN\"   # required: the variable holding the secret\n\n\
             Targets: {targets}.\n\n\
             A connection whose entry is malformed or whose variable is unset gets its own\n\
             error; the others are still tested.\n\n\
             Options:\n  \
             --format text|json      output format (default text); JSON lists the\n                          \
             connections in the file's order\n  \
             --parallel N            connections tested at once, 1 to {max} (default {parallel})\n  \
             --expiring-within DAYS  a working token that expires within DAYS days fails\n  \
             --now TIME              judge token expiry as of this RFC 3339 time (default: now)\n  \
             --timeout SECS          per-request timeout in seconds (default {secs})\n  \
             --lang en|ru            language of the text output (default from LANG)\n  \
             --ca-cert FILE          also trust the CA certificates in this PEM file (besides\n                          \
             the system's trust store)\n  \
             -h, --help              this help\n\n\
             Progress goes to standard error: a bar on a terminal, else a line per connection.\n\n\
             Exit status: 0 every connection works, 1 any does not (or is not tested, or\n\
             expires within --expiring-within), 2 usage error (the file unreadable, not TOML,\n\
             without a connection, or with a name twice).\n",
            targets = target_names(),
            max = crate::cli::args::MAX_PARALLEL,
            parallel = crate::cli::args::DEFAULT_PARALLEL,
            secs = DEFAULT_TIMEOUT_MS / 1000
        ),
        _ => format!(
            "jira-token-wizard {v}\n\
             Detects Jira Cloud / Server / Data Center and guides you to the right token.\n\n\
             Usage: jira-token-wizard <command> [options]\n\n\
             Commands:\n  \
             detect <URL>   what runs at URL, and which token to make\n  \
             check <URL>    test a token or password (secret in JIRA_TOKEN)\n  \
             fleet <FILE>   test many connections listed in a TOML file\n  \
             help [COMMAND] help for a command\n\n\
             Options:\n  \
             -h, --help     this help\n  \
             -V, --version  print the version\n"
        ),
    }
}

/// Every `--for` value, comma-separated, in menu order.
pub fn target_names() -> String {
    Target::ALL
        .iter()
        .map(|t| t.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}
