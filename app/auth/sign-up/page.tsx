import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthLinks } from "@/components/auth/AuthLinks";
import { SignupForm } from "@/components/auth/SignupForm";
import { PageShell } from "@/components/ui/PageShell";
import { cardClass } from "@/components/ui/styles";
import { getPageUser } from "@/lib/auth/session/page";
import { en } from "@/lib/i18n";

export const metadata: Metadata = { title: en.signup.title };

export default async function SignUpPage() {
  // Reading the session also makes the page dynamic, which the CSP nonce needs.
  if (await getPageUser()) redirect("/dashboard");
  return (
    <PageShell title={en.signup.title} intro={<p>{en.signup.intro}</p>}>
      <div className={cardClass}>
        <SignupForm />
      </div>
      <AuthLinks
        links={[
          { href: "/auth/login", label: en.signup.signIn, prefix: en.signup.haveAccount },
          { href: "/auth/doctor/sign-up", label: en.signup.doctorLink },
        ]}
      />
    </PageShell>
  );
}
