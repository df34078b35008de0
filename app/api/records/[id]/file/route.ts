import { z } from "zod";
import { notFound } from "@/lib/http/app-error";
import { handler } from "@/lib/http/handler";
import { requireRecordReader } from "@/lib/records/access";
import { recordFileResponse } from "@/lib/records/download";

/** The file itself, streamed, always as an attachment (lib/records/download.ts says which headers and why). */
export const GET = handler<{ id: string }>(async (request, { params }) => {
  const { user } = await requireRecordReader(request);
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) throw notFound();
  return recordFileResponse(request, user, id.data);
});
