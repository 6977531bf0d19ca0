// Shared by the examples: every panel event that reaches the document, listed on the page.
export const PANEL_EVENTS = [
  "oxpanel:plan-changed",
  "oxpanel:blackberry-action",
  "oxpanel:auth-required",
  "oxpanel:navigate",
];

export function logEvents(list) {
  for (const name of PANEL_EVENTS) {
    document.addEventListener(name, (event) => {
      const item = document.createElement("li");
      item.dataset.type = event.type;
      // Outside the shadow root the target is the <ox-panel> element itself.
      item.textContent = `${event.type} from <${event.target.localName}>: ${JSON.stringify(event.detail)}`;
      list.append(item);
    });
  }
}
