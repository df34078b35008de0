import { z } from "zod";
import { defineContract } from "@/lib/openapi/contract";
import { UnsubscribedSchema, UnsubscribeFormSchema } from "@/lib/validation/notifications";

const EXAMPLE_TOKEN = "3f2c9a1e-8b7d-4c6a-9e5f-1a2b3c4d5e6f.recordViewed.q7Yd0l3c9cK2V1zB8mXpR4tN6wE5uJ0aHsLgFiQoPkM";
const params = z.object({
  token: z.string().meta({ description: "From the `List-Unsubscribe` header or the link in an optional email: account, category and signature." }),
});
const TEXT_HTML = ["text/html"] as const;

export const contract = defineContract({
  path: "/api/unsubscribe/{token}",
  tag: "Accounts and sessions",
  GET: {
    summary: "Unsubscribe page",
    description:
      "What opening the link shows: a page with an Unsubscribe button that posts the one-click form. It changes nothing, " +
      "because mail scanners open links. A link that is not ours, or was changed, gets a page saying so (400).",
    auth: "none",
    params,
    responses: { 200: { binary: TEXT_HTML, description: "A page asking to confirm" }, 400: { binary: TEXT_HTML, description: "A page saying the link is not valid" } },
    example: { params: { token: EXAMPLE_TOKEN } },
  },
  POST: {
    summary: "One-click unsubscribe (RFC 8058)",
    description:
      "Turns off the one optional email the token names, without a session: mail clients send it from their own servers " +
      "(`List-Unsubscribe-Post: List-Unsubscribe=One-Click`). A browser posting the page's form (`Accept: text/html`) gets " +
      "a page instead of JSON. Security emails have no such link.",
    auth: "none",
    params,
    form: UnsubscribeFormSchema,
    responses: { 200: UnsubscribedSchema },
    errors: ["UNSUBSCRIBE_LINK_INVALID"],
    example: { params: { token: EXAMPLE_TOKEN }, body: { "List-Unsubscribe": "One-Click" }, response: { success: true, category: "recordViewed" } },
  },
});
