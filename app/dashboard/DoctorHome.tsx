import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { formatDate } from "@/lib/i18n/format";
import { recentlySharedPatients } from "@/lib/records/recent";
import { Block, BlockSkeleton, Empty, itemClass, listClass } from "@/components/dashboard/Block";

/**
 * A doctor's home: while their account awaits approval (or was refused) that is all there is to say;
 * once approved, the patients who shared their records most recently.
 */
export async function DoctorHome({ doctorId, approval, reason }: { doctorId: string; approval?: "pending" | "approved" | "rejected"; reason?: string | null }) {
  const t = await getTranslations("dashboard.doctor");
  if (approval === "approved") {
    return (
      <Suspense fallback={<BlockSkeleton title={t("patients")} rows={4} />}>
        <RecentPatients doctorId={doctorId} />
      </Suspense>
    );
  }
  const rejected = approval === "rejected";
  return (
    <section
      aria-labelledby="approval-title"
      data-testid={rejected ? "doctor-rejected" : "doctor-pending"}
      className={`rounded-lg border p-4 sm:p-6 ${rejected ? "border-red-300 bg-red-50 text-red-950" : "border-amber-300 bg-amber-50 text-amber-950"}`}
    >
      <h2 id="approval-title" className="text-lg font-semibold">
        {rejected ? t("rejectedTitle") : t("pendingTitle")}
      </h2>
      {rejected && reason ? (
        <p className="mt-1 font-medium" data-testid="rejection-reason">
          {t("rejectedReason", { reason })}
        </p>
      ) : null}
      <p className="mt-1">{rejected ? t("rejected") : t("pending")}</p>
    </section>
  );
}

async function RecentPatients({ doctorId }: { doctorId: string }) {
  const [t, locale, { patients, total }] = await Promise.all([getTranslations("dashboard.doctor"), getLocale(), recentlySharedPatients(doctorId, 5)]);
  const day = (d: Date) => formatDate(d, locale, { withTime: false, timeZone: "UTC" });
  return (
    <Block
      id="doctor-home"
      title={t("patients")}
      intro={total ? t("patientsCount", { count: total }) : t("patientsDesc")}
      link={{ href: "/patients", label: t("patientsLink") }}
    >
      {patients.length ? (
        <ul className={listClass}>
          {patients.map((p) => (
            <li key={p.id} className={itemClass} data-testid="home-patient">
              <span className="font-medium break-words">{p.name}</span>
              <span className="text-sm text-slate-700">
                {t("sharedOn", { date: day(p.grantedAt) })}
                {p.expiresAt ? ` · ${t("until", { date: day(p.expiresAt) })}` : null}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <Empty>{t("patientsEmpty")}</Empty>
      )}
    </Block>
  );
}
