import type { ReactNode } from "react";
import { en, fmt } from "@/lib/i18n";

/**
 * A JSON Schema (2020-12, as the API document has them) shown to people: one block per field
 * rather than a table, so it reads at 360 px. Named schemas are links to the "Schemas" section.
 */

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
  const ref = typeof schema.$ref === "string" ? schema.$ref.split("/").pop()! : null;
  if (ref) {
    return (
      <a className="font-mono text-brand underline underline-offset-2" href={`#${schemaAnchor(ref)}`}>
        {ref}
      </a>
    );
  }
  const anyOf = schema.anyOf as Schema[] | undefined;
  if (anyOf) {
    return anyOf.map((s, i) => (
      <span key={i}>
        {i ? en.apiDocs.schema.or : ""}
        <TypeLabel schema={s} />
      </span>
    ));
  }
  if ("const" in schema) return <code>{JSON.stringify(schema.const)}</code>;
  if (Array.isArray(schema.enum)) {
    return (
      <span>
        {en.apiDocs.schema.oneOf}{" "}
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
  if (Array.isArray(schema.type)) return <span>{schema.type.join(en.apiDocs.schema.or)}</span>;
  const type = schema.type as string | undefined;
  if (type === "array") {
    return (
      <span>
        {en.apiDocs.schema.arrayOf} <TypeLabel schema={(schema.items ?? {}) as Schema} />
      </span>
    );
  }
  if (type === "object" && !schema.properties && schema.additionalProperties && typeof schema.additionalProperties === "object") {
    return (
      <span>
        {en.apiDocs.schema.mapOf} <TypeLabel schema={schema.additionalProperties as Schema} />
      </span>
    );
  }
  if (!type) return <span>{en.apiDocs.schema.any}</span>;
  const format = (schema.format ?? schema.contentMediaType) as string | undefined;
  return <span>{format ? `${type} (${format})` : type}</span>;
}

function constraints(schema: Schema): string[] {
  const t = en.apiDocs.schema;
  const out: string[] = [];
  const min = schema.minLength as number | undefined;
  const max = schema.maxLength as number | undefined;
  if (min !== undefined && max !== undefined) out.push(fmt(t.lengthRange, { min, max }));
  else if (min !== undefined) out.push(fmt(t.atLeast, { min }));
  else if (max !== undefined) out.push(fmt(t.atMost, { max }));
  if (typeof schema.minimum === "number") out.push(fmt(t.minimum, { value: schema.minimum }));
  if (typeof schema.maximum === "number" && schema.maximum !== MAX_SAFE) out.push(fmt(t.maximum, { value: schema.maximum }));
  if (schema.default !== undefined) out.push(fmt(t.default, { value: JSON.stringify(schema.default) }));
  return out;
}

/** A non-null variant of `anyOf: [X, null]`, where the details (pattern, lengths) live. */
const main = (schema: Schema): Schema => ((schema.anyOf as Schema[] | undefined)?.find((s) => s.type !== "null") ?? schema);

export function SchemaFields({ schema }: { schema: Schema }) {
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
        return (
          <li key={name} className="flex flex-col gap-1 p-3">
            <p className="flex flex-wrap items-baseline gap-x-2">
              <code className="font-semibold text-slate-900">{name}</code>
              <span className="text-sm text-slate-700">
                <TypeLabel schema={field} />
              </span>
              {required.has(name) ? <span className="text-sm font-medium text-red-800">{en.apiDocs.required}</span> : null}
            </p>
            {description ? (
              <p className="text-sm text-slate-700">
                <Prose text={description} />
              </p>
            ) : null}
            {constraints(inner).length ? <p className="text-sm text-slate-700">{constraints(inner).join(" · ")}</p> : null}
            {pattern && inner.format !== "date" && inner.format !== "date-time" && inner.format !== "uuid" ? (
              <p className="break-all text-sm text-slate-700">{fmt(en.apiDocs.schema.pattern, { pattern })}</p>
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
