// Starts the standalone page. A file of its own, not an inline script: the page is served
// under "script-src 'self' 'wasm-unsafe-eval'". Trunk copies it next to ox-panel.js.
const root = document.getElementById("ox-panel-root");

function showFallback() {
  const message = document.createElement("p");
  message.className = "oxp-boot-error";
  message.setAttribute("role", "alert");
  message.setAttribute("data-testid", "boot-error");
  message.textContent =
    "The control panel could not be loaded. Reload the page; if this persists, contact support.";
  if (root) root.replaceChildren(message);
  else document.body.append(message);
}

let mountStandalone;
try {
  const glue = await import("./ox-panel.js");
  await glue.default();
  mountStandalone = glue.mountStandalone;
} catch (error) {
  console.error("ox-panel failed to load:", error);
  showFallback();
}

if (mountStandalone) {
  try {
    mountStandalone(root);
  } catch (error) {
    // A bad configuration is rendered into the root by the app itself; keep that.
    console.error("ox-panel failed to start:", error);
    if (!root?.hasChildNodes()) showFallback();
  }
}
