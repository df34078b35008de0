import type { Metadata } from "next";
import { AuthLinks } from "@/components/auth/AuthLinks";
import { ForgotPasswordForm } from "@/components/auth/ForgotPasswordForm";
import { PageShell } from "@/components/ui/PageShell";
import { cardClass } from "@/components/ui/styles";
import { firstParam, type SearchParams } from "@/lib/client/search-params";
import { en } from "@/lib/i18n";
import { EmailSchema } from "@/lib/validation/fields";

export const metadata: Metadata = { title: en.forgot.title };

export default async function ForgotPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const parsed = EmailSchema.safeParse(firstParam((await searchParams).email) ?? "");
  return (
    <PageShell title={en.forgot.title} intro={<p>{en.forgot.intro}</p>}>
      <div className={cardClass}>
        <ForgotPasswordForm initialEmail={parsed.success ? parsed.data : ""} />
      </div>
      <AuthLinks links={[{ href: "/auth/login", label: en.forgot.back }]} />
    </PageShell>
  );
}
