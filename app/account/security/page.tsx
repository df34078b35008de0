import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountArea } from "@/components/account/AccountArea";
import { ChangeEmailForm } from "@/components/account/ChangeEmailForm";
import { ChangePasswordForm } from "@/components/account/ChangePasswordForm";
import { Section } from "@/components/account/Section";
import { requirePageUser } from "@/lib/auth/session/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("security.title") };
}

/** The two ways in that a person changes themselves: the password and the sign-in email. */
export default async function SecurityPage() {
  const session = await requirePageUser("/account/security");
  const t = await getTranslations("account");
  const email = session.publicUser.email;
  return (
    <AccountArea current="security" session={session} title={t("security.title")} intro={<p>{t("security.intro")}</p>}>
      <Section id="password" title={t("password.title")} intro={t("password.intro")}>
        <ChangePasswordForm email={email} />
      </Section>
      <Section id="email" title={t("email.title")} intro={t("email.intro")}>
        <ChangeEmailForm email={email} />
      </Section>
    </AccountArea>
  );
}
