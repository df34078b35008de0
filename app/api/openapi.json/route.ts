import { apiDocument } from "@/app/api/contracts";
import { handler, json } from "@/lib/http/handler";

/** The OpenAPI 3.1 document of this API (docs/API.md); /docs/api renders the same document. */
export const GET = handler(async () => json(apiDocument()));
