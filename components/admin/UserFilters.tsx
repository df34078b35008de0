"use client";

import { SelectField } from "@/components/ui/SelectField";
import { TextField } from "@/components/ui/TextField";
import { en } from "@/lib/i18n";
import { APPROVALS, ROLES, STATUSES } from "@/lib/validation/admin";
import { FilterForm } from "./FilterForm";

const u = en.admin.users;
const any = { value: "", label: u.any };

export type UserFilterValues = { q?: string; role?: string; status?: string; approval?: string; verified?: string };

/** The users list's search and filters (GET /admin/users?…), pre-filled with the current ones. */
export function UserFilters({ values }: { values: UserFilterValues }) {
  return (
    <FilterForm action="/admin/users" label={u.title} apply={u.apply} clear={u.clear}>
      <TextField label={u.search} name="q" type="search" defaultValue={values.q ?? ""} autoComplete="off" maxLength={100} />
      <SelectField
        label={u.role}
        name="role"
        defaultValue={values.role ?? ""}
        options={[any, ...ROLES.map((r) => ({ value: r, label: en.admin.roles[r] }))]}
      />
      <SelectField
        label={u.status}
        name="status"
        defaultValue={values.status ?? ""}
        options={[any, ...STATUSES.map((s) => ({ value: s, label: en.admin.statuses[s] }))]}
      />
      <SelectField
        label={u.approval}
        name="approval"
        defaultValue={values.approval ?? ""}
        options={[any, ...APPROVALS.map((a) => ({ value: a, label: en.fields.approvals[a] }))]}
      />
      <SelectField
        label={u.verified}
        name="verified"
        defaultValue={values.verified ?? ""}
        options={[any, { value: "true", label: u.verifiedYes }, { value: "false", label: u.verifiedNo }]}
      />
    </FilterForm>
  );
}
