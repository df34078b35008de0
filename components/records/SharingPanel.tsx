"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useCallback, useEffect, useState } from "react";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { TextField } from "@/components/ui/TextField";
import { secondaryButtonClass } from "@/components/ui/styles";
import { type ApiError, apiFetch } from "@/lib/client/api";
import { useErrorText, useFormat } from "@/lib/i18n/hooks";
import { ConfirmButton } from "./ConfirmButton";
import { GrantForm } from "./GrantForm";
import { daysLeft } from "./recordDates";
import { richTags } from "./rich";
import type { DoctorItem, GrantItem } from "./types";

/** Find an approved doctor, share all records with them (optionally until a date), stop sharing. */
export function SharingPanel() {
  const t = useTranslations("records.sharing");
  const errorText = useErrorText();
  const format = useFormat();
  const [grants, setGrants] = useState<GrantItem[] | null>(null);
  const [q, setQ] = useState("");
  const [results, setResults] = useState<{ q: string; doctors: DoctorItem[] } | null>(null);
  const [chosen, setChosen] = useState<DoctorItem | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
  const [busy, setBusy] = useState(false);

  // Kept as the API's code and put into words when shown, so that `load` depends on nothing.
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const load = useCallback(async () => {
    const res = await apiFetch<{ grants: GrantItem[] }>("/api/grants");
    setLoadError(res.ok ? null : res.error);
    if (res.ok) setGrants(res.data.grants);
  }, []);
  useEffect(() => {
    // load() sets state only after its request answers, never synchronously.
    const reload = () => void load();
    reload();
  }, [load]);

  const search = async () => {
    setBanner(null);
    const res = await apiFetch<{ doctors: DoctorItem[] }>(`/api/doctors?q=${encodeURIComponent(q.trim())}`);
    if (res.ok) setResults({ q: q.trim(), doctors: res.data.doctors });
    else setBanner(res.error.fields?.q ?? errorText(res.error.code, res.error.error));
  };

  const stop = async (g: GrantItem) => {
    setBanner(null);
    setNotice(null);
    setBusy(true);
    const res = await apiFetch(`/api/grants/${encodeURIComponent(g.id)}`, { method: "DELETE" });
    setBusy(false);
    if (res.ok || res.status === 404) setNotice(t.rich("stopped", { name: g.doctor.name, ...richTags }));
    else setBanner(errorText(res.error.code, res.error.error));
    await load();
  };

  return (
    <div className="flex flex-col gap-5">
      <FormError message={banner ?? (loadError ? errorText(loadError.code, loadError.error) : null)} />
      <FormSuccess>{notice ? <p>{notice}</p> : null}</FormSuccess>
      <form
        method="post"
        noValidate
        role="search"
        aria-label={t("search")}
        className="flex flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <TextField id="doctor-search" name="q" label={t("search")} hint={t("searchHint")} type="search" value={q} maxLength={100} onChange={(e) => setQ(e.target.value)} />
        <button type="submit" className={`${secondaryButtonClass} self-start`}>
          {t("searchButton")}
        </button>
      </form>
      {results ? (
        results.doctors.length === 0 ? (
          <p role="status">{t.rich("noResults", { q: results.q, ...richTags })}</p>
        ) : (
          <ul aria-label={t("results")} className="flex flex-col gap-2" data-testid="doctor-results">
            {results.doctors.map((d) => (
              <li key={d.id} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
                <p>{t.rich("doctor", { name: d.name, specialty: d.specialty, ...richTags })}</p>
                {chosen?.id === d.id ? (
                  <GrantForm
                    doctor={d}
                    onCancel={() => setChosen(null)}
                    onGranted={() => {
                      setNotice(t.rich("shared", { name: d.name, ...richTags }));
                      setChosen(null);
                      void load();
                    }}
                  />
                ) : (
                  <button type="button" className={`${secondaryButtonClass} self-start`} onClick={() => setChosen(d)}>
                    {t("choose", { name: d.name })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )
      ) : null}
      <div className="flex flex-col gap-2">
        <h3 className="font-semibold">{t("current")}</h3>
        {grants && grants.length === 0 ? <p>{t("none")}</p> : null}
        {grants && grants.length > 0 ? (
          <ul className="flex flex-col gap-2" data-testid="grants">
            {grants.map((g) => (
              <li key={g.id} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3" data-testid="grant">
                <p>{t.rich("doctor", { name: g.doctor.name, specialty: g.doctor.specialty, ...richTags })}</p>
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                  <dt className="text-slate-600">{t("since")}</dt>
                  <dd>{format.date(g.createdAt, { withTime: false })}</dd>
                  <dt className="text-slate-600">{g.active ? t("ends") : t("expired")}</dt>
                  <dd>
                    {g.expiresAt ? format.date(g.expiresAt) : t("noEnd")}
                    {g.expiresAt && g.active ? <span data-testid="grant-days-left"> ({t("daysLeft", { count: daysLeft(g.expiresAt) })})</span> : null}
                  </dd>
                </dl>
                <ConfirmButton
                  label={t("stop")}
                  ariaLabel={t("stopNamed", { name: g.doctor.name })}
                  question={t.rich("confirmStop", { name: g.doctor.name, ...richTags })}
                  confirmLabel={t("confirmStopButton")}
                  cancelLabel={t("keep")}
                  busy={busy}
                  onConfirm={() => stop(g)}
                />
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
