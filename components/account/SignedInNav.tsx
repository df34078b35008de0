import Link from "next/link";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { en } from "@/lib/i18n";

type Item = "dashboard" | "records" | "patients" | "account";

/**
 * Header navigation for signed-in pages; `current` marks the page with aria-current. Patients get
 * their records, doctors their patients (the pages themselves still check the role).
 */
export function SignedInNav({ current, role }: { current: Item; role?: "patient" | "doctor" | "admin" | "superadmin" }) {
  const item = (href: string, key: Item) => (
    <li>
      <Link
        href={href}
        aria-current={current === key ? "page" : undefined}
        className="inline-flex min-h-11 items-center px-2 text-brand underline-offset-4 hover:underline aria-[current=page]:font-semibold aria-[current=page]:underline"
      >
        {en.nav[key]}
      </Link>
    </li>
  );
  return (
    <nav aria-label={en.ui.mainNav}>
      <ul className="flex flex-wrap items-center gap-x-1 gap-y-1">
        {item("/dashboard", "dashboard")}
        {role === "patient" ? item("/records", "records") : null}
        {role === "doctor" ? item("/patients", "patients") : null}
        {item("/account", "account")}
        <li>
          <SignOutButton className="ms-1 min-h-11 px-3 text-sm" />
        </li>
      </ul>
    </nav>
  );
}
