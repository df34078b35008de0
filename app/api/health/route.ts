import { json } from "@/lib/http/handler";
import { log } from "@/lib/log";
import { checkHealth } from "@/lib/ops/health";

/** Liveness plus a real round trip to the database; 503 when it does not answer. */
export async function GET(): Promise<Response> {
  try {
    return json(await checkHealth());
  } catch (e) {
    log.error({ err: e }, "health check: database unreachable");
    return json({ status: "error", database: "unreachable" }, 503);
  }
}
