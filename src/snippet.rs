//! Ready-to-paste connection blocks, laid out like each target's own form (label → value),
//! plus JSON. Built from a [`CheckResult`]'s facts; the secret is never in a snippet: its field
//! holds [`SECRET_MASK`], which the popup replaces with the secret only when the user asks to
//! reveal it (the CLI never does).

use crate::deployment::Deployment;
use crate::i18n::{l, L10n, Lang, Text};
use crate::targets::Target;
use crate::urls;
use serde::{Deserialize, Serialize};

/// Stands for the secret in every snippet.
pub const SECRET_MASK: &str = "••••••••";
/// Shortest Issue Sync Local Authentication Key generated, in characters.
pub const MIN_KEY_CHARS: usize = 32;

/// One line of a connection form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SnippetField {
    /// Stable id, e.g. `"password"`, the JSON key.
    pub key: String,
    /// The label as the target's form shows it.
    pub label: Text,
    pub value: String,
    /// True when `value` is [`SECRET_MASK`].
    pub secret: bool,
    /// What to do with this field, when it needs saying.
    pub hint: Option<Text>,
    /// The form this field belongs to when a block spans two (Issue Sync: this Jira's and the
    /// other Jira's connection forms); `None` = the target's form. A heading precedes each
    /// change of group.
    pub group: Option<Text>,
}

/// A connection block for one target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Snippet {
    pub target: Target,
    pub title: Text,
    pub fields: Vec<SnippetField>,
    pub notes: Vec<Text>,
    /// The block as text, per language, secret masked.
    pub text: Text,
    /// `{ "target": …, "fields": { key: value } }` (fields in the form's order), secret masked.
    pub json: serde_json::Value,
}

/// What a snippet is built from.
#[derive(Debug, Clone)]
pub struct SnippetInput<'a> {
    pub target: Target,
    pub deployment: &'a Deployment,
    /// The login the integration should use: the one entered, or (a PAT entered without one)
    /// the account Jira named.
    pub login: &'a str,
    /// Random bytes for Issue Sync's Local Authentication Key (≥ 32 bytes).
    pub key_material: Option<&'a [u8]>,
    /// Jira's configured base URL differs from the address used.
    pub base_url_mismatch: bool,
    /// The URL the integration must use instead of the site's (the gateway, for a scoped
    /// token the site refuses, facts §3.2).
    pub base_url: Option<&'a str>,
    /// The tested personal access token's expiry, when Jira said it.
    pub token_expiry: Option<&'a crate::probe::TokenExpiry>,
    /// A service account's OAuth 2.0 client credentials, when those were tested: the block
    /// names the token endpoint and the client instead of a login (`base_url` is where the
    /// access token goes: the gateway on Cloud, the base on Data Center).
    pub client: Option<ClientFields>,
    /// The expiry date remembered for this connection, when there is one.
    pub remembered_expiry: Option<&'a crate::probe::RememberedExpiry>,
}

/// What an integration needs for OAuth 2.0 client credentials, besides the secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientFields {
    pub client_id: String,
    pub token_url: String,
    /// Cloud: the `audience` the token is asked for (`api.atlassian.com`).
    pub audience: Option<String>,
    /// Data Center: the `scope` asked for (`READ` / `WRITE`).
    pub scope: Option<String>,
}

fn field(key: &str, label: L10n, value: impl Into<String>) -> SnippetField {
    SnippetField {
        key: key.into(),
        label: label.text(),
        value: value.into(),
        secret: false,
        hint: None,
        group: None,
    }
}

fn secret(key: &str, label: L10n) -> SnippetField {
    SnippetField {
        secret: true,
        ..field(key, label, SECRET_MASK)
    }
}

fn hinted(mut f: SnippetField, hint: L10n) -> SnippetField {
    f.hint = Some(hint.text());
    f
}

/// Lower-case hex of the key material: 2 characters per byte (32 bytes → 64 characters).
pub fn authentication_key(material: &[u8]) -> String {
    material.iter().map(|b| format!("{b:02x}")).collect()
}

