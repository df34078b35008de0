import { EXAMPLE_EMAIL, EXAMPLE_ID } from "@/lib/openapi/examples";
import { defineContract } from "@/lib/openapi/contract";
import { AuditQuerySchema } from "@/lib/validation/admin";
import { AuditListSchema } from "@/lib/validation/admin-responses";

export const contract = defineContract({
  path: "/api/audit",
  tag: "Administration",
  GET: {
    summary: "The audit trail",
    description:
      "Security events, newest first, filtered by the account they are about (`userId`), who acted (`actorId`), " +
      "`event` type and time (`from` and `to`: a date is a whole UTC day, or an ISO date-time). Pages are " +
      "`limit` events long; pass the answer's `nextCursor` as `cursor` for the next (a cursor we did not " +
      "make answers 400 on `cursor`).",
    auth: "session",
    roles: ["admin", "superadmin"],
    query: AuditQuerySchema,
    responses: { 200: AuditListSchema },
    example: {
      query: { userId: EXAMPLE_ID, event: "signin_ok", from: "2025-03-01", limit: "50" },
      response: {
        events: [
          {
            id: 1042,
            type: "signin_ok",
            createdAt: "2025-03-04T10:58:31.000Z",
            userId: EXAMPLE_ID,
            actorId: null,
            ip: "203.0.113.7",
            userAgent: "Mozilla/5.0 (X11; Linux x86_64)",
            detail: null,
            user: { email: EXAMPLE_EMAIL, name: "Amira Haddad" },
            actor: null,
          },
        ],
        nextCursor: null,
      },
    },
  },
});
