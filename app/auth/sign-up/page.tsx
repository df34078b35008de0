import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthLinks } from "@/components/auth/AuthLinks";
import { SignupForm } from "@/components/auth/SignupForm";
import { PageShell } from "@/components/ui/PageShell";
import { cardClass } from "@/components/ui/styles";
import { getPageUser } from "@/lib/auth/session/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signup"))("title") };
}

export default async function SignUpPage() {
  // Reading the session also makes the page dynamic, which the CSP nonce needs.
  if (await getPageUser()) redirect("/dashboard");
  const t = await getTranslations("signup");
  return (
    <PageShell title={t("title")} intro={<p>{t("intro")}</p>}>
      <div className={cardClass}>
        <SignupForm />
      </div>
      <AuthLinks
        links={[
          { href: "/auth/login", label: t("signIn"), prefix: t("haveAccount") },
          { href: "/auth/doctor/sign-up", label: t("doctorLink") },
        ]}
      />
    </PageShell>
  );
}
