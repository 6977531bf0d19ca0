// Declarations of the package's entry module (ox-panel-element.js): importing it defines
// <ox-panel> and exports `mount`, ready to call. The configuration's JSON Schema is
// schema.json in the package; docs/contract.md is the contract both describe.

/** The module's panels. */
export type OxPanelSection = "webmail" | "blackberry" | "domain";

/** Whose credentials the panel holds. */
export type OxPanelRole = "user" | "admin";

/**
 * The configuration of `mount(element, config)` (and of the standalone page's JSON).
 * Unknown keys are ignored; `null` counts as absent for every optional key. A bad value
 * is shown in the element (`data-testid="config-error"`) and thrown, naming the key.
 */
export interface OxPanelConfig {
  /** Base URL of the hosting API, absolute or relative. Default `"/api"`. */
  apiBase?: string | null;
  /** Account number. */
  account: string;
  /** Email domain, for the OX endpoints. */
  domain: string;
  /** Mailbox name, for the OX endpoints; absent: the domain view. */
  mailbox?: string | null;
  /** Domain for the BlackBerry endpoints. Default: `domain`. */
  exchangeDomain?: string | null;
  /** Username for the BlackBerry endpoints. Default: `mailbox`. */
  exchangeUser?: string | null;
  /**
   * The exact `Authorization` header value (printable Latin-1, one line); never shown,
   * logged or stored. Absent: the browser's cookies are sent.
   */
  authorization?: string | null;
  /** Default `"user"`. */
  role?: OxPanelRole | null;
  /** Each OX type's quota in MB, where the host knows it. */
  planQuotasMb?: Record<string, number> | null;
  /** `false` where the product disables upgrades. Default `true`. */
  upgradesEnabled?: boolean | null;
  /** `en_US` or a BCP 47 style tag. Default: the account's language, else `en_US`. */
  locale?: string | null;
  /** Which panels to show (at least one). */
  sections?: OxPanelSection[] | null;
  /** After how many milliseconds (1 to 2147483647) a request is given up. Default 15000. */
  timeoutMs?: number | null;
  /** Origins the standalone page's query string may point `apiBase` at. */
  allowedApiOrigins?: string[] | null;
}

/** What `mount` returns. */
export interface MountHandle {
  /** Removes the instance: the element is left empty, no further request starts. */
  unmount(): void;
  /**
   * The `Authorization` value for the requests that follow; `null`: the browser's
   * cookies. Throws an `Error` naming `authorization` for a value no header can carry.
   */
  setAuthorization(value: string | null): void;
  /**
   * Switches the language in place, without a re-read (`null`: the account's language,
   * else `en_US`). A malformed or unknown tag means `en_US`; it never throws.
   */
  setLocale(locale: string | null): void;
  /** Frees the handle's memory in the module (after `unmount`). */
  free(): void;
  /**
   * Only on a domain view's handle from the package's `mount`: settles once the panel is
   * mounted by `ox-panel-domain.js`, loaded on first use; rejects when it cannot be loaded.
   */
  readonly ready?: Promise<void>;
}

/**
 * Renders one panel into `element`. Throws an `Error` naming the key for a bad
 * configuration, and when `element` already holds a live panel. A configuration that
 * shows the domain view is checked at once; its module (`ox-panel-domain.js`) is loaded
 * on first use and the panel appears once it is in (`handle.ready`).
 */
export function mount(element: Element, config: OxPanelConfig): MountHandle;

/** `oxpanel:plan-changed`: the API accepted a plan change. */
export interface OxPanelPlanChangedDetail {
  from: string;
  to: string;
  allowUpgrade: boolean;
}

/** `oxpanel:blackberry-action`: an action was sent and answered (or failed). */
export interface OxPanelBlackberryActionDetail {
  action: "resendServiceBooks" | "wipe" | "reinitialize";
  /** The answer's HTTP status as it came; `null` when no answer arrived. */
  status: number | null;
}

/** `oxpanel:auth-required`: a request got 401. */
export type OxPanelAuthRequiredDetail = Record<string, never>;

/** `oxpanel:navigate`: the domain view moved. */
export interface OxPanelNavigateDetail {
  /** The mailbox opened; `null`: back to the list. */
  mailbox: string | null;
  page: number;
  sort: string;
  filter: string;
}

/**
 * The events a panel dispatches (bubbling and composed). On the element and above it,
 * `event.target` is the `<ox-panel>` element (or the `mount` element).
 */
export interface OxPanelEventMap {
  "oxpanel:plan-changed": CustomEvent<OxPanelPlanChangedDetail>;
  "oxpanel:blackberry-action": CustomEvent<OxPanelBlackberryActionDetail>;
  "oxpanel:auth-required": CustomEvent<OxPanelAuthRequiredDetail>;
  "oxpanel:navigate": CustomEvent<OxPanelNavigateDetail>;
}

/** The observed attributes of `<ox-panel>`, each mapped to its configuration key. */
export type OxPanelAttribute =
  | "account"
  | "domain"
  | "mailbox"
  | "exchange-domain"
  | "exchange-user"
  | "role"
  | "locale"
  | "sections"
  | "api-base"
  | "timeout-ms"
  | "upgrades-enabled";

/**
 * `<ox-panel account domain mailbox sections locale api-base …>`: renders into its own
 * shadow root; attributes are observed (several changes in one task, one remount); removing
 * it unmounts the panel.
 */
export class OxPanelElement extends HTMLElement {
  static readonly observedAttributes: OxPanelAttribute[];
  /**
   * The `Authorization` value, a property only (never an attribute). May be set before
   * the element is defined. Each request uses the value current when it is sent. Setting
   * a value no header can carry throws; the previous one stays.
   */
  authorization: string | null;
  /** Keys no attribute carries (`planQuotasMb`, …); attributes win. Setting it remounts. */
  config: Partial<Omit<OxPanelConfig, "authorization">> | null;
  /** The live instance's handle; `null` before it is mounted or with a bad configuration. */
  readonly handle: MountHandle | null;

  addEventListener<K extends keyof OxPanelEventMap>(
    type: K,
    listener: (this: OxPanelElement, ev: OxPanelEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: OxPanelElement, ev: HTMLElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof OxPanelEventMap>(
    type: K,
    listener: (this: OxPanelElement, ev: OxPanelEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: OxPanelElement, ev: HTMLElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "ox-panel": OxPanelElement;
  }
  // The events bubble and are composed: a listener on the document or any ancestor of the
  // element gets them typed too.
  interface HTMLElementEventMap extends OxPanelEventMap {}
  interface DocumentEventMap extends OxPanelEventMap {}
  interface WindowEventMap extends OxPanelEventMap {}
}
