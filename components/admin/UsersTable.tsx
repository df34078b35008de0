import Link from "next/link";
import { linkClass } from "@/components/ui/styles";
import type { PublicUser } from "@/lib/auth/users";
import { en } from "@/lib/i18n";
import { isoOf, when } from "./format";

const u = en.admin.users;

export function RoleBadge({ user }: { user: Pick<PublicUser, "role" | "approval"> }) {
  return (
    <span className="flex flex-col">
      <span>{en.admin.roles[user.role]}</span>
      {user.role === "doctor" && user.approval ? <span className="text-sm text-slate-600">{en.fields.approvals[user.approval]}</span> : null}
    </span>
  );
}

export function StatusBadge({ status }: { status: PublicUser["status"] }) {
  const tone = status === "suspended" ? "bg-red-100 text-red-900" : "bg-green-100 text-green-900";
  return <span className={`inline-block rounded-full px-2 py-0.5 text-sm font-medium ${tone}`}>{en.admin.statuses[status]}</span>;
}

/** The users list as a table: three columns on a phone (360 px), the join date from small tablets up. */
export function UsersTable({ users }: { users: PublicUser[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-start text-sm sm:text-base" aria-label={u.table}>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 text-start font-semibold">{u.name}</th>
            <th scope="col" className="px-3 py-2 text-start font-semibold">{u.role}</th>
            <th scope="col" className="px-3 py-2 text-start font-semibold">{u.status}</th>
            <th scope="col" className="hidden px-3 py-2 text-start font-semibold sm:table-cell">{u.created}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className="border-t border-slate-200 align-top" data-testid="user-row" data-user-id={user.id}>
              <td className="px-3 py-2">
                <Link href={`/admin/users/${user.id}`} className={`${linkClass} inline-flex min-h-11 items-center font-semibold`}>
                  {user.name}
                </Link>
                <span className="block break-all text-sm text-slate-700">{user.email}</span>
                {user.emailVerifiedAt ? null : <span className="block text-sm text-amber-800">{u.unverified}</span>}
              </td>
              <td className="px-3 py-2">
                <RoleBadge user={user} />
              </td>
              <td className="px-3 py-2">
                <StatusBadge status={user.status} />
              </td>
              <td className="hidden px-3 py-2 sm:table-cell">
                <time dateTime={isoOf(user.createdAt)}>{when(user.createdAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
