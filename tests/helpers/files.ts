import { randomBytes } from "node:crypto";

/** Files for upload tests (no app imports: the browser tests use them too). */

/** A small but well-formed PDF, padded to `size` bytes with a comment (so tests can ask for any size). */
export function pdfBytes(size = 2048): Buffer {
  const head = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%";
  const tail = "\n%%EOF\n";
  const pad = Math.max(0, size - head.length - tail.length);
  return Buffer.concat([Buffer.from(head), Buffer.alloc(pad, 0x41), Buffer.from(tail)]).subarray(0, Math.max(size, head.length + tail.length));
}

/** A valid 1×1 PNG (the browser test renders it). */
export const PNG_1PX = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** JPEG magic (SOI + APP0) followed by random bytes: enough for type detection. */
export const jpegBytes = (size = 4096) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size - 4)]);
