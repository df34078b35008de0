import { exportSummary } from "@/lib/account-data/export";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

/** Asked by the page before it starts a download, so a missing proof opens the dialog instead of a failed file. */
export const GET = route(contract.GET, async ({ session }) => json(await exportSummary(session)));
