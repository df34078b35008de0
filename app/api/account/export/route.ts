import { exportAccountData } from "@/lib/account-data/export";
import { requireSession } from "@/lib/auth/session/sessions";
import { handler } from "@/lib/http/handler";

/** Everything the account holds, as a streamed zip (lib/account-data/export.ts). */
export const GET = handler(async (request) => {
  const session = await requireSession(request);
  return exportAccountData(request, session);
});
