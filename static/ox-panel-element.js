// The package's entry module: importing it defines <ox-panel> and exports `mount`, ready
// to call (the .wasm is loaded by the time the import resolves). No other call needed.
// Everything it loads is found next to this file (import.meta.url), so the bundle works
// from any path or CDN. No inline script or style: it runs under a strict CSP.
// Declarations: types/ox-panel.d.ts. Contract: docs/contract.md, "The <ox-panel> element".
import { load, needsDomain } from "./ox-panel-modules.js";

// The mailbox panels' module, loaded with this one: `mount` answers at once for them. The
// domain view's module is loaded only when a configuration shows it (DomainHandle).
const ready = load(false);
let panels = null;

/**
 * Mounts one panel into `element` and returns its handle; a bad configuration is shown in
 * the element and thrown as an `Error` naming the key. A configuration that shows the
 * domain view is checked here the same way, then mounted by ox-panel-domain.js once that
 * has loaded (the handle works from the start; see DomainHandle).
 */
export function mount(element, config) {
  if (!needsDomain(config?.sections, config?.mailbox)) return panels.mount(element, config);
  panels.checkConfig(element, config);
  return new DomainHandle(element, config);
}

/**
 * A domain view's handle before and after its module has loaded: `unmount`, `setLocale`
 * and `setAuthorization` act as on a live instance (an unmount before the load means it
 * never mounts; a refused credential throws at once). `ready` settles once the panel is
 * mounted, or rejects when the module could not be loaded.
 */
class DomainHandle {
  #handle = null;
  #removed = false;
  #pending = [];

