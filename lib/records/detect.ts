import "server-only";

/** The only types a record may have (docs/RULES.md "Uploads"), recognised from the file's first bytes. */
export const RECORD_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

const SIGNATURES: { type: RecordType; bytes: number[] }[] = [
  // "%PDF-": the header every PDF starts with (ISO 32000-1 §7.5.2). Readers tolerate junk before it;
  // we do not, so that HTML or SVG with a PDF header somewhere inside is refused.
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // SOI marker followed by the first marker's 0xFF (JFIF, Exif and raw JPEG alike).
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  // The full 8-byte PNG signature (RFC 2083 §3.1), whose CR LF / LF bytes also catch mangled transfers.
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** How many leading bytes `detectType` needs to decide. */
export const SNIFF_BYTES = 8;

/** The record type these leading bytes announce, or null. The name and declared type are never consulted. */
export function detectType(head: Uint8Array): RecordType | null {
  for (const { type, bytes } of SIGNATURES) {
    if (head.length >= bytes.length && bytes.every((b, i) => head[i] === b)) return type;
  }
  return null;
}

export const EXTENSIONS: Record<RecordType, readonly string[]> = {
  "application/pdf": [".pdf"],
  "image/jpeg": [".jpg", ".jpeg"],
  "image/png": [".png"],
};
