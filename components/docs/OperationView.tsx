import type { OpenApiOperation, OpenApiResponse, SecurityRequirements } from "@/lib/openapi/document";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useErrorText } from "@/lib/i18n/hooks";
import { DOCUMENT_LANG, Prose, type Schema, SchemaFields, TypeLabel } from "./SchemaView";
import { TryIt, type TryItProps } from "./TryIt";

/** One endpoint of the reference: what it takes, every answer it can give, an example, and "Try it". */

export const operationAnchor = (op: OpenApiOperation) => `op-${op.operationId}`;

const METHOD_COLOURS: Record<string, string> = {
  GET: "bg-sky-100 text-sky-900",
  POST: "bg-emerald-100 text-emerald-900",
  PATCH: "bg-amber-100 text-amber-900",
  PUT: "bg-amber-100 text-amber-900",
  DELETE: "bg-red-100 text-red-900",
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <code className={`rounded px-2 py-0.5 font-mono text-sm font-bold ${METHOD_COLOURS[method] ?? "bg-slate-100 text-slate-900"}`}>
      {method}
    </code>
  );
}

export function Example({ value }: { value: unknown }) {
  const t = useTranslations("apiDocs");
  return (
    <div className="flex flex-col gap-1">
      <p className="text-sm font-medium text-slate-700">{t("example")}</p>
      {/* Focusable, so a keyboard user can scroll a wide example sideways (axe: scrollable-region-focusable). */}
      <pre tabIndex={0} aria-label={t("example")} dir="ltr" className="overflow-x-auto rounded-md bg-slate-900 p-3 text-sm text-slate-100">
        {JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

function authLine(security: SecurityRequirements): "public" | "signedInOptional" | "signedIn" {
  if (security.length === 0) return "public";
  return security.some((s) => Object.keys(s).length === 0) ? "signedInOptional" : "signedIn";
}

const code = (chunks: ReactNode) => <code>{chunks}</code>;

function ResponseView({ status, response, codes }: { status: string; response: OpenApiResponse; codes: string[] }) {
  const t = useTranslations("apiDocs");
  const errorText = useErrorText();
  const json = response.content?.["application/json"];
  const binary = Object.keys(response.content ?? {}).filter((type) => type !== "application/json");
  // Error answers list their codes (the body is always { error, code, fields? }, described once above).
  const isError = codes.length > 0;
  return (
    <li className="flex flex-col gap-2 py-3">
      <p className="font-semibold text-slate-900">
        {status}{" "}
        <span lang={DOCUMENT_LANG} className="font-normal text-slate-700">
          {isError ? response.description.split(":")[0] : response.description}
        </span>
      </p>
      {Object.entries(response.headers ?? {}).map(([name, h]) => (
        <p key={name} className="break-all text-sm text-slate-700">
          {t.rich("header", { name, code })} <span lang={DOCUMENT_LANG}>{h.description}</span>
        </p>
      ))}
      {isError ? (
        <ul className="flex flex-col gap-1 text-sm">
          {codes.map((code) => (
            <li key={code}>
              <code className="font-semibold">{code}</code> — {errorText(code)}
            </li>
          ))}
        </ul>
      ) : json ? (
        <>
          <SchemaFields schema={json.schema as Schema} />
          {json.example !== undefined ? <Example value={json.example} /> : null}
        </>
      ) : binary.length ? (
        <p className="text-sm text-slate-700">{t.rich("binary", { types: binary.join(", "), code })}</p>
      ) : null}
    </li>
  );
}

/** `security`: what the operation requires — its own, or else the document's. */
export function OperationView({ method, path, op, security }: { method: string; path: string; op: OpenApiOperation; security: SecurityRequirements }) {
  const t = useTranslations("apiDocs");
  const [bodyType, body] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
  const codesOf = (status: string) => {
    const schema = op.responses[status]?.content?.["application/json"]?.schema as { properties?: { code?: { enum?: string[] } } } | undefined;
    return schema?.properties?.code?.enum ?? [];
  };
  const bodySchema = body?.schema as Schema | undefined;
  const tryIt: TryItProps = {
    method,
    path,
    params: (op.parameters ?? []).map((p) => ({ name: p.name, in: p.in, example: p.example ?? "" })),
    json: bodyType === "application/json" ? JSON.stringify(body?.example ?? {}, null, 2) : undefined,
    multipart:
      bodyType === "multipart/form-data"
        ? Object.entries((bodySchema?.properties ?? {}) as Record<string, Schema>).map(([name, s]) => ({ name, file: s.format === "binary" }))
        : undefined,
    auth: security.length > 0,
  };
  return (
    <section id={operationAnchor(op)} aria-labelledby={`${operationAnchor(op)}-title`} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h3 id={`${operationAnchor(op)}-title`} className="flex flex-wrap items-center gap-2 text-lg font-semibold">
        <MethodBadge method={method} />
        <code className="break-all">{path}</code>
      </h3>
      <p lang={DOCUMENT_LANG} className="font-medium text-slate-900">
        {op.summary}
      </p>
      {op.description
        ? op.description.split("\n\n").map((para) => (
            <p key={para} lang={DOCUMENT_LANG} className="text-slate-700">
              <Prose text={para} />
            </p>
          ))
        : null}
      <p className="text-sm text-slate-700">{t(authLine(security))}</p>
      {op.parameters?.length ? (
        <div className="flex flex-col gap-2">
          <h4 className="font-semibold">{t("parameters")}</h4>
          <ul className="flex flex-col gap-1 text-sm">
            {op.parameters.map((p) => (
              <li key={p.name}>
                <code className="font-semibold">{p.name}</code> ({t(`location.${p.in}`)}) <TypeLabel schema={p.schema as Schema} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {bodySchema ? (
        <div className="flex flex-col gap-2">
          <h4 className="font-semibold">
            {t("requestBody")}{" "}
            <span className="font-normal text-slate-600">
              (<code>{bodyType}</code>)
            </span>
          </h4>
          <SchemaFields schema={bodySchema} />
          {body?.example !== undefined ? <Example value={body.example} /> : null}
        </div>
      ) : null}
      <div className="flex flex-col">
        <h4 className="font-semibold">{t("responses")}</h4>
        <ul className="flex flex-col divide-y divide-slate-200">
          {Object.entries(op.responses).map(([status, response]) => (
            <ResponseView key={status} status={status} response={response} codes={codesOf(status)} />
          ))}
        </ul>
      </div>
      <TryIt {...tryIt} />
    </section>
  );
}
