import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountArea } from "@/components/account/AccountArea";
import { ReauthDialog } from "@/components/account/ReauthDialog";
import { twoStepForPage } from "@/app/account/initial-data";
import { Panel } from "@/components/account/Section";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { SetupPageContinue } from "@/components/mfa/SetupPageContinue";
import { TwoStepSection } from "@/components/mfa/TwoStepSection";
import { PageShell } from "@/components/ui/PageShell";
import { getPageUser, requirePageUser } from "@/lib/auth/session/page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("mfa");
  return { title: (await getPageUser())?.mfa.overdue ? t("setupPage.title") : t("section") };
}

/**
 * A section of the settings area, and also the set-up page (docs/MFA.md "Policy"): the one page
 * an account whose grace period is over may open, so then it carries no navigation to pages that
 * would only send the person back here.
 */
export default async function TwoStepPage() {
  const session = await requirePageUser("/account/two-step", { mfaSetupPage: true });
  const t = await getTranslations("mfa");
  const email = session.publicUser.email;
  const initial = await twoStepForPage(session.user);
  if (!session.mfa.overdue) {
    return (
      <AccountArea current="twoStep" session={session} title={t("section")} intro={<p>{t("intro")}</p>}>
        <Panel id="two-step">
          <TwoStepSection email={email} initial={initial} />
        </Panel>
      </AccountArea>
    );
  }
  return (
    <PageShell width="xl" title={t("setupPage.title")} intro={<p>{t("setupPage.intro")}</p>} header={<SignOutButton className="min-h-11 px-3 text-sm" />}>
      <Panel id="two-step">
        <p className="text-sm text-slate-700">{t("intro")}</p>
        <TwoStepSection email={email} initial={initial} />
      </Panel>
      <SetupPageContinue />
      <ReauthDialog email={email} />
    </PageShell>
  );
}
