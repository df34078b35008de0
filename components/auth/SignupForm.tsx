"use client";

import { EmailField, PhoneField, TextField } from "@/components/ui/TextField";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { FormError } from "@/components/ui/FormError";
import { PasswordInput } from "@/components/ui/PasswordInput";
import { PasswordStrength } from "@/components/ui/PasswordStrength";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { touchLinkClass } from "@/components/ui/styles";
import { useApiForm } from "@/lib/client/use-api-form";
import { useTranslations } from "next-intl";
import { DoctorSignupSchema, SignupSchema } from "@/lib/validation/auth";

// Listed rather than taken from the defaults: the doctor fields are absent from a patient's defaults.
const FIELDS = ["name", "email", "phone", "password", "specialty", "licenseNumber"] as const;

/**
 * Patient and doctor sign-up: the same route schemas validate here first. The patient schema is a
 * subset of the doctor one, so one form type covers both (the doctor fields are simply absent).
 */
export function SignupForm({ doctor = false }: { doctor?: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const schema = (doctor ? DoctorSignupSchema : SignupSchema) as unknown as typeof DoctorSignupSchema;
  const f = useApiForm(schema, {
    endpoint: doctor ? "/api/auth/signup-doctor" : "/api/auth/signup",
    defaultValues: { name: "", email: "", phone: "", password: "", ...(doctor ? { specialty: "", licenseNumber: "" } : {}) },
    fields: FIELDS,
    codeToField: { EMAIL_TAKEN: "email", LICENSE_TAKEN: "licenseNumber" },
    leavesPage: true,
    onSuccess: (data: { email?: string }, values) => router.push(`/auth/verify-otp?email=${encodeURIComponent(data.email ?? values.email)}`),
  });
  const [password, email, name] = useWatch({ control: f.control, name: ["password", "email", "name"] });

  return (
    <form method="post" noValidate onSubmit={f.onSubmit} className="flex flex-col gap-4" aria-label={doctor ? t("doctorSignup.title") : t("signup.title")}>
      <FormError message={f.banner}>
        {/* The message itself sits beside the email field; the ways out belong up here. */}
        {f.errorCode === "EMAIL_TAKEN" ? (
          <p className="flex flex-wrap gap-x-4">
            <Link className={touchLinkClass} href="/auth/login">
              {t("signup.signIn")}
            </Link>
            <Link className={touchLinkClass} href="/auth/forgot-password">
              {t("login.forgot")}
            </Link>
          </p>
        ) : null}
      </FormError>
      <TextField label={t("fields.name")} autoComplete="name" error={f.errors.name?.message} {...f.register("name")} />
      <EmailField error={f.errors.email?.message} {...f.register("email")} />
      <PhoneField error={f.errors.phone?.message} {...f.register("phone")} />
      {doctor ? (
        <>
          <TextField label={t("fields.specialty")} autoComplete="off" error={f.errors.specialty?.message} {...f.register("specialty")} />
          <TextField
            label={t("fields.licenseNumber")}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            error={f.errors.licenseNumber?.message}
            {...f.register("licenseNumber")}
          />
        </>
      ) : null}
      <PasswordInput
        label={t("fields.password")}
        autoComplete="new-password"
        hint={t("fields.passwordHint")}
        error={f.errors.password?.message}
        {...f.register("password")}
      >
        <PasswordStrength password={password ?? ""} userInputs={[email ?? "", name ?? ""].filter(Boolean)} />
      </PasswordInput>
      <SubmitButton pending={f.pending}>{doctor ? t("doctorSignup.submit") : t("signup.submit")}</SubmitButton>
    </form>
  );
}
