import "server-only";
import { once } from "node:events";
import type { Readable } from "node:stream";
import busboy from "busboy";
import { AppError } from "@/lib/http/app-error";
import { CategorySchema, type RecordCategory, UploadDocumentDateSchema } from "@/lib/validation/record-metadata";
import { RecordTitleSchema } from "@/lib/validation/records";
import type { BlobStore, StoredBlob } from "./blob-store";
import { detectType, type RecordType, SNIFF_BYTES } from "./detect";
import { boundaryOf, CloseDelimiterScanner } from "./multipart-end";

/**
 * Reads an upload (multipart/form-data: `file`, optional `title`, `category`, `documentDate`) from the request body as a
 * stream, straight into the blob store. The body is pulled only as fast as the database takes the
 * chunks, and reading stops the moment the answer is known (too large, wrong type, bad form):
 * nothing after that point is read or stored. On any failure the blob is gone before this throws.
 */

export type ReceivedUpload = {
  blob: StoredBlob;
  type: RecordType;
  filename: string;
  title: string;
  category: RecordCategory;
  documentDate: string | null;
};

/** The text parts of the form and how each is checked; any other field is ignored (docs/RULES.md "API conventions"). */
const FIELDS = { title: RecordTitleSchema, category: CategorySchema, documentDate: UploadDocumentDateSchema } as const;
type FieldName = keyof typeof FIELDS;

const invalid = (field: string, message: string) => new AppError("VALIDATION_FAILED", { fields: { [field]: message } });
const cutOff = () => new AppError("INVALID_MULTIPART");

type Options = {
  ownerId: string;
  maxBytes: number;
  store: BlobStore;
  /** Sees the file's bytes on their way to the store (the virus scanner); may throw to refuse them. */
  tap?: (source: AsyncIterable<Buffer>) => AsyncIterable<Buffer>;
};

/** The request's body and its Content-Type, as the route read them. */
export type UploadBody = { contentType: string | null; stream: ReadableStream<Uint8Array> | null };

export async function receiveUpload(body: UploadBody, { ownerId, maxBytes, store, tap }: Options): Promise<ReceivedUpload> {
  const contentType = body.contentType ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", { message: 'Send the file as multipart/form-data, in a part named "file".' });
  }
  if (!body.stream) throw invalid("file", "Choose a file to upload.");
  let bb: busboy.Busboy;
  try {
    bb = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8", // filenames as browsers send them (busboy's default is latin1)
      // One byte more than allowed, so that crossing the limit is seen (and refused) at once.
      limits: { files: 1, fileSize: maxBytes + 1, fields: 5, parts: 8, fieldSize: 4096, fieldNameSize: 100, headerPairs: 20 },
    });
  } catch {
    throw cutOff(); // e.g. no boundary parameter
  }

  // The first failure wins; it also aborts the body pump and the store's write.
  const stop = new AbortController();
  let failure: unknown = null;
  const fail = (e: unknown) => {
    if (failure !== null) return;
    failure = e;
    stop.abort(e);
  };
  const aborted = new Promise<never>((_, reject) => stop.signal.addEventListener("abort", () => reject(stop.signal.reason), { once: true }));
  aborted.catch(() => {});

  let stored: Promise<StoredBlob | null> | null = null;
  let type: RecordType | null = null;
  let filename = "";
  const values: { title?: string; category?: RecordCategory; documentDate?: string | null } = {};

  bb.on("file", (name, stream, info) => {
    // When the form is cut off, busboy destroys the part's stream with the same error it reports on
    // itself (handled below); without a listener here that copy would be an uncaught exception.
    stream.on("error", () => {});
    if (name !== "file") {
      stream.resume();
      return fail(invalid("file", 'Send the file in a part named "file".'));
    }
    filename = info.filename ?? "";
    // busboy has just seen byte maxBytes + 1: answer now, not after the store has caught up.
    stream.once("limit", () => fail(tooLarge(maxBytes)));
    const inspected = inspect(stream, maxBytes, aborted, (t) => (type = t));
    const source = tap ? tap(inspected) : inspected;
    stored = store.put(source, { ownerId, signal: stop.signal }).catch((e) => {
      fail(e);
      return null;
    });
  });
  bb.on("field", (name, value, info) => {
    if (name === "file") return fail(invalid("file", "Choose a file to upload (the file part has no filename)."));
    if (!Object.hasOwn(FIELDS, name)) return;
    const field = name as FieldName;
    if (Object.hasOwn(values, field)) return fail(invalid(field, `Send one ${field}.`));
    if (info.valueTruncated) return fail(invalid(field, `The ${field} is too long.`));
    const parsed = FIELDS[field].safeParse(value);
    if (!parsed.success) return fail(invalid(field, parsed.error.issues[0]!.message));
    (values as Record<FieldName, unknown>)[field] = parsed.data;
  });
  bb.on("filesLimit", () => fail(invalid("file", "Send one file per upload.")));
  bb.on("fieldsLimit", () => fail(invalid("body", "Too many form fields.")));
  bb.on("partsLimit", () => fail(invalid("body", "Too many form parts.")));
  bb.on("error", () => fail(cutOff()));
  const closed = new Promise<void>((resolve) => bb.once("close", resolve));

  const scanner = new CloseDelimiterScanner(boundaryOf(contentType) ?? "");
  await pump(body.stream, bb, scanner, stop.signal, aborted).catch((e) => fail(stop.signal.aborted ? e : cutOff()));
  await Promise.race([closed, aborted]).catch(() => {});
  // Always wait for the write: it resolves only after its own clean-up, so no rows outlive this call.
  const blob = stored ? await (stored as Promise<StoredBlob | null>) : null;
  if (failure !== null) {
    if (blob) await store.delete(blob.id);
    throw failure;
  }
  if (!blob || !type) throw invalid("file", "Choose a file to upload.");
  return { blob, type, filename, title: values.title ?? "", category: values.category ?? "other", documentDate: values.documentDate ?? null };
}

