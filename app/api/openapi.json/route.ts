import { apiDocument } from "@/app/api/contracts";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

/** The OpenAPI 3.1 document of this API (docs/API.md); /docs/api renders the same document. */
export const GET = route(contract.GET, async () => json(apiDocument()));
