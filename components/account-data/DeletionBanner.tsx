"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { useErrorText } from "@/lib/i18n/hooks";
import { deletionDate } from "./deletion-date";

/**
 * Shown on every signed-in page while the account's deletion is scheduled (docs/PRIVACY.md
 * "Deletion"): the date, and "Keep my account", which cancels it in place.
 */
export function DeletionBanner({ scheduledFor }: { scheduledFor: string }) {
  const t = useTranslations("accountData.banner");
  const locale = useLocale();
  const errorText = useErrorText();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [kept, setKept] = useState(false);

  const keep = async () => {
    setBusy(true);
    setError(null);
    const res = await apiFetch("/api/account/deletion", { method: "DELETE" });
    setBusy(false);
    if (!res.ok) return setError(errorText(res.error.code, t("failed")));
    setKept(true);
    router.refresh();
  };

  if (kept) {
    return (
      <div role="status" data-testid="deletion-banner" className="w-full basis-full rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
        {t("kept")}
      </div>
    );
  }
  return (
    <div role="status" data-testid="deletion-banner" className="flex w-full basis-full flex-wrap items-center gap-x-3 gap-y-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-950">
      <p>{t("text", { date: deletionDate(scheduledFor, locale) })}</p>
      <button
        type="button"
        onClick={() => void keep()}
        disabled={busy}
        className="inline-flex min-h-11 items-center rounded-md border border-red-800 bg-white px-3 font-semibold text-red-900 hover:bg-red-100 disabled:opacity-60"
      >
        {t("keep")}
      </button>
      {error ? <p role="alert" className="w-full text-red-900">{error}</p> : null}
    </div>
  );
}
