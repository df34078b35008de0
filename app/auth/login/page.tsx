import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthLinks } from "@/components/auth/AuthLinks";
import { LoginForm } from "@/components/auth/LoginForm";
import { PageShell } from "@/components/ui/PageShell";
import { cardClass } from "@/components/ui/styles";
import { getPageUser } from "@/lib/auth/session/page";
import { safeNextPath } from "@/lib/auth/session/redirects";
import { firstParam, type SearchParams } from "@/lib/client/search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const next = safeNextPath(firstParam((await searchParams).next));
  if (await getPageUser()) redirect(next);
  const t = await getTranslations("login");
  return (
    <PageShell title={t("title")}>
      <div className={cardClass}>
        <LoginForm next={next} />
      </div>
      <AuthLinks
        links={[
          { href: "/auth/forgot-password", label: t("forgot") },
          { href: "/auth/sign-up", label: t("signUp"), prefix: t("noAccount") },
          { href: "/auth/doctor/sign-up", label: t("doctorSignUp") },
        ]}
      />
    </PageShell>
  );
}
