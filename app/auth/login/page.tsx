import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthLinks } from "@/components/auth/AuthLinks";
import { LoginForm } from "@/components/auth/LoginForm";
import { PageShell } from "@/components/ui/PageShell";
import { cardClass } from "@/components/ui/styles";
import { getPageUser } from "@/lib/auth/session/page";
import { safeNextPath } from "@/lib/auth/session/redirects";
import { firstParam, type SearchParams } from "@/lib/client/search-params";
import { en } from "@/lib/i18n";

export const metadata: Metadata = { title: en.login.title };

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const next = safeNextPath(firstParam((await searchParams).next));
  if (await getPageUser()) redirect(next);
  return (
    <PageShell title={en.login.title}>
      <div className={cardClass}>
        <LoginForm next={next} />
      </div>
      <AuthLinks
        links={[
          { href: "/auth/forgot-password", label: en.login.forgot },
          { href: "/auth/sign-up", label: en.login.signUp, prefix: en.login.noAccount },
          { href: "/auth/doctor/sign-up", label: en.login.doctorSignUp },
        ]}
      />
    </PageShell>
  );
}
