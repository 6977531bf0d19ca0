import "../../ox-panel-element.js";
import { logEvents } from "../events.js";

// The emulator's demo user; a real host mints one per session on its back end.
document.querySelector("ox-panel").authorization = "Basic ZGVtbzpkZW1v";
logEvents(document.getElementById("event-log"));
