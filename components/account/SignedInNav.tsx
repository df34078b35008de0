import Link from "next/link";
import { DeletionBanner } from "@/components/account-data/DeletionBanner";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { MfaGraceBanner } from "@/components/mfa/MfaGraceBanner";
import { useTranslations } from "next-intl";
import { isAdminRole, type Role } from "@/lib/validation/admin";

type Page = "dashboard" | "records" | "patients" | "account" | "admin";

/**
 * Header navigation for signed-in pages; `current` marks the page with aria-current. Patients get
 * their records, doctors their patients, admins "Admin" (the pages themselves still check the role).
 * `mfaDaysLeft` (requirePageUser's `mfa.daysLeft`) shows the two-step sign-in grace banner under it;
 * it is required so that no signed-in page can forget the banner (docs/MFA.md "Policy"). So is
 * `deletionScheduledFor`: while the owner's deletion is scheduled, every signed-in page shows the date
 * and "Keep my account" (docs/PRIVACY.md "Deletion").
 */
export function SignedInNav({
  current,
  role,
  mfaDaysLeft,
  deletionScheduledFor,
}: {
  current: Page;
  role?: Role;
  mfaDaysLeft: number | null;
  deletionScheduledFor: Date | null;
}) {
  const t = useTranslations();
  const item = (href: string, key: Page) => (
    <li>
      <Link
        href={href}
        aria-current={current === key ? "page" : undefined}
        className="inline-flex min-h-11 items-center px-2 text-brand underline-offset-4 hover:underline aria-[current=page]:font-semibold aria-[current=page]:underline"
      >
        {t(`nav.${key}`)}
      </Link>
    </li>
  );
  return (
    <>
      <nav aria-label={t("ui.mainNav")}>
      <ul className="flex flex-wrap items-center gap-x-1 gap-y-1">
        {item("/dashboard", "dashboard")}
        {role === "patient" ? item("/records", "records") : null}
        {role === "doctor" ? item("/patients", "patients") : null}
        {item("/account", "account")}
        {role && isAdminRole(role) ? item("/admin/users", "admin") : null}
        <li>
          <SignOutButton className="ms-1 min-h-11 px-3 text-sm" />
        </li>
      </ul>
    </nav>
    {deletionScheduledFor ? <DeletionBanner scheduledFor={deletionScheduledFor.toISOString()} /> : null}
    {mfaDaysLeft ? <MfaGraceBanner daysLeft={mfaDaysLeft} /> : null}
    </>
  );
}
