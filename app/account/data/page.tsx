import type { Metadata } from "next";
import { DeletePanel } from "@/components/account-data/DeletePanel";
import { ExportPanel } from "@/components/account-data/ExportPanel";
import { NotificationsForm } from "@/components/account/NotificationsForm";
import { ReauthDialog } from "@/components/account/ReauthDialog";
import { Section } from "@/components/account/Section";
import { SignedInNav } from "@/components/account/SignedInNav";
import { PageShell } from "@/components/ui/PageShell";
import { dataSettings } from "@/lib/account-data/settings";
import { requirePageUser } from "@/lib/auth/session/page";
import { preferencesOf } from "@/lib/notifications/preferences";
import { en, fmt } from "@/lib/i18n";

export const metadata: Metadata = { title: en.accountData.title };

const t = en.accountData;

/** Your data (docs/PRIVACY.md): download everything, choose notifications, delete the account. */
export default async function AccountDataPage() {
  const { publicUser: user, mfa, user: row } = await requirePageUser("/account/data");
  const settings = dataSettings();
  return (
    <PageShell
      width="xl"
      title={t.title}
      intro={<p>{t.intro}</p>}
      header={<SignedInNav current="account" role={user.role} mfaDaysLeft={mfa.daysLeft} deletionScheduledFor={user.deletionScheduledFor} />}
    >
      <Section id="export" title={t.export.title} intro={t.export.intro}>
        <ExportPanel exportsPerDay={settings.exportsPerDay} />
      </Section>
      <Section id="notifications" title={en.notifications.section} intro={en.notifications.intro}>
        <NotificationsForm initial={preferencesOf(row)} role={user.role} />
      </Section>
      <Section id="delete" title={t.deletion.title} intro={fmt(t.deletion.intro, { days: settings.graceDays })}>
        <DeletePanel wouldBeOn={settings.wouldBeDeletedOn} scheduledFor={user.deletionScheduledFor?.toISOString() ?? null} />
      </Section>
      <ReauthDialog email={user.email} />
    </PageShell>
  );
}