/// The connection block for `input.target`.
pub fn build(input: SnippetInput<'_>) -> Snippet {
    let d = input.deployment;
    let site = d
        // The origin that was (or will be) tested, not what the page or serverInfo says.
        .reached_base_url
        .clone()
        .or(d.base_url.clone())
        .unwrap_or_default();
    let base = input.base_url.map(str::to_string).unwrap_or(site.clone());
    let host = urls::parse_http(&site)
        .map(|u| u.host_str().to_string())
        .unwrap_or_default();
    let login = input.login.trim().to_string();
    let (title, fields) = match (input.target, &input.client) {
        (Target::Generic, Some(c)) => (
            l(
                "Jira connection — OAuth 2.0 client credentials",
                "Подключение к Jira — OAuth 2.0 client credentials",
            ),
            client_fields(c, &base),
        ),
        (Target::Generic, None) => (
            l("Jira connection", "Подключение к Jira"),
            vec![
                field("url", l("Jira URL", "URL Jira"), base.clone()),
                field("login", l("Login", "Логин"), login),
                secret("secret", l("Token or password", "Токен или пароль")),
            ],
        ),
        (Target::Elma365, _) => (
            l("ELMA365 — Jira connection", "ELMA365 — подключение к Jira"),
            vec![
                field(
                    "authType",
                    l("Authorization type", "Тип авторизации"),
                    "Basic Auth",
                ),
                field("server", l("Server", "Сервер"), base.clone()),
                field("login", l("Login", "Логин"), login),
                secret("password", l("Password", "Пароль")),
            ],
        ),
        (Target::AvepointBackup | Target::AvepointRestore, _) => (
            l(
                "AvePoint Cloud Backup — application connection",
                "AvePoint Cloud Backup — подключение приложения",
            ),
            vec![
                field(
                    "profileName",
                    l("Profile name", "Имя профиля"),
                    format!("Jira {host}"),
                ),
                field(
                    "description",
                    l("Description", "Описание"),
                    format!("Jira Cloud {host} — {}", input.target.as_str()),
                ),
                field("application", l("Application", "Приложение"), "Jira"),
                field("hostUrl", l("Host URL", "URL узла"), base.clone()),
                field("userEmail", l("User email", "E-mail пользователя"), login),
                secret("apiToken", l("API token", "API-токен")),
            ],
        ),
        (Target::IssueSync, _) => (
            l("Issue Sync — connection", "Issue Sync — подключение"),
            issue_sync_fields(&input, &host, &login, &site),
        ),
    };
    let mut notes: Vec<Text> = input
        .target
        .profile()
        .notes
        .iter()
        .map(L10n::text)
        .collect();
    if let Some(e) = input.token_expiry {
        notes.push(expiry_note(e));
    } else if let Some(e) = input.remembered_expiry {
        let t = &e.text;
        notes.push(Text::new(
            format!(
                "The token {}: replace it in the integration before then.",
                t.en
            ),
            format!("Токен {}: замените его в интеграции заранее.", t.ru),
        ));
    }
    notes.extend(gateway_note(&input));
    if input.base_url_mismatch && input.target == Target::IssueSync {
        notes.push(l(
            "Jira's configured base URL ({base}) differs from the address you use: if the other Jira must reach this one at another address, enter it under \"Alternative JIRA Server URL\".",
            "Базовый URL в настройках Jira ({base}) отличается от адреса, который вы используете: если другая Jira должна обращаться к этой по другому адресу, укажите его в «Alternative JIRA Server URL».",
        ).fill(&[("base", &base)]));
    }
    let title = title.text();
    let text = Text::new(
        render(&title, &fields, Lang::En),
        render(&title, &fields, Lang::Ru),
    );
    let json = serde_json::json!({
        "target": input.target,
        "fields": fields
            .iter()
            .map(|f| (f.key.clone(), serde_json::Value::from(f.value.clone())))
            .collect::<serde_json::Map<_, _>>(),
    });
    Snippet {
        target: input.target,
        title,
        fields,
        notes,
        text,
        json,
    }
}

/// On Cloud, what the block's address could also be: Atlassian's gateway form, where the
/// integration's form takes it (`Profile::gateway_form`), or why it must stay the site's.
/// Nothing when the block already gives the gateway or client credentials were tested.
fn gateway_note(input: &SnippetInput) -> Option<Text> {
    let d = input.deployment;
    if d.hosting != Some(crate::deployment::Hosting::Cloud)
        || input.base_url.is_some()
        || input.client.is_some()
    {
        return None;
    }
    let cloud_id = d.cloud_id.as_deref()?;
    let family = d
        .cloud_family
        .unwrap_or(crate::urls::family::Family::Commercial);
    let gateway = format!("{}/ex/jira/{cloud_id}", family.gateway());
    let profile = input.target.profile();
    let text = match profile.gateway_form() {
        crate::targets::GatewayForm::Takes => l(
            "The address may also be Atlassian's gateway {gateway}: Atlassian advises it for API clients (the site's address can answer with the edge's 404s or a CAPTCHA), and a token with scopes works only there.",
            "Адресом может быть и шлюз Atlassian {gateway}: Atlassian советует его для API-клиентов (адрес сайта может отвечать 404 от периметра или CAPTCHA), а токен с областями (scopes) работает только там.",
        ),
        crate::targets::GatewayForm::SiteOnly => l(
            "{target} needs the site's own address (…atlassian.net), not Atlassian's gateway {gateway}: so its token must be one without scopes.",
            "{target} нужен собственный адрес сайта (…atlassian.net), а не шлюз Atlassian {gateway}: поэтому токен для неё должен быть без областей (scopes).",
        ),
    };
    let t = text.fill(&[("gateway", &gateway)]);
    Some(Text::new(
        t.en.replace("{target}", profile.name.en),
        t.ru.replace("{target}", profile.name.ru),
    ))
}

