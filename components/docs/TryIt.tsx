"use client";

import { type FormEvent, useId, useState } from "react";
import { FormError } from "@/components/ui/FormError";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { TextField } from "@/components/ui/TextField";
import { inputClass } from "@/components/ui/styles";
import { useTranslations } from "next-intl";

/**
 * "Try it" for one endpoint: a real fetch to this server (same origin, so the CSP's connect-src
 * 'self' allows it and the browser's session cookie goes along). Nothing is sent anywhere else.
 */

export type TryItProps = {
  method: string;
  path: string;
  params: Array<{ name: string; in: "path" | "query"; example: string }>;
  /** The example JSON body, pre-filled; absent when the endpoint takes none. */
  json?: string;
  /** multipart/form-data parts (uploads). */
  multipart?: Array<{ name: string; file: boolean }>;
  auth: boolean;
};

type Result = { status: number; retryAfter: string | null; body: Described };

type Described = { json: string } | { size: number; type: string };

async function describe(res: Response): Promise<Described> {
  const type = res.headers.get("content-type") ?? "";
  if (type.startsWith("application/json")) return { json: JSON.stringify(await res.json(), null, 2) };
  return { size: (await res.arrayBuffer()).byteLength, type: type || "?" };
}

export function TryIt({ method, path, params, json, multipart, auth }: TryItProps) {
  const t = useTranslations("apiDocs");
  const tt = useTranslations("apiDocs.tryIt");
  const id = useId();
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "");
    let url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(value(`path.${name}`)));
    const query = new URLSearchParams(params.filter((p) => p.in === "query" && value(`query.${p.name}`)).map((p) => [p.name, value(`query.${p.name}`)]));
    if (query.size) url += `?${query}`;
    const headers = new Headers();
    if (value("token").trim()) headers.set("authorization", `Bearer ${value("token").trim()}`);
    let body: BodyInit | undefined;
    if (json !== undefined) {
      try {
        JSON.parse(value("body"));
      } catch {
        setError(tt("invalidJson"));
        return;
      }
      body = value("body");
      headers.set("content-type", "application/json");
    } else if (multipart) {
      const parts = new FormData();
      for (const part of multipart) {
        const v = form.get(`part.${part.name}`);
        if (v && !(v instanceof File && v.size === 0 && !v.name)) parts.append(part.name, v);
      }
      body = parts;
    }
    setError(null);
    setPending(true);
    try {
      const res = await fetch(url, { method, headers, body, credentials: "same-origin" });
      setResult({ status: res.status, retryAfter: res.headers.get("retry-after"), body: await describe(res) });
    } catch {
      setResult(null);
      setError(tt("networkError"));
    } finally {
      setPending(false);
    }
  }

  return (
    <details className="rounded-md border border-slate-300">
      <summary className="flex min-h-11 cursor-pointer items-center px-3 font-semibold text-brand">{tt("summary")}</summary>
      {/* method=post: a submit before hydration must never put a token or password in a URL. */}
      <form method="post" onSubmit={onSubmit} className="flex flex-col gap-4 border-t border-slate-200 p-3" noValidate>
        <p className="text-sm text-slate-700">{tt("intro")}</p>
        {params.map((p) => (
          <TextField key={`${p.in}.${p.name}`} name={`${p.in}.${p.name}`} label={`${p.name} (${t(`location.${p.in}`)})`} defaultValue={p.example} autoComplete="off" dir="ltr" />
        ))}
        {json !== undefined ? (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-body`} className="font-medium">
              {tt("body")}
            </label>
            <textarea id={`${id}-body`} name="body" defaultValue={json} rows={Math.min(12, json.split("\n").length + 1)} spellCheck={false} dir="ltr" className={`${inputClass} font-mono text-sm`} />
          </div>
        ) : null}
        {multipart?.map((part) =>
          part.file ? (
            <TextField key={part.name} name={`part.${part.name}`} label={part.name} type="file" />
          ) : (
            <TextField key={part.name} name={`part.${part.name}`} label={part.name} autoComplete="off" dir="ltr" />
          ),
        )}
        {auth ? <TextField name="token" label={tt("token")} hint={tt("tokenHint")} optional autoComplete="off" spellCheck={false} dir="ltr" /> : null}
        <FormError message={error} />
        <SubmitButton pending={pending} className="sm:w-auto sm:self-start">
          {tt("send")}
        </SubmitButton>
        <div aria-live="polite" className="flex flex-col gap-1">
          {result ? (
            <>
              <p className="font-semibold">
                {tt("response")}: {tt("status", { status: String(result.status) })}
                {result.retryAfter ? (
                  <>
                    {" · "}
                    <code>Retry-After: {result.retryAfter}</code>
                  </>
                ) : null}
              </p>
              <pre tabIndex={0} aria-label={tt("response")} dir="ltr" className="max-h-96 overflow-auto rounded-md bg-slate-900 p-3 text-sm text-slate-100">
                {"json" in result.body ? result.body.json : tt("bytes", { size: result.body.size, type: result.body.type })}
              </pre>
            </>
          ) : null}
        </div>
      </form>
    </details>
  );
}
