import "server-only";
import { AppError } from "./app-error";

/** docs/RULES.md "Request bodies": a JSON body larger than this is refused with 413. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/**
 * The request body as a stream that errors with 413 PAYLOAD_TOO_LARGE as soon as more than
 * `maxBytes` have arrived, and then cancels the source so the rest is never read. Content-Length
 * is only a shortcut: a chunked body (no length) or a lying length is cut off by the byte count,
 * so a client can never make the server hold more than `maxBytes` plus one network chunk.
 * Streaming consumers (e.g. a multipart parser for uploads) read this stream directly.
 */
export function limitedBody(request: Request, maxBytes: number): ReadableStream<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) {
    void request.body?.cancel().catch(() => {});
    throw new AppError("PAYLOAD_TOO_LARGE");
  }
  const source = request.body;
  if (!source) return new ReadableStream({ start: (c) => c.close() });
  const reader = source.getReader();
  let received = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      received += value.byteLength;
      if (received > maxBytes) {
        await reader.cancel().catch(() => {});
        return controller.error(new AppError("PAYLOAD_TOO_LARGE"));
      }
      controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/** The whole body as bytes, at most `maxBytes` of them (413 beyond; see limitedBody). */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  const reader = limitedBody(request, maxBytes).getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/**
 * JSON text must be UTF-8 (RFC 8259 §8.1). Invalid bytes are refused instead of silently becoming
 * U+FFFD, which would otherwise reach the database as a different value than the client sent.
 */
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The body as text of at most MAX_JSON_BODY_BYTES; 413 beyond, 400 INVALID_JSON when not UTF-8. */
export async function readJsonText(request: Request): Promise<string> {
  const bytes = await readBodyLimited(request, MAX_JSON_BODY_BYTES);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new AppError("INVALID_JSON");
  }
}
