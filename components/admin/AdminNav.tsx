import Link from "next/link";
import { useTranslations } from "next-intl";

/** The admin area's own navigation (Users | Audit log), under the page title. */
export function AdminNav({ current }: { current: "users" | "audit" }) {
  const t = useTranslations("admin");
  const item = (href: string, key: "users" | "audit", label: string) => (
    <li>
      <Link
        href={href}
        aria-current={current === key ? "page" : undefined}
        className="inline-flex min-h-11 items-center rounded-md px-3 text-brand underline-offset-4 hover:underline aria-[current=page]:bg-sky-50 aria-[current=page]:font-semibold"
      >
        {label}
      </Link>
    </li>
  );
  return (
    <nav aria-label={t("nav")}>
      <ul className="flex flex-wrap gap-2 border-b border-slate-200 pb-2">
        {item("/admin/users", "users", t("users.title"))}
        {item("/admin/audit", "audit", t("audit.title"))}
      </ul>
    </nav>
  );
}
