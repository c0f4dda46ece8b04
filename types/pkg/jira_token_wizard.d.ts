// The wasm-bindgen glue build.sh writes (`wasm-bindgen --target web --no-typescript`) and copies
// to dist/*/pkg/: only what extension/background.js imports. The exports are src/wasm.rs's
// `#[wasm_bindgen]` functions; `init` is wasm-bindgen's default export that loads the module.

/** Loads and instantiates the wasm module once; resolves when `handle` may be called. */
export default function init(options?: { module_or_path: URL | string | Request | Response | BufferSource | WebAssembly.Module }): Promise<unknown>;

/** `handle(command_json)` in src/wasm.rs: a command as JSON text → the core's answer as JSON text; rejects with an `Error`. */
export function handle(command: string): Promise<string>;

/** The crate's version (`version()` in src/wasm.rs). */
export function version(): string;
