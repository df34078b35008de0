import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignedInNav } from "@/components/account/SignedInNav";
import { AdminHome } from "./AdminHome";
import { Block } from "@/components/dashboard/Block";
import { DoctorHome } from "./DoctorHome";
import { PatientHome } from "./PatientHome";
import { PageShell } from "@/components/ui/PageShell";
import { requirePageUser } from "@/lib/auth/session/page";
import { isAdminRole } from "@/lib/validation/admin";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

/**
 * The home page, by role (docs/DECISIONS.md "The home page"): what a patient, a doctor or an admin came
 * for, each block a summary that links to its page. Who is signed in is settled before anything is
 * sent (a signed-out visitor is redirected with a real 307); the blocks then stream in.
 */
export default async function DashboardPage() {
  const { publicUser: user, user: row, mfa } = await requirePageUser("/dashboard");
  const t = await getTranslations("dashboard");

  return (
    <PageShell
      width="6xl"
      title={t("welcome", { name: user.name })}
      intro={<p data-testid="role">{t("roleLabel", { role: t(`roles.${user.role}`) })}</p>}
      header={<SignedInNav current="dashboard" role={user.role} mfaDaysLeft={mfa.daysLeft} deletionScheduledFor={user.deletionScheduledFor} />}
    >
      {user.role === "patient" ? <PatientHome patientId={user.id} twoStepOn={Boolean(row.mfaEnabledAt)} /> : null}
      {user.role === "doctor" ? <DoctorHome doctorId={user.id} approval={user.approval} reason={user.rejectionReason} /> : null}
      {isAdminRole(user.role) ? <AdminHome /> : null}
      <Block id="account-link" title={t("account")} intro={t("accountDesc")} link={{ href: "/account", label: t("accountLink") }} />
    </PageShell>
  );
}
