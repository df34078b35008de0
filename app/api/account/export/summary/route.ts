import { exportSummary } from "@/lib/account-data/export";
import { requireSession } from "@/lib/auth/session/sessions";
import { handler, json } from "@/lib/http/handler";

/** Asked by the page before it starts a download, so a missing proof opens the dialog instead of a failed file. */
export const GET = handler(async (request) => {
  const session = await requireSession(request);
  return json(await exportSummary(session));
});
