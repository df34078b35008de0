import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DeletePanel } from "@/components/account-data/DeletePanel";
import { ExportPanel } from "@/components/account-data/ExportPanel";
import { AccountArea } from "@/components/account/AccountArea";
import { NotificationsForm } from "@/components/account/NotificationsForm";
import { Section } from "@/components/account/Section";
import { dataSettings } from "@/lib/account-data/settings";
import { requirePageUser } from "@/lib/auth/session/page";
import { preferencesOf } from "@/lib/notifications/preferences";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountData"))("title") };
}

/** Your data (docs/PRIVACY.md): download everything, choose notifications, delete the account. */
export default async function AccountDataPage() {
  const session = await requirePageUser("/account/data");
  const { publicUser: user, user: row } = session;
  const t = await getTranslations("accountData");
  const n = await getTranslations("notifications");
  const settings = dataSettings();
  return (
    <AccountArea current="data" session={session} title={t("title")} intro={<p>{t("intro")}</p>}>
      <Section id="export" title={t("export.title")} intro={t("export.intro")}>
        <ExportPanel exportsPerDay={settings.exportsPerDay} />
      </Section>
      <Section id="notifications" title={n("section")} intro={n("intro")}>
        <NotificationsForm initial={preferencesOf(row)} role={user.role} />
      </Section>
      <Section id="delete" title={t("deletion.title")} intro={t("deletion.intro", { days: settings.graceDays })}>
        <DeletePanel wouldBeOn={settings.wouldBeDeletedOn} scheduledFor={user.deletionScheduledFor?.toISOString() ?? null} />
      </Section>
    </AccountArea>
  );
}