  constructor(element, config) {
    // The configuration as it is now, as the mailbox module reads it during `mount`.
    const snapshot = { ...config };
    if (Array.isArray(config.sections)) snapshot.sections = [...config.sections];
    this.ready = load(true).then((glue) => {
      if (this.#removed) return;
      this.#handle = glue.mount(element, snapshot);
      for (const [name, value] of this.#pending) this.#handle[name](value);
      this.#pending = [];
    });
    // Reported here; a host may also wait on `ready` itself.
    this.ready.catch((error) => console.error("ox-panel: the domain view could not be loaded:", error));
  }

  unmount() {
    this.#removed = true;
    this.#pending = [];
    this.#handle?.unmount();
  }

  free() {
    this.#handle?.free?.();
    this.#handle = null;
  }

  setLocale(locale) {
    if (this.#handle) this.#handle.setLocale(locale);
    else this.#pending.push(["setLocale", locale]);
  }

  setAuthorization(value) {
    if (this.#handle) return this.#handle.setAuthorization(value);
    // Refused now as the live instance would refuse it (and the previous value stays).
    panels.checkAuthorization(value);
    this.#pending.push(["setAuthorization", value]);
  }
}

const STYLE_URL = new URL("./style.css", import.meta.url).href;

// Attribute → configuration key. Strings as given; see toConfig for the others.
const ATTRIBUTES = {
  account: "account",
  domain: "domain",
  mailbox: "mailbox",
  "exchange-domain": "exchangeDomain",
  "exchange-user": "exchangeUser",
  role: "role",
  locale: "locale",
  sections: "sections",
  "api-base": "apiBase",
  "timeout-ms": "timeoutMs",
  "upgrades-enabled": "upgradesEnabled",
};

const Base = globalThis.HTMLElement ?? class {};

export class OxPanelElement extends Base {
  static get observedAttributes() {
    return Object.keys(ATTRIBUTES);
  }

  #authorization = null;
  #config = null;
  #handle = null;
  #container = null;
  // What changed since the last mount (attribute names, "config", "connected");
  // null: no (re)mount scheduled.
  #pending = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = STYLE_URL;
    this.#container = document.createElement("div");
    this.#container.setAttribute("part", "panel");
    root.append(link, this.#container);
    // A property set on the element before this class was defined shadows the accessor:
    // take the value over and drop the own property.
    for (const name of ["authorization", "config"]) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
  }

  /**
   * The `Authorization` value for this panel's requests (never an attribute, so it stays
   * out of the DOM). Each request uses the value current when it is sent. `null`: the
   * browser's cookies. A value no HTTP header can carry throws and the previous one stays.
   */
  get authorization() {
    return this.#authorization;
  }

  set authorization(value) {
    const next = value === undefined || value === "" ? null : value;
    if (next !== null && typeof next !== "string") {
      throw new TypeError("ox-panel: authorization must be a string or null");
    }
    // The live instance checks the value first (and throws on one it refuses).
    this.#handle?.setAuthorization(next);
    this.#authorization = next;
  }

  /**
   * Configuration keys no attribute carries (planQuotasMb, allowedApiOrigins, …), as a
   * plain object; attributes win over it. Setting it remounts.
   */
  get config() {
    return this.#config;
  }

  set config(value) {
    this.#config = value && typeof value === "object" ? { ...value } : null;
    this.#schedule("config");
  }

  /** The live instance's handle, or null (not connected yet, or a bad configuration). */
  get handle() {
    return this.#handle;
  }

  connectedCallback() {
    if (!this.#handle) this.#schedule("connected");
  }

  disconnectedCallback() {
    // Later in this task's microtasks: an element merely moved in the document is
    // connected again by then and keeps its panel.
    queueMicrotask(() => {
      if (!this.isConnected) this.#unmount();
    });
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue) this.#schedule(name);
  }

  // Several changes in one task (a framework setting every attribute) make one mount.
  #schedule(reason) {
    const first = this.#pending === null;
    this.#pending ??= new Set();
    this.#pending.add(reason);
    if (!first) return;
    // After the .wasm is in, and in a task of its own: by then the code that connected
    // the element (or imported this module) has run to its end, so an `authorization`
    // set there is in the first request.
    ready.then(
      () => setTimeout(() => this.#apply(), 0),
      // The import itself rejects too; the host sees that error there.
      () => {},
    );
  }

  #apply() {
    const changed = this.#pending ?? new Set();
    this.#pending = null;
    if (!this.isConnected) return;
    if (this.#handle && changed.size === 1 && changed.has("locale")) {
      // Newer instances switch language in place; older ones remount below.
      const setLocale = this.#handle.setLocale;
      if (typeof setLocale === "function") {
        try {
          setLocale.call(this.#handle, this.getAttribute("locale"));
          return;
        } catch {
          // Refused (not a locale tag): the remount shows the configuration error.
        }
      }
    }
    this.#unmount();
    try {
      this.#handle = mount(this.#container, this.#toConfig());
    } catch (error) {
      // A bad configuration: the panel shows it in place (data-testid="config-error").
      console.error(`ox-panel: ${error?.message ?? error}`);
    }
  }

  #unmount() {
    const handle = this.#handle;
    this.#handle = null;
    if (handle) {
      handle.unmount();
      handle.free?.();
    }
    // What a refused configuration rendered in place.
    this.#container.replaceChildren();
  }

  #toConfig() {
    const config = { ...this.#config };
    for (const [attribute, key] of Object.entries(ATTRIBUTES)) {
      const raw = this.getAttribute(attribute);
      if (raw === null) continue;
      if (key === "sections") {
        config.sections = raw
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
      } else if (key === "timeoutMs") {
        // Not a number: passed as written, so the error names the key.
        const n = Number(raw);
        config.timeoutMs = raw.trim() !== "" && Number.isFinite(n) ? n : raw;
      } else if (key === "upgradesEnabled") {
        config.upgradesEnabled = raw !== "false";
      } else {
        config[key] = raw;
      }
    }
    if (this.#authorization !== null) config.authorization = this.#authorization;
    else delete config.authorization;
    return config;
  }
}

if (globalThis.customElements && !customElements.get("ox-panel")) {
  customElements.define("ox-panel", OxPanelElement);
}

// `mount` works once the mailbox panels' .wasm is in: importers of this module wait for it.
panels = await ready;
