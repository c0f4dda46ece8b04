/* tslint:disable */
/* eslint-disable */
// The TypeScript of the wasm boundary: the commands `handle` reads and what it answers, and
// `facts()`'s `ShellFacts`. src/wasm.rs puts this text into the wasm as a
// `typescript_custom_section`, so wasm-bindgen writes it into the glue's .d.ts (build.sh copies
// that to types/pkg/, which the extension's type check reads). Each name below mirrors the
// serde derive of the Rust type it names (camelCase fields, kebab-case or snake_case enums as
// the derive says); `tests/wasm_types.rs` checks every field named here against the JSON the
// core writes. A field the shell never reads may be left out; a type it never looks into is
// `unknown`.

/** A bilingual text (`i18n::Text`). */
export interface Text { en: string; ru: string }
/** A catalogue code (`catalogue::Code`), e.g. `credentials_rejected`. */
export type Code = string;
/** `targets::Target`. */
export type Target = 'generic' | 'elma365' | 'avepoint-backup' | 'avepoint-restore' | 'issue-sync';
/** `auth_plan::AuthMethod`. */
export type AuthMethod = 'api-token' | 'pat' | 'basic' | 'client-credentials';
/** `auth_plan::AuthChoice`: the form's menu. */
export type AuthChoice = 'auto' | AuthMethod;
/** `urls::family::Family`. */
export type CloudFamily = 'commercial' | 'government' | 'isolated';

// ---- detection -----------------------------------------------------------------------------

/** `catalogue::Notice`: a warning or an outcome, with its code. */
export interface Notice { code: Code; kind: string; title: Text; cause: Text; fix: Text }
/** `auth_plan::AuthPlan`. */
export interface AuthPlan {
    method: AuthMethod;
    login: 'email' | 'username' | 'none' | 'client-id';
    tokenPageUrl: string | null;
    steps: Text[];
    notes: Text[];
    alternatives: AuthMethod[];
    oneClickPat: boolean;
    unsupported?: boolean;
}
/** `auth_plan::TargetPlan`. */
export interface TargetPlan { target: Target; plan: AuthPlan }
/** `deployment::PageUser`. */
export interface PageUser { name: string | null; displayName: string | null; accountId: string | null }
/** `deployment::Deployment`. */
export interface Deployment {
    product: 'jira' | 'confluence' | 'bitbucket' | 'other-atlassian' | 'not-atlassian' | 'unknown';
    hosting: 'cloud' | 'self-managed' | null;
    edition: 'data-center' | null;
    version: string | null;
    buildNumber: number | null;
    baseUrl: string | null;
    contextPath: string | null;
    reachedBaseUrl: string | null;
    cloudId: string | null;
    /** `urls::family::Family`: which Atlassian Cloud a site belongs to; null off Cloud. */
    cloudFamily: CloudFamily | null;
    clusterNode: string | null;
    user: PageUser | null;
    summary: Text;
}
/** `http::RequestLog`: one request as the core logged it (no secret). */
export interface RequestLog { id: string; url: string; status: number | null; ms: number }
/** `detect::Detection`. */
export interface Detection {
    deployment: Deployment;
    authPlan: AuthPlan | null;
    targetPlans: TargetPlan[];
    warnings: Notice[];
    requests: RequestLog[];
    restOrigin: string | null;
    provisional: boolean;
    /** A service account's client-credentials plan, where the deployment has them. */
    clientCredentialsPlan?: AuthPlan;
}

// ---- the token test ------------------------------------------------------------------------

