// The bundle's two modules, and which one a configuration needs (README, "Two modules").
// `ox-panel.js` carries the plan and BlackBerry panels; `ox-panel-domain.js` carries
// them and the domain view (list, limits, bulk changes), so the mailbox page never
// downloads the domain view. Shared by boot.js (the standalone page) and
// ox-panel-element.js (`mount()` and `<ox-panel>`), so the choice is made in one place
// on this side. The rule is ox_core's `PanelConfig::sections()`: the `sections` key where
// given, else the mailbox panels where there is a mailbox and the domain view where there
// is none. Should the two ever disagree, the mailbox module refuses a configuration that
// shows the domain view by naming `sections` (src/entry.rs): loud, never a blank panel.

/**
 * Whether a configuration shows the domain view. `sections`: a list, or a
 * comma-separated string as the query string and the element's attribute give it;
 * absent (`null`/`undefined`), a missing or empty `mailbox` means the domain view.
 */
export function needsDomain(sections, mailbox) {
  if (sections != null) {
    const names = Array.isArray(sections) ? sections : String(sections).split(",");
    return names.some((name) => typeof name === "string" && name.trim() === "domain");
  }
  return mailbox == null || mailbox === "";
}

const SECTIONS = new Set(["webmail", "blackberry", "domain"]);

/**
 * The standalone page's choice: its configuration element and the address's overrides, as
 * the module applies them (ox_core::config::apply_query_overrides: an empty `sections`
 * clears it, one with an unknown name is ignored; an empty `mailbox` is none), then
 * `needsDomain`. An unreadable configuration: false (the mailbox module says what is wrong).
 */
export function pageNeedsDomain(doc = document, search = location.search) {
  try {
    const element = doc.getElementById("ox-panel-config");
    const config = (element && JSON.parse(element.textContent)) || {};
    const query = new URLSearchParams(search);
    let sections = config.sections;
    const asked = query.get("sections");
    if (asked === "") sections = null;
    else if (asked !== null && asked.split(",").every((n) => SECTIONS.has(n.trim()))) sections = asked;
    const mailbox = query.has("mailbox") ? query.get("mailbox") : config.mailbox;
    return needsDomain(sections, mailbox);
  } catch {
    return false;
  }
}

const loading = new Map();

/**
 * The module's glue, initialised (once per page, whoever asks first). The `.wasm` is
 * fetched alongside the glue rather than after it: one round trip less before the
 * panel can start. Rejects when either cannot be loaded.
 */
export function load(domain) {
  const name = domain ? "ox-panel-domain" : "ox-panel";
  let glue = loading.get(name);
  if (!glue) {
    const wasm = fetch(new URL(`./${name}_bg.wasm`, import.meta.url));
    // Seen by init below; this only keeps an early failure from being reported twice.
    wasm.catch(() => {});
    // Literal specifiers: every file the bundle loads is visible to a reader and a bundler.
    const imported = domain ? import("./ox-panel-domain.js") : import("./ox-panel.js");
    glue = imported.then(async (module) => {
      await module.default({ module_or_path: wasm });
      return module;
    });
    loading.set(name, glue);
  }
  return glue;
}
