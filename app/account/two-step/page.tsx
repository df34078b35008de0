import type { Metadata } from "next";
import { ReauthDialog } from "@/components/account/ReauthDialog";
import { Section } from "@/components/account/Section";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { SetupPageContinue } from "@/components/mfa/SetupPageContinue";
import { TwoStepSection } from "@/components/mfa/TwoStepSection";
import { PageShell } from "@/components/ui/PageShell";
import { requirePageUser } from "@/lib/auth/session/page";
import { en } from "@/lib/i18n";

export const metadata: Metadata = { title: en.mfa.setupPage.title };

/**
 * The set-up page (docs/MFA.md "Policy"): the one page an account whose grace period is over may
 * open, so it carries no navigation to pages that would only send the person back here.
 */
export default async function TwoStepSetupPage() {
  const { publicUser: user } = await requirePageUser("/account/two-step", { mfaSetupPage: true });
  return (
    <PageShell width="xl" title={en.mfa.setupPage.title} intro={<p>{en.mfa.setupPage.intro}</p>} header={<SignOutButton className="min-h-11 px-3 text-sm" />}>
      <Section id="two-step" title={en.mfa.section} intro={en.mfa.intro}>
        <TwoStepSection email={user.email} />
      </Section>
      <SetupPageContinue />
      <ReauthDialog email={user.email} />
    </PageShell>
  );
}
