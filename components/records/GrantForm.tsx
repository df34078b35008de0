"use client";

import { useTranslations } from "next-intl";
import { FormError } from "@/components/ui/FormError";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { TextField } from "@/components/ui/TextField";
import { secondaryButtonClass } from "@/components/ui/styles";
import { useApiForm } from "@/lib/client/use-api-form";
import { endOfLocalDay, GrantFormSchema, localToday } from "@/lib/validation/records";
import type { DoctorItem, GrantItem } from "./types";

/** Share every record with one chosen doctor, optionally until the end of a day (POST /api/grants). */
export function GrantForm({ doctor, onGranted, onCancel }: { doctor: DoctorItem; onGranted: (grant: GrantItem) => void; onCancel: () => void }) {
  const t = useTranslations("records.sharing");
  const f = useApiForm(GrantFormSchema, {
    endpoint: "/api/grants",
    defaultValues: { until: "" },
    body: (v) => ({ doctorId: doctor.id, expiresAt: endOfLocalDay(v.until) }),
    onSuccess: (data: { grant: GrantItem }) => onGranted(data.grant),
  });
  const confirm = t("confirmShare", { name: doctor.name });
  return (
    <form method="post" noValidate onSubmit={f.onSubmit} className="flex flex-col gap-3" aria-label={confirm}>
      <FormError message={f.banner} />
      <TextField type="date" label={t("until")} optional hint={t("untilHint")} min={localToday()} error={f.errors.until?.message} {...f.register("until")} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={f.pending} className="sm:w-auto">
          {confirm}
        </SubmitButton>
        <button type="button" className={secondaryButtonClass} onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
