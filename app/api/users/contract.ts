import { EXAMPLE_USER } from "@/lib/openapi/examples";
import { defineContract } from "@/lib/openapi/contract";
import { UserListQuerySchema } from "@/lib/validation/admin";
import { UserListSchema } from "@/lib/validation/admin-responses";

export const contract = defineContract({
  path: "/api/users",
  tag: "Administration",
  GET: {
    summary: "List and search users",
    description:
      "Newest accounts first, `page` counted from 1. `q` matches part of the email or name (`%` and `_` are " +
      "literal). `approval` matches doctors only. An empty parameter means no filter.",
    auth: "session",
    roles: ["admin", "superadmin"],
    query: UserListQuerySchema,
    responses: { 200: UserListSchema },
    example: {
      query: { q: "haddad", role: "patient", status: "active", page: "1", limit: "20" },
      response: { users: [EXAMPLE_USER], total: 1, totalExact: true, page: 1, limit: 20 },
    },
  },
});