/** `probe::Verdict`. */
export interface Verdict { code: Code; ok: boolean; credentialWorks: boolean; title: Text; cause: Text; fix: Text }
/** `snippet::SnippetField`. */
export interface SnippetField { key: string; label: Text; value: string; secret: boolean; hint: Text | null; group: Text | null }
/** `snippet::Snippet`: the connection block, the secret masked. */
export interface Snippet { target: Target; title: Text; fields: SnippetField[]; notes: Text[]; text: Text; json: Record<string, unknown> }
/** `probe::ServerCheck`: the same test as shell lines. */
export interface ServerCheck { cli: string; curl: string }
/** `probe::ProjectRef`. */
export interface ProjectRef { key: string; name: string }
/** `probe::CheckResult`. */
export interface CheckResult {
    deployment: Deployment;
    target: Target;
    verdict: Verdict;
    answeredBy: string;
    projects: ProjectRef[];
    snippet: Snippet | null;
    loginUrl: string | null;
    viaGateway: string | null;
    authPlan: AuthPlan | null;
    gatewayOffer: boolean;
    serverCheck: ServerCheck | null;
    /** A Data Center PAT's expiry as Jira listed it (`expiringAt`), when identified for certain. */
    tokenExpiry: TokenExpiry | null;
    /** The expiry date the test was given (`CheckInput.expiresOn`), for a credential that works. */
    rememberedExpiry: RememberedExpiry | null;
    warnings: Notice[];
    requests: RequestLog[];
}
/** `probe::TokenExpiry`. */
export interface TokenExpiry { name: string; expiringAt: string | null; date: string | null; daysLeft: number | null }
/** `probe::RememberedExpiry`. */
export interface RememberedExpiry { date: string; daysLeft: number | null; text: Text }
/** `report::CheckItem`: one line of the checklist. */
export interface CheckItem { id: string; state: 'ok' | 'fail' | 'info'; text: Text }
/** `report::Rendered`: the redacted report, its JSON and Markdown. */
export interface Rendered { json: string; markdown: Text; fileName: string }
/** `protocol::CheckOutput`: what `check` answers. */
export interface CheckOutput { result: CheckResult; checklist: CheckItem[]; report: Rendered }

// ---- the one-click PAT ---------------------------------------------------------------------

/** `pat::TabRequest`: the POST the Jira tab sends (extension/tab-fetch.js). */
export interface TabRequest {
    method: string;
    url: string;
    origin: string;
    headers: Record<string, string>;
    body: string;
    timeoutMs: number;
    responseHeaders: string[];
    maxBodyBytes: number;
}
/** `pat::NewToken`: `rawToken` is the new secret, shown once. */
export interface NewToken { name: string; rawToken: string; expiringAt: string | null }
/** `pat::CreateResult`. */
export interface CreateResult { outcome: Notice; ok: boolean; token: NewToken | null; tokenPageUrl: string; requests: RequestLog[] }

// ---- the helpdesk page's report ------------------------------------------------------------

/** `report::Fact`. */
export interface Fact { key: string; label: Text; value: Text }
/** `report::RequestRow`. */
export interface RequestRow { id: string; target: string; auth: string; status: Text; ms: number; headers: string[]; failed: boolean }
/** `report::Headings`: the layout's headings. */
export interface Headings {
    title: Text; noSecrets: Text; summary: Text; verdict: Text; cause: Text; answeredBy: Text; fix: Text;
    checklist: Text; steps: Text; warnings: Text; requests: Text; noRequests: Text; request: Text; auth: Text;
    status: Text; headers: Text;
}
/** `report::ReportView`: a report laid out (what Markdown writes). */
export interface ReportView {
    kind: 'check' | 'detection';
    summary: Text;
    facts: Fact[];
    verdict: Verdict | null;
    answeredBy: { code: string; text: Text } | null;
    checklist: CheckItem[];
    steps: Text[];
    warnings: Notice[];
    requests: RequestRow[];
    headings: Headings;
}
/** `report::Compared`: a browser's report beside the server's. */
export interface Compared {
    browser: 'a' | 'b';
    comparison: { browser: Code | null; server: Code | null; difference: string | null };
    notice: Notice | null;
}
/** `report::ReadReport`: what `read_report` answers. */
export interface ReadReport { views: ReportView[]; compared: Compared | null; error: Text | null }

