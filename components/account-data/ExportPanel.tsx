"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { primaryButtonClass } from "@/components/ui/styles";
import { apiFetch } from "@/lib/client/api";
import { useErrorText, useFormat } from "@/lib/i18n/hooks";
import type { ExportSummary } from "@/lib/validation/account-data";

/** Above this, the page warns that the download takes a while (a few minutes on a slow line). */
const LARGE_BYTES = 20 * 1024 * 1024;
const ITEMS = ["details", "records", "sharing", "security", "fhir"] as const;

/**
 * "Download my data" (docs/PRIVACY.md "Export"). The zip is not fetched by script — it would sit in
 * the page's memory — but first the summary is asked for through apiFetch: a missing proof opens the
 * password dialog there, and a spent daily limit is said in words, so the download itself starts
 * only when it will be answered, and the browser saves it to disk with its own progress.
 */
export function ExportPanel({ exportsPerDay }: { exportsPerDay: number }) {
  const x = useTranslations("accountData.export");
  const errorText = useErrorText();
  const format = useFormat();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [started, setStarted] = useState<ExportSummary | null>(null);
  const [limited, setLimited] = useState<string | null>(null);

  const start = async () => {
    setBusy(true);
    setError(null);
    setLimited(null);
    setStarted(null);
    const res = await apiFetch<ExportSummary>("/api/account/export/summary");
    setBusy(false);
    if (!res.ok) return setError(errorText(res.error.code, x("failed")));
    if (res.data.exportsLeft < 1) return setLimited(x("noneLeft", { time: format.date(res.data.nextExportAt) }));
    const link = document.createElement("a");
    link.href = "/api/account/export";
    link.download = "";
    document.body.append(link);
    link.click();
    link.remove();
    setStarted(res.data);
  };

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-700">{x("holds")}</p>
      <ul className="list-disc space-y-1 ps-6 text-sm text-slate-800">
        {ITEMS.map((item) => (
          <li key={item}>{x.rich(`items.${item}`, { code: (chunks) => <code dir="ltr">{chunks}</code> })}</li>
        ))}
      </ul>
      <p className="text-sm text-slate-700">{x("limit", { count: exportsPerDay })}</p>
      <div>
        <button type="button" className={primaryButtonClass} onClick={() => void start()} disabled={busy} data-testid="export-button">
          {busy ? x("preparing") : x("button")}
        </button>
      </div>
      <FormError message={error ?? limited} />
      {started ? (
        <FormSuccess>
          <p>{x("started")}</p>
          <p>{x("size", { size: format.bytes(started.bytes), count: started.records })}</p>
          {started.bytes > LARGE_BYTES ? <p>{x("large")}</p> : null}
          <p>{x("left", { count: Math.max(0, started.exportsLeft - 1) })}</p>
        </FormSuccess>
      ) : null}
    </div>
  );
}
