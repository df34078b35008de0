"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { filterQuery, RecordFilters } from "@/components/records/RecordFilters";
import { RecordList } from "@/components/records/RecordList";
import { NO_FILTER, type RecordFilter, type RecordItem } from "@/components/records/types";
import { FormError } from "@/components/ui/FormError";
import { type ApiError, apiFetch } from "@/lib/client/api";
import { useErrorText } from "@/lib/i18n/hooks";

/**
 * One sharing patient's records on a doctor's /patients page, with the same search and filters as
 * the patient's own page (GET /api/patients/{id}/records?q=&category=&from=&to=). Read-only.
 */
export function SharedRecords({ patientId, name }: { patientId: string; name: string }) {
  const t = useTranslations("patients");
  const errorText = useErrorText();
  const [records, setRecords] = useState<RecordItem[] | "gone" | null>(null);
  // Kept as the API's code and put into words when shown, so that `load` depends only on the patient.
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [errors, setErrors] = useState<Partial<Record<keyof RecordFilter, string>>>({});
  const [filtered, setFiltered] = useState(false);

  // Only the latest request may set the list (a slow earlier answer must not overwrite a newer filter).
  const latest = useRef(0);
  const load = useCallback(
    async (filter: RecordFilter) => {
      setFailure(null);
      const mine = ++latest.current;
      const res = await apiFetch<{ records: RecordItem[] }>(`/api/patients/${encodeURIComponent(patientId)}/records${filterQuery(filter)}`);
      if (mine !== latest.current) return;
      if (res.ok) {
        setErrors({});
        setFiltered(Object.values(filter).some((v) => v.trim() !== ""));
        setRecords(res.data.records);
      } else if (res.status === 404) setRecords("gone");
      else if (res.status === 400 && res.error.fields) setErrors(res.error.fields);
      else setFailure(res.error);
    },
    [patientId],
  );
  useEffect(() => {
    // load() sets state only after its request answers, never synchronously.
    const first = () => void load(NO_FILTER);
    first();
  }, [load]);

  if (records === "gone") return <FormError message={t("gone")} />;
  return (
    <div className="flex flex-col gap-3">
      <FormError message={failure ? errorText(failure.code, failure.error) : null} />
      {records === null && !failure ? <p role="status">{t("loadingRecords")}</p> : null}
      {Array.isArray(records) && records.length === 0 && !filtered ? <p>{t("noRecords")}</p> : null}
      {Array.isArray(records) && (records.length > 0 || filtered) ? (
        <>
          <RecordFilters onApply={(f) => void load(f)} errors={errors} idPrefix={`patient-${patientId}-filter`} />
          <RecordList records={records} label={t("recordsOf", { name })} />
        </>
      ) : null}
    </div>
  );
}
