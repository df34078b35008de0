import { defineContract } from "@/lib/openapi/contract";
import { HealthDownSchema, HealthSchema } from "@/lib/validation/responses";

export const contract = defineContract({
  path: "/api/health",
  tag: "Operations",
  GET: {
    summary: "Health check",
    description:
      "Liveness, a real round trip to the database, the mail queue's backlog and, when `CLAMD_URL` is set, a PING " +
      "to the virus scanner (`scanner`: `ok`, or `off` when none is configured); 503 when the database or a " +
      "configured scanner does not answer.",
    auth: "none",
    responses: {
      200: HealthSchema,
      503: { schema: HealthDownSchema, description: "The database or the configured virus scanner is unreachable." },
    },
    example: { response: { status: "ok", database: "ok", mail: { pending: 0, oldestPendingSeconds: 0 }, scanner: "ok" } },
  },
});
