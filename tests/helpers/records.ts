import { and, count, eq, sql } from "drizzle-orm";
import * as recordRoute from "@/app/api/records/[id]/route";
import * as fileRoute from "@/app/api/records/[id]/file/route";
import * as accessLogRoute from "@/app/api/records/access-log/route";
import * as recordsRoute from "@/app/api/records/route";
import * as grantRoute from "@/app/api/grants/[id]/route";
import * as grantsRoute from "@/app/api/grants/route";
import { recordBlobs, recordChunks, recordGrants, records } from "@/lib/db/schema";
import { db } from "./db";
import { setApproval, verifiedDoctor } from "./doctors";
import { call, randomIp } from "./http";

export { jpegBytes, pdfBytes, PNG_1PX } from "./files";

/**
 * Helpers for the records and sharing tests (docs/RECORDS.md). Uploads are real multipart bodies: the
 * platform's FormData (streamed by Request, as a browser sends it) or hand-built bytes for the
 * malformed cases. Every call goes through the real route handlers.
 */

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** A Request as Next hands it to a route: our auth header and a client IP, nothing else added. */
export function apiRequest(path: string, init: RequestInit & { token?: string; cookie?: string; origin?: string } = {}) {
  const headers = new Headers(init.headers);
  headers.set("x-forwarded-for", randomIp());
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  if (init.cookie) headers.set("cookie", init.cookie);
  if (init.origin) headers.set("origin", init.origin);
  const streamed = init.body instanceof ReadableStream;
  return new Request(`http://localhost:3000${path}`, { ...init, headers, ...(streamed ? { duplex: "half" } : {}) } as RequestInit);
}

export async function send(route: Record<string, unknown>, method: string, request: Request, params: Record<string, string> = {}) {
  return (route[method] as Handler)(request, { params: Promise.resolve(params) });
}

export async function jsonOf(response: Response) {
  return { status: response.status, body: (await response.json()) as any };
}

// ---- calls --------------------------------------------------------------------------------------

export type UploadFile = { bytes: Uint8Array; filename?: string; type?: string };

/** POST /api/records with a FormData body (the way browsers and most clients send it). */
export async function upload(token: string, file: UploadFile | null, fields: Record<string, string> = {}, extraFiles: UploadFile[] = []) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of [file, ...extraFiles]) {
    if (f) form.append("file", new Blob([new Uint8Array(f.bytes)], { type: f.type ?? "application/octet-stream" }), f.filename ?? "file.bin");
  }
  return jsonOf(await send(recordsRoute, "POST", apiRequest("/api/records", { method: "POST", token, body: form })));
}

/** POST /api/records with a body and Content-Type built by hand (malformed multipart and friends). */
export async function rawUpload(token: string, raw: BodyInit | Buffer, contentType: string) {
  const body = Buffer.isBuffer(raw) ? new Uint8Array(raw) : raw;
  return jsonOf(await send(recordsRoute, "POST", apiRequest("/api/records", { method: "POST", token, body, headers: { "content-type": contentType } })));
}

export const BOUNDARY = "----caregate-test-boundary";

/** A multipart body from parts, each `{ name, filename?, type?, data }`; `close: false` leaves off the final boundary. */
export function multipart(parts: { name: string; filename?: string; type?: string; data: string | Buffer }[], close = true): Buffer {
  const pieces: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ""}`;
    const type = p.type ? `\r\nContent-Type: ${p.type}` : "";
    pieces.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`), Buffer.from(p.data), Buffer.from("\r\n"));
  }
  if (close) pieces.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(pieces);
}
export const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** GET /api/records, with `q`, `category`, `from`, `to` as query parameters when given. */
export const listRecords = (token: string, query: Record<string, string> = {}) =>
  call(recordsRoute, "GET", { token, path: `/api/records?${new URLSearchParams(query)}` });
export const patchRecord = (token: string, id: string, body: unknown) => call(recordRoute, "PATCH", { token, params: { id }, body });
export const getRecord = (token: string, id: string) => call(recordRoute, "GET", { token, params: { id } });
export const deleteRecord = (token: string, id: string, opts: { cookie?: string; origin?: string } = {}) =>
  call(recordRoute, "DELETE", { token: opts.cookie ? undefined : token, cookie: opts.cookie, origin: opts.origin, params: { id } });
export const accessLog = (token: string) => call(accessLogRoute, "GET", { token });

/** GET /api/records/{id}/file as the raw Response (headers and bytes matter here). */
export const download = (token: string, id: string, headers: Record<string, string> = {}) =>
  send(fileRoute, "GET", apiRequest(`/api/records/${id}/file`, { token, headers }), { id });

export const grant = (token: string, doctorId: string, expiresAt?: string | null) =>
  call(grantsRoute, "POST", { token, body: expiresAt === undefined ? { doctorId } : { doctorId, expiresAt } });
export const listGrants = (token: string) => call(grantsRoute, "GET", { token });
export const revoke = (token: string, id: string) => call(grantRoute, "DELETE", { token, params: { id } });

/** A verified doctor whose approval an admin has granted. */
export async function approvedDoctor(overrides: Record<string, unknown> = {}) {
  const d = await verifiedDoctor(overrides);
  await setApproval(d.user.id, "approved");
  return d;
}

// ---- database assertions and arrangements ------------------------------------------------------

/** Every row the blob store and records hold for one owner: all zero after a failed upload. */
export async function storedRows(ownerId: string) {
  const d = await db();
  const [blobs] = await d.select({ n: count() }).from(recordBlobs).where(eq(recordBlobs.ownerId, ownerId));
  const [chunks] = await d
    .select({ n: count() })
    .from(recordChunks)
    .innerJoin(recordBlobs, eq(recordBlobs.id, recordChunks.blobId))
    .where(eq(recordBlobs.ownerId, ownerId));
  const [recs] = await d.select({ n: count() }).from(records).where(eq(records.patientId, ownerId));
  return { blobs: blobs!.n, chunks: chunks!.n, records: recs!.n };
}

/** Gives a patient `n` tiny records straight in the database (to reach the 200 limit quickly). */
export async function seedRecords(patientId: string, n: number) {
  const d = await db();
  await d.execute(sql`
    with b as (
      insert into record_blobs (owner_id, state, size, sha256, chunk_size)
      select ${patientId}::uuid, 'stored', 0, repeat('0', 64), 262144 from generate_series(1, ${n})
      returning id
    )
    insert into records (patient_id, blob_id, title, filename, content_type)
    select ${patientId}::uuid, id, 'seeded', 'seeded.pdf', 'application/pdf' from b`);
}

/** Moves a grant's end into the past (time travel instead of waiting). */
export async function expireGrant(grantId: string) {
  await (await db()).update(recordGrants).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(recordGrants.id, grantId));
}

export async function grantRow(patientId: string, doctorId: string) {
  const rows = await (await db())
    .select()
    .from(recordGrants)
    .where(and(eq(recordGrants.patientId, patientId), eq(recordGrants.doctorId, doctorId)));
  return rows;
}
