"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { daysLeft } from "@/components/records/recordDates";
import type { SharedPatientItem } from "@/components/records/types";
import { FormError } from "@/components/ui/FormError";
import { secondaryButtonClass } from "@/components/ui/styles";
import { type ApiError, apiFetch } from "@/lib/client/api";
import { useErrorText, useFormat } from "@/lib/i18n/hooks";
import { SharedRecords } from "./SharedRecords";

/**
 * An approved doctor's /patients page: the patients who share with them now, and on request one
 * patient's records (read and download only). Every listing, read and download is in that
 * patient's access log; access is re-checked by the API on each request, so a revoked grant shows
 * up here as "no longer shares" at the next click.
 */
export function PatientsWorkspace() {
  const t = useTranslations("patients");
  const errorText = useErrorText();
  const format = useFormat();
  const [patients, setPatients] = useState<SharedPatientItem[] | null>(null);
  // Kept as the API's code and put into words when shown, so that `load` depends on nothing.
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const load = useCallback(async () => {
    const res = await apiFetch<{ patients: SharedPatientItem[] }>("/api/patients");
    setFailure(res.ok ? null : res.error);
    if (res.ok) setPatients(res.data.patients);
  }, []);
  useEffect(() => {
    // load() sets state only after its request answers, never synchronously.
    const reload = () => void load();
    reload();
  }, [load]);

  const toggle = (patient: SharedPatientItem) => {
    setOpen(open === patient.id ? null : patient.id);
  };

  if (patients === null && !failure) return <p role="status">{t("loading")}</p>;
  return (
    <div className="flex flex-col gap-4">
      <FormError message={failure ? errorText(failure.code, failure.error) : null} />
      {patients && patients.length === 0 ? <p data-testid="patients-empty">{t("none")}</p> : null}
      {patients && patients.length > 0 ? (
        <p className="text-sm text-slate-700" data-testid="patients-count">
          {t("count", { count: patients.length })}
        </p>
      ) : null}
      <ul className="flex flex-col gap-4">
        {patients?.map((patient) => {
          const regionId = `patient-${patient.id}`;
          return (
            <li key={patient.id} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="patient">
              <h2 className="text-lg font-semibold">
                <bdi>{patient.name}</bdi>
              </h2>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                <dt className="text-slate-600">{t("since")}</dt>
                <dd>{format.date(patient.grantedAt, { withTime: false })}</dd>
                <dt className="text-slate-600">{t("until")}</dt>
                <dd>
                  {patient.expiresAt ? format.date(patient.expiresAt) : t("noEnd")}
                  {patient.expiresAt ? <span data-testid="patient-days-left"> ({t("daysLeft", { count: daysLeft(patient.expiresAt) })})</span> : null}
                </dd>
              </dl>
              <button
                type="button"
                className={`${secondaryButtonClass} self-start`}
                aria-expanded={open === patient.id}
                aria-controls={open === patient.id ? regionId : undefined}
                aria-label={open === patient.id ? undefined : t("showNamed", { name: patient.name })}
                onClick={() => toggle(patient)}
              >
                {open === patient.id ? t("hide") : t("show")}
              </button>
              {open === patient.id ? (
                <section id={regionId} aria-label={t("recordsOf", { name: patient.name })} className="flex flex-col gap-3">
                  <SharedRecords patientId={patient.id} name={patient.name} />
                </section>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
