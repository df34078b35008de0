import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getPageUser } from "@/lib/auth/session/page";
import { catalogueFor } from "@/lib/i18n/catalogues";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/locale";

/**
 * next-intl's per-request configuration for pages (docs/I18N.md "Which language"): no locale in
 * the URL; the signed-in account's language, then the switch's cookie, then Accept-Language. The
 * account is read through `getPageUser`, which a page asks for anyway (one lookup per request).
 * Time zone UTC so that a date rendered on the server and hydrated in the browser is the same text.
 */
export default getRequestConfig(async () => {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const session = await getPageUser();
  const locale = resolveLocale({
    account: session?.user.locale,
    cookie,
    acceptLanguage: (await headers()).get("accept-language"),
  });
  return { locale, messages: catalogueFor(locale), timeZone: "UTC" };
});
