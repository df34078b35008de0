import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountArea } from "@/components/account/AccountArea";
import { sessionsForPage } from "@/app/account/initial-data";
import { Panel } from "@/components/account/Section";
import { SessionsList } from "@/components/account/SessionsList";
import { requirePageUser } from "@/lib/auth/session/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("sessions.title") };
}

/** The signed-in devices, listed on the server so the page arrives whole; sign one out, or all. */
export default async function DevicesPage() {
  const session = await requirePageUser("/account/devices");
  const t = await getTranslations("account");
  const sessions = await sessionsForPage(session.user.id, session.sessionId);
  return (
    <AccountArea current="devices" session={session} title={t("sessions.title")} intro={<p>{t("sessions.intro")}</p>}>
      <Panel id="sessions">
        <SessionsList initial={sessions} />
      </Panel>
    </AccountArea>
  );
}
