import { requireRole } from "@/lib/auth/session/sessions";
import { handler, json, readJson } from "@/lib/http/handler";
import { createGrant, listGrants } from "@/lib/records/sharing";
import { GrantSchema } from "@/lib/validation/records";

/** A patient's grants, or (approved doctors) the grants made to them. */
export const GET = handler(async (request) => {
  const { user } = await requireRole(request, ["patient", "doctor"]);
  return json({ grants: await listGrants(user) });
});

/** `{ doctorId, expiresAt? }`: share every record with an approved doctor. */
export const POST = handler(async (request) => {
  const { user } = await requireRole(request, ["patient"]);
  const input = await readJson(request, GrantSchema);
  return json({ grant: await createGrant(request, user, input) }, 201);
});
