import { parseArgs } from "node:util";
import { FULL } from "./scale";
import { CONNECTIONS } from "./scenarios";

/** The command line of `npm run bench` (the usage is at the top of index.ts). */
export function benchArgs() {
  const { values } = parseArgs({
    options: {
      "no-build": { type: "boolean", default: false },
      seconds: { type: "string", default: "10" },
      warmup: { type: "string", default: "2" },
      accounts: { type: "string", default: "200" },
      "cpu-prof": { type: "boolean", default: false },
      only: { type: "string" },
      connections: { type: "string", default: String(CONNECTIONS) },
      scale: { type: "boolean", default: false },
      // 10,000 take about a minute with pooled connections (docs/PERFORMANCE.md "Mail queue");
      // the default run queues 2,000 to stay near 3 minutes.
      "mail-count": { type: "string", default: "2000" },
      // The export's total size (200 records of a 200th each); smaller is quicker to seed.
      "export-mb": { type: "string", default: "500" },
      // --scale only: smaller sizes for trying the scale run itself, and the read clients.
      "scale-users": { type: "string", default: String(FULL.users) },
      "scale-events": { type: "string", default: String(FULL.events) },
      "scale-sessions": { type: "string", default: String(FULL.sessions) },
      clients: { type: "string", default: "2" },
      "scale-keep": { type: "boolean", default: false },
      "scale-reuse": { type: "string" },
    },
  });
  return values;
}

