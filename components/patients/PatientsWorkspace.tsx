"use client";

import { useCallback, useEffect, useState } from "react";
import type { SharedPatientItem } from "@/components/records/types";
import { FormError } from "@/components/ui/FormError";
import { secondaryButtonClass } from "@/components/ui/styles";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/client/format";
import { en, errorText, fmt } from "@/lib/i18n";
import { SharedRecords } from "./SharedRecords";

const p = en.patients;

/**
 * An approved doctor's /patients page: the patients who share with them now, and on request one
 * patient's records (read and download only). Every listing, read and download is in that
 * patient's access log; access is re-checked by the API on each request, so a revoked grant shows
 * up here as "no longer shares" at the next click.
 */
export function PatientsWorkspace() {
  const [patients, setPatients] = useState<SharedPatientItem[] | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const load = useCallback(async () => {
    const res = await apiFetch<{ patients: SharedPatientItem[] }>("/api/patients");
    if (res.ok) setPatients(res.data.patients);
    else setBanner(errorText(res.error.code, res.error.error));
  }, []);
  useEffect(() => {
    // load() sets state only after its request answers, never synchronously.
    const reload = () => void load();
    reload();
  }, [load]);

  const toggle = (patient: SharedPatientItem) => {
    setBanner(null);
    setOpen(open === patient.id ? null : patient.id);
  };

  if (patients === null && !banner) return <p role="status">{p.loading}</p>;
  return (
    <div className="flex flex-col gap-4">
      <FormError message={banner} />
      {patients && patients.length === 0 ? <p data-testid="patients-empty">{p.none}</p> : null}
      <ul className="flex flex-col gap-4">
        {patients?.map((patient) => {
          const regionId = `patient-${patient.id}`;
          return (
            <li key={patient.id} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="patient">
              <h2 className="text-lg font-semibold">{patient.name}</h2>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                <dt className="text-slate-600">{p.since}</dt>
                <dd>{formatDate(patient.grantedAt, false)}</dd>
                <dt className="text-slate-600">{p.until}</dt>
                <dd>{patient.expiresAt ? formatDate(patient.expiresAt) : p.noEnd}</dd>
              </dl>
              <button
                type="button"
                className={`${secondaryButtonClass} self-start`}
                aria-expanded={open === patient.id}
                aria-controls={open === patient.id ? regionId : undefined}
                aria-label={open === patient.id ? undefined : fmt(p.showNamed, { name: patient.name })}
                onClick={() => toggle(patient)}
              >
                {open === patient.id ? p.hide : p.show}
              </button>
              {open === patient.id ? (
                <section id={regionId} aria-label={fmt(p.recordsOf, { name: patient.name })} className="flex flex-col gap-3">
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
