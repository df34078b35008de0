import { json } from "@/lib/http/handler";
import { readForm } from "@/lib/http/form";
import { checkUnsubscribeToken, unsubscribe } from "@/lib/notifications/preferences";
import { confirmPage, donePage, invalidLinkPage, wantsHtml } from "@/lib/notifications/unsubscribe-page";
import { route } from "@/lib/openapi/route";
import { UnsubscribeFormSchema } from "@/lib/validation/notifications";
import { contract } from "./contract";

/** A page with a button; changes nothing (mail scanners follow links). */
export const GET = route(contract.GET, async ({ actor, params: { token } }) => {
  // The reader's browser decides the language: the link carries no account (docs/I18N.md "Emails").
  try {
    return confirmPage(token, checkUnsubscribeToken(token).category, actor.locale);
  } catch {
    return invalidLinkPage(actor.locale);
  }
});

/** RFC 8058 one-click: no session and no cookie, so no Origin check; the signed token is the credential. */
export const POST = route(contract.POST, async ({ request, actor, params: { token } }) => {
  checkUnsubscribeToken(token);
  await readForm(request, UnsubscribeFormSchema);
  const { category } = await unsubscribe(actor, token);
  return wantsHtml(request.headers.get("accept")) ? donePage(category, actor.locale) : json({ success: true, category });
});