/**
 * Feeds the request body to busboy, honouring its back-pressure, up to the form's close delimiter
 * (./multipart-end.ts): nothing after it is read. The body is never cancelled: cancelling destroys
 * Node's request socket, and the client would never see our answer. Once stopped, the unread rest
 * stays on the wire and Node discards it with the connection.
 */
async function pump(body: ReadableStream<Uint8Array>, bb: busboy.Busboy, scanner: CloseDelimiterScanner, signal: AbortSignal, aborted: Promise<never>) {
  const reader = body.getReader();
  while (!signal.aborted) {
    const { done, value } = await Promise.race([reader.read(), aborted]);
    if (done) {
      bb.end();
      return;
    }
    const end = scanner.end(value);
    const part = end >= 0 ? value.subarray(0, end) : value;
    if (!bb.write(part)) await once(bb, "drain", { signal });
    if (end >= 0) {
      bb.end();
      return;
    }
  }
}

/**
 * The file's bytes on their way to the store: refuses an empty file, a type other than PDF, JPEG
 * or PNG (from the first bytes) and anything over `maxBytes`, as soon as each is known.
 */
async function* inspect(stream: Readable, maxBytes: number, aborted: Promise<never>, onType: (t: RecordType) => void) {
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let head: Buffer | null = Buffer.alloc(0);
  let size = 0;
  const decide = (bytes: Buffer) => {
    const type = detectType(bytes);
    if (!type) throw new AppError("UNSUPPORTED_MEDIA_TYPE", { message: "Upload a PDF, JPEG or PNG file." });
    onType(type);
  };
  for (;;) {
    let next: IteratorResult<Buffer>;
    try {
      next = await Promise.race([chunks.next(), aborted]);
    } catch (e) {
      // busboy destroys the part's stream when the form is cut off; the abort carries its own reason.
      throw e instanceof AppError ? e : cutOff();
    }
    if (next.done) break;
    size += next.value.byteLength;
    if (size > maxBytes) throw tooLarge(maxBytes);
    if (head === null) {
      yield next.value;
      continue;
    }
    head = Buffer.concat([head, next.value]);
    if (head.byteLength < SNIFF_BYTES) continue;
    decide(head);
    yield head;
    head = null;
  }
  if (head !== null) {
    if (head.byteLength === 0) throw invalid("file", "The file is empty.");
    decide(head); // shorter than SNIFF_BYTES, e.g. a tiny JPEG header: still judged by its bytes
    yield head;
  }
}

const tooLarge = (maxBytes: number) =>
  new AppError("PAYLOAD_TOO_LARGE", {
    message: `Files can be at most ${maxBytes % (1024 * 1024) === 0 ? `${maxBytes / (1024 * 1024)} MB` : `${maxBytes.toLocaleString("en")} bytes`}.`,
  });
