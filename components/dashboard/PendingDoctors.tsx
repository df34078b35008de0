"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { UserActions } from "@/components/admin/UserActions";
import { FormSuccess } from "@/components/ui/FormError";
import { linkClass } from "@/components/ui/styles";
import { useFormat } from "@/lib/i18n/hooks";

export type PendingDoctor = { id: string; name: string; email: string; specialty: string; licence: string; createdAt: string };

const DECISIONS = ["approve", "reject"] as const;

/**
 * The doctors awaiting a decision, each with the users page's own approve and reject (the same
 * confirmation, the same PATCH /api/users/{id}; a rejection asks for the reason). After a decision the
 * server list refreshes and the doctor leaves it, so the success message lives here, above the list.
 */
export function PendingDoctors({ doctors, empty }: { doctors: PendingDoctor[]; empty: string }) {
  const t = useTranslations("dashboard.admin");
  const { date } = useFormat();
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-3">
      <FormSuccess message={done} />
      {doctors.length ? (
        <ul className="flex flex-col gap-3">
          {doctors.map((d) => (
            <li key={d.id} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3" data-testid="pending-doctor">
              <div className="flex flex-col">
                <Link href={`/admin/users/${d.id}`} className={`${linkClass} font-semibold break-words`}>
                  {d.name}
                </Link>
                <bdi className="text-sm break-all text-slate-700">{d.email}</bdi>
                <span className="flex flex-wrap gap-x-3 text-sm text-slate-700">
                  <bdi>{d.specialty}</bdi>
                  <span>{t.rich("licence", { licence: d.licence, bdi: (c) => <bdi>{c}</bdi> })}</span>
                </span>
                <span className="text-sm text-slate-700">{t("joined", { date: date(d.createdAt, { withTime: false, timeZone: "UTC" }) })}</span>
              </div>
              <UserActions
                target={{ id: d.id, name: d.name, role: "doctor", status: "active", approval: "pending" }}
                canDelete={false}
                self={false}
                only={DECISIONS}
                onDone={setDone}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-md bg-slate-50 p-3 text-slate-700">{empty}</p>
      )}
    </div>
  );
}
