"use client";

import { EmailField } from "@/components/ui/TextField";
import { CodeField } from "@/components/ui/CodeField";
import { useState } from "react";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { secondaryButtonClass } from "@/components/ui/styles";
import { apiFetch } from "@/lib/client/api";
import { applyApiError } from "@/lib/client/form-errors";
import { useApiForm } from "@/lib/client/use-api-form";
import { useAuthNavigation } from "@/lib/client/use-auth-navigation";
import { useCountdown } from "@/lib/client/use-countdown";
import { useTranslations } from "next-intl";
import { useApiErrorWords, useErrorText } from "@/lib/i18n/hooks";
import { EmailSchema } from "@/lib/validation/fields";
import { VerifyOtpSchema } from "@/lib/validation/auth";

/**
 * Signup confirmation. `email` comes from the address bar (shown as text when it is valid,
 * otherwise asked for). The resend countdown starts at `cooldownSeconds` because the signup
 * that led here just sent a code; a 429 resets it to the server's Retry-After.
 */
export function VerifyOtpForm({ email, cooldownSeconds }: { email: string | null; cooldownSeconds: number }) {
  const t = useTranslations("verify");
  const tUi = useTranslations("ui");
  const errorText = useErrorText();
  const words = useApiErrorWords();
  // Resend results sit beside the resend button, where the user is looking.
  const [notice, setNotice] = useState<string | null>(null);
  const [resendError, setResendError] = useState<string | null>(null);
  const [resending, setResending] = useState(false);
  const { remaining, start } = useCountdown(cooldownSeconds);
  const go = useAuthNavigation();
  const f = useApiForm(VerifyOtpSchema, {
    endpoint: "/api/auth/verify-otp",
    defaultValues: { email: email ?? "", code: "" },
    codeToField: { INVALID_CODE: "code", TOO_MANY_ATTEMPTS: "code" },
    beforeSend: () => setNotice(null),
    leavesPage: true,
    onSuccess: () => go("/dashboard"),
  });
  const { setError } = f.form;

  const resend = async () => {
    f.clearBanner();
    setNotice(null);
    setResendError(null);
    const parsed = EmailSchema.safeParse(f.form.getValues("email"));
    if (!parsed.success) {
      setError("email", { type: "manual", message: parsed.error.issues[0]?.message ?? t("resendNeedsEmail") }, { shouldFocus: true });
      return;
    }
    setResending(true);
    const res = await apiFetch("/api/auth/resend-otp", { method: "POST", body: { email: parsed.data } });
    setResending(false);
    if (res.ok) {
      setNotice(t("resent"));
      start(cooldownSeconds);
      return;
    }
    if (res.status === 429) start(res.retryAfter ?? cooldownSeconds);
    if (res.error.code === "RESEND_TOO_SOON") {
      setResendError(errorText(res.error.code, res.error.error));
      return;
    }
    setResendError(applyApiError(res, setError, { fields: ["email"] }, words));
  };

  return (
    <div className="flex flex-col gap-6">
      <form method="post" noValidate onSubmit={f.onSubmit} className="flex flex-col gap-4" aria-label={t("title")}>
        <FormError message={f.banner} />
        {email ? (
          <input type="hidden" {...f.register("email")} />
        ) : (
          <EmailField error={f.errors.email?.message} {...f.register("email")} />
        )}
        <CodeField control={f.control} name="code" error={f.errors.code?.message} />
        <SubmitButton pending={f.pending}>{t("submit")}</SubmitButton>
      </form>
      <div className="flex flex-col gap-2 border-t border-slate-200 pt-4">
        <p className="text-sm text-slate-700">{t("noCode")}</p>
        <button
          type="button"
          onClick={resend}
          disabled={remaining > 0 || resending}
          aria-busy={resending || undefined}
          className={secondaryButtonClass}
          data-testid="resend-code"
        >
          {remaining > 0 ? t("resendIn", { seconds: remaining }) : t("resend")}
          {resending ? tUi("submitting") : null}
        </button>
        <FormSuccess message={notice} />
        <FormError message={resendError} />
      </div>
    </div>
  );
}
