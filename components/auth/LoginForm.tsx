"use client";

import { EmailField } from "@/components/ui/TextField";
import Link from "next/link";
import { FormError } from "@/components/ui/FormError";
import { PasswordInput } from "@/components/ui/PasswordInput";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { touchLinkClass } from "@/components/ui/styles";
import { useApiForm } from "@/lib/client/use-api-form";
import { useAuthNavigation } from "@/lib/client/use-auth-navigation";
import { en } from "@/lib/i18n";
import { LoginSchema } from "@/lib/validation/auth";

/** `next` is already made safe by the page (safeNextPath); it is where a successful sign-in goes. */
export function LoginForm({ next }: { next: string }) {
  const go = useAuthNavigation();
  const f = useApiForm(LoginSchema, {
    endpoint: "/api/auth/login",
    defaultValues: { email: "", password: "" },
    leavesPage: true,
    onSuccess: () => go(next),
  });
  // The way out names the address that was sent (normalised by the schema), not what the field holds now.
  const failure = f.failure?.message ? f.failure : null;

  return (
    <form method="post" noValidate onSubmit={f.onSubmit} className="flex flex-col gap-4" aria-label={en.login.title}>
      <FormError message={failure?.message}>
        {failure?.code === "EMAIL_NOT_VERIFIED" ? (
          <p>
            <Link className={touchLinkClass} href={`/auth/verify-otp?email=${encodeURIComponent(failure.values.email)}&sent=0`}>
              {en.login.confirmEmail}
            </Link>
          </p>
        ) : null}
        {failure?.code === "ACCOUNT_LOCKED" ? (
          <p>
            <Link className={touchLinkClass} href="/auth/forgot-password">
              {en.login.reset}
            </Link>
          </p>
        ) : null}
      </FormError>
      <EmailField autoComplete="username" error={f.errors.email?.message} {...f.register("email")} />
      <PasswordInput label={en.fields.password} autoComplete="current-password" error={f.errors.password?.message} {...f.register("password")} />
      <SubmitButton pending={f.pending}>{en.login.submit}</SubmitButton>
    </form>
  );
}