// ---- the commands --------------------------------------------------------------------------

/** `page::PageSnapshot`: what extension/snapshot.js reads from a tab. */
export interface PageSnapshot {
    url: string;
    title?: string;
    metas?: Record<string, string>;
    bodyId?: string;
    bodyClasses?: string[];
    headers?: Record<string, string>;
}
/** `detect::DetectOptions`. */
/**
 * `detect::DetectOptions`. `grantedPatterns`: the host permissions as `permissions.getAll()`
 * lists them; another origin than the page's is asked only when one grants it.
 */
export interface DetectOptions { allowFetch: boolean; grantedPatterns?: string[]; timeoutMs?: number; pageOnly?: boolean }
/** `probe::CheckInput`: `secret` is the only secret a command carries. */
export interface CheckInput {
    login: string;
    secret: string;
    auth: AuthChoice;
    target: Target;
    project: string | null;
    requiredPermissions: string[];
    gateway: string | null;
    timeoutMs?: number;
    keyMaterial: number[] | null;
    now: string | null;
    /** The expiry date remembered for this connection (`YYYY-MM-DD`). */
    expiresOn?: string | null;
    /** Endpoints the integration is known to call (`search-v2`, `search-v3`, `search-jql`). */
    calls?: string[];
}
/** `report::Meta`: what only the caller knows of a report. */
export interface Meta { tool: 'extension' | 'cli'; version: string; environment: string; generatedAt: string }
/** `pat::CreateInput`. */
export interface CreateInput { name: string; expirationDays: number | null; timeoutMs?: number }
/** `http::Exchange`: what came back for one request. */
export type Exchange =
| { kind: 'response'; status: number; headers: Record<string, string>; body: string; truncated?: boolean; redirect?: boolean; finalUrl?: string | null; elapsedMs: number }
| { kind: 'timeout'; elapsedMs: number }
| { kind: 'unreachable'; elapsedMs: number; detail: string }
| { kind: 'notSent'; elapsedMs: number; detail: string }
| { kind: 'tlsUntrusted'; elapsedMs: number; detail: string; certificate: { subject: string; issuer: string } };

// ---- remembered connections and reminders --------------------------------------------------

/** `remember::RememberedConnection`: what is kept in storage.local — never a secret. */
export interface RememberedConnection { origin: string; login: string; target: Target; label: string; expiresOn: string | null }
/** `remember::ReminderSettings`. */
export interface ReminderSettings { enabled: boolean; daysBefore: number[] }
/** `protocol::remember::ConnectionView`: one line of the wizard's list. */
export interface ConnectionView { key: string; connection: RememberedConnection; daysLeft: number | null; expiry: Text | null }
/** `remember::DueReminder`: a notification to show now. */
export interface DueReminder { key: string; origin: string; target: Target; daysBefore: number; daysLeft: number; title: Text; message: Text }
/** `remember::Schedule`: what `reminders` answers. */
export interface Schedule { due: DueReminder[]; nextAlarm: string | null }
/** `protocol::remember::Remember`: the three commands' payload (`now`, `since`: RFC 3339). */
export interface RememberInput {
    connection?: RememberedConnection;
    connections?: RememberedConnection[];
    now?: string;
    since?: string | null;
    settings?: ReminderSettings;
}

/** `flow::Answers`: one round trip's answers, each with the request it answered. */
export type Answers = { id: string; url: string; answer: Exchange }[];
/** `protocol::DetectCommand`: a detect command as sent. */
export type DetectCommand =
| { type: 'detect_page'; snapshot: PageSnapshot; options: DetectOptions }
| { type: 'detect_url'; url: string; options: DetectOptions };
/** `protocol::DetectOutput`: what a detect command answers — the detection and its answers. */
export interface DetectOutput { detection: Detection; answers: Answers[] }
/**
 * `protocol::Detected`: what a detection was made from (its command and `DetectOutput.answers`),
 * kept by the worker; the core makes the detection again from it. Never a `Detection`.
 */
