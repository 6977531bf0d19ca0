// ./x bench's floor page: plain JS, no framework, no wasm. It starts the very reads the
// app starts for its first render of the demo mailbox (as the emulator's request log
// lists them), all at once, prints the current plan and the BlackBerry status, and sets
// the mark `floor:data-rendered` once both are on the page (the app's is
// `oxp:data-rendered`). The credential is the demo's, as in index.html.
const api = "/api/accounts/test";
const mail = `${api}/email/test.com`;
const bb = `${api}/exchange/test.com/mailboxes/john.smith/blackberry`;
const headers = { authorization: "Basic ZGVtbzpkZW1v" };
const get = (path) => fetch(path, { headers }).then((r) => (r.ok ? r.json() : Promise.reject(r.status)));

const reads = {
  webmail: get(`${mail}/usernames/john.smith/webmail`),
  names: get(`${mail}/webmailNames`),
  mailbox: get(`${mail}/usernames/john.smith/mailbox`),
  limits: get(`${mail}/webmailLimits`),
  status: get(`${bb}/`),
  statistics: get(`${bb}/statistics`),
  counts: get(`${mail}/usernames?page=1&pageSize=500&details=1&`),
};

const show = (id, text) => (document.getElementById(id).textContent = text);
const plan = Promise.all([reads.webmail, reads.names]).then(([webmail, { webmailNames }]) =>
  show("plan", `${webmailNames[webmail.type] ?? webmail.type} (${webmail.type})`),
);
const status = reads.status.then(({ billingStatus }) => show("blackberry", billingStatus));
Promise.all([plan, status]).then(
  () => performance.mark("floor:data-rendered"),
  (error) => show("reads", `failed: ${error}`),
);
Promise.allSettled(Object.values(reads)).then((all) =>
  show("reads", all.map((r, i) => `${Object.keys(reads)[i]}: ${r.status}`).join("\n")),
);
