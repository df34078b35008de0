import type { OpenApiDocument, OpenApiOperation } from "@/lib/openapi/document";
import { cardClass, linkClass } from "@/components/ui/styles";
import { useTranslations } from "next-intl";
import { MethodBadge, OperationView, operationAnchor } from "./OperationView";
import { DOCUMENT_LANG, Prose, type Schema, SchemaFields, schemaAnchor } from "./SchemaView";

/**
 * The API reference, rendered on the server from the OpenAPI document (GET /api/openapi.json):
 * no third-party viewer, no CDN, nothing but our own script under the page's CSP. The page's own
 * words follow the reader's language; the document (tags, summaries, descriptions) stays English.
 */

type Entry = { method: string; path: string; op: OpenApiOperation };

function byTag(document: OpenApiDocument): Array<[string, Entry[]]> {
  const entries = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ method: method.toUpperCase(), path, op: op as OpenApiOperation })),
  );
  return document.tags.map(({ name }) => [name, entries.filter((e) => e.op.tags.includes(name))]);
}

const tagAnchor = (tag: string) => `tag-${tag.toLowerCase().replace(/[^a-z]+/g, "-")}`;

export function ApiReference({ document, documentUrl }: { document: OpenApiDocument; documentUrl: string }) {
  const t = useTranslations("apiDocs");
  const groups = byTag(document);
  return (
    <>
      <div className={`${cardClass} flex flex-col gap-3`}>
        <p>
          <a className={linkClass} href="/api/openapi.json" download="caregate-openapi.json">
            {t("download")}
          </a>{" "}
          <span className="text-slate-600" dir="ltr">
            (OpenAPI {document.openapi}, {document.info.version})
          </span>
        </p>
        <p className="break-words text-slate-700">
          <Prose text={t("postman", { url: documentUrl })} />
        </p>
        <h2 className="text-lg font-semibold">{t("auth")}</h2>
        <p className="text-slate-700">
          <Prose text={t("authBody")} />
        </p>
        <h2 className="text-lg font-semibold">{t("errorsTitle")}</h2>
        <p className="text-slate-700">
          <Prose text={t("errorsBody")} />
        </p>
      </div>
      <nav aria-labelledby="api-contents" className="flex flex-col gap-2">
        <h2 id="api-contents" className="text-xl font-semibold">
          {t("contents")}
        </h2>
        {groups.map(([tag, entries]) => (
          <div key={tag} className="flex flex-col gap-1">
            <a lang={DOCUMENT_LANG} className={`${linkClass} font-medium`} href={`#${tagAnchor(tag)}`}>
              {tag}
            </a>
            <ul className="flex flex-col gap-1 ps-4">
              {entries.map(({ method, path, op }) => (
                <li key={op.operationId}>
                  <a className="inline-flex min-h-11 flex-wrap items-center gap-2 underline-offset-2 hover:underline" href={`#${operationAnchor(op)}`}>
                    <MethodBadge method={method} />
                    <code className="break-all">{path}</code>
                    <span lang={DOCUMENT_LANG} className="text-slate-700">
                      {op.summary}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
        <a className={`${linkClass} font-medium`} href="#schemas">
          {t("schemas")}
        </a>
      </nav>
      {groups.map(([tag, entries]) => (
        <section key={tag} aria-labelledby={tagAnchor(tag)} className="flex flex-col gap-4">
          <h2 id={tagAnchor(tag)} lang={DOCUMENT_LANG} className="text-xl font-semibold">
            {tag}
          </h2>
          {entries.map(({ method, path, op }) => (
            <OperationView key={op.operationId} method={method} path={path} op={op} security={op.security ?? document.security} />
          ))}
        </section>
      ))}
      <section aria-labelledby="schemas" className="flex flex-col gap-4">
        <h2 id="schemas" className="text-xl font-semibold">
          {t("schemas")}
        </h2>
        {Object.entries(document.components.schemas).map(([name, schema]) => (
          <div key={name} className="flex flex-col gap-2">
            <h3 id={schemaAnchor(name)} className="text-lg font-semibold">
              <code>{name}</code>
            </h3>
            {typeof schema.description === "string" ? (
              <p lang={DOCUMENT_LANG} className="text-slate-700">
                {schema.description}
              </p>
            ) : null}
            <SchemaFields schema={schema as Schema} />
          </div>
        ))}
      </section>
    </>
  );
}
