import "server-only";
import type { z } from "zod";

/**
 * Reads a request's query string with the route's shared schema: one value per key of the schema's
 * shape (a repeated parameter counts once, its first value); other parameters are ignored. A
 * ZodError becomes 400 VALIDATION_FAILED with `fields` in the handler wrapper.
 */
export async function readQuery<S extends z.ZodObject>(request: Request, schema: S): Promise<z.output<S>> {
  const params = new URL(request.url).searchParams;
  return schema.parseAsync(Object.fromEntries(Object.keys(schema.shape).map((k) => [k, params.get(k) ?? undefined])));
}
