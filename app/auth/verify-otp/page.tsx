import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthLinks } from "@/components/auth/AuthLinks";
import { VerifyOtpForm } from "@/components/auth/VerifyOtpForm";
import { PageShell } from "@/components/ui/PageShell";
import { cardClass } from "@/components/ui/styles";
import { config } from "@/lib/config";
import { firstParam, type SearchParams } from "@/lib/client/search-params";
import { EmailSchema } from "@/lib/validation/fields";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verify"))("title") };
}

/**
 * ?email= names the account (from sign-up or sign-in). Sign-up just sent a code, so the resend
 * countdown starts at once; the sign-in page links here with &sent=0 because it sent nothing.
 */
export default async function VerifyOtpPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const parsed = EmailSchema.safeParse(firstParam(sp.email) ?? "");
  const email = parsed.success ? parsed.data : null;
  const justSent = firstParam(sp.sent) !== "0";
  const cooldown = email && justSent ? config().RESEND_COOLDOWN_SECONDS : 0;
  const t = await getTranslations();
  // The address keeps its own direction inside Arabic text.
  const bdi = (chunks: React.ReactNode) => <bdi>{chunks}</bdi>;
  return (
    <PageShell
      title={t("verify.title")}
      intro={
        <p className="break-words">
          {email ? t.rich(justSent ? "verify.introWithEmail" : "verify.introExisting", { email, bdi }) : t("verify.intro")}
        </p>
      }
    >
      <div className={cardClass}>
        <VerifyOtpForm email={email} cooldownSeconds={cooldown} />
      </div>
      <AuthLinks links={[{ href: "/auth/login", label: t("signup.signIn"), prefix: t("signup.haveAccount") }]} />
    </PageShell>
  );
}
