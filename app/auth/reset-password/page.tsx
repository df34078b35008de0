import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthLinks } from "@/components/auth/AuthLinks";
import { ResetPasswordForm } from "@/components/auth/ResetPasswordForm";
import { PageShell } from "@/components/ui/PageShell";
import { cardClass } from "@/components/ui/styles";
import { firstParam, type SearchParams } from "@/lib/client/search-params";
import { EmailSchema } from "@/lib/validation/fields";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reset"))("title"), referrer: "no-referrer" };
}

/**
 * `?token=` (the emailed link) or `?email=` (the code). The server only decides which form to
 * show; the token itself is never rendered into the HTML — the client reads it and strips it.
 */
export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const mode = firstParam(sp.token) ? "token" : "code";
  const parsed = EmailSchema.safeParse(firstParam(sp.email) ?? "");
  const t = await getTranslations();
  return (
    <PageShell title={t("reset.title")} intro={<p>{mode === "token" ? t("reset.introToken") : t("reset.introCode")}</p>}>
      <div className={cardClass}>
        <ResetPasswordForm mode={mode} email={parsed.success ? parsed.data : ""} />
      </div>
      <AuthLinks
        links={[
          { href: "/auth/forgot-password", label: t("reset.noCode") },
          { href: "/auth/login", label: t("forgot.back") },
        ]}
      />
    </PageShell>
  );
}
