import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthLinks } from "@/components/auth/AuthLinks";
import { ForgotPasswordForm } from "@/components/auth/ForgotPasswordForm";
import { PageShell } from "@/components/ui/PageShell";
import { cardClass } from "@/components/ui/styles";
import { firstParam, type SearchParams } from "@/lib/client/search-params";
import { EmailSchema } from "@/lib/validation/fields";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forgot"))("title") };
}

export default async function ForgotPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const parsed = EmailSchema.safeParse(firstParam((await searchParams).email) ?? "");
  const t = await getTranslations("forgot");
  return (
    <PageShell title={t("title")} intro={<p>{t("intro")}</p>}>
      <div className={cardClass}>
        <ForgotPasswordForm initialEmail={parsed.success ? parsed.data : ""} />
      </div>
      <AuthLinks links={[{ href: "/auth/login", label: t("back") }]} />
    </PageShell>
  );
}
