import "server-only";
import { EXTENSIONS, type RecordType } from "./detect";

const MAX_FILENAME = 200;

/**
 * A client's filename as display text only: the last path segment, NFC, without control or
 * bidirectional-override characters (which can disguise "gpj.exe" as "exe.jpg"), whitespace
 * collapsed, at most 200 code points. It is never used as a path; downloads rebuild the name.
 */
export function sanitizeFilename(raw: string | undefined): string {
  let name = (raw ?? "").normalize("NFC");
  name = name.split(/[/\\]/).pop() ?? "";
  name = name.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "");
  name = name.replace(/\s+/g, " ").trim();
  name = name.replace(/^\.+/, ""); // no hidden-file or ".." names
  const points = [...name];
  if (points.length > MAX_FILENAME) {
    const dot = name.lastIndexOf(".");
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
    name = points.slice(0, MAX_FILENAME - [...ext].length).join("") + ext;
  }
  return name;
}

/** The title a record gets when the patient gives none: its filename without the extension. */
export function defaultTitle(filename: string): string {
  const dot = filename.lastIndexOf(".");
  const base = (dot > 0 ? filename.slice(0, dot) : filename).trim();
  return base || "Untitled record";
}

/**
 * The name a download is saved under: the display name, with the extension of the type we detected
 * (a PDF uploaded as "notes.html" downloads as "notes.html.pdf", so no program opens it as HTML).
 */
export function downloadName(filename: string, type: RecordType): string {
  const base = filename || "record";
  const extensions = EXTENSIONS[type];
  return extensions.some((e) => base.toLowerCase().endsWith(e)) ? base : `${base}${extensions[0]}`;
}

/**
 * `attachment` with an ASCII fallback and the exact name as RFC 8187 `filename*` (RFC 6266 §4.3):
 * every browser in use reads `filename*`; the fallback is for the few tools that do not.
 */
export function attachmentDisposition(name: string): string {
  let fallback = name.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\%;]/g, "_").trim();
  if (!fallback || fallback.startsWith(".")) fallback = `record${fallback}`;
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
