import Link from "next/link";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { en } from "@/lib/i18n";

/** Header navigation for signed-in pages; `current` marks the page with aria-current. */
export function SignedInNav({ current }: { current: "dashboard" | "account" }) {
  const item = (href: string, key: "dashboard" | "account") => (
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
        {item("/account", "account")}
        <li>
          <SignOutButton className="ms-1 min-h-11 px-3 text-sm" />
        </li>
      </ul>
    </nav>
  );
}
