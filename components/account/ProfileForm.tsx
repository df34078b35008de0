"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { SelectField } from "@/components/ui/SelectField";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { PhoneField, TextField } from "@/components/ui/TextField";
import { apiFetch } from "@/lib/client/api";
import { applyApiError } from "@/lib/client/form-errors";
import { en } from "@/lib/i18n";
import { UpdateMeSchema } from "@/lib/validation/auth";
import { GENDERS } from "@/lib/validation/fields";
import type { AccountUser } from "./types";

type Input = z.input<typeof UpdateMeSchema>;
type Output = z.output<typeof UpdateMeSchema>;
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
  const [banner, setBanner] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const isDoctor = user.role === "doctor";
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({ resolver: zodResolver(UpdateMeSchema), defaultValues: formValues(user) });

  const onSubmit = handleSubmit(async (values) => {
    setBanner(null);
    setSaved(false);
    const body = isDoctor ? values : { ...values, specialty: undefined };
    const res = await apiFetch<{ user: AccountUser }>("/api/users/me", { method: "PATCH", body });
    if (res.ok) {
      reset(formValues({ ...user, ...res.data.user }));
      setSaved(true);
      return;
    }
    setBanner(applyApiError(res, setError, { fields: FIELDS }));
  });

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-label={en.account.profile.title}>
      <FormError message={banner} />
      <FormSuccess message={saved ? en.account.profile.saved : null} />
      <TextField label={en.fields.name} autoComplete="name" error={errors.name?.message} {...register("name")} />
      <PhoneField error={errors.phone?.message} {...register("phone")} />
      <TextField label={en.fields.dob} optional type="date" autoComplete="bday" error={errors.dob?.message} {...register("dob")} />
      <SelectField label={en.fields.gender} options={GENDER_OPTIONS} error={errors.gender?.message} {...register("gender")} />
      {isDoctor ? (
        <>
          <TextField label={en.fields.specialty} autoComplete="off" error={errors.specialty?.message} {...register("specialty")} />
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
      <SubmitButton pending={isSubmitting}>{en.account.profile.submit}</SubmitButton>
    </form>
  );
}
