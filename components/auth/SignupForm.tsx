"use client";

import { EmailField, PhoneField, TextField } from "@/components/ui/TextField";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { FormError } from "@/components/ui/FormError";
import { PasswordInput } from "@/components/ui/PasswordInput";
import { PasswordStrength } from "@/components/ui/PasswordStrength";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { touchLinkClass } from "@/components/ui/styles";
import { apiFetch } from "@/lib/client/api";
import { applyApiError } from "@/lib/client/form-errors";
import { en } from "@/lib/i18n";
import { DoctorSignupSchema, SignupSchema } from "@/lib/validation/auth";

type Input = z.input<typeof DoctorSignupSchema>;
type Output = z.output<typeof DoctorSignupSchema>;
const FIELDS = ["name", "email", "phone", "password", "specialty", "licenseNumber"] as const;

/**
 * Patient and doctor sign-up: the same route schemas validate here first. The patient schema is a
 * subset of the doctor one, so one form type covers both (the doctor fields are simply absent).
 */
export function SignupForm({ doctor = false }: { doctor?: boolean }) {
  const router = useRouter();
  const [leaving, setLeaving] = useState(false);
  const [banner, setBanner] = useState<{ message: string; emailTaken: boolean } | null>(null);
  const schema = (doctor ? DoctorSignupSchema : SignupSchema) as unknown as typeof DoctorSignupSchema;
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({
    resolver: zodResolver(schema),
    defaultValues: { name: "", email: "", phone: "", password: "", ...(doctor ? { specialty: "", licenseNumber: "" } : {}) },
  });
  const [password, email, name] = useWatch({ control, name: ["password", "email", "name"] });

  const onSubmit = handleSubmit(async (values) => {
    setBanner(null);
    const res = await apiFetch<{ email: string }>(doctor ? "/api/auth/signup-doctor" : "/api/auth/signup", { method: "POST", body: values });
    if (res.ok) {
      setLeaving(true);
      router.push(`/auth/verify-otp?email=${encodeURIComponent(res.data.email ?? values.email)}`);
      return;
    }
    const message = applyApiError(res, setError, {
      fields: FIELDS,
      codeToField: { EMAIL_TAKEN: "email", LICENSE_TAKEN: "licenseNumber" },
    });
    const emailTaken = res.error.code === "EMAIL_TAKEN";
    if (message || emailTaken) setBanner({ message: message ?? "", emailTaken });
  });

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-label={doctor ? en.doctorSignup.title : en.signup.title}>
      <FormError message={banner?.message || null}>
        {banner?.emailTaken ? (
          <p className="flex flex-wrap gap-x-4">
            <Link className={touchLinkClass} href="/auth/login">
              {en.signup.signIn}
            </Link>
            <Link className={touchLinkClass} href="/auth/forgot-password">
              {en.login.forgot}
            </Link>
          </p>
        ) : null}
      </FormError>
      <TextField label={en.fields.name} autoComplete="name" error={errors.name?.message} {...register("name")} />
      <EmailField error={errors.email?.message} {...register("email")} />
      <PhoneField error={errors.phone?.message} {...register("phone")} />
      {doctor ? (
        <>
          <TextField label={en.fields.specialty} autoComplete="off" error={errors.specialty?.message} {...register("specialty")} />
          <TextField
            label={en.fields.licenseNumber}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            error={errors.licenseNumber?.message}
            {...register("licenseNumber")}
          />
        </>
      ) : null}
      <PasswordInput
        label={en.fields.password}
        autoComplete="new-password"
        hint={en.fields.passwordHint}
        error={errors.password?.message}
        {...register("password")}
      >
        <PasswordStrength password={password ?? ""} userInputs={[email ?? "", name ?? ""].filter(Boolean)} />
      </PasswordInput>
      <SubmitButton pending={isSubmitting || leaving}>{doctor ? en.doctorSignup.submit : en.signup.submit}</SubmitButton>
    </form>
  );
}
