import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { PageShell } from "@/components/ui/PageShell";
import { touchLinkClass } from "@/components/ui/styles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notFound"))("title") };
}

/** Rendered per request (not prerendered) so its scripts carry the CSP nonce like every other page. */
export default async function NotFound() {
  await connection();
  const t = await getTranslations("notFound");
  return (
    <PageShell title={t("title")} intro={<p>{t("body")}</p>}>
      <p>
        <Link href="/" className={touchLinkClass}>
          {t("home")}
        </Link>
      </p>
    </PageShell>
  );
}
