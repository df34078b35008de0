import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { recordsSharedWith } from "@/lib/records/sharing";
import { contract } from "./contract";

/** A sharing patient's records (read-only), filtered like GET /api/records; 404 without an active grant. The listing is audited. */
export const GET = route(contract.GET, async ({ actor, session, params, query }) =>
  json({ records: await recordsSharedWith(actor, session.user, params.id, query) }),
);
