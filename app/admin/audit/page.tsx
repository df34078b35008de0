import type { Metadata } from "next";
import Link from "next/link";
import { AdminNav } from "@/components/admin/AdminNav";
import { AuditFilters } from "@/components/admin/AuditFilters";
import { AuditList } from "@/components/admin/AuditList";
import { queryString } from "@/components/admin/format";
import { SignedInNav } from "@/components/account/SignedInNav";
import { FormError } from "@/components/ui/FormError";
import { PageShell } from "@/components/ui/PageShell";
import { touchLinkClass } from "@/components/ui/styles";
import { requireAdminPage } from "@/lib/admin/page";
import { listSecurityEvents } from "@/lib/audit/query";
import { AppError } from "@/lib/http/app-error";
import { en, fmt } from "@/lib/i18n";
import { AuditQuerySchema, firstValues } from "@/lib/validation/admin";

export const metadata: Metadata = { title: en.admin.audit.title };

const t = en.admin.audit;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** /admin/audit: the trail with the API's filters; "Older events" follows the keyset cursor. */
export default async function AdminAuditPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, mfa } = await requireAdminPage("/admin/audit");
  const raw = firstValues(await searchParams, AuditQuerySchema);
  const parsed = AuditQuerySchema.safeParse(raw);
  const errors: Record<string, string> = {};
  let result: Awaited<ReturnType<typeof listSecurityEvents>> | null = null;
  if (parsed.success) {
    try {
      result = await listSecurityEvents(parsed.data);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      Object.assign(errors, e.fields);
    }
  } else {
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "body")] ??= issue.message;
  }
  const filters = { userId: raw.userId, actorId: raw.actorId, event: raw.event, from: raw.from, to: raw.to };

  return (
    <PageShell width="3xl" title={t.title} intro={<p>{t.intro}</p>} header={<SignedInNav current="admin" role={user.role} mfaDaysLeft={mfa.daysLeft} deletionScheduledFor={user.deletionScheduledFor} />}>
      <AdminNav current="audit" />
      <AuditFilters values={filters} errors={errors} />
      {Object.keys(errors).length ? <FormError message={fmt(t.invalid, { fields: Object.keys(errors).join(", ") })} /> : null}
      {result && result.events.length ? <AuditList events={result.events} /> : null}
      {result && !result.events.length ? <p className="rounded-md bg-slate-50 p-4">{t.empty}</p> : null}
      <div className="flex flex-wrap justify-between gap-2">
        {raw.cursor ? (
          <Link href={`/admin/audit${queryString(filters)}`} className={touchLinkClass}>
            {t.newest}
          </Link>
        ) : (
          <span />
        )}
        {result?.nextCursor ? (
          <Link href={`/admin/audit${queryString({ ...filters, cursor: result.nextCursor })}`} className={touchLinkClass} rel="next">
            {t.older}
          </Link>
        ) : null}
      </div>
    </PageShell>
  );
}
