import type { Metadata } from "next";
import Link from "next/link";
import { SignedInNav } from "@/components/account/SignedInNav";
import { RecordsWorkspace } from "@/components/records/RecordsWorkspace";
import { PageShell } from "@/components/ui/PageShell";
import { touchLinkClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session/page";
import { en } from "@/lib/i18n";
import { uploadLimits } from "@/lib/records/records";

export const metadata: Metadata = { title: en.records.title };

const r = en.records;

/** The patient's health records: upload, list, preview, download, delete, sharing, access log. */
export default async function RecordsPage() {
  const { publicUser: user, mfa } = await requirePageUser("/records");
  const nav = <SignedInNav current="records" role={user.role} mfaDaysLeft={mfa.daysLeft} deletionScheduledFor={user.deletionScheduledFor} />;
  if (user.role !== "patient") {
    return (
      <PageShell width="xl" title={r.title} header={nav}>
        <p>{r.patientsOnly}</p>
        <p>
          {user.role === "doctor" ? (
            <Link href="/patients" className={touchLinkClass}>
              {r.doctorsGoTo}
            </Link>
          ) : (
            <Link href="/dashboard" className={touchLinkClass}>
              {r.backToDashboard}
            </Link>
          )}
        </p>
      </PageShell>
    );
  }
  const limits = uploadLimits();
  return (
    <PageShell width="xl" title={r.title} intro={<p>{r.intro}</p>} header={nav}>
      <RecordsWorkspace maxBytes={limits.maxBytes} maxRecords={limits.maxRecords} />
    </PageShell>
  );
}
