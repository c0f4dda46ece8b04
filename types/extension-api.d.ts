// The part of the WebExtension API (`chrome.*` in Chrome, `browser.*` in Firefox) that
// extension/browser.js — the only module that touches it — uses, for the type check
// (tsconfig.json). Hand-written instead of @types/chrome: ten calls, the promise forms both
// browsers share (MV3 `chrome.*` returns promises). No global `chrome` or `browser` is declared,
// so another module that calls `chrome.…` fails the check ("Cannot find name 'chrome'").
// A new call in browser.js gets its signature here, from MDN's WebExtensions reference.

declare namespace ExtensionApi {
  interface Tab {
    id?: number;
    /** Only with a host permission for the page or activeTab (no `tabs` permission here). */
    url?: string;
    windowId?: number;
    active?: boolean;
    status?: string;
  }
  interface InjectionResult<R> {
    frameId: number;
    result?: R;
  }
  interface MessageSender {
    id?: string;
    url?: string;
    tab?: Tab;
  }
  interface Manifest {
    version: string;
    permissions?: string[];
    optional_permissions?: string[];
    [key: string]: unknown;
  }
  interface Permissions {
    origins?: string[];
    permissions?: string[];
  }
  interface Event<Listener> {
    addListener(listener: Listener): void;
  }
}

interface ExtensionApi {
  tabs: {
    query(query: { active?: boolean; currentWindow?: boolean }): Promise<ExtensionApi.Tab[]>;
    get(tabId: number): Promise<ExtensionApi.Tab>;
    /** The tab this page is in; undefined in a side panel, sidebar or popup. */
    getCurrent?(): Promise<ExtensionApi.Tab | undefined>;
    create(props: { url: string }): Promise<ExtensionApi.Tab>;
    onActivated: ExtensionApi.Event<(info: { tabId: number; windowId: number }) => void>;
    onUpdated: ExtensionApi.Event<(tabId: number, change: { status?: string }, tab: ExtensionApi.Tab) => void>;
  };
  windows: {
    getCurrent(): Promise<{ id?: number }>;
  };
  action: {
    /** Fires on a toolbar click when the action has no popup; the click grants activeTab. */
    onClicked: ExtensionApi.Event<(tab: ExtensionApi.Tab) => void>;
  };
  /** Chrome only (116+): the side panel. */
  sidePanel?: {
    open(options: { windowId?: number; tabId?: number }): Promise<void>;
  };
  /** Firefox only: the sidebar. `open()` needs a user gesture (call it inside the click's handler). */
  sidebarAction?: {
    open(): Promise<void>;
  };
  scripting: {
    executeScript<A extends unknown[], R>(injection: {
      target: { tabId: number };
      /** ISOLATED (the default) or MAIN; Firefox ≥ 128 knows both. */
      world?: 'ISOLATED' | 'MAIN';
      func: (...args: A) => R;
      args?: A;
    }): Promise<ExtensionApi.InjectionResult<Awaited<R>>[]>;
  };
  permissions: {
    contains(permissions: ExtensionApi.Permissions): Promise<boolean>;
    request(permissions: ExtensionApi.Permissions): Promise<boolean>;
    onAdded?: ExtensionApi.Event<(permissions: ExtensionApi.Permissions) => void>;
    getAll(): Promise<ExtensionApi.Permissions>;
  };
  runtime: {
    /** Resolves with the listener's reply: whatever the other side sent (unchecked data). */
    sendMessage(message: unknown): Promise<any>;
    onMessage: ExtensionApi.Event<
      (message: any, sender: ExtensionApi.MessageSender, sendResponse: (response?: unknown) => void) => boolean | void
    >;
    getManifest(): ExtensionApi.Manifest;
    /** This extension's id. */
    id: string;
    /** The extension's own URL for `path` (`chrome-extension://<id>/<path>`). */
    getURL(path: string): string;
    /** The browser started with this profile (Firefox forgets its alarms on quitting). */
    onStartup: ExtensionApi.Event<() => void>;
  };
  i18n: {
    getUILanguage(): string;
  };
  storage: {
    local: {
      /** Resolves with what was stored under the keys (unchecked data). */
      get(keys: string | string[] | null): Promise<Record<string, any>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
    /** In memory only, gone when the browser quits (Chrome 102+, Firefox 115+). */
    session: {
      get(keys: string | string[] | null): Promise<Record<string, any>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string | string[]): Promise<void>;
    };
  };
  /** Chrome: only once the optional `alarms` permission is granted (Firefox: at install). */
  alarms?: {
    create(name: string, info: { when?: number; delayInMinutes?: number }): Promise<void> | void;
    onAlarm: ExtensionApi.Event<(alarm: { name: string; scheduledTime: number }) => void>;
    clear(name: string): Promise<boolean>;
  };
  /** Only once the optional `notifications` permission is granted. */
  notifications?: {
    create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<string>;
    onClicked: ExtensionApi.Event<(id: string) => void>;
    clear(id: string): Promise<boolean>;
  };
  /** Chrome only (109+), once the optional `offscreen` permission is granted; Firefox has
   *  none: its background page has a DOM of its own. */
  offscreen?: {
    createDocument(params: { url: string; reasons: string[]; justification: string }): Promise<void>;
    closeDocument(): Promise<void>;
    hasDocument?(): Promise<boolean>;
  };
}
