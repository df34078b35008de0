import Link from "next/link";
import { useTranslations } from "next-intl";

/**
 * The days an account whose role needs two-step sign-in has left to set it up (docs/MFA.md
 * "Policy"). Full width under the header's navigation on every signed-in page.
 */
export function MfaGraceBanner({ daysLeft }: { daysLeft: number }) {
  const t = useTranslations("mfa");
  return (
    <div role="status" data-testid="mfa-grace-banner" className="w-full basis-full rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      {t("graceBanner", { days: Math.max(1, daysLeft) })}{" "}
      <Link href="/account/two-step" className="inline-flex min-h-11 items-center font-semibold text-brand underline underline-offset-2">
        {t("graceBannerLink")}
      </Link>
    </div>
  );
}
