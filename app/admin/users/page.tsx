import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AdminNav } from "@/components/admin/AdminNav";
import { queryString } from "@/components/admin/format";
import { TableSkeleton } from "@/components/admin/TableSkeleton";
import { UserFilters } from "@/components/admin/UserFilters";
import { UsersTable } from "@/components/admin/UsersTable";
import { SignedInNav } from "@/components/account/SignedInNav";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { PageShell } from "@/components/ui/PageShell";
import { touchLinkClass } from "@/components/ui/styles";
import { PENDING_DOCTORS } from "@/lib/admin/links";
import { requireAdminPage } from "@/lib/admin/page";
import { listUsers } from "@/lib/admin/users";
import { firstValues, type UserListQuery, UserListQuerySchema } from "@/lib/validation/admin";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** /admin/users: the searchable, filterable, paged list (the same query the API takes). */
export default async function AdminUsersPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, mfa } = await requireAdminPage("/admin/users");
  const t = await getTranslations("admin.users");
  const params = await searchParams;
  const raw = firstValues(params, UserListQuerySchema);
  const parsed = UserListQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : UserListQuerySchema.parse({});
  const filters = parsed.success ? { q: query.q, role: query.role, status: query.status, approval: query.approval, verified: raw.verified } : {};
  const pageLink = (page: number) => `/admin/users${queryString({ ...filters, limit: raw.limit ? query.limit : undefined, page })}`;

  return (
    <PageShell
      width="6xl"
      title={t("title")}
      intro={<p>{t("intro")}</p>}
      header={<SignedInNav current="admin" role={user.role} mfaDaysLeft={mfa.daysLeft} deletionScheduledFor={user.deletionScheduledFor} />}
    >
      <AdminNav current="users" />
      {params.deleted ? <FormSuccess message={t("deleted")} /> : null}
      {parsed.success ? null : <FormError message={t("invalid")} />}
      <p>
        <Link href={PENDING_DOCTORS} className={touchLinkClass} data-testid="pending-doctors-filter">
          {t("pendingDoctors")}
        </Link>
      </p>
      <UserFilters values={{ ...filters, verified: raw.verified }} />
      {/* The filters show at once; the list streams in behind a skeleton of itself. */}
      <Suspense key={JSON.stringify(query)} fallback={<TableSkeleton rows={8} label={t("table")} />}>
        <UsersResult query={query} pageLink={pageLink} />
      </Suspense>
    </PageShell>
  );
}

async function UsersResult({ query, pageLink }: { query: UserListQuery; pageLink: (page: number) => string }) {
  const t = await getTranslations("admin.users");
  const result = await listUsers(query);
  const pages = Math.max(1, Math.ceil(result.total / result.limit));
  const pageOf = t("pageOf", { page: result.page, pages });
  return (
    <>
      <p role="status" className="font-medium" data-testid="user-total">
        {result.totalExact ? t("results", { total: result.total }) : t("resultsAbout", { total: result.total })}
      </p>
      {result.users.length ? <UsersTable users={result.users} /> : <p className="rounded-md bg-slate-50 p-4">{t("empty")}</p>}
      {pages > 1 ? (
        <nav aria-label={pageOf} className="flex flex-wrap items-center justify-between gap-2">
          {result.page > 1 ? (
            <Link href={pageLink(result.page - 1)} className={touchLinkClass} rel="prev">
              {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-700">{pageOf}</span>
          {result.page < pages ? (
            <Link href={pageLink(result.page + 1)} className={touchLinkClass} rel="next">
              {t("next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
