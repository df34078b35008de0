import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/**
 * A JSON Schema (2020-12, as the API document has them) shown to people: one block per field
 * rather than a table, so it reads at 360 px. Named schemas are links to the "Schemas" section.
 * The document is English in every language: its descriptions are marked lang="en"; type names,
 * field names and values are code.
 */

/** What the OpenAPI document says, as opposed to the page's own words (docs/I18N.md "Writing a page"). */
export const DOCUMENT_LANG = "en";

export type Schema = { [key: string]: unknown };

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

export const schemaAnchor = (name: string) => `schema-${name}`;

/** The part of a description between backticks is code. */
export function Prose({ text }: { text: string }) {
  return (
    <>
      {text.split("`").map((part, i) =>
        i % 2 ? (
          <code key={i} className="rounded bg-slate-100 px-1 text-[0.9em]">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

export function TypeLabel({ schema }: { schema: Schema }): ReactNode {
  const t = useTranslations("apiDocs.schema");
  const ref = typeof schema.$ref === "string" ? schema.$ref.split("/").pop()! : null;
  if (ref) {
    return (
      <a className="text-brand underline underline-offset-2" href={`#${schemaAnchor(ref)}`}>
        <code>{ref}</code>
      </a>
    );
  }
  const anyOf = schema.anyOf as Schema[] | undefined;
  if (anyOf) {
    return anyOf.map((s, i) => (
      <span key={i}>
        {i ? t("or") : ""}
        <TypeLabel schema={s} />
      </span>
    ));
  }
  if ("const" in schema) return <code>{JSON.stringify(schema.const)}</code>;
  if (Array.isArray(schema.enum)) {
    return (
      <span>
        {t("oneOf")}{" "}
        {schema.enum.map((v, i) => (
          <span key={String(v)}>
            {i ? ", " : ""}
            <code>{JSON.stringify(v)}</code>
          </span>
        ))}
      </span>
    );
  }
  // zod writes a nullable string without other rules as `type: ["string", "null"]`.
  if (Array.isArray(schema.type)) {
    return schema.type.map((type: string, i) => (
      <span key={type}>
        {i ? t("or") : ""}
        <code>{type}</code>
      </span>
    ));
  }
  const type = schema.type as string | undefined;
  if (type === "array") {
    return (
      <span>
        {t("arrayOf")} <TypeLabel schema={(schema.items ?? {}) as Schema} />
      </span>
    );
  }
  if (type === "object" && !schema.properties && schema.additionalProperties && typeof schema.additionalProperties === "object") {
    return (
      <span>
        {t("mapOf")} <TypeLabel schema={schema.additionalProperties as Schema} />
      </span>
    );
  }
  if (!type) return <span>{t("any")}</span>;
  const format = (schema.format ?? schema.contentMediaType) as string | undefined;
  return <code>{format ? `${type} (${format})` : type}</code>;
}

type SchemaT = ReturnType<typeof useTranslations<"apiDocs.schema">>;

function constraints(schema: Schema, t: SchemaT): ReactNode[] {
  const out: ReactNode[] = [];
  const min = schema.minLength as number | undefined;
  const max = schema.maxLength as number | undefined;
  if (min !== undefined && max !== undefined) out.push(t("lengthRange", { min, max }));
  else if (min !== undefined) out.push(t("atLeast", { min }));
  else if (max !== undefined) out.push(t("atMost", { max }));
  // As text: the numbers are written as the document has them, without the language's grouping.
  if (typeof schema.minimum === "number") out.push(t("minimum", { value: String(schema.minimum) }));
  if (typeof schema.maximum === "number" && schema.maximum !== MAX_SAFE) out.push(t("maximum", { value: String(schema.maximum) }));
  if (schema.default !== undefined) out.push(t.rich("default", { value: JSON.stringify(schema.default), code }));
  return out;
}

/** A non-null variant of `anyOf: [X, null]`, where the details (pattern, lengths) live. */
const main = (schema: Schema): Schema => ((schema.anyOf as Schema[] | undefined)?.find((s) => s.type !== "null") ?? schema);

const code = (chunks: ReactNode) => <code>{chunks}</code>;

export function SchemaFields({ schema }: { schema: Schema }) {
  const t = useTranslations("apiDocs");
  const ts = useTranslations("apiDocs.schema");
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (!properties) {
    return (
      <p>
        <TypeLabel schema={schema} />
      </p>
    );
  }
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return (
    <ul className="flex flex-col divide-y divide-slate-200 rounded-md border border-slate-200">
      {Object.entries(properties).map(([name, field]) => {
        const inner = main(field);
        const description = (field.description ?? inner.description) as string | undefined;
        const pattern = inner.pattern as string | undefined;
        const nested = inner.type === "object" && inner.properties ? inner : null;
        const limits = constraints(inner, ts);
        return (
          <li key={name} className="flex flex-col gap-1 p-3">
            <p className="flex flex-wrap items-baseline gap-x-2">
              <code className="font-semibold text-slate-900">{name}</code>
              <span className="text-sm text-slate-700">
                <TypeLabel schema={field} />
              </span>
              {required.has(name) ? <span className="text-sm font-medium text-red-800">{t("required")}</span> : null}
            </p>
            {description ? (
              <p lang={DOCUMENT_LANG} className="text-sm text-slate-700">
                <Prose text={description} />
              </p>
            ) : null}
            {limits.length ? (
              <p className="text-sm text-slate-700">
                {limits.map((limit, i) => (
                  <span key={i}>
                    {i ? " · " : ""}
                    {limit}
                  </span>
                ))}
              </p>
            ) : null}
            {pattern && inner.format !== "date" && inner.format !== "date-time" && inner.format !== "uuid" ? (
              <p className="break-all text-sm text-slate-700">{t.rich("schema.pattern", { pattern, code })}</p>
            ) : null}
            {nested ? (
              <div className="ps-4">
                <SchemaFields schema={nested} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
