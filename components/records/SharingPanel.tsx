"use client";

import { useCallback, useEffect, useState } from "react";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { TextField } from "@/components/ui/TextField";
import { secondaryButtonClass } from "@/components/ui/styles";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/client/format";
import { en, errorText, fmt } from "@/lib/i18n";
import { ConfirmButton } from "./ConfirmButton";
import { GrantForm } from "./GrantForm";
import type { DoctorItem, GrantItem } from "./types";

const s = en.records.sharing;

/** Find an approved doctor, share all records with them (optionally until a date), stop sharing. */
export function SharingPanel() {
  const [grants, setGrants] = useState<GrantItem[] | null>(null);
  const [q, setQ] = useState("");
  const [results, setResults] = useState<{ q: string; doctors: DoctorItem[] } | null>(null);
  const [chosen, setChosen] = useState<DoctorItem | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const res = await apiFetch<{ grants: GrantItem[] }>("/api/grants");
    if (res.ok) setGrants(res.data.grants);
    else setBanner(errorText(res.error.code, res.error.error));
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
    if (res.ok || res.status === 404) setNotice(fmt(s.stopped, { name: g.doctor.name }));
    else setBanner(errorText(res.error.code, res.error.error));
    await load();
  };

  return (
    <div className="flex flex-col gap-5">
      <FormError message={banner} />
      <FormSuccess message={notice} />
      <form
        method="post"
        noValidate
        role="search"
        aria-label={s.search}
        className="flex flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <TextField id="doctor-search" name="q" label={s.search} hint={s.searchHint} type="search" value={q} maxLength={100} onChange={(e) => setQ(e.target.value)} />
        <button type="submit" className={`${secondaryButtonClass} self-start`}>
          {s.searchButton}
        </button>
      </form>
      {results ? (
        results.doctors.length === 0 ? (
          <p role="status">{fmt(s.noResults, { q: results.q })}</p>
        ) : (
          <ul aria-label={s.results} className="flex flex-col gap-2" data-testid="doctor-results">
            {results.doctors.map((d) => (
              <li key={d.id} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
                <p>
                  <span className="font-semibold">{d.name}</span> · {d.specialty}
                </p>
                {chosen?.id === d.id ? (
                  <GrantForm
                    doctor={d}
                    onCancel={() => setChosen(null)}
                    onGranted={() => {
                      setNotice(fmt(s.shared, { name: d.name }));
                      setChosen(null);
                      void load();
                    }}
                  />
                ) : (
                  <button type="button" className={`${secondaryButtonClass} self-start`} onClick={() => setChosen(d)}>
                    {fmt(s.choose, { name: d.name })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )
      ) : null}
      <div className="flex flex-col gap-2">
        <h3 className="font-semibold">{s.current}</h3>
        {grants && grants.length === 0 ? <p>{s.none}</p> : null}
        {grants && grants.length > 0 ? (
          <ul className="flex flex-col gap-2" data-testid="grants">
            {grants.map((g) => (
              <li key={g.id} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3" data-testid="grant">
                <p>
                  <span className="font-semibold">{g.doctor.name}</span> · {g.doctor.specialty}
                </p>
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                  <dt className="text-slate-600">{s.since}</dt>
                  <dd>{formatDate(g.createdAt, false)}</dd>
                  <dt className="text-slate-600">{g.active ? s.ends : s.expired}</dt>
                  <dd>{g.expiresAt ? formatDate(g.expiresAt) : s.noEnd}</dd>
                </dl>
                <ConfirmButton
                  label={s.stop}
                  ariaLabel={fmt(s.stopNamed, { name: g.doctor.name })}
                  question={fmt(s.confirmStop, { name: g.doctor.name })}
                  confirmLabel={s.confirmStopButton}
                  cancelLabel={s.keep}
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
