import Converter from "openapi-to-postmanv2";
import type { OpenApiDocument } from "@/lib/openapi/document";

/**
 * The API document converted offline into a Postman collection, with the converter Postman's own
 * importer uses and the import setting docs/API.md recommends ("Request parameter generation:
 * Example"). `requests` is keyed like the document: `GET /api/records/{id}`.
 */
export type PostmanAuth = { type: string; bearer?: Array<{ key: string; value: string }> } | null;
export type PostmanRequest = { method: string; auth?: PostmanAuth; body?: { raw?: string } };
export type PostmanCollection = { auth?: PostmanAuth; item: unknown[] };

export async function toPostman(doc: OpenApiDocument): Promise<{ collection: PostmanCollection; requests: Map<string, PostmanRequest> }> {
  const collection = await new Promise<PostmanCollection>((resolve, reject) =>
    Converter.convert({ type: "json", data: doc }, { folderStrategy: "Tags", requestParametersResolution: "Example" }, (err: unknown, result: any) =>
      err || !result.result ? reject(err ?? new Error(result.reason)) : resolve(result.output[0].data),
    ),
  );
  const requests = new Map<string, PostmanRequest>();
  const walk = (items: any[]) => {
    for (const item of items) {
      if (item.item) walk(item.item);
      else requests.set(`${item.request.method} /${item.request.url.path.join("/").replace(/:(\w+)/g, "{$1}")}`, item.request);
    }
  };
  walk(collection.item);
  return { collection, requests };
}

/** The auth Postman sends with a request: its own, or (null or absent: "inherit") the collection's. */
export const effectiveAuth = (collection: PostmanCollection, request: PostmanRequest): PostmanAuth => request.auth ?? collection.auth ?? null;
