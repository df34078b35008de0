import { json } from "@/lib/http/handler";
import { checkHealth } from "@/lib/ops/health";

/** Liveness plus a real round trip to the database; 503 when it does not answer. */
export async function GET(): Promise<Response> {
  try {
    return json(await checkHealth());
  } catch (e) {
    console.error("[caregate] health check: database unreachable:", (e as Error).message);
    return json({ status: "error", database: "unreachable" }, 503);
  }
}
