import "server-only";
import type { Actor } from "@/lib/http/actor";
import type { User } from "@/lib/db/schema";
import { notFound } from "@/lib/http/app-error";
import { errorResponse } from "@/lib/http/handler";
import { downloadHeaders } from "@/lib/runtime/response-headers.mjs";
import { readableRecord } from "./access";
import { blobStore, type ByteRange } from "./blob-store";
import type { RecordType } from "./detect";
import { attachmentDisposition, downloadName } from "./filename";

/**
 * GET /api/records/{id}/file. The bytes are streamed from the blob store as the client reads them.
 * Whatever is inside the file, it is never active content on our origin: the headers that make it
 * inert are those of lib/runtime/response-headers.mjs.
 */
/** The request's `Range` and `If-Range` headers, as the route read them. */
export type RangeHeaders = { range: string | null; ifRange: string | null };

export async function recordFileResponse(actor: Actor, user: User, id: string, conditional: RangeHeaders): Promise<Response> {
  const record = await readableRecord(actor, user, id, "download");
  const etag = `"${record.sha256}"`;
  const range = requestedRange(conditional, record.size, etag);
  if (range === "unsatisfiable") {
    return errorResponse("RANGE_NOT_SATISFIABLE", {}, { "Content-Range": `bytes */${record.size}` });
  }
  const stream = await blobStore.read(record.blobId, range ?? undefined);
  if (!stream) throw notFound(); // deleted between the lookup and the read
  const headers = downloadHeaders({
    contentType: record.contentType,
    disposition: attachmentDisposition(downloadName(record.filename, record.contentType as RecordType)),
    etag,
    size: record.size,
    range,
  });
  return new Response(stream, { status: range ? 206 : 200, headers });
}

/**
 * One `bytes=` range (RFC 9110 §14.2), or null for the whole file. Several ranges, a malformed
 * header or an If-Range that no longer matches are answered with the whole file, as the RFC allows.
 */
export function requestedRange({ range: header, ifRange }: RangeHeaders, size: number, etag: string): ByteRange | null | "unsatisfiable" {
  if (!header) return null;
  if (ifRange && ifRange !== etag) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  let start: number;
  let end: number;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    if (suffix === 0) return "unsatisfiable";
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== "" && Number(m[2]) < start) return null; // invalid: ignore the header
  }
  if (!Number.isSafeInteger(start) || start >= size) return "unsatisfiable";
  return { start, end };
}
