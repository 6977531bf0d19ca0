// The hardened host pages' own script (nonce.html, isolated.html): one <ox-panel> element
// and one panel through mount(), both from the package's entry module. Loaded from where
// the bundle is ({bundle} in the pages), so under "script-src 'nonce-…' 'strict-dynamic'"
// or a CDN's origin everything below is trusted through this one script.
import { mount } from "../../ox-panel-element.js";
import { logEvents } from "../events.js";

// The emulator's demo user; a real host mints one per session on its back end.
const CREDENTIAL = "Basic ZGVtbzpkZW1v";

// Set in the task that defines the element: the element's first request carries it.
document.querySelector("ox-panel").authorization = CREDENTIAL;
logEvents(document.getElementById("event-log"));

// A relative apiBase is resolved against the page, not this script: the host's own API.
mount(document.getElementById("mounted"), {
  apiBase: "/api",
  account: "test",
  domain: "test.com",
  mailbox: "premium.user",
  sections: ["webmail"],
  authorization: CREDENTIAL,
});
