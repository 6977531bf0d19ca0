// The example control panel's script: everything a hosting control panel adds to embed
// ox-panel. A module file of its own (no inline script: strict CSP), loaded by
// host-example.html with <script type="module" src="host-example.js">.
import init, { mount } from "./ox-panel.js";

const params = new URLSearchParams(location.search);

// Where the hosting API is. Relative: this page's own origin (the emulator, or the
// panel's reverse proxy in front of the API). Absolute ("https://api.example.net/api")
// works as well when that origin allows this one (CORS) and the page's CSP has it in
// connect-src.
const API_BASE = params.get("apiBase") || "/api";

// A real panel gets the customer's credential from its own back end. Here: the
// emulator's demo user. Leave `authorization` out to send the browser's cookies instead
// (credentials: "include"), for a panel that proxies the API behind its session cookie.
const DEMO_CREDENTIAL = "Basic ZGVtbzpkZW1v";
// What "Simulate an expired session" installs: a value the API answers with 401.
const EXPIRED_CREDENTIAL = "Basic ZXhwaXJlZDpleHBpcmVk";

/** Asks the panel's back end for a fresh credential (here: the demo user's). */
async function freshCredential(mailbox) {
  // e.g. const res = await fetch(`/session/ox-credential?mailbox=${encodeURIComponent(mailbox)}`);
  return DEMO_CREDENTIAL;
}

const EVENTS = ["oxpanel:plan-changed", "oxpanel:blackberry-action", "oxpanel:auth-required"];

const main = document.querySelector("main");
const log = document.querySelector('[data-testid="host-event-log"]');
const status = document.querySelector('[data-testid="host-status"]');
/** mailbox → the handle mount() returned */
const handles = new Map();

function configFor(mailbox) {
  return {
    apiBase: API_BASE,
    account: "test",
    domain: "test.com",
    mailbox,
    authorization: DEMO_CREDENTIAL,
    role: "user",
  };
}

function mountSlot(slot) {
  const mailbox = slot.dataset.oxMailbox;
  try {
    handles.set(mailbox, mount(slot, configFor(mailbox)));
  } catch (error) {
    // A bad configuration: the module shows the message in the slot, the Error names the key.
    setStatus(`The panel for ${mailbox} could not start: ${error.message}`);
  }
}

function unmountSlot(mailbox) {
  handles.get(mailbox)?.unmount();
  handles.delete(mailbox);
}

function setStatus(text) {
  status.textContent = text;
}

// ---- events: they bubble (and are composed) from each mount element ----
function instanceOf(event) {
  const slot = event.target instanceof Element ? event.target.closest("[data-ox-mailbox]") : null;
  return slot?.dataset.oxMailbox ?? "?";
}

function logEvent(event) {
  const instance = instanceOf(event);
  const detail = JSON.stringify(event.detail ?? null);
  const item = document.createElement("li");
  item.className = "host-event";
  item.dataset.testid = "host-event";
  item.dataset.event = event.type;
  item.dataset.instance = instance;
  item.dataset.detail = detail;
  const time = document.createElement("time");
  time.className = "host-event-time";
  time.dateTime = new Date().toISOString();
  time.textContent = new Date().toLocaleTimeString();
  const name = document.createElement("code");
  name.className = "host-event-name";
  name.textContent = event.type;
  const from = document.createElement("span");
  from.className = "host-event-instance";
  from.textContent = instance;
  const body = document.createElement("code");
  body.className = "host-event-detail";
  body.textContent = detail;
  item.append(time, name, from, body);
  log.prepend(item);
}

async function onAuthRequired(event) {
  // The panel's credential was refused (401). Swap it without remounting; the customer's
  // next action (or "Try again") uses the new one.
  const mailbox = instanceOf(event);
  const handle = handles.get(mailbox);
  if (!handle) return;
  handle.setAuthorization(await freshCredential(mailbox));
  setStatus(`The session of ${mailbox} was renewed: try again.`);
}

for (const name of EVENTS) main.addEventListener(name, logEvent);
main.addEventListener("oxpanel:auth-required", onAuthRequired);

// ---- theme: data-oxp-theme on any ancestor of the mount elements (here <html>) ----
function applyTheme(choice) {
  const root = document.documentElement;
  root.dataset.theme = choice; // the control panel's own look (host-example.css)
  if (choice === "system") delete root.dataset.oxpTheme; // the module follows prefers-color-scheme
  else root.dataset.oxpTheme = choice;
  for (const input of document.querySelectorAll('input[name="host-theme"]')) {
    input.checked = input.value === choice;
  }
}

document.querySelector('[data-testid="host-theme-switch"]').addEventListener("change", (e) => {
  if (e.target.name === "host-theme") applyTheme(e.target.value);
});
const requestedTheme = params.get("theme");
if (["light", "dark", "system"].includes(requestedTheme)) applyTheme(requestedTheme);

// ---- the host's own buttons ----
document.querySelector('[data-testid="host-expire-credential"]').addEventListener("click", () => {
  for (const handle of handles.values()) handle.setAuthorization(EXPIRED_CREDENTIAL);
  setStatus("Both panels now hold a credential the API refuses: the next request gets 401.");
});

document.querySelector('[data-testid="host-clear-log"]').addEventListener("click", () => {
  log.replaceChildren();
});

for (const button of document.querySelectorAll('[data-action="toggle"]')) {
  button.addEventListener("click", () => {
    const mailbox = button.dataset.for;
    const slot = document.querySelector(`[data-ox-mailbox="${CSS.escape(mailbox)}"]`);
    if (handles.has(mailbox)) {
      unmountSlot(mailbox);
      button.textContent = "Add panel";
    } else {
      mountSlot(slot);
      button.textContent = "Remove panel";
    }
  });
}

// ---- start: load the module once, then mount one instance per slot ----
try {
  await init();
  for (const slot of document.querySelectorAll("[data-ox-mailbox]")) mountSlot(slot);
  setStatus(`${handles.size} mailbox panels, one module.`);
  document.documentElement.dataset.hostReady = "true";
} catch (error) {
  console.error("ox-panel failed to load:", error);
  setStatus("The mailbox panels could not be loaded. Reload the page; if this persists, contact support.");
}
