import "server-only";
import { z } from "zod";

export type JsonSchema = { [key: string]: unknown };

/**
 * zod → JSON Schema 2020-12 (the dialect of OpenAPI 3.1), with named schemas (`.meta({ id })`)
 * hoisted into `components.schemas` and referenced from there. Request bodies are converted as the
 * client sends them (`io: "input"`: before trims and transforms), responses as the server sends them.
 */
export class SchemaCollector {
  readonly components: Record<string, JsonSchema> = {};

  convert(schema: z.ZodType, io: "input" | "output"): JsonSchema {
    // Refinements (password length in code points, dates not in the future…) cannot be expressed
    // and are described in prose; a transform's output side is documented as "any" rather than failing.
    const raw = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" }) as JsonSchema;
    const { $schema: _dialect, $defs, ...rest } = raw;
    void _dialect;
    for (const [id, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      const hoisted = rewriteRefs(def) as JsonSchema;
      const existing = this.components[id];
      if (existing && JSON.stringify(existing) !== JSON.stringify(hoisted)) {
        throw new Error(`Two different schemas are both named "${id}" (or one is used as input and as output): give them distinct ids`);
      }
      this.components[id] = hoisted;
    }
    return rewriteRefs(rest) as JsonSchema;
  }
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === "$ref" && typeof v === "string" ? v.replace(/^#\/\$defs\//, "#/components/schemas/") : rewriteRefs(v),
      ]),
    );
  }
  return value;
}
