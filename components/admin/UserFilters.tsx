"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/SelectField";
import { TextField } from "@/components/ui/TextField";
import { APPROVALS, ROLES, STATUSES } from "@/lib/validation/admin";
import { FilterForm } from "./FilterForm";

export type UserFilterValues = { q?: string; role?: string; status?: string; approval?: string; verified?: string };

/** The users list's search and filters (GET /admin/users?…), pre-filled with the current ones. */
export function UserFilters({ values }: { values: UserFilterValues }) {
  const t = useTranslations("admin");
  const approvals = useTranslations("fields.approvals");
  const any = { value: "", label: t("users.any") };
  return (
    <FilterForm action="/admin/users" label={t("users.filters")} apply={t("users.apply")} clear={t("users.clear")}>
      <TextField label={t("users.search")} name="q" type="search" defaultValue={values.q ?? ""} autoComplete="off" maxLength={100} />
      <SelectField label={t("users.role")} name="role" defaultValue={values.role ?? ""} options={[any, ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))]} />
      <SelectField
        label={t("users.status")}
        name="status"
        defaultValue={values.status ?? ""}
        options={[any, ...STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))]}
      />
      <SelectField
        label={t("users.approval")}
        name="approval"
        defaultValue={values.approval ?? ""}
        options={[any, ...APPROVALS.map((a) => ({ value: a, label: approvals(a) }))]}
      />
      <SelectField
        label={t("users.verified")}
        name="verified"
        defaultValue={values.verified ?? ""}
        options={[any, { value: "true", label: t("users.verifiedYes") }, { value: "false", label: t("users.verifiedNo") }]}
      />
    </FilterForm>
  );
}
