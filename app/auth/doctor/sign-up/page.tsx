import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthLinks } from "@/components/auth/AuthLinks";
import { SignupForm } from "@/components/auth/SignupForm";
import { PageShell } from "@/components/ui/PageShell";
import { cardClass } from "@/components/ui/styles";
import { getPageUser } from "@/lib/auth/session/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("doctorSignup"))("title") };
}

export default async function DoctorSignUpPage() {
  if (await getPageUser()) redirect("/dashboard");
  const t = await getTranslations();
  return (
    <PageShell title={t("doctorSignup.title")} intro={<p>{t("doctorSignup.intro")}</p>}>
      <div className={cardClass}>
        <SignupForm doctor />
      </div>
      <AuthLinks
        links={[
          { href: "/auth/login", label: t("signup.signIn"), prefix: t("signup.haveAccount") },
          { href: "/auth/sign-up", label: t("signup.patientLink") },
        ]}
      />
    </PageShell>
  );
}
