// A host's TypeScript, type-checked by `./x test lint` (tsc --noEmit) against
// ../ox-panel.d.ts and, by `./x test e2e package`, against the installed package.
// The @ts-expect-error lines are checks too: tsc fails if any of them stops being an error.
import { mount, type MountHandle, type OxPanelConfig, OxPanelElement } from "ox-panel";
import init, { mount as mountAfterInit, mountStandalone } from "ox-panel/ox-panel.js";

const config: OxPanelConfig = {
  apiBase: "/api",
  account: "test",
  domain: "test.com",
  mailbox: "john.smith",
  sections: ["webmail", "blackberry"],
  planQuotasMb: { standard: 1024 },
  timeoutMs: 15000,
};

const slot = document.querySelector<HTMLDivElement>("#mailbox-panel");
if (slot) {
  const handle: MountHandle = mount(slot, { ...config, authorization: "Basic ZGVtbzpkZW1v" });
  handle.setAuthorization(null);
  handle.setLocale("de_DE");
  handle.unmount();
}

// The glue directly: init once, then mount (or the standalone page's mountStandalone).
export async function withGlue(element: HTMLElement): Promise<MountHandle> {
  await init();
  if (element.id === "ox-panel-root") return mountStandalone(element);
  return mountAfterInit(element, config);
}

// createElement knows the tag (HTMLElementTagNameMap).
const panel = document.createElement("ox-panel");
const typed: OxPanelElement = panel;
typed.authorization = "Basic ZGVtbzpkZW1v";
panel.config = { planQuotasMb: { premium: 25600 } };
panel.setAttribute("mailbox", "premium.user");
document.body.append(panel);

// Event details are typed, on the element and on the document.
panel.addEventListener("oxpanel:plan-changed", (event) => {
  const { from, to, allowUpgrade }: { from: string; to: string; allowUpgrade: boolean } = event.detail;
  console.log(from, to, allowUpgrade);
});
panel.addEventListener("oxpanel:blackberry-action", (event) => {
  const status: number | null = event.detail.status;
  console.log(event.detail.action, status);
});
document.addEventListener("oxpanel:auth-required", (event) => {
  if (event.target instanceof OxPanelElement) event.target.authorization = null;
});
document.addEventListener("oxpanel:navigate", (event) => console.log(event.detail.mailbox ?? "the list"));
const found = document.querySelector("ox-panel");
console.log(found?.handle === null);

// @ts-expect-error account and domain are required
const missing: OxPanelConfig = { mailbox: "john.smith" };
// @ts-expect-error role is "user" or "admin"
const badRole: OxPanelConfig = { ...config, role: "owner" };
// @ts-expect-error sections name panels
const badSections: OxPanelConfig = { ...config, sections: ["mail"] };
// @ts-expect-error the credential is a property of the element, not part of `config`
panel.config = { authorization: "Basic x" };
panel.addEventListener("oxpanel:plan-changed", (event) => {
  // @ts-expect-error no such field in the detail
  console.log(event.detail.status);
});
console.log(missing, badRole, badSections);
