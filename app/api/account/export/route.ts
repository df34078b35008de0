import { exportAccountData } from "@/lib/account-data/export";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

/** Everything the account holds, as a streamed zip (lib/account-data/export.ts). */
export const GET = route(contract.GET, async ({ actor, session }) => exportAccountData(actor, session));
