"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { FormError } from "@/components/ui/FormError";
import type { RecordItem } from "./types";

/**
 * Shows a record without ever letting it run on our origin. Images are fetched as bytes and shown
 * through a blob: URL in an <img> (the page's CSP allows `img-src blob:`; an <img> never runs
 * scripts). PDFs are not rendered in the page: that would need a frame or plugin on our origin,
 * which the CSP forbids on purpose (object-src 'none'); they open in the device's own viewer.
 */
export function RecordPreview({ record, id }: { record: RecordItem; id: string }) {
  const t = useTranslations("records.list");
  const isImage = record.contentType === "image/png" || record.contentType === "image/jpeg";
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!isImage) return;
    let objectUrl: string | null = null;
    let cancelled = false;
    (async () => {
      try {
        const res = await fetch(`/api/records/${encodeURIComponent(record.id)}/file`, { credentials: "same-origin", cache: "no-store" });
        if (!res.ok) throw new Error(String(res.status));
        // The type is ours (detected from the bytes on upload), never the response's or the file's.
        const blob = new Blob([await res.arrayBuffer()], { type: record.contentType });
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [isImage, record.id, record.contentType]);

  return (
    <div id={id} className="rounded-md border border-slate-200 bg-slate-50 p-3" role="region" aria-label={t("previewOf", { title: record.title })}>
      {!isImage ? <p className="text-sm text-slate-800">{t("pdfPreview")}</p> : null}
      {isImage && !url && !failed ? (
        <p role="status" className="text-sm">
          {t("previewLoading")}
        </p>
      ) : null}
      {failed ? <FormError message={t("previewFailed")} /> : null}
      {url ? (
        // eslint-disable-next-line @next/next/no-img-element -- a blob: URL of the user's own file; next/image cannot take it
        <img src={url} alt={t("previewOf", { title: record.title })} className="mx-auto max-h-96 max-w-full object-contain" data-testid="record-image" />
      ) : null}
    </div>
  );
}
