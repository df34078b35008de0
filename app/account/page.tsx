import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { deletionDate } from "@/components/account-data/deletion-date";
import { SectionList } from "@/components/account/SectionList";
import { SignedInNav } from "@/components/account/SignedInNav";
import { PageShell } from "@/components/ui/PageShell";
import { listSessions } from "@/lib/auth/flows/sessions";
import { requirePageUser } from "@/lib/auth/session/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("area.title") };
}

/**
 * The settings area's front page (docs/DECISIONS.md "The account page lists the sections"): at
 * every width, the sections with a line each and how things stand.
 */
export default async function AccountPage() {
  const session = await requirePageUser("/account");
  const { publicUser: user, mfa } = session;
  const t = await getTranslations("account");
  const locale = await getLocale();
  const devices = (await listSessions(user.id, session.sessionId)).length;
  const status = {
    twoStep: session.user.mfaEnabledAt ? t("status.twoStepOn") : t("status.twoStepOff"),
    devices: t("status.devices", { count: devices }),
    ...(user.deletionScheduledFor
      ? { data: t("status.deletion", { date: deletionDate(user.deletionScheduledFor.toISOString(), locale) }) }
      : {}),
  };
  return (
    <PageShell
      width="3xl"
      title={t("area.title")}
      intro={<p>{t("area.intro")}</p>}
      header={<SignedInNav current="account" role={user.role} mfaDaysLeft={mfa.daysLeft} deletionScheduledFor={user.deletionScheduledFor} />}
    >
      <SectionList status={status} />
    </PageShell>
  );
}
