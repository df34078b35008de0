import { listUsers } from "@/lib/admin/users";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

/** GET /api/users?q=&role=&status=&approval=&verified=&page=&limit= (admins): `{ users, total, page, limit }`. */
export const GET = route(contract.GET, async ({ query }) => json(await listUsers(query)));
