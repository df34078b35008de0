"use client";

import { EmailField } from "@/components/ui/TextField";
import Link from "next/link";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { primaryButtonClass } from "@/components/ui/styles";
import { useApiForm } from "@/lib/client/use-api-form";
import { useTranslations } from "next-intl";
import { EmailOnlySchema } from "@/lib/validation/auth";

/** The answer is the same whether or not the account exists (the API says nothing either way). */
export function ForgotPasswordForm({ initialEmail = "" }: { initialEmail?: string }) {
  const t = useTranslations("forgot");
  const f = useApiForm(EmailOnlySchema, {
    endpoint: "/api/auth/forgot-password/request",
    defaultValues: { email: initialEmail },
  });

  if (f.success) {
    return (
      <div className="flex flex-col gap-4">
        <FormSuccess>
          {/* The address keeps its own direction inside Arabic text. */}
          <p>{t.rich("sent", { email: f.success.values.email, bdi: (chunks) => <bdi>{chunks}</bdi> })}</p>
        </FormSuccess>
        <Link href={`/auth/reset-password?email=${encodeURIComponent(f.success.values.email)}`} className={primaryButtonClass}>
          {t("enterCode")}
        </Link>
      </div>
    );
  }

  return (
    <form method="post" noValidate onSubmit={f.onSubmit} className="flex flex-col gap-4" aria-label={t("title")}>
      <FormError message={f.banner} />
      <EmailField error={f.errors.email?.message} {...f.register("email")} />
      <SubmitButton pending={f.pending}>{t("submit")}</SubmitButton>
    </form>
  );
}
