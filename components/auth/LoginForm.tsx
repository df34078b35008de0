"use client";

import { EmailField } from "@/components/ui/TextField";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormError } from "@/components/ui/FormError";
import { PasswordInput } from "@/components/ui/PasswordInput";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { touchLinkClass } from "@/components/ui/styles";
import { apiFetch } from "@/lib/client/api";
import type { ClientErrorCode } from "@/lib/http/error-codes";
import { applyApiError } from "@/lib/client/form-errors";
import { useAuthNavigation } from "@/lib/client/use-auth-navigation";
import { en } from "@/lib/i18n";
import { LoginSchema } from "@/lib/validation/auth";

type Input = z.input<typeof LoginSchema>;
type Output = z.output<typeof LoginSchema>;

/** `next` is already made safe by the page (safeNextPath); it is where a successful sign-in goes. */
export function LoginForm({ next }: { next: string }) {
  const go = useAuthNavigation();
  // Stays true after success so the button cannot be pressed again while the next page loads.
  const [leaving, setLeaving] = useState(false);
  const [banner, setBanner] = useState<{ message: string; code: ClientErrorCode; email: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({ resolver: zodResolver(LoginSchema), defaultValues: { email: "", password: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setBanner(null);
    const res = await apiFetch("/api/auth/login", { method: "POST", body: values });
    if (res.ok) {
      setLeaving(true);
      go(next);
      return;
    }
    const message = applyApiError(res, setError, { fields: ["email", "password"] });
    if (message) setBanner({ message, code: res.error.code, email: values.email });
  });

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-label={en.login.title}>
      <FormError message={banner?.message}>
        {banner?.code === "EMAIL_NOT_VERIFIED" ? (
          <p>
            <Link className={touchLinkClass} href={`/auth/verify-otp?email=${encodeURIComponent(banner.email)}&sent=0`}>
              {en.login.confirmEmail}
            </Link>
          </p>
        ) : null}
        {banner?.code === "ACCOUNT_LOCKED" ? (
          <p>
            <Link className={touchLinkClass} href="/auth/forgot-password">
              {en.login.reset}
            </Link>
          </p>
        ) : null}
      </FormError>
      <EmailField autoComplete="username" error={errors.email?.message} {...register("email")} />
      <PasswordInput label={en.fields.password} autoComplete="current-password" error={errors.password?.message} {...register("password")} />
      <SubmitButton pending={isSubmitting || leaving}>{en.login.submit}</SubmitButton>
    </form>
  );
}
