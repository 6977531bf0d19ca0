// Importing the entry module defines <ox-panel>; nothing else to call.
import "../../ox-panel-element.js";
import { logEvents } from "../events.js";

// The credential is a property, never an attribute (it stays out of the DOM). Set in the
// same task that finds the element, it is in the panel's first request. Mint it per
// session on your back end; this is the emulator's demo user.
document.querySelector("ox-panel").authorization = "Basic ZGVtbzpkZW1v";

logEvents(document.getElementById("event-log"));
