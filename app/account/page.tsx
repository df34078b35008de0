import type { Metadata } from "next";
import Link from "next/link";
import { ChangeEmailForm } from "@/components/account/ChangeEmailForm";
import { ChangePasswordForm } from "@/components/account/ChangePasswordForm";
import { NotificationsForm } from "@/components/account/NotificationsForm";
import { ProfileForm } from "@/components/account/ProfileForm";
import { ReauthDialog } from "@/components/account/ReauthDialog";
import { Section } from "@/components/account/Section";
import { SessionsList } from "@/components/account/SessionsList";
import { SignedInNav } from "@/components/account/SignedInNav";
import { TwoStepSection } from "@/components/mfa/TwoStepSection";
import { PageShell } from "@/components/ui/PageShell";
import { touchLinkClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session/page";
import { en } from "@/lib/i18n";
import { preferencesOf } from "@/lib/notifications/preferences";

export const metadata: Metadata = { title: en.account.title };

const a = en.account;

export default async function AccountPage() {
  const { publicUser: user, mfa, user: row } = await requirePageUser("/account");

  return (
    <PageShell width="xl" title={a.title} header={<SignedInNav current="account" role={user.role} mfaDaysLeft={mfa.daysLeft} deletionScheduledFor={user.deletionScheduledFor} />}>
      <Section id="profile" title={a.profile.title}>
        <ProfileForm user={user} />
      </Section>
      <Section id="password" title={a.password.title} intro={a.password.intro}>
        <ChangePasswordForm email={user.email} />
      </Section>
      <Section id="email" title={a.email.title} intro={a.email.intro}>
        <ChangeEmailForm email={user.email} />
      </Section>
      <Section id="two-step" title={en.mfa.section} intro={en.mfa.intro}>
        <TwoStepSection email={user.email} />
      </Section>
      <Section id="sessions" title={a.sessions.title} intro={a.sessions.intro}>
        <SessionsList />
      </Section>
      <Section id="notifications" title={en.notifications.section} intro={en.notifications.intro}>
        <NotificationsForm initial={preferencesOf(row)} role={user.role} />
      </Section>
      <Section id="your-data" title={en.accountData.title} intro={en.accountData.intro}>
        <Link href="/account/data" className={touchLinkClass}>
          {en.accountData.linkFromAccount}
        </Link>
      </Section>
      <ReauthDialog email={user.email} />
    </PageShell>
  );
}
