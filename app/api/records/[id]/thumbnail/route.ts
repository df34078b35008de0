import { z } from "zod";
import { notFound } from "@/lib/http/app-error";
import { handler } from "@/lib/http/handler";
import { requireRecordReader } from "@/lib/records/access";
import { thumbnailResponse } from "@/lib/records/thumbnails";

/** A record's preview (JPEG, at most 320 px wide); same access and headers as the file. 404 when there is none. */
export const GET = handler<{ id: string }>(async (request, { params }) => {
  const { user } = await requireRecordReader(request);
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) throw notFound();
  return thumbnailResponse(request, user, id.data);
});
