// The wasm-bindgen glue build.sh writes (`wasm-bindgen --target web --no-typescript`) and copies
// to dist/*/pkg/: only what extension/background.js imports. The exports are src/wasm.rs's
// `#[wasm_bindgen]` functions; `init` is wasm-bindgen's default export that loads the module.

/** Loads and instantiates the wasm module once; resolves when `handle` may be called. */
export default function init(options?: { module_or_path: URL | string | Request | Response | BufferSource | WebAssembly.Module }): Promise<unknown>;

/** `handle(command)` in src/wasm.rs: a command as a plain object → the core's answer as plain data; rejects with an `Error`. */
export function handle(command: object): Promise<any>;

/** `facts()` in src/wasm.rs: what the pages read from the core (`ShellFacts`); throws an `Error`. */
export function facts(): import('../../extension/protocol.js').Facts;

/** The crate's version (`version()` in src/wasm.rs). */
export function version(): string;
