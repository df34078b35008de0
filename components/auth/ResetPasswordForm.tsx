"use client";

import { EmailField } from "@/components/ui/TextField";
import { CodeField } from "@/components/ui/CodeField";
import { NewPasswordFields } from "@/components/ui/NewPasswordFields";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useEffect, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { linkClass, primaryButtonClass } from "@/components/ui/styles";
import { apiFetch } from "@/lib/client/api";
import type { ClientErrorCode } from "@/lib/http/error-codes";
import { applyApiError } from "@/lib/client/form-errors";
import { en } from "@/lib/i18n";
import { ForgotVerifySchema, ResetPasswordSchema } from "@/lib/validation/auth";

/**
 * /auth/reset-password in its two shapes: `?email=` (code from the email + new password) and
 * `?token=` (the emailed link). The token is read here, kept in memory, and removed from the
 * address bar at once so it does not stay in history, screenshots or a shared URL.
 */
export function ResetPasswordForm({ mode, email }: { mode: "code" | "token"; email: string }) {
  const [done, setDone] = useState(false);
  if (done) return <ResetDone />;
  return mode === "token" ? <TokenReset onDone={() => setDone(true)} /> : <CodeReset email={email} onDone={() => setDone(true)} />;
}

function ResetDone() {
  return (
    <div className="flex flex-col gap-4">
      <FormSuccess message={en.reset.done} />
      <Link href="/auth/login" className={primaryButtonClass}>
        {en.reset.signIn}
      </Link>
    </div>
  );
}

function AskAgain({ code }: { code: ClientErrorCode | undefined }) {
  if (code !== "INVALID_TOKEN" && code !== "INVALID_CODE" && code !== "TOO_MANY_ATTEMPTS") return null;
  return (
    <Link href="/auth/forgot-password" className={`${linkClass} inline-flex min-h-11 items-center`}>
      {en.reset.askNew}
    </Link>
  );
}

type CodeInput = z.input<typeof ForgotVerifySchema>;
type CodeOutput = z.output<typeof ForgotVerifySchema>;

function CodeReset({ email, onDone }: { email: string; onDone: () => void }) {
  const [banner, setBanner] = useState<string | null>(null);
  const [lastCode, setLastCode] = useState<ClientErrorCode>();
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CodeInput, unknown, CodeOutput>({
    resolver: zodResolver(ForgotVerifySchema),
    defaultValues: { email, code: "", password: "", confirmPassword: "" },
  });
  const [password, currentEmail] = useWatch({ control, name: ["password", "email"] });

  const onSubmit = handleSubmit(async (values) => {
    setBanner(null);
    setLastCode(undefined);
    const res = await apiFetch("/api/auth/forgot-password/verify", { method: "POST", body: values });
    if (res.ok) return onDone();
    setLastCode(res.error.code);
    setBanner(
      applyApiError(res, setError, {
        fields: ["email", "code", "password", "confirmPassword"],
        codeToField: { INVALID_CODE: "code", TOO_MANY_ATTEMPTS: "code", PASSWORD_MISMATCH: "confirmPassword", WEAK_PASSWORD: "password" },
      }),
    );
  });

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-label={en.reset.title}>
      <FormError message={banner} />
      <EmailField autoComplete="username" error={errors.email?.message} {...register("email")} />
      <CodeField control={control} name="code" error={errors.code?.message} />
      <AskAgain code={lastCode} />
      <NewPasswordFields password={register("password")} confirm={register("confirmPassword")} value={password} errors={{ password: errors.password?.message, confirm: errors.confirmPassword?.message }} userInputs={currentEmail ? [currentEmail] : []} />
      <SubmitButton pending={isSubmitting}>{en.reset.submit}</SubmitButton>
    </form>
  );
}

type TokenInput = z.input<typeof ResetPasswordSchema>;
type TokenOutput = z.output<typeof ResetPasswordSchema>;

const readToken = () => (typeof window === "undefined" ? null : new URLSearchParams(window.location.search).get("token"));

function TokenReset({ onDone }: { onDone: () => void }) {
  // Read once on the client (the server never renders it into the page), then dropped from the URL.
  const [token] = useState(readToken);
  const [banner, setBanner] = useState<string | null>(null);
  const [lastCode, setLastCode] = useState<ClientErrorCode>();
  useEffect(() => {
    if (new URLSearchParams(window.location.search).has("token")) window.history.replaceState(null, "", "/auth/reset-password");
  }, []);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TokenInput, unknown, TokenOutput>({
    resolver: zodResolver(ResetPasswordSchema),
    defaultValues: { password: "", confirmPassword: "" },
  });
  const password = useWatch({ control, name: "password" });

  const onSubmit = handleSubmit(async (values) => {
    setBanner(null);
    setLastCode(undefined);
    if (!token) {
      setLastCode("INVALID_TOKEN");
      setBanner(en.reset.tokenMissing);
      return;
    }
    const res = await apiFetch(`/api/auth/reset-password/${encodeURIComponent(token)}`, { method: "POST", body: values });
    if (res.ok) return onDone();
    setLastCode(res.error.code);
    setBanner(
      applyApiError(res, setError, {
        fields: ["password", "confirmPassword"],
        codeToField: { PASSWORD_MISMATCH: "confirmPassword", WEAK_PASSWORD: "password" },
      }),
    );
  });

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-label={en.reset.title}>
      <FormError message={banner}>
        <AskAgain code={lastCode} />
      </FormError>
      <NewPasswordFields password={register("password")} confirm={register("confirmPassword")} value={password} errors={{ password: errors.password?.message, confirm: errors.confirmPassword?.message }} />
      <SubmitButton pending={isSubmitting}>{en.reset.submit}</SubmitButton>
    </form>
  );
}
