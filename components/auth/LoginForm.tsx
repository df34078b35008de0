"use client";

import { useState } from "react";
import { MfaStepForm } from "@/components/mfa/MfaStepForm";
import { PasskeySignInButton } from "@/components/mfa/PasskeySignInButton";
import { EmailField } from "@/components/ui/TextField";
import Link from "next/link";
import { FormError } from "@/components/ui/FormError";
import { PasswordInput } from "@/components/ui/PasswordInput";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { touchLinkClass } from "@/components/ui/styles";
import { useApiForm } from "@/lib/client/use-api-form";
import { useAuthNavigation } from "@/lib/client/use-auth-navigation";
import { useTranslations } from "next-intl";
import { LoginSchema } from "@/lib/validation/auth";

type LoginAnswer = { mfaRequired?: true; mfaToken?: string };

/**
 * `next` is already made safe by the page (safeNextPath); it is where a successful sign-in goes.
 * An account with a second factor continues to the code step (docs/MFA.md "Sign-in") in place.
 */
export function LoginForm({ next }: { next: string }) {
  const t = useTranslations("mfa");
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  if (mfaToken) {
    const passkey = <PasskeySignInButton next={next} mfaToken={mfaToken} label={t("step.usePasskey")} />;
    return <MfaStepForm mfaToken={mfaToken} next={next} onRestart={() => setMfaToken(null)} passkey={passkey} />;
  }
  return (
    <div className="flex flex-col gap-4">
      <PasswordStep next={next} onMfa={setMfaToken} />
      <PasskeySignInButton next={next} label={t("passkeys.signIn")} />
    </div>
  );
}

function PasswordStep({ next, onMfa }: { next: string; onMfa: (token: string) => void }) {
  const t = useTranslations();
  const go = useAuthNavigation();
  const f = useApiForm<{ email: string; password: string }, { email: string; password: string }, LoginAnswer>(LoginSchema, {
    endpoint: "/api/auth/login",
    defaultValues: { email: "", password: "" },
    leavesPage: true,
    onSuccess: (data) => (data.mfaToken ? onMfa(data.mfaToken) : go(next)),
  });
  // The way out names the address that was sent (normalised by the schema), not what the field holds now.
  const failure = f.failure?.message ? f.failure : null;

  return (
    <form method="post" noValidate onSubmit={f.onSubmit} className="flex flex-col gap-4" aria-label={t("login.title")}>
      <FormError message={failure?.message}>
        {failure?.code === "EMAIL_NOT_VERIFIED" ? (
          <p>
            <Link className={touchLinkClass} href={`/auth/verify-otp?email=${encodeURIComponent(failure.values.email)}&sent=0`}>
              {t("login.confirmEmail")}
            </Link>
          </p>
        ) : null}
        {failure?.code === "ACCOUNT_LOCKED" ? (
          <p>
            <Link className={touchLinkClass} href="/auth/forgot-password">
              {t("login.reset")}
            </Link>
          </p>
        ) : null}
      </FormError>
      <EmailField autoComplete="username" error={f.errors.email?.message} {...f.register("email")} />
      <PasswordInput label={t("fields.password")} autoComplete="current-password" error={f.errors.password?.message} {...f.register("password")} />
      <SubmitButton pending={f.pending}>{t("login.submit")}</SubmitButton>
    </form>
  );
}
