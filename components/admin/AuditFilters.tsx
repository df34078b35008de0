"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/SelectField";
import { TextField } from "@/components/ui/TextField";
import { AUDIT_EVENT_TYPES } from "@/lib/validation/admin";
import { FilterForm } from "./FilterForm";

export type AuditFilterValues = { userId?: string; event?: string; from?: string; to?: string };

/** The audit list's filters (GET /admin/audit?…); field errors from the shared schema sit beside their input. */
export function AuditFilters({ values, errors }: { values: AuditFilterValues; errors: Record<string, string> }) {
  const t = useTranslations("admin.audit");
  return (
    <FilterForm action="/admin/audit" label={t("filters")} apply={t("apply")} clear={t("clear")}>
      <TextField
        label={t("userId")}
        name="userId"
        hint={t("userIdHint")}
        defaultValue={values.userId ?? ""}
        autoComplete="off"
        spellCheck={false}
        dir="ltr"
        error={errors.userId}
      />
      <SelectField
        label={t("event")}
        name="event"
        defaultValue={values.event ?? ""}
        error={errors.event}
        options={[{ value: "", label: t("anyEvent") }, ...AUDIT_EVENT_TYPES.map((e) => ({ value: e, label: t(`events.${e}`) }))]}
      />
      <TextField label={t("from")} name="from" type="date" defaultValue={values.from ?? ""} error={errors.from} />
      <TextField label={t("to")} name="to" type="date" defaultValue={values.to ?? ""} error={errors.to} />
    </FilterForm>
  );
}
