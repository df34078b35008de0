"use client";

import { EmailField } from "@/components/ui/TextField";
import { CodeField } from "@/components/ui/CodeField";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { secondaryButtonClass } from "@/components/ui/styles";
import { apiFetch } from "@/lib/client/api";
import { applyApiError } from "@/lib/client/form-errors";
import { useAuthNavigation } from "@/lib/client/use-auth-navigation";
import { useCountdown } from "@/lib/client/use-countdown";
import { en, errorText, fmt } from "@/lib/i18n";
import { EmailSchema } from "@/lib/validation/fields";
import { VerifyOtpSchema } from "@/lib/validation/auth";

type Input = z.input<typeof VerifyOtpSchema>;
type Output = z.output<typeof VerifyOtpSchema>;

/**
 * Signup confirmation. `email` comes from the address bar (shown as text when it is valid,
 * otherwise asked for). The resend countdown starts at `cooldownSeconds` because the signup
 * that led here just sent a code; a 429 resets it to the server's Retry-After.
 */
export function VerifyOtpForm({ email, cooldownSeconds }: { email: string | null; cooldownSeconds: number }) {
  const [banner, setBanner] = useState<string | null>(null);
  // Resend results sit beside the resend button, where the user is looking.
  const [notice, setNotice] = useState<string | null>(null);
  const [resendError, setResendError] = useState<string | null>(null);
  const [resending, setResending] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const { remaining, start } = useCountdown(cooldownSeconds);
  const go = useAuthNavigation();
  const {
    register,
    control,
    handleSubmit,
    setError,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({
    resolver: zodResolver(VerifyOtpSchema),
    defaultValues: { email: email ?? "", code: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setBanner(null);
    setNotice(null);
    const res = await apiFetch("/api/auth/verify-otp", { method: "POST", body: values });
    if (res.ok) {
      setLeaving(true);
      go("/dashboard");
      return;
    }
    setBanner(
      applyApiError(res, setError, {
        fields: ["email", "code"],
        codeToField: { INVALID_CODE: "code", TOO_MANY_ATTEMPTS: "code" },
      }),
    );
  });

  const resend = async () => {
    setBanner(null);
    setNotice(null);
    setResendError(null);
    const parsed = EmailSchema.safeParse(getValues("email"));
    if (!parsed.success) {
      setError("email", { type: "manual", message: parsed.error.issues[0]?.message ?? en.verify.resendNeedsEmail }, { shouldFocus: true });
      return;
    }
    setResending(true);
    const res = await apiFetch("/api/auth/resend-otp", { method: "POST", body: { email: parsed.data } });
    setResending(false);
    if (res.ok) {
      setNotice(en.verify.resent);
      start(cooldownSeconds);
      return;
    }
    if (res.status === 429) start(res.retryAfter ?? cooldownSeconds);
    if (res.error.code === "RESEND_TOO_SOON") {
      setResendError(errorText(res.error.code, res.error.error));
      return;
    }
    setResendError(applyApiError(res, setError, { fields: ["email"] }));
  };

  return (
    <div className="flex flex-col gap-6">
      <form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-label={en.verify.title}>
        <FormError message={banner} />
        {email ? (
          <input type="hidden" {...register("email")} />
        ) : (
          <EmailField error={errors.email?.message} {...register("email")} />
        )}
        <CodeField control={control} name="code" error={errors.code?.message} />
        <SubmitButton pending={isSubmitting || leaving}>{en.verify.submit}</SubmitButton>
      </form>
      <div className="flex flex-col gap-2 border-t border-slate-200 pt-4">
        <p className="text-sm text-slate-700">{en.verify.noCode}</p>
        <button
          type="button"
          onClick={resend}
          disabled={remaining > 0 || resending}
          aria-busy={resending || undefined}
          className={secondaryButtonClass}
          data-testid="resend-code"
        >
          {remaining > 0 ? fmt(en.verify.resendIn, { seconds: remaining }) : en.verify.resend}
          {resending ? en.ui.submitting : null}
        </button>
        <FormSuccess message={notice} />
        <FormError message={resendError} />
      </div>
    </div>
  );
}
