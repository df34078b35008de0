import { EXAMPLE_ID } from "@/lib/openapi/examples";
import { defineContract } from "@/lib/openapi/contract";
import { SessionListSchema } from "@/lib/validation/responses";

export const contract = defineContract({
  path: "/api/auth/sessions",
  tag: "Accounts and sessions",
  GET: {
    summary: "List my sessions",
    description:
      "The caller's live sessions, most recently used first; `current` marks the one making this request. `device` is a readable " +
      "name of the browser and system taken from `userAgent` (\"Chrome on Windows\").",
    auth: "session",
    responses: { 200: SessionListSchema },
    example: {
      response: {
        sessions: [
          {
            id: EXAMPLE_ID,
            createdAt: "2025-03-02T08:00:00.000Z",
            lastSeenAt: "2025-03-02T08:14:09.000Z",
            ip: "203.0.113.7",
            userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
            device: "Chrome on Linux",
            current: true,
          },
        ],
      },
    },
  },
});
