import type { Metadata } from "next";
import Link from "next/link";
import { SignedInNav } from "@/components/account/SignedInNav";
import { PatientsWorkspace } from "@/components/patients/PatientsWorkspace";
import { PageShell } from "@/components/ui/PageShell";
import { touchLinkClass } from "@/components/ui/styles";
import { isApprovedDoctor } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session/page";
import { en } from "@/lib/i18n";

export const metadata: Metadata = { title: en.patients.title };

const p = en.patients;

/** An approved doctor's patients and their shared records (read and download only). */
export default async function PatientsPage() {
  const { publicUser: user, mfa } = await requirePageUser("/patients");
  const nav = <SignedInNav current="patients" role={user.role} mfaDaysLeft={mfa.daysLeft} deletionScheduledFor={user.deletionScheduledFor} />;
  const message = user.role !== "doctor" ? p.doctorsOnly : !isApprovedDoctor(user) ? p.notApproved : null;
  return (
    <PageShell width="xl" title={p.title} intro={message ? undefined : <p>{p.intro}</p>} header={nav}>
      {message ? (
        <>
          <p data-testid="patients-refused">{message}</p>
          <p>
            <Link href="/dashboard" className={touchLinkClass}>
              {en.records.backToDashboard}
            </Link>
          </p>
        </>
      ) : (
        <PatientsWorkspace />
      )}
    </PageShell>
  );
}
