import type { Metadata } from "next";
import Link from "next/link";
import { AdminNav } from "@/components/admin/AdminNav";
import { queryString } from "@/components/admin/format";
import { UserFilters } from "@/components/admin/UserFilters";
import { UsersTable } from "@/components/admin/UsersTable";
import { SignedInNav } from "@/components/account/SignedInNav";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { PageShell } from "@/components/ui/PageShell";
import { touchLinkClass } from "@/components/ui/styles";
import { PENDING_DOCTORS } from "@/lib/admin/links";
import { requireAdminPage } from "@/lib/admin/page";
import { listUsers } from "@/lib/admin/users";
import { en, fmt } from "@/lib/i18n";
import { firstValues, UserListQuerySchema } from "@/lib/validation/admin";

export const metadata: Metadata = { title: en.admin.users.title };

const u = en.admin.users;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** /admin/users: the searchable, filterable, paged list (the same query the API takes). */
export default async function AdminUsersPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, mfa } = await requireAdminPage("/admin/users");
  const params = await searchParams;
  const raw = firstValues(params, UserListQuerySchema);
  const parsed = UserListQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : UserListQuerySchema.parse({});
  const result = await listUsers(query);
  const pages = Math.max(1, Math.ceil(result.total / result.limit));
  const filters = parsed.success ? { q: query.q, role: query.role, status: query.status, approval: query.approval, verified: raw.verified } : {};
  const pageLink = (page: number) => `/admin/users${queryString({ ...filters, limit: raw.limit ? query.limit : undefined, page })}`;

  return (
    <PageShell width="3xl" title={u.title} intro={<p>{u.intro}</p>} header={<SignedInNav current="admin" role={user.role} mfaDaysLeft={mfa.daysLeft} deletionScheduledFor={user.deletionScheduledFor} />}>
      <AdminNav current="users" />
      {params.deleted ? <FormSuccess message={u.deleted} /> : null}
      {parsed.success ? null : <FormError message={u.invalid} />}
      <p>
        <Link href={PENDING_DOCTORS} className={touchLinkClass} data-testid="pending-doctors-filter">
          {u.pendingDoctors}
        </Link>
      </p>
      <UserFilters values={{ ...filters, verified: raw.verified }} />
      <p role="status" className="font-medium" data-testid="user-total">
        {result.total === 1 ? u.resultsOne : fmt(result.totalExact ? u.results : u.resultsAbout, { total: result.total })}
      </p>
      {result.users.length ? <UsersTable users={result.users} /> : <p className="rounded-md bg-slate-50 p-4">{u.empty}</p>}
      {pages > 1 ? (
        <nav aria-label={fmt(u.pageOf, { page: result.page, pages })} className="flex flex-wrap items-center justify-between gap-2">
          {result.page > 1 ? (
            <Link href={pageLink(result.page - 1)} className={touchLinkClass} rel="prev">
              {u.previous}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-700">{fmt(u.pageOf, { page: result.page, pages })}</span>
          {result.page < pages ? (
            <Link href={pageLink(result.page + 1)} className={touchLinkClass} rel="next">
              {u.next}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </PageShell>
  );
}
