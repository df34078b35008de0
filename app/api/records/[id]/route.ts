import { z } from "zod";
import { requireRole } from "@/lib/auth/session/sessions";
import { notFound } from "@/lib/http/app-error";
import { handler, json, readJson } from "@/lib/http/handler";
import { requireRecordReader, viewRecord } from "@/lib/records/access";
import { deleteRecord } from "@/lib/records/records";
import { updateRecord } from "@/lib/records/update";
import { RecordPatchSchema } from "@/lib/validation/record-metadata";

type Params = { id: string };

/** A malformed id names no record: 404 like any other record the caller cannot see. */
async function recordId(params: Promise<Params>): Promise<string> {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) throw notFound();
  return id.data;
}

/** The owner, or a doctor with an active grant (audited). Anyone else: 404. */
export const GET = handler<Params>(async (request, { params }) => {
  const { user } = await requireRecordReader(request);
  return json({ record: await viewRecord(request, user, await recordId(params)) });
});

/** The owner renames, re-categorises or re-dates; doctors never change a patient's records. */
export const PATCH = handler<Params>(async (request, { params }) => {
  const { user } = await requireRole(request, ["patient"]);
  const id = await recordId(params);
  const patch = await readJson(request, RecordPatchSchema);
  return json({ record: await updateRecord(request, user.id, id, patch) });
});

/** The owner only; doctors never change or delete a patient's records. */
export const DELETE = handler<Params>(async (request, { params }) => {
  const { user } = await requireRole(request, ["patient"]);
  await deleteRecord(request, user.id, await recordId(params));
  return json({ success: true });
});
