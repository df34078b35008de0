import "server-only";
import type { ZodType, z } from "zod";

/**
 * Reads a GET request's query string with the route's shared schema. Each named parameter is read
 * once (a repeated one counts once); others are ignored. A ZodError becomes 400 VALIDATION_FAILED
 * with `fields` in the handler wrapper.
 */
export async function readQuery<S extends ZodType>(request: Request, schema: S, keys: readonly string[]): Promise<z.output<S>> {
  const params = new URL(request.url).searchParams;
  return schema.parseAsync(Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined])));
}
