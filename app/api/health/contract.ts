import { defineContract } from "@/lib/openapi/contract";
import { HealthDownSchema, HealthSchema } from "@/lib/validation/responses";

export const contract = defineContract({
  path: "/api/health",
  tag: "Operations",
  GET: {
    summary: "Health check",
    description:
      "Liveness, a real round trip to the database and the mail queue's backlog; 503 when the database does not answer.",
    auth: "none",
    responses: {
      200: HealthSchema,
      503: { schema: HealthDownSchema, description: "The database is unreachable." },
    },
    example: { response: { status: "ok", database: "ok", mail: { pending: 0, oldestPendingSeconds: 0 } } },
  },
});
