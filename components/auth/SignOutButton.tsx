"use client";

import { useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { useAuthNavigation } from "@/lib/client/use-auth-navigation";
import { useTranslations } from "next-intl";
import { secondaryButtonClass } from "@/components/ui/styles";

/** Ends this session, then the sign-in page with the client router cache dropped. */
export function SignOutButton({ className }: { className?: string }) {
  const t = useTranslations("nav");
  const [pending, setPending] = useState(false);
  const go = useAuthNavigation();
  return (
    <button
      type="button"
      disabled={pending}
      aria-busy={pending || undefined}
      className={`${secondaryButtonClass} ${className ?? ""}`}
      onClick={async () => {
        setPending(true);
        await apiFetch("/api/auth/logout", { method: "POST" });
        go("/auth/login");
      }}
    >
      {pending ? t("signingOut") : t("signOut")}
    </button>
  );
}
