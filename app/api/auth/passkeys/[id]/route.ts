import { z } from "zod";
import { removePasskey, renamePasskey } from "@/lib/auth/flows/passkeys";
import { requireSession } from "@/lib/auth/session/sessions";
import { notFound } from "@/lib/http/app-error";
import { handler, json, readJson } from "@/lib/http/handler";
import { jsonWithSession } from "@/lib/auth/session/response";
import { PasskeyRemoveSchema, PasskeyRenameSchema } from "@/lib/validation/mfa";

type Params = { id: string };

async function passkeyId(params: Promise<Params>): Promise<string> {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) throw notFound();
  return id.data;
}

/** PATCH /api/auth/passkeys/{id} { name } → { passkey }. */
export const PATCH = handler<Params>(async (request, { params }) => {
  const { user } = await requireSession(request);
  const id = await passkeyId(params);
  const { name } = await readJson(request, PasskeyRenameSchema);
  return json({ passkey: await renamePasskey(request, user, id, name) });
});

/** DELETE /api/auth/passkeys/{id} { password, code? | recoveryCode? } → { user, token }; other sessions end. */
export const DELETE = handler<Params>(async (request, { params }) => {
  const session = await requireSession(request);
  const id = await passkeyId(params);
  const { password, code, recoveryCode } = await readJson(request, PasskeyRemoveSchema);
  const { user: updated, ...fresh } = await removePasskey(request, session, id, password, { code, recoveryCode });
  return jsonWithSession({ user: updated }, fresh);
});
