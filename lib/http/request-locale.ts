import "server-only";
import { fromCookieHeader, type Locale, resolveLocale } from "@/lib/i18n/locale";
import type { HeaderSource } from "./client-ip";

/**
 * The language an API answer's `error` and `fields` are written in (docs/I18N.md "API errors"):
 * the signed-in account's locale, then the `locale` cookie, then Accept-Language, then English.
 * The handler that writes an error does not know the account — the route learns it after the
 * handler started — so the route notes the request's resolved language here, and the error path
 * reads it; a request that failed before that (no session, or none yet) is answered in the
 * language its headers ask for.
 */
const noted = new WeakMap<Request, Locale>();

/** The request's language from its headers, and the signed-in account's stored locale when there is one (the actor's too). */
export function localeOf(source: HeaderSource, account?: string | null): Locale {
  return resolveLocale({
    account,
    cookie: fromCookieHeader(source.headers.get("cookie")),
    acceptLanguage: source.headers.get("accept-language"),
  });
}

/** Called by the request layer (lib/openapi/route.ts) once it knows who is signed in. */
export function noteRequestLocale(request: Request, locale: Locale): void {
  noted.set(request, locale);
}

/** The language to answer this request in. */
export function answerLocale(request: Request | undefined): Locale {
  if (!request) return "en";
  return noted.get(request) ?? localeOf(request);
}
