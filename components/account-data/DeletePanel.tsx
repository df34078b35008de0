"use client";

import { type FormEvent, useState } from "react";
import { TextField } from "@/components/ui/TextField";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { dangerButtonClass, touchLinkClass } from "@/components/ui/styles";
import { apiFetch } from "@/lib/client/api";
import { en, errorText, fmt } from "@/lib/i18n";
import { DELETE_CONFIRMATION } from "@/lib/validation/account-data";
import { deletionDate } from "./DeletionBanner";

const d = en.accountData.deletion;

/**
 * "Delete my account" (docs/PRIVACY.md "Deletion"): what goes, what stays, the date it would happen,
 * and a typed confirmation. On success every session has ended, this one too, so the page says so and
 * offers the sign-in page rather than acting signed in.
 */
export function DeletePanel({ wouldBeOn, scheduledFor: already }: { wouldBeOn: string; scheduledFor: string | null }) {
  const [typed, setTyped] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [scheduledFor, setScheduledFor] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (typed.trim() !== DELETE_CONFIRMATION) return setFieldError(d.confirmMismatch);
    setFieldError(undefined);
    setBusy(true);
    const res = await apiFetch<{ scheduledFor: string }>("/api/account/deletion", { method: "POST" });
    setBusy(false);
    if (res.ok) return setScheduledFor(res.data.scheduledFor);
    setError(res.error.code === "LAST_SUPERADMIN" ? d.lastSuperadmin : errorText(res.error.code, res.error.error));
  };

  // Already scheduled (the person signed in during the grace period): the banner above keeps the account.
  if (already && !scheduledFor) return <p className="text-sm text-slate-800">{fmt(d.alreadyScheduled, { date: deletionDate(already) })}</p>;
  if (scheduledFor) {
    return (
      <FormSuccess>
        <p>{fmt(d.scheduled, { date: deletionDate(scheduledFor) })}</p>
        <a href="/auth/login" className={touchLinkClass}>
          {d.signIn}
        </a>
      </FormSuccess>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h3 className="font-semibold">{d.goes}</h3>
        <ul className="list-disc space-y-1 ps-6 text-sm text-slate-800">
          {d.goesItems.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="font-semibold">{d.stays}</h3>
        <ul className="list-disc space-y-1 ps-6 text-sm text-slate-800">
          {d.staysItems.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </div>
      <p className="text-sm text-slate-700">{d.exportFirst}</p>
      <form method="post" noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-3">
        <TextField
          label={d.confirmLabel}
          name="confirm"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          hint={fmt(d.confirmHint, { date: deletionDate(wouldBeOn) })}
          error={fieldError}
        />
        <FormError message={error} />
        <div>
          <button type="submit" className={dangerButtonClass} disabled={busy} data-testid="delete-account-button">
            {d.button}
          </button>
        </div>
      </form>
    </div>
  );
}
