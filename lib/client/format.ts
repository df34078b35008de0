import { formatBytes as bytesFor, formatDate as dateFor } from "@/lib/i18n/format";

/**
 * The English formatter of pages not yet converted to a language: it delegates to
 * lib/i18n/format.ts, the one formatter. Converted components use `useFormat()` (lib/i18n/hooks.ts).
 */
export const formatBytes = (bytes: number): string => bytesFor(bytes, "en");

export const formatDate = (iso: string | null, withTime = true): string => dateFor(iso, "en", { withTime });
