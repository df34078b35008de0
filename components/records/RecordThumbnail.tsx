"use client";

import Image from "next/image";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { RecordItem } from "./types";

/** How often, and how long apart, a preview that is still being made is asked for again. */
const RETRIES = 4;
const RETRY_MS = 1500;

/**
 * The record's preview (GET /api/records/{id}/thumbnail), or a generic document icon when it has
 * none. A new upload's preview is made in the background, so a first 404 is retried a few times.
 */
export function RecordThumbnail({ record }: { record: RecordItem }) {
  const t = useTranslations("records.list");
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState(false);
  const [waiting, setWaiting] = useState(false);

  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => {
      setWaiting(false);
      setFailed(false);
      setAttempt((a) => a + 1);
    }, RETRY_MS);
    return () => clearTimeout(timer);
  }, [waiting]);

  const onError = () => {
    setFailed(true);
    if (attempt < RETRIES) setWaiting(true);
  };

  return (
    <div className="flex h-24 w-20 shrink-0 items-center justify-center overflow-hidden rounded border border-slate-200 bg-slate-50">
      {failed ? (
        <span className="flex flex-col items-center gap-1 text-xs text-slate-600" data-testid="record-icon">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-8 w-8" fill="none" stroke="currentColor" strokeWidth="1.5">
            <path d="M7 3h7l5 5v13H7z" />
            <path d="M14 3v5h5M9.5 13h7M9.5 16.5h7" />
          </svg>
          {t("noThumbnail")}
        </span>
      ) : (
        <Image
          key={attempt}
          src={`/api/records/${encodeURIComponent(record.id)}/thumbnail${attempt ? `?try=${attempt}` : ""}`}
          alt={t("thumbnailOf", { title: record.title })}
          width={80}
          height={96}
          unoptimized
          className="h-full w-full object-contain"
          data-testid="record-thumbnail"
          onError={onError}
        />
      )}
    </div>
  );
}
