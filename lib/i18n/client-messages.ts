import type { Messages } from "./en";

/**
 * What the browser's components get of the catalogue (the root layout's NextIntlClientProvider):
 * every page would otherwise carry all of it in its HTML — 50 KB in English, 77 KB in Arabic, whose
 * letters take two bytes each — and rendering that is most of what an Arabic page costs more
 * (docs/PERFORMANCE.md "Pages in two languages"). Emails and the server-rendered pages' own words
 * never reach a component; a signed-out visitor only ever sees the sign-in, sign-up and reference
 * pages, whose components read none of the signed-in areas' words (those pages redirect first).
 */
const SERVER_ONLY = ["emails", "mailbox", "notFound", "home"] as const;
const SIGNED_IN_ONLY = ["records", "patients", "admin", "dashboard", "accountData", "notifications"] as const;

export function clientMessages(messages: Messages, signedIn: boolean): Partial<Messages> {
  const drop = new Set<string>([...SERVER_ONLY, ...(signedIn ? [] : SIGNED_IN_ONLY)]);
  return Object.fromEntries(Object.entries(messages).filter(([namespace]) => !drop.has(namespace))) as Partial<Messages>;
}
