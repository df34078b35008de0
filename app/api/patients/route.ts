import { requireApprovedDoctor } from "@/lib/auth/session/sessions";
import { handler, json } from "@/lib/http/handler";
import { sharedPatients } from "@/lib/records/sharing";

/** The patients whose grant to the calling doctor is active now. */
export const GET = handler(async (request) => {
  const { user } = await requireApprovedDoctor(request);
  return json({ patients: await sharedPatients(user.id) });
});