export interface Detected { detect: DetectCommand; answers: Answers[] }

/**
 * `protocol::Command`, by its `type`, and what `handle` answers for each. No command carries
 * what the core answered (tests/wasm_types.rs).
 */
export interface Commands {
    detect_page: { command: { type: 'detect_page'; snapshot: PageSnapshot; options: DetectOptions }; output: DetectOutput };
    detect_url: { command: { type: 'detect_url'; url: string; options: DetectOptions }; output: DetectOutput };
    check: { command: { type: 'check'; detected: Detected; input: CheckInput; meta: Meta }; output: CheckOutput };
    plan_pat: { command: { type: 'plan_pat'; detected: Detected; input: CreateInput }; output: TabRequest };
    interpret_pat: { command: { type: 'interpret_pat'; detected: Detected; input: CreateInput; answer: Exchange }; output: CreateResult };
    read_report: { command: { type: 'read_report'; text: string }; output: ReadReport };
    remember_connection: { command: { type: 'remember_connection' } & RememberInput; output: RememberedConnection };
    remembered_list: { command: { type: 'remembered_list' } & RememberInput; output: ConnectionView[] };
    reminders: { command: { type: 'reminders' } & RememberInput; output: Schedule };
}
/** Any command. */
export type Command = Commands[keyof Commands]['command'];
/** Any answer. */
export type Output = Commands[keyof Commands]['output'];

// ---- facts() -------------------------------------------------------------------------------

/** `protocol::shell::ShellFacts`: what the pages read from the core instead of re-typing it. */
export interface ShellFacts {
    version: string;
    targets: { id: Target; name: Text; question: Text; sendsOnCloud: AuthMethod | null; sendsOnSelfManaged: AuthMethod | null; gatewayForm: 'takes' | 'site-only'; clientCredentials: boolean }[];
    authChoices: AuthChoice[];
    methods: { method: AuthMethod; name: Text }[];
    labels: Record<string, Text>;
    secretMask: string;
    keyMaterialBytes: number;
    clipboardClearSeconds: number;
    limits: { secretMaxChars: number; loginMaxChars: number; projectKeyMaxChars: number; timeoutMsMin: number; timeoutMsMax: number };
    pat: { maxNameChars: number; maxExpiryDays: number; defaultExpiryDays: number };
    gateway: string;
    remember: { defaultDaysBefore: number[]; maxReminders: number; maxDaysBefore: number; maxLabelChars: number; maxConnections: number };
    cloudFamilies: { id: CloudFamily; name: string; siteDomains: string[]; gateway: string; tokenUrl: string; tokenPage: string }[];
}



/**
 * What the extension's pages read from the core instead of re-typing it: targets and the
 * method each sends, auth choices, method names, detail labels, the secret mask, the forms'
 * limits and the gateway (`protocol::shell::ShellFacts`).
 */
export function facts(): ShellFacts;

/**
 * Runs one core command, e.g. `{type: "detect_page", snapshot: …, options: …}`, and resolves
 * with the core's result: a `protocol::DetectOutput` (the `Detection` and the answers it was
 * made from, for the worker to keep) for the detect commands, a `protocol::CheckOutput`
 * (the `CheckResult`, its checklist and its rendered report) for `check`, a `pat::TabRequest`
 * for `plan_pat`, a `pat::CreateResult` for `interpret_pat`, a `report::ReadReport` for
 * `read_report`. Rejects
 * with an `Error` whose message says what was
 * wrong; the message never holds a value of the command (a `check` carries a secret).
 */
export function handle(command: Command): Promise<Output>;

/**
 * The crate version (Cargo.toml), shown in the popup and written into the manifests.
 */
export function version(): string;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly facts: () => [number, number, number];
    readonly handle: (a: any) => any;
    readonly version: () => [number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __wbindgen_destroy_closure: (a: number, b: number) => void;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
