"use client";

import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { TextField } from "@/components/ui/TextField";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { dangerButtonClass, touchLinkClass } from "@/components/ui/styles";
import { apiFetch } from "@/lib/client/api";
import { useErrorText } from "@/lib/i18n/hooks";
import { deletionDate } from "./deletion-date";

/** The confirmation word of every language is accepted, so following English instructions on an Arabic page still works. */
const ANY_LANGUAGE_WORD = "DELETE";

/**
 * "Delete my account" (docs/PRIVACY.md "Deletion"): what goes, what stays, the date it would happen,
 * and a typed confirmation (the word in the reader's language). On success every session has ended,
 * this one too, so the page says so and offers the sign-in page rather than acting signed in.
 */
export function DeletePanel({ wouldBeOn, scheduledFor: already }: { wouldBeOn: string; scheduledFor: string | null }) {
  const t = useTranslations("accountData.deletion");
  const locale = useLocale();
  const errorText = useErrorText();
  const [typed, setTyped] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [scheduledFor, setScheduledFor] = useState<string | null>(null);
  const date = (iso: string) => deletionDate(iso, locale);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const word = typed.trim();
    if (word !== t("confirmWord") && word !== ANY_LANGUAGE_WORD) return setFieldError(t("confirmMismatch"));
    setFieldError(undefined);
    setBusy(true);
    const res = await apiFetch<{ scheduledFor: string }>("/api/account/deletion", { method: "POST" });
    setBusy(false);
    if (res.ok) return setScheduledFor(res.data.scheduledFor);
    setError(res.error.code === "LAST_SUPERADMIN" ? t("lastSuperadmin") : errorText(res.error.code, res.error.error));
  };

  // Already scheduled (the person signed in during the grace period): the banner above keeps the account.
  if (already && !scheduledFor) return <p className="text-sm text-slate-800">{t("alreadyScheduled", { date: date(already) })}</p>;
  if (scheduledFor) {
    return (
      <FormSuccess>
        <p>{t("scheduled", { date: date(scheduledFor) })}</p>
        <a href="/auth/login" className={touchLinkClass}>
          {t("signIn")}
        </a>
      </FormSuccess>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h3 className="font-semibold">{t("goes")}</h3>
        <ul className="list-disc space-y-1 ps-6 text-sm text-slate-800">
          {(t.raw("goesItems") as string[]).map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="font-semibold">{t("stays")}</h3>
        <ul className="list-disc space-y-1 ps-6 text-sm text-slate-800">
          {(t.raw("staysItems") as string[]).map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </div>
      <p className="text-sm text-slate-700">{t("exportFirst")}</p>
      <form method="post" noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-3">
        <TextField
          label={t("confirmLabel")}
          name="confirm"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          hint={t("confirmHint", { date: date(wouldBeOn) })}
          error={fieldError}
        />
        <FormError message={error} />
        <div>
          <button type="submit" className={dangerButtonClass} disabled={busy} data-testid="delete-account-button">
            {t("button")}
          </button>
        </div>
      </form>
    </div>
  );
}