/// The client-credentials block: where the token is asked for, with what, and where it goes.
fn client_fields(c: &ClientFields, base: &str) -> Vec<SnippetField> {
    let mut fields = vec![
        field(
            "url",
            l("Jira REST address (Bearer)", "Адрес REST API Jira (Bearer)"),
            base,
        ),
        field(
            "tokenUrl",
            l("Token URL", "URL получения токена"),
            c.token_url.clone(),
        ),
        field("clientId", l("Client ID", "Client ID"), c.client_id.clone()),
        secret("clientSecret", l("Client secret", "Client secret")),
        field(
            "grantType",
            l("Grant type", "Тип гранта"),
            "client_credentials",
        ),
    ];
    if let Some(a) = &c.audience {
        fields.push(field("audience", l("Audience", "Audience"), a.clone()));
    }
    if let Some(s) = &c.scope {
        fields.push(field("scope", l("Scope", "Scope (область)"), s.clone()));
    }
    fields
}

impl Snippet {
    /// Repeats a warning in the block (its notes and, after the fields, its text): what is
    /// pasted into the integration carries it along, and the block's lines keep the order of
    /// the integration's form.
    pub fn warn(&mut self, warning: &Text) {
        self.notes.insert(0, warning.clone());
        let after = |text: &str, w: &str| {
            let sep = if text.is_empty() || text.ends_with('\n') {
                ""
            } else {
                "\n"
            };
            format!("{text}{sep}⚠ {w}\n")
        };
        self.text = Text::new(
            after(&self.text.en, &warning.en),
            after(&self.text.ru, &warning.ru),
        );
    }
}

/// Issue Sync needs both sides: this Jira's connection form, and the other Jira's, where this
/// Jira is the remote (its base URL as Remote URL, this side's Local key as Remote key).
fn issue_sync_fields(
    input: &SnippetInput<'_>,
    host: &str,
    login: &str,
    site: &str,
) -> Vec<SnippetField> {
    let key = input
        .key_material
        .map(authentication_key)
        .unwrap_or_default();
    let other = l(
        "On the other Jira's Issue Sync connection",
        "В подключении Issue Sync на другой Jira",
    );
    let peer = |f: SnippetField| SnippetField {
        group: Some(other.text()),
        ..f
    };
    vec![
        field("name", l("Name", "Name (имя)"), format!("Jira {host}")),
        hinted(
            field("remoteUrl", l("Remote URL", "Remote URL"), "<base URL of the other Jira>"),
            l("The address of the other Jira, as this one can reach it.", "Адрес другой Jira, по которому эта может до неё достучаться."),
        ),
        field("technicalUser", l("Technical User", "Technical User (технический пользователь)"), login),
        hinted(
            field("localKey", l("Local Authentication Key", "Local Authentication Key"), key.clone()),
            l("Generated for you; enter it as the Remote Authentication Key on the other Jira.", "Создан для вас; на другой Jira укажите его как Remote Authentication Key."),
        ),
        hinted(
            field("remoteKey", l("Remote Authentication Key", "Remote Authentication Key"), "<Local Authentication Key of the other Jira>"),
            l("Copy it from the other Jira's connection.", "Скопируйте его из подключения на другой Jira."),
        ),
        hinted(
            field("passive", l("Passive Instance", "Passive Instance"), "no"),
            l("Tick it only on the Jira the other one can reach when one side is behind a firewall.", "Отмечайте только на той Jira, до которой может достучаться другая, если одна из сторон за межсетевым экраном."),
        ),
        peer(hinted(
            field("peerRemoteUrl", l("Remote URL", "Remote URL"), site),
            l("This Jira's base URL, as the other Jira can reach it.", "Базовый URL этой Jira, по которому другая Jira может до неё достучаться."),
        )),
        peer(hinted(
            field("peerRemoteKey", l("Remote Authentication Key", "Remote Authentication Key"), key),
            l("This side's Local Authentication Key.", "Local Authentication Key этой стороны."),
        )),
    ]
}

/// "The token expires on … (in N days)" (or never), for the block's notes.
fn expiry_note(e: &crate::probe::TokenExpiry) -> Text {
    match &e.date {
        Some(date) => {
            let when = crate::remember::expiry_in_days(date, e.days_left);
            Text::new(
                format!(
                    "This personal access token (\"{}\") {}: replace it in the integration before then.",
                    e.name, when.en
                ),
                format!(
                    "Этот персональный токен («{}») {}: замените его в интеграции заранее.",
                    e.name, when.ru
                ),
            )
        }
        None => l(
            "This personal access token (\"{name}\") never expires.",
            "Этот персональный токен («{name}») бессрочный.",
        )
        .fill(&[("name", &e.name)]),
    }
}

fn render(title: &Text, fields: &[SnippetField], lang: Lang) -> String {
    let mut out = format!("{}\n", title.get(lang));
    let mut group: Option<&Text> = None;
    for f in fields {
        if f.group.as_ref() != group {
            group = f.group.as_ref();
            out.push_str(&format!(
                "\n{}\n",
                group.map_or(title.get(lang), |g| g.get(lang))
            ));
        }
        out.push_str(&format!("{}: {}\n", f.label.get(lang), f.value));
    }
    out
}
