import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { searchDoctors } from "@/lib/records/sharing";
import { contract } from "./contract";

/** Approved doctors a patient can share with: `{ doctors: [{ id, name, specialty }] }`. */
export const GET = route(contract.GET, async ({ query }) => json({ doctors: await searchDoctors(query.q) }));
