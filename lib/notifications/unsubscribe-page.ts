import "server-only";
import { config } from "@/lib/config";
import { UNSUBSCRIBE_PAGE_CSP } from "@/lib/runtime/response-headers.mjs";
import type { Category } from "./unsubscribe-token";

/**
 * The pages behind an unsubscribe link (docs/NOTIFICATIONS.md "Unsubscribe"). GET only shows a
 * button, because mail scanners open every link; the button posts the RFC 8058 one-click form to
 * the same URL. Plain HTML from the route, no script: its policy (UNSUBSCRIBE_PAGE_CSP) allows inline
 * styles and a form posted to ourselves, nothing else.
 */

export const CATEGORY_LABELS: Record<Category, string> = {
  recordViewed: "“A doctor opened your records”",
  grantExpiring: "“Sharing ends soon”",
};

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);

function page(title: string, body: string, status = 200): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)} · CareGate</title>
<style>body{font-family:system-ui,sans-serif;color:#111;max-width:36rem;margin:0 auto;padding:1.5rem;line-height:1.5}button{font:inherit;padding:.6rem 1.2rem;border-radius:.4rem;border:0;background:#0f5f8c;color:#fff;cursor:pointer}a{color:#0f5f8c}</style></head>
<body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": UNSUBSCRIBE_PAGE_CSP, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
  });
}

const accountLink = () => `<p>You can change all your email choices on <a href="${esc(config().APP_URL)}/account">your account page</a>.</p>`;

/** GET: asks, changes nothing. */
export function confirmPage(token: string, category: Category): Response {
  const action = `/api/unsubscribe/${encodeURIComponent(token)}`;
  return page(
    "Stop these emails?",
    `<p>Stop sending ${esc(CATEGORY_LABELS[category])} emails to this account? Security emails (sign-ins from a new device, password and email changes, codes) are sent whatever you choose.</p>
<form method="post" action="${esc(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>${accountLink()}`,
  );
}

/** POST from this page's button (a browser wants a page back; mail clients get JSON). */
export function donePage(category: Category): Response {
  return page("You are unsubscribed", `<p>You will no longer get ${esc(CATEGORY_LABELS[category])} emails.</p>${accountLink()}`);
}

export function invalidLinkPage(): Response {
  return page("This link does not work", `<p>This unsubscribe link is not valid: it may have been cut short or changed.</p>${accountLink()}`, 400);
}

/** `accept`: the request's Accept header. */
export const wantsHtml = (accept: string | null) => /\btext\/html\b/.test(accept ?? "");
