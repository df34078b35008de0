"use client";

import { EmailField } from "@/components/ui/TextField";
import Link from "next/link";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { primaryButtonClass } from "@/components/ui/styles";
import { useApiForm } from "@/lib/client/use-api-form";
import { en, fmt } from "@/lib/i18n";
import { EmailOnlySchema } from "@/lib/validation/auth";

/** The answer is the same whether or not the account exists (the API says nothing either way). */
export function ForgotPasswordForm({ initialEmail = "" }: { initialEmail?: string }) {
  const f = useApiForm(EmailOnlySchema, {
    endpoint: "/api/auth/forgot-password/request",
    defaultValues: { email: initialEmail },
    successMessage: ({ values }) => fmt(en.forgot.sent, { email: values.email }),
  });

  if (f.success) {
    return (
      <div className="flex flex-col gap-4">
        <FormSuccess message={f.successMessage} />
        <Link href={`/auth/reset-password?email=${encodeURIComponent(f.success.values.email)}`} className={primaryButtonClass}>
          {en.forgot.enterCode}
        </Link>
      </div>
    );
  }

  return (
    <form method="post" noValidate onSubmit={f.onSubmit} className="flex flex-col gap-4" aria-label={en.forgot.title}>
      <FormError message={f.banner} />
      <EmailField error={f.errors.email?.message} {...f.register("email")} />
      <SubmitButton pending={f.pending}>{en.forgot.submit}</SubmitButton>
    </form>
  );
}
