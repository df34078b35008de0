import type { ReactNode } from "react";
import { PageShell } from "@/components/ui/PageShell";
import type { PageSession } from "@/lib/auth/session/page";
import { ReauthDialog } from "./ReauthDialog";
import { BackToSettings, SettingsNav } from "./SettingsNav";
import { SignedInNav } from "./SignedInNav";
import type { AccountSection } from "./sections";

/**
 * The frame of every section of the settings area: the signed-in header, the section's title as
 * the page's h1, the side navigation from 1024 px (a link back to the list below that), and the
 * proof dialog, so a call that answers REAUTH_REQUIRED on any section is confirmed in place.
 */
export function AccountArea({
  current,
  session,
  title,
  intro,
  children,
}: {
  current: AccountSection;
  session: PageSession;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const { publicUser: user, mfa } = session;
  return (
    <PageShell
      width="3xl"
      title={title}
      intro={intro}
      header={<SignedInNav current="account" role={user.role} mfaDaysLeft={mfa.daysLeft} deletionScheduledFor={user.deletionScheduledFor} />}
    >
      <div className="flex flex-col gap-6 lg:grid lg:grid-cols-[12rem_minmax(0,1fr)] lg:items-start lg:gap-8">
        <SettingsNav current={current} />
        <BackToSettings />
        <div className="flex min-w-0 flex-col gap-6">{children}</div>
      </div>
      <ReauthDialog email={user.email} />
    </PageShell>
  );
}
