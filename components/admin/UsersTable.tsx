import Link from "next/link";
import { useTranslations } from "next-intl";
import { linkClass } from "@/components/ui/styles";
import type { PublicUser } from "@/lib/auth/users";
import { UtcTime } from "./UtcTime";

export function RoleBadge({ user }: { user: Pick<PublicUser, "role" | "approval"> }) {
  const t = useTranslations("admin");
  const approvals = useTranslations("fields.approvals");
  return (
    <span className="flex flex-col">
      <span>{t(`roles.${user.role}`)}</span>
      {user.role === "doctor" && user.approval ? <span className="text-sm text-slate-600">{approvals(user.approval)}</span> : null}
    </span>
  );
}

export function StatusBadge({ status }: { status: PublicUser["status"] }) {
  const t = useTranslations("admin.statuses");
  const tone = status === "suspended" ? "bg-red-100 text-red-900" : "bg-green-100 text-green-900";
  return <span className={`inline-block rounded-full px-2 py-0.5 text-sm font-medium ${tone}`}>{t(status)}</span>;
}

/**
 * The users list. One markup, two layouts: from 1024 px a table with a header that stays in view
 * while the list scrolls; below it each row is a card (the header is left to screen readers and every cell
 * shows its own label), so nothing scrolls sideways at 360 px. The order is the API's: newest first.
 */
export function UsersTable({ users }: { users: PublicUser[] }) {
  const t = useTranslations("admin.users");
  const head = "sticky top-0 z-10 border-b border-slate-300 bg-slate-50 px-3 py-2 text-start font-semibold";
  const label = "text-sm text-slate-600 lg:hidden";
  return (
    <div className="lg:rounded-lg lg:border lg:border-slate-200 lg:bg-white">
      <table className="block w-full text-start lg:table" aria-label={t("table")}>
        <thead className="sr-only text-slate-700 lg:not-sr-only">
          <tr>
            <th scope="col" className={head}>{t("name")}</th>
            <th scope="col" className={head}>{t("role")}</th>
            <th scope="col" className={head}>{t("status")}</th>
            <th scope="col" className={head} aria-sort="descending">{t("created")}</th>
          </tr>
        </thead>
        <tbody className="flex flex-col gap-3 lg:table-row-group">
          {users.map((user) => (
            <tr
              key={user.id}
              className="grid grid-cols-2 gap-x-3 gap-y-2 rounded-lg border border-slate-200 bg-white p-3 lg:table-row lg:rounded-none lg:border-0 lg:border-t lg:p-0 lg:align-top"
              data-testid="user-row"
              data-user-id={user.id}
            >
              <td className="col-span-2 lg:px-3 lg:py-2">
                <Link href={`/admin/users/${user.id}`} className={`${linkClass} inline-flex min-h-11 items-center font-semibold`}>
                  {user.name}
                </Link>
                <span className="block break-all text-sm text-slate-700">
                  <bdi>{user.email}</bdi>
                </span>
                {user.emailVerifiedAt ? null : <span className="block text-sm text-amber-800">{t("unverified")}</span>}
              </td>
              <td className="flex flex-col lg:table-cell lg:px-3 lg:py-2">
                <span className={label} aria-hidden="true">{t("role")}</span>
                <RoleBadge user={user} />
              </td>
              <td className="flex flex-col items-start lg:table-cell lg:px-3 lg:py-2">
                <span className={label} aria-hidden="true">{t("status")}</span>
                <StatusBadge status={user.status} />
              </td>
              <td className="col-span-2 flex flex-col text-sm lg:table-cell lg:px-3 lg:py-2 lg:text-base">
                <span className={label} aria-hidden="true">{t("created")}</span>
                <UtcTime value={user.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
