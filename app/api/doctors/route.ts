import { requireRole } from "@/lib/auth/session/sessions";
import { handler, json } from "@/lib/http/handler";
import { searchDoctors } from "@/lib/records/sharing";
import { DoctorSearchSchema } from "@/lib/validation/records";

/** Approved doctors a patient can share with: `{ doctors: [{ id, name, specialty }] }`. */
export const GET = handler(async (request) => {
  await requireRole(request, ["patient"]);
  const { q } = DoctorSearchSchema.parse({ q: new URL(request.url).searchParams.get("q") ?? undefined });
  return json({ doctors: await searchDoctors(q) });
});
