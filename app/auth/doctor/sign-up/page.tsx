import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthLinks } from "@/components/auth/AuthLinks";
import { SignupForm } from "@/components/auth/SignupForm";
import { PageShell } from "@/components/ui/PageShell";
import { cardClass } from "@/components/ui/styles";
import { getPageUser } from "@/lib/auth/session/page";
import { en } from "@/lib/i18n";

export const metadata: Metadata = { title: en.doctorSignup.title };

export default async function DoctorSignUpPage() {
  if (await getPageUser()) redirect("/dashboard");
  return (
    <PageShell title={en.doctorSignup.title} intro={<p>{en.doctorSignup.intro}</p>}>
      <div className={cardClass}>
        <SignupForm doctor />
      </div>
      <AuthLinks
        links={[
          { href: "/auth/login", label: en.signup.signIn, prefix: en.signup.haveAccount },
          { href: "/auth/sign-up", label: en.signup.patientLink },
        ]}
      />
    </PageShell>
  );
}
