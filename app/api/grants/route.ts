import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { createGrant, listGrants } from "@/lib/records/sharing";
import { contract } from "./contract";

/** A patient's grants, or (approved doctors) the grants made to them. */
export const GET = route(contract.GET, async ({ session }) => json({ grants: await listGrants(session.user) }));

/** `{ doctorId, expiresAt? }`: share every record with an approved doctor. */
export const POST = route(contract.POST, async ({ actor, session, body }) =>
  json({ grant: await createGrant(actor, session.user, body) }, 201),
);
