"use client";

import { EmailField } from "@/components/ui/TextField";
import { CodeField } from "@/components/ui/CodeField";
import { NewPasswordFields } from "@/components/ui/NewPasswordFields";
import Link from "next/link";
import { useEffect, useState } from "react";
import { useWatch } from "react-hook-form";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { linkClass, primaryButtonClass } from "@/components/ui/styles";
import type { ClientErrorCode } from "@/lib/http/error-codes";
import { useApiForm } from "@/lib/client/use-api-form";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("reset");
  return (
    <div className="flex flex-col gap-4">
      <FormSuccess message={t("done")} />
      <Link href="/auth/login" className={primaryButtonClass}>
        {t("signIn")}
      </Link>
    </div>
  );
}

function AskAgain({ code }: { code: ClientErrorCode | null }) {
  const t = useTranslations("reset");
  if (code !== "INVALID_TOKEN" && code !== "INVALID_CODE" && code !== "TOO_MANY_ATTEMPTS") return null;
  return (
    <Link href="/auth/forgot-password" className={`${linkClass} inline-flex min-h-11 items-center`}>
      {t("askNew")}
    </Link>
  );
}

function CodeReset({ email, onDone }: { email: string; onDone: () => void }) {
  const t = useTranslations("reset");
  const f = useApiForm(ForgotVerifySchema, {
    endpoint: "/api/auth/forgot-password/verify",
    defaultValues: { email, code: "", password: "", confirmPassword: "" },
    codeToField: { INVALID_CODE: "code", TOO_MANY_ATTEMPTS: "code", PASSWORD_MISMATCH: "confirmPassword", WEAK_PASSWORD: "password" },
    onSuccess: onDone,
  });
  const [password, currentEmail] = useWatch({ control: f.control, name: ["password", "email"] });

  return (
    <form method="post" noValidate onSubmit={f.onSubmit} className="flex flex-col gap-4" aria-label={t("title")}>
      <FormError message={f.banner} />
      <EmailField autoComplete="username" error={f.errors.email?.message} {...f.register("email")} />
      <CodeField control={f.control} name="code" error={f.errors.code?.message} />
      <AskAgain code={f.errorCode} />
      <NewPasswordFields password={f.register("password")} confirm={f.register("confirmPassword")} value={password} errors={{ password: f.errors.password?.message, confirm: f.errors.confirmPassword?.message }} userInputs={currentEmail ? [currentEmail] : []} />
      <SubmitButton pending={f.pending}>{t("submit")}</SubmitButton>
    </form>
  );
}

const readToken = () => (typeof window === "undefined" ? null : new URLSearchParams(window.location.search).get("token"));

function TokenReset({ onDone }: { onDone: () => void }) {
  const t = useTranslations("reset");
  // Read once on the client (the server never renders it into the page), then dropped from the URL.
  const [token] = useState(readToken);
  useEffect(() => {
    if (new URLSearchParams(window.location.search).has("token")) window.history.replaceState(null, "", "/auth/reset-password");
  }, []);
  const f = useApiForm(ResetPasswordSchema, {
    endpoint: `/api/auth/reset-password/${encodeURIComponent(token ?? "")}`,
    defaultValues: { password: "", confirmPassword: "" },
    codeToField: { PASSWORD_MISMATCH: "confirmPassword", WEAK_PASSWORD: "password" },
    beforeSend: () => (token ? undefined : { code: "INVALID_TOKEN", message: t("tokenMissing") }),
    onSuccess: onDone,
  });
  const password = useWatch({ control: f.control, name: "password" });

  return (
    <form method="post" noValidate onSubmit={f.onSubmit} className="flex flex-col gap-4" aria-label={t("title")}>
      <FormError message={f.banner}>
        <AskAgain code={f.errorCode} />
      </FormError>
      <NewPasswordFields password={f.register("password")} confirm={f.register("confirmPassword")} value={password} errors={{ password: f.errors.password?.message, confirm: f.errors.confirmPassword?.message }} />
      <SubmitButton pending={f.pending}>{t("submit")}</SubmitButton>
    </form>
  );
}
