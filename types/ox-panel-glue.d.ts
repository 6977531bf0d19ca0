// Declarations of ox-panel.js, wasm-bindgen's glue (the package's "./ox-panel.js" export),
// for hosts that load the .wasm themselves: `await init()` once, then `mount`.
import type { MountHandle } from "./ox-panel.js";

export type { MountHandle, OxPanelConfig } from "./ox-panel.js";
export { mount } from "./ox-panel.js";

/** What `init` may be given: where the .wasm is, or its bytes (default: next to ox-panel.js). */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** Loads and compiles ox-panel_bg.wasm, once per page. */
export default function init(
  moduleOrPath?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<unknown>;

/** The standalone page: configuration from #ox-panel-config and the query string. */
export function mountStandalone(element: Element): MountHandle;
