// Declarations of ox-panel.js, wasm-bindgen's glue (the package's "./ox-panel.js" export),
// for hosts that load the .wasm themselves: `await init()` once, then `mount`. The
// "./ox-panel-domain.js" export has the same exports and also shows the domain view;
// ox-panel.js refuses a configuration that shows it (an `Error` naming `sections`).
import type { MountHandle, OxPanelConfig } from "./ox-panel.js";

export type { MountHandle, OxPanelConfig } from "./ox-panel.js";
export { mount } from "./ox-panel.js";

/** What `init` may be given: where the .wasm is, or its bytes (default: next to ox-panel.js). */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** Loads and compiles ox-panel_bg.wasm, once per page. */
export default function init(
  moduleOrPath?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<unknown>;

/**
 * Checks a configuration as `mount` would (a bad one is shown in `element` and thrown as
 * an `Error` naming the key), without mounting anything.
 */
export function checkConfig(element: Element, config: OxPanelConfig): void;

/** Throws the `Error` `setAuthorization` would throw for `value`, without a panel. */
export function checkAuthorization(value: string | null): void;

/** A read the standalone page's boot script started before the module was loaded. */
export interface EarlyRead {
  /** The `fetch` of the URL it is keyed by. */
  response: Promise<Response>;
  /** Aborts that fetch (the panel's timeout, or `unmount` when nobody took it). */
  abort(): void;
  /** Sent with an `Authorization` header (false: with the browser's own credentials). */
  authorized: boolean;
}

/**
 * The standalone page: configuration from #ox-panel-config and the query string.
 * `early`: reads already started, by URL; the panel takes over those it would send
 * itself, exactly as it would send them, and reads everything else on its own.
 */
export function mountStandalone(element: Element, early?: ReadonlyMap<string, EarlyRead>): MountHandle;
