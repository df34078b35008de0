import "server-only";
import type { Actor } from "@/lib/http/actor";
import { and, eq, gt, sql } from "drizzle-orm";
import { auditInsert } from "@/lib/audit";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { securityEvents, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import { proofNeededFor, requireRecentProof } from "@/lib/auth/reauth";
import type { SessionContext } from "@/lib/auth/session/sessions";
import { dataExportedEmail } from "@/lib/mail/account-data-templates";
import { enqueueMail } from "@/lib/mail/queue";
import { blobStore } from "@/lib/records/blob-store";
import { archiveHeaders } from "@/lib/runtime/response-headers.mjs";
import { collectExport, type ExportData } from "./collect";
import { fhirBundle } from "./fhir";
import { readmeText } from "./readme";
import { streamZip } from "./zip";
import type { Locale } from "@/lib/i18n/locale";

/**
 * GET /api/account/export (docs/PRIVACY.md "Export"). It needs a recent proof, like changing the
 * email: the zip is the whole account in one file. Each export is an audit event, and the last
 * 24 hours of those events are the daily count, decided under a lock on the account's row so two
 * parallel requests cannot both take the last one. The owner is emailed in the same transaction.
 */
const DAY_SECONDS = 24 * 3600;

export async function exportAccountData(actor: Actor, session: SessionContext): Promise<Response> {
  const { user } = session;
  requireRecentProof(session, proofNeededFor(user));
  await claimExport(actor, user.id, user.email, user.locale);
  const data = await collectExport(user, session.sessionId);
  const { size, stream } = await zipOf(data);
  const day = data.exportedAt.toISOString().slice(0, 10);
  return new Response(stream, { status: 200, headers: archiveHeaders({ disposition: `attachment; filename="caregate-export-${day}.zip"`, size }) });
}

/** What the page shows before a download: how large it is, and how many downloads are left today. */
export async function exportSummary(session: SessionContext) {
  requireRecentProof(session, proofNeededFor(session.user));
  const db = await getDb();
  const [files] = await db.execute(sql`
    select count(*)::int as n, coalesce(sum(b.size), 0)::bigint as bytes
    from records r join record_blobs b on b.id = r.blob_id where r.patient_id = ${session.user.id}`).then(
    (r) => (r as unknown as { rows: { n: number; bytes: string | number }[] }).rows,
  );
  const used = await recentExports(session.user.id);
  const limit = config().EXPORTS_PER_DAY;
  return {
    records: Number(files?.n ?? 0),
    bytes: Number(files?.bytes ?? 0),
    exportsPerDay: limit,
    exportsLeft: Math.max(0, limit - used.length),
    nextExportAt: used.length >= limit ? new Date(used[used.length - limit]!.getTime() + DAY_SECONDS * 1000) : null,
  };
}

/** When this account's exports of the last 24 hours were made, oldest first. */
async function recentExports(userId: string, db?: Awaited<ReturnType<typeof getDb>>): Promise<Date[]> {
  const d = db ?? (await getDb());
  const rows = await d
    .select({ at: securityEvents.createdAt })
    .from(securityEvents)
    .where(
      and(
        eq(securityEvents.userId, userId),
        eq(securityEvents.type, "data_exported"),
        gt(securityEvents.createdAt, sql`now() - make_interval(secs => ${DAY_SECONDS})`),
      ),
    )
    .orderBy(securityEvents.createdAt);
  return rows.map((r) => r.at);
}

async function claimExport(actor: Actor, userId: string, email: string, locale: Locale): Promise<void> {
  const db = await getDb();
  const limit = config().EXPORTS_PER_DAY;
  await db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("no key update");
    const used = await recentExports(userId, tx);
    if (used.length >= limit) {
      const freeAt = used[used.length - limit]!.getTime() + DAY_SECONDS * 1000;
      throw new AppError("EXPORT_LIMIT", { retryAfterSeconds: Math.max(1, Math.ceil((freeAt - Date.now()) / 1000)) });
    }
    await auditInsert(tx, "data_exported", actor, userId);
    await enqueueMail(tx, dataExportedEmail(email, locale), { userId });
  });
}

async function zipOf(data: ExportData) {
  const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2) + "\n", "utf8");
  const at = data.exportedAt;
  // The blob id is the store's own key, not the person's data; the read's row number only makes the AuditEvent's id.
  const recordsJson = data.records.map((r) => ({ id: r.id, title: r.title, filename: r.filename, contentType: r.contentType, category: r.category, documentDate: r.documentDate, size: r.size, createdAt: r.createdAt, sha256: r.sha256, path: r.path }));
  const reads = data.reads.map((r) => ({ at: r.at, doctor: r.doctor, patient: r.patient, recordId: r.recordId, action: r.action }));
  return streamZip(
    [
      { path: "README.txt", data: Buffer.from(readmeText(data), "utf8"), mtime: at },
      { path: "account.json", data: json({ exportedAt: at, ...data.account }), mtime: at },
      { path: "records.json", data: json(recordsJson), mtime: at },
      { path: "sharing.json", data: json(data.grants), mtime: at },
      { path: "access-log.json", data: json(reads), mtime: at },
      { path: "security-events.json", data: json(data.events), mtime: at },
      { path: "fhir/bundle.json", data: json(fhirBundle(data)), mtime: at },
    ],
    data.records.map((r) => ({
      path: r.path,
      size: r.size,
      mtime: r.createdAt,
      open: async () => {
        const stream = await blobStore.read(r.blobId);
        // Deleted since the export began: the zip (and the answer) end short rather than lie.
        if (!stream) throw new Error("a record was deleted while it was being exported");
        return stream;
      },
    })),
  );
}
