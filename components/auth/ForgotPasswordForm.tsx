"use client";

import { EmailField } from "@/components/ui/TextField";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { primaryButtonClass } from "@/components/ui/styles";
import { apiFetch } from "@/lib/client/api";
import { applyApiError } from "@/lib/client/form-errors";
import { en, fmt } from "@/lib/i18n";
import { EmailOnlySchema } from "@/lib/validation/auth";

type Input = z.input<typeof EmailOnlySchema>;
type Output = z.output<typeof EmailOnlySchema>;

/** The answer is the same whether or not the account exists (the API says nothing either way). */
export function ForgotPasswordForm({ initialEmail = "" }: { initialEmail?: string }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({ resolver: zodResolver(EmailOnlySchema), defaultValues: { email: initialEmail } });

  const onSubmit = handleSubmit(async (values) => {
    setBanner(null);
    const res = await apiFetch("/api/auth/forgot-password/request", { method: "POST", body: values });
    if (res.ok) {
      setSentTo(values.email);
      return;
    }
    setBanner(applyApiError(res, setError, { fields: ["email"] }));
  });

  if (sentTo) {
    return (
      <div className="flex flex-col gap-4">
        <FormSuccess message={fmt(en.forgot.sent, { email: sentTo })} />
        <Link href={`/auth/reset-password?email=${encodeURIComponent(sentTo)}`} className={primaryButtonClass}>
          {en.forgot.enterCode}
        </Link>
      </div>
    );
  }

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-label={en.forgot.title}>
      <FormError message={banner} />
      <EmailField error={errors.email?.message} {...register("email")} />
      <SubmitButton pending={isSubmitting}>{en.forgot.submit}</SubmitButton>
    </form>
  );
}
