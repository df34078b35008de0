import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignedInNav } from "@/components/account/SignedInNav";
import { RecordsWorkspace } from "@/components/records/RecordsWorkspace";
import { PageShell } from "@/components/ui/PageShell";
import { touchLinkClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session/page";
import { uploadLimits } from "@/lib/records/records";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("records");
  return { title: t("title") };
}

/** The patient's health records: upload, list, preview, download, delete, sharing, access log. */
export default async function RecordsPage() {
  const { publicUser: user, mfa } = await requirePageUser("/records");
  const t = await getTranslations("records");
  const nav = <SignedInNav current="records" role={user.role} mfaDaysLeft={mfa.daysLeft} deletionScheduledFor={user.deletionScheduledFor} />;
  if (user.role !== "patient") {
    return (
      <PageShell width="xl" title={t("title")} header={nav}>
        <p>{t("patientsOnly")}</p>
        <p>
          {user.role === "doctor" ? (
            <Link href="/patients" className={touchLinkClass}>
              {t("doctorsGoTo")}
            </Link>
          ) : (
            <Link href="/dashboard" className={touchLinkClass}>
              {t("backToDashboard")}
            </Link>
          )}
        </p>
      </PageShell>
    );
  }
  const limits = uploadLimits();
  return (
    <PageShell width="xl" title={t("title")} intro={<p>{t("intro")}</p>} header={nav}>
      <RecordsWorkspace maxBytes={limits.maxBytes} maxRecords={limits.maxRecords} />
    </PageShell>
  );
}
