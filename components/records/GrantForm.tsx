"use client";

import { FormError } from "@/components/ui/FormError";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { TextField } from "@/components/ui/TextField";
import { secondaryButtonClass } from "@/components/ui/styles";
import { useApiForm } from "@/lib/client/use-api-form";
import { en, fmt } from "@/lib/i18n";
import { endOfLocalDay, GrantFormSchema, localToday } from "@/lib/validation/records";
import type { DoctorItem, GrantItem } from "./types";

const s = en.records.sharing;

/** Share every record with one chosen doctor, optionally until the end of a day (POST /api/grants). */
export function GrantForm({ doctor, onGranted, onCancel }: { doctor: DoctorItem; onGranted: (grant: GrantItem) => void; onCancel: () => void }) {
  const f = useApiForm(GrantFormSchema, {
    endpoint: "/api/grants",
    defaultValues: { until: "" },
    body: (v) => ({ doctorId: doctor.id, expiresAt: endOfLocalDay(v.until) }),
    onSuccess: (data: { grant: GrantItem }) => onGranted(data.grant),
  });
  return (
    <form method="post" noValidate onSubmit={f.onSubmit} className="flex flex-col gap-3" aria-label={fmt(s.confirmShare, { name: doctor.name })}>
      <FormError message={f.banner} />
      <TextField type="date" label={s.until} optional hint={s.untilHint} min={localToday()} error={f.errors.until?.message} {...f.register("until")} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={f.pending} className="sm:w-auto">
          {fmt(s.confirmShare, { name: doctor.name })}
        </SubmitButton>
        <button type="button" className={secondaryButtonClass} onClick={onCancel}>
          {s.cancel}
        </button>
      </div>
    </form>
  );
}
