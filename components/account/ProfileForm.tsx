"use client";

import { FormError, FormSuccess } from "@/components/ui/FormError";
import { SelectField } from "@/components/ui/SelectField";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { PhoneField, TextField } from "@/components/ui/TextField";
import { useApiForm } from "@/lib/client/use-api-form";
import { en } from "@/lib/i18n";
import { UpdateMeSchema } from "@/lib/validation/auth";
import { GENDERS } from "@/lib/validation/fields";
import type { AccountUser } from "./types";

// Listed rather than taken from the defaults: a patient's defaults have no specialty.
const FIELDS = ["name", "phone", "dob", "gender", "specialty"] as const;

const GENDER_OPTIONS = [{ value: "", label: en.fields.genderNone }, ...GENDERS.map((g) => ({ value: g, label: en.fields.genders[g] }))];

const formValues = (u: AccountUser) => ({
  name: u.name,
  phone: u.phone ?? "",
  dob: u.dob ?? "",
  gender: u.gender ?? "",
  ...(u.role === "doctor" ? { specialty: u.specialty ?? "" } : {}),
});

/** PATCH /api/users/me. Empty optional fields clear the stored value (the schema maps "" to null). */
export function ProfileForm({ user }: { user: AccountUser }) {
  const isDoctor = user.role === "doctor";
  const f = useApiForm(UpdateMeSchema, {
    endpoint: "/api/users/me",
    method: "PATCH",
    // A patient has no specialty: never send one, whatever the field state holds.
    body: (values) => (isDoctor ? values : { ...values, specialty: undefined }),
    defaultValues: formValues(user),
    fields: FIELDS,
    successMessage: en.account.profile.saved,
    onSuccess: (data: { user: AccountUser }, _, form) => form.reset(formValues({ ...user, ...data.user })),
  });

  return (
    <form method="post" noValidate onSubmit={f.onSubmit} className="flex flex-col gap-4" aria-label={en.account.profile.title}>
      <FormError message={f.banner} />
      <FormSuccess message={f.successMessage} />
      <TextField label={en.fields.name} autoComplete="name" error={f.errors.name?.message} {...f.register("name")} />
      <PhoneField error={f.errors.phone?.message} {...f.register("phone")} />
      <TextField label={en.fields.dob} optional type="date" autoComplete="bday" error={f.errors.dob?.message} {...f.register("dob")} />
      <SelectField label={en.fields.gender} options={GENDER_OPTIONS} error={f.errors.gender?.message} {...f.register("gender")} />
      {isDoctor ? (
        <>
          <TextField label={en.fields.specialty} autoComplete="off" error={f.errors.specialty?.message} {...f.register("specialty")} />
          <dl className="grid grid-cols-1 gap-3 rounded-md bg-slate-50 p-3 sm:grid-cols-2">
            <div>
              <dt className="text-sm text-slate-600">{en.fields.licenseNumber}</dt>
              <dd className="break-all font-semibold" data-testid="license-number">
                {user.licenseNumber}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{en.fields.approval}</dt>
              <dd className="font-semibold" data-testid="approval">
                {user.approval ? en.fields.approvals[user.approval] : ""}
              </dd>
            </div>
          </dl>
        </>
      ) : null}
      <SubmitButton pending={f.pending}>{en.account.profile.submit}</SubmitButton>
    </form>
  );
}
