import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignedInNav } from "@/components/account/SignedInNav";
import { PatientsWorkspace } from "@/components/patients/PatientsWorkspace";
import { PageShell } from "@/components/ui/PageShell";
import { touchLinkClass } from "@/components/ui/styles";
import { isApprovedDoctor } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session/page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("patients");
  return { title: t("title") };
}

/** An approved doctor's patients and their shared records (read and download only). */
export default async function PatientsPage() {
  const { publicUser: user, mfa } = await requirePageUser("/patients");
  const t = await getTranslations();
  const nav = <SignedInNav current="patients" role={user.role} mfaDaysLeft={mfa.daysLeft} deletionScheduledFor={user.deletionScheduledFor} />;
  const message = user.role !== "doctor" ? t("patients.doctorsOnly") : !isApprovedDoctor(user) ? t("patients.notApproved") : null;
  return (
    <PageShell width="xl" title={t("patients.title")} intro={message ? undefined : <p>{t("patients.intro")}</p>} header={nav}>
      {message ? (
        <>
          <p data-testid="patients-refused">{message}</p>
          <p>
            <Link href="/dashboard" className={touchLinkClass}>
              {t("records.backToDashboard")}
            </Link>
          </p>
        </>
      ) : (
        <PatientsWorkspace />
      )}
    </PageShell>
  );
}
