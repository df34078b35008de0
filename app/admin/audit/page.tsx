import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/AdminNav";
import { AuditFilters } from "@/components/admin/AuditFilters";
import { AuditTable } from "@/components/admin/AuditTable";
import { queryString } from "@/components/admin/format";
import { SignedInNav } from "@/components/account/SignedInNav";
import { FormError } from "@/components/ui/FormError";
import { PageShell } from "@/components/ui/PageShell";
import { touchLinkClass } from "@/components/ui/styles";
import { requireAdminPage } from "@/lib/admin/page";
import { listSecurityEvents } from "@/lib/audit/query";
import { AppError } from "@/lib/http/app-error";
import { intlLocale } from "@/lib/i18n/format";
import { AuditQuerySchema, firstValues } from "@/lib/validation/admin";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.audit");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const FIELD_NAMES = ["userId", "actorId", "event", "from", "to", "cursor", "limit", "body"] as const;
const isFieldName = (k: string): k is (typeof FIELD_NAMES)[number] => (FIELD_NAMES as readonly string[]).includes(k);

/**
 * /admin/audit: the trail with the API's filters, one page at a time. "Older events" replaces the
 * page with the next one (the keyset cursor goes in the URL, so it can be reloaded and shared, and
 * the page never grows without bound); "Back to the newest" drops the cursor.
 */
export default async function AdminAuditPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, mfa } = await requireAdminPage("/admin/audit");
  const t = await getTranslations("admin.audit");
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
  // Links keep the page size asked for, so "Older events" moves by the same number of rows.
  const keep = { ...filters, limit: raw.limit };
  const invalid = Object.keys(errors).map((k) => (isFieldName(k) ? t(`fieldNames.${k}`) : k));

  return (
    <PageShell
      width="6xl"
      title={t("title")}
      intro={<p>{t("intro")}</p>}
      header={<SignedInNav current="admin" role={user.role} mfaDaysLeft={mfa.daysLeft} deletionScheduledFor={user.deletionScheduledFor} />}
    >
      <AdminNav current="audit" />
      <AuditFilters values={filters} errors={errors} />
      {invalid.length ? <FormError message={t("invalid", { fields: new Intl.ListFormat(intlLocale(await getLocale())).format(invalid) })} /> : null}
      {result ? (
        <p role="status" className="text-slate-700" data-testid="audit-shown">
          {t("shown", { count: result.events.length })}
        </p>
      ) : null}
      {result && result.events.length ? <AuditTable events={result.events} /> : null}
      {result && !result.events.length ? <p className="rounded-md bg-slate-50 p-4">{t("empty")}</p> : null}
      <nav aria-label={t("pages")} className="flex flex-wrap justify-between gap-2">
        {raw.cursor ? (
          <Link href={`/admin/audit${queryString(keep)}`} className={touchLinkClass}>
            {t("newest")}
          </Link>
        ) : (
          <span />
        )}
        {result?.nextCursor ? (
          <Link href={`/admin/audit${queryString({ ...keep, cursor: result.nextCursor })}`} className={touchLinkClass} rel="next" data-testid="older-events">
            {t("older")}
          </Link>
        ) : null}
      </nav>
    </PageShell>
  );
}
