import "server-only";
import { config } from "@/lib/config";
import type { Locale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translate";
import { esc, type MailWriter, mailWriter } from "@/lib/mail/i18n";
import { UNSUBSCRIBE_PAGE_CSP } from "@/lib/runtime/response-headers.mjs";
import type { Category } from "./unsubscribe-token";

/**
 * The pages behind an unsubscribe link (docs/NOTIFICATIONS.md "Unsubscribe"), in the language of
 * the request that opens them (docs/I18N.md "Emails"). GET only shows a button, because mail
 * scanners open every link; the button posts the RFC 8058 one-click form to the same URL. Plain
 * HTML from the route, no script: its policy (UNSUBSCRIBE_PAGE_CSP) allows inline styles and a form
 * posted to ourselves, nothing else.
 */

function page(w: MailWriter, title: string, body: string, status = 200): Response {
  const html = `<!doctype html><html lang="${w.locale}" dir="${w.dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)} · CareGate</title>
<style>body{font-family:system-ui,sans-serif;color:#111;max-width:36rem;margin:0 auto;padding:1.5rem;line-height:1.5}button{font:inherit;padding:.6rem 1.2rem;border-radius:.4rem;border:0;background:#0f5f8c;color:#fff;cursor:pointer}a{color:#0f5f8c}</style></head>
<body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": UNSUBSCRIBE_PAGE_CSP, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
  });
}

const accountLink = (w: MailWriter) => {
  const href = `${esc(config().APP_URL)}/account/data`;
  const sentence = translator(w.locale).markup("emails.unsubscribe.accountLink", { link: (chunks) => `\uE000${chunks}\uE001` });
  const html = esc(sentence).replace(/\uE000([^\uE001]*)\uE001/, (_, label: string) => `<a href="${href}">${label}</a>`);
  return `<p>${html}</p>`;
};

const category = (w: MailWriter, c: Category) => w.words(`unsubscribe.categories.${c}`);

/** GET: asks, changes nothing. */
export function confirmPage(token: string, c: Category, locale: Locale): Response {
  const w = mailWriter(locale);
  const action = `/api/unsubscribe/${encodeURIComponent(token)}`;
  return page(
    w,
    w.words("unsubscribe.confirmTitle"),
    `<p>${w.line("unsubscribe.confirmBody", { category: category(w, c) }).html}</p>
<form method="post" action="${esc(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${esc(w.words("unsubscribe.button"))}</button></form>${accountLink(w)}`,
  );
}

/** POST from this page's button (a browser wants a page back; mail clients get JSON). */
export function donePage(c: Category, locale: Locale): Response {
  const w = mailWriter(locale);
  return page(w, w.words("unsubscribe.doneTitle"), `<p>${w.line("unsubscribe.doneBody", { category: category(w, c) }).html}</p>${accountLink(w)}`);
}

export function invalidLinkPage(locale: Locale): Response {
  const w = mailWriter(locale);
  return page(w, w.words("unsubscribe.invalidTitle"), `<p>${esc(w.words("unsubscribe.invalidBody"))}</p>${accountLink(w)}`, 400);
}

/** `accept`: the request's Accept header. */
export const wantsHtml = (accept: string | null) => /\btext\/html\b/.test(accept ?? "");
