import { json } from "@/lib/http/handler";
import { log } from "@/lib/log";
import { route } from "@/lib/openapi/route";
import { checkHealth } from "@/lib/ops/health";
import { contract } from "./contract";

/** Liveness, a real round trip to the database and, when configured, to the virus scanner; 503 when either is down. */
export const GET = route(contract.GET, async () => {
  try {
    const health = await checkHealth();
    if (!health.ok) log.error(health.body, "health check: a dependency is unreachable");
    return json(health.body, health.ok ? 200 : 503);
  } catch (e) {
    log.error({ err: e }, "health check failed");
    return json({ status: "error", database: "unreachable", scanner: "unreachable" }, 503);
  }
});
