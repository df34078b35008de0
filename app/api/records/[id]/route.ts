import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { viewRecord } from "@/lib/records/access";
import { deleteRecord } from "@/lib/records/records";
import { updateRecord } from "@/lib/records/update";
import { contract } from "./contract";

/** The owner, or a doctor with an active grant (audited). Anyone else: 404. */
export const GET = route(contract.GET, async ({ actor, session, params }) => json({ record: await viewRecord(actor, session.user, params.id) }));

/** The owner renames, re-categorises or re-dates; doctors never change a patient's records. */
export const PATCH = route(contract.PATCH, async ({ actor, session, params, body }) =>
  json({ record: await updateRecord(actor, session.user.id, params.id, body) }),
);

/** The owner only; doctors never change or delete a patient's records. */
export const DELETE = route(contract.DELETE, async ({ actor, session, params }) => {
  await deleteRecord(actor, session.user.id, params.id);
  return json({ success: true });
});
