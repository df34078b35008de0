"use client";

import { useTranslations } from "next-intl";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { SelectField } from "@/components/ui/SelectField";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { PhoneField, TextField } from "@/components/ui/TextField";
import { useApiForm } from "@/lib/client/use-api-form";
import { UpdateMeSchema } from "@/lib/validation/auth";
import { GENDERS } from "@/lib/validation/fields";
import type { AccountUser } from "./types";

// Listed rather than taken from the defaults: a patient's defaults have no specialty.
const FIELDS = ["name", "phone", "dob", "gender", "specialty"] as const;

const formValues = (u: AccountUser) => ({
  name: u.name,
  phone: u.phone ?? "",
  dob: u.dob ?? "",
  gender: u.gender ?? "",
  ...(u.role === "doctor" ? { specialty: u.specialty ?? "" } : {}),
});

/** PATCH /api/users/me. Empty optional fields clear the stored value (the schema maps "" to null). */
export function ProfileForm({ user }: { user: AccountUser }) {
  const t = useTranslations("account.profile");
  const fields = useTranslations("fields");
  const genderOptions = [{ value: "", label: fields("genderNone") }, ...GENDERS.map((g) => ({ value: g, label: fields(`genders.${g}`) }))];
  const isDoctor = user.role === "doctor";
  const f = useApiForm(UpdateMeSchema, {
    endpoint: "/api/users/me",
    method: "PATCH",
    // A patient has no specialty: never send one, whatever the field state holds.
    body: (values) => (isDoctor ? values : { ...values, specialty: undefined }),
    defaultValues: formValues(user),
    fields: FIELDS,
    successMessage: t("saved"),
    onSuccess: (data: { user: AccountUser }, _, form) => form.reset(formValues({ ...user, ...data.user })),
  });

  return (
    <form method="post" noValidate onSubmit={f.onSubmit} className="flex flex-col gap-4" aria-label={t("title")}>
      <FormError message={f.banner} />
      <FormSuccess message={f.successMessage} />
      <TextField label={fields("name")} autoComplete="name" error={f.errors.name?.message} {...f.register("name")} />
      <PhoneField error={f.errors.phone?.message} {...f.register("phone")} />
      <TextField label={fields("dob")} optional type="date" autoComplete="bday" error={f.errors.dob?.message} {...f.register("dob")} />
      <SelectField label={fields("gender")} options={genderOptions} error={f.errors.gender?.message} {...f.register("gender")} />
      {isDoctor ? (
        <>
          <TextField label={fields("specialty")} autoComplete="off" error={f.errors.specialty?.message} {...f.register("specialty")} />
          <dl className="grid grid-cols-1 gap-3 rounded-md bg-slate-50 p-3 sm:grid-cols-2">
            <div>
              <dt className="text-sm text-slate-600">{fields("licenseNumber")}</dt>
              <dd className="break-all font-semibold" data-testid="license-number" dir="ltr">
                {user.licenseNumber}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{fields("approval")}</dt>
              <dd className="font-semibold" data-testid="approval">
                {user.approval ? fields(`approvals.${user.approval}`) : ""}
              </dd>
            </div>
          </dl>
        </>
      ) : null}
      <SubmitButton pending={f.pending}>{t("submit")}</SubmitButton>
    </form>
  );
}
