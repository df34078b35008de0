// Response headers that several layers must agree on, in one place: the download route builds them,
// next.config.ts gives /api responses the same CSP (Next replaces a route's own CSP with its own),
// the server entry restores Content-Length from the private length header, and the download's
// contract documents them. Plain ESM, so scripts/serve.mjs and next.config.ts load it without a build.

/**
 * The Content-Security-Policy of every API response. It ends in `sandbox` so that a record download
 * never runs as a page of our origin, even when a browser renders it; for JSON it changes nothing.
 */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'; sandbox";

/**
 * The unsubscribe link's page (GET /api/unsubscribe/{token}, docs/NOTIFICATIONS.md "Unsubscribe"), the
 * one HTML page under /api: `sandbox` would stop its form, so it gets this instead — no script, inline
 * styles, forms posted only to ourselves. The route sets it and next.config.ts puts it back over API_CSP.
 */
export const UNSUBSCRIBE_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** What next.config.ts sets on every /api response. */
export const API_HEADERS = [
  { key: "Cache-Control", value: "no-store" },
  { key: "Content-Security-Policy", value: API_CSP },
];

/**
 * Next drops Content-Length from route responses (it cannot know whether a body was decoded on the
 * way), so a streamed download would go out chunked, with no length for the browser to show progress
 * or to notice a cut-off file. A route that knows its exact length sends it in this private header;
 * scripts/serve.mjs turns it back into Content-Length and removes it.
 */
export const LENGTH_HEADER = "x-caregate-content-length";

/**
 * What keeps a download inert whatever the file holds (a PDF can also be valid HTML): never sniffed,
 * sandboxed if a browser renders it anyway, not embeddable by other sites, never cached. Together
 * with an attachment Content-Disposition.
 */
const INERT = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": API_CSP,
  "Cache-Control": "no-store",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/**
 * Every header of a record download (GET /api/records/{id}/file).
 * @param {{ contentType: string; disposition: string; etag: string; size: number; range?: { start: number; end: number } | null }} d
 *   `disposition` is an attachment; `range` the one byte range answered with 206, if any.
 * @returns {Headers}
 */
export function downloadHeaders(d) {
  const length = String(d.range ? d.range.end - d.range.start + 1 : d.size);
  const headers = new Headers({
    "Content-Type": d.contentType,
    "Content-Length": length,
    [LENGTH_HEADER]: length,
    "Content-Disposition": d.disposition,
    ...INERT,
    "Accept-Ranges": "bytes",
    ETag: d.etag,
  });
  if (d.range) headers.set("Content-Range", `bytes ${d.range.start}-${d.range.end}/${d.size}`);
  return headers;
}

/**
 * Every header of a record's preview (GET /api/records/{id}/thumbnail): the download's, for a whole
 * small image held in memory (no ranges, no ETag).
 * @param {{ contentType: string; disposition: string; size: number }} d
 * @returns {Headers}
 */
export function previewHeaders(d) {
  const length = String(d.size);
  return new Headers({
    "Content-Type": d.contentType,
    "Content-Length": length,
    [LENGTH_HEADER]: length,
    "Content-Disposition": d.disposition,
    ...INERT,
  });
}

/**
 * Every header of the data export (GET /api/account/export): a zip whose exact length is known before
 * its first byte (its files are stored, not compressed), so the browser can show progress.
 * @param {{ disposition: string; size: number }} d
 * @returns {Headers}
 */
export function archiveHeaders(d) {
  const length = String(d.size);
  return new Headers({
    "Content-Type": "application/zip",
    "Content-Length": length,
    [LENGTH_HEADER]: length,
    "Content-Disposition": d.disposition,
    ...INERT,
  });
}

/** The export's headers as its contract documents them. */
export const ARCHIVE_HEADER_DOCS = {
  "Content-Disposition": 'attachment; filename="caregate-export-2025-03-14.zip"',
  "Content-Length": "The exact size of the zip, known before it starts.",
  ...INERT,
};

/** The same headers as the download's contract documents them (Content-Type is the response's media type). */
export const DOWNLOAD_HEADER_DOCS = {
  "Content-Disposition": 'attachment; filename="blood-test-2025-03.pdf"; filename*=UTF-8\'\'… (always an attachment)',
  "Content-Length": "The number of bytes in this answer.",
  ...INERT,
  "Accept-Ranges": "bytes",
  ETag: "The file's SHA-256 in quotes; send it back as If-Range.",
};
