import { logEvents } from "../events.js";

// The emulator's demo user; a real host mints one per session on its back end.
const CREDENTIAL = "Basic ZGVtbzpkZW1v";
// Any value the API does not know: its requests get 401 and oxpanel:auth-required.
const EXPIRED = "Basic ZXhwaXJlZDpzZXNzaW9u";

logEvents(document.getElementById("event-log"));

// Set before <ox-panel> is defined: the element takes the value over when it upgrades.
const panel = document.querySelector("ox-panel");
panel.authorization = CREDENTIAL;
await import("../../ox-panel-element.js");

const $ = (id) => document.getElementById(id);
// Changing the attribute shows that mailbox (one remount, whatever else changed with it).
$("mailbox").addEventListener("change", (e) => panel.setAttribute("mailbox", e.target.value));
// Each request uses the value current when it is sent: no remount.
$("expire").addEventListener("click", () => (panel.authorization = EXPIRED));
$("renew").addEventListener("click", () => (panel.authorization = CREDENTIAL));
// Removing the element unmounts the panel: no listener or request is left behind.
$("remove").addEventListener("click", () => panel.remove());
// What a host does on a 401: fetch a fresh credential, then set it (here: a button).
document.addEventListener("oxpanel:auth-required", () => $("renew").focus());
