import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { getPageUser } from "@/lib/auth/session/page";
import { clientMessages } from "@/lib/i18n/client-messages";
import { dirOf } from "@/lib/i18n/locale";
// Self-hosted (the CSP allows fonts from our origin only; nothing is fetched from elsewhere).
import "@fontsource-variable/noto-sans-arabic";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, messages, session] = await Promise.all([getLocale(), getMessages(), getPageUser()]);
  return (
    <html lang={locale} dir={dirOf(locale)}>
      <body className="min-h-screen font-sans">
        {/* Locale and time zone come from i18n/request.ts; of the words, only what components can read. */}
        <NextIntlClientProvider messages={clientMessages(messages, Boolean(session))}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
