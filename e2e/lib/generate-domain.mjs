// A fixture with one generated domain of N mailboxes, for the domain view's tests and
// benchmark (the emulator's own demo has a fixed 300-mailbox domain, big-domain.com).
//
//   import { generatedFixture } from "../lib/generate-domain.mjs";
//   await resetFixture(baseUrl, generatedFixture({ domain: "gen.com", count: 1000 }));
//
// or from the shell, into a file for `hostway-emulator --fixture FILE`:
//
//   node e2e/lib/generate-domain.mjs gen.com 10000 > /tmp/gen.json
//
// Mailboxes are `user00001` … (zero-padded, so name order is number order), the same on
// every run: every 10th premium, every 5th (not 10th) activesync, the rest standard;
// every 7th has `allowUpgrade` false; quota follows the type. The account is `test`,
// the credentials the demo's (user `Basic ZGVtbzpkZW1v`, admin `Basic YWRtaW46YWRtaW4=`).
import { pathToFileURL } from "node:url";

export const USER_AUTH = "Basic ZGVtbzpkZW1v";
export const ADMIN_AUTH = "Basic YWRtaW46YWRtaW4=";
const QUOTAS = { standard: 1024, activesync: 5120, premium: 25600 };

/** The name of the i-th generated mailbox (1-based). */
export function generatedName(i, count) {
  return `user${String(i).padStart(Math.max(5, String(count).length), "0")}`;
}

/** The generated mailboxes as a fixture `mailboxes` object. */
export function generatedMailboxes(count) {
  const mailboxes = {};
  for (let i = 1; i <= count; i++) {
    const type = i % 10 === 0 ? "premium" : i % 5 === 0 ? "activesync" : "standard";
    mailboxes[generatedName(i, count)] = {
      type,
      allowUpgrade: i % 7 !== 0,
      quota: QUOTAS[type],
      usage: (i * 37) % 1000,
      master: i === 1,
    };
  }
  return mailboxes;
}

/**
 * A whole fixture: account `test` with the generated domain (and `extra` mailboxes
 * merged in, e.g. hand-made rows for a test).
 */
export function generatedFixture({ domain = "gen.com", count = 100, limits = {}, extra = {} } = {}) {
  return {
    credentials: { [USER_AUTH]: "user", [ADMIN_AUTH]: "admin" },
    accounts: {
      test: {
        domains: {
          [domain]: {
            webmailNames: { standard: "SMX Mail Basic", activesync: "SMX Sync Advanced", premium: "SMA Collaborate Premium" },
            webmailLimits: { standard: -1, activesync: -1, premium: -1, ...limits },
            planQuotasMb: QUOTAS,
            upgradesEnabled: true,
            mailboxes: { ...generatedMailboxes(count), ...extra },
          },
        },
      },
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [domain, n] = process.argv.slice(2);
  const count = Number(n);
  if (!domain || !Number.isInteger(count) || count < 0 || count > 1_000_000) {
    console.error("usage: node e2e/lib/generate-domain.mjs DOMAIN N   (0 <= N <= 1000000)");
    process.exit(2);
  }
  process.stdout.write(JSON.stringify(generatedFixture({ domain, count })));
}
