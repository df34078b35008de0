import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { sharedPatients } from "@/lib/records/sharing";
import { contract } from "./contract";

/** The patients whose grant to the calling doctor is active now. */
export const GET = route(contract.GET, async ({ session }) => json({ patients: await sharedPatients(session.user.id) }));
