import path from "node:path";
import { defineConfig } from "vitest/config";

const here = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: {
      "@": here,
      // `server-only` throws outside Next's react-server build; in Node tests it is just a marker.
      "server-only": path.join(here, "tests/setup/server-only.ts"),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          setupFiles: ["tests/setup/env.ts"],
          // One process runs many files with the modules loaded once: starting a process and
          // importing the app for every file was half of these tests' CPU time.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          setupFiles: ["tests/setup/env.ts", "tests/setup/integration.ts"],
          globalSetup: ["tests/setup/postgres.ts", "tests/setup/pglite-template.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: "forks",
          // As for unit: the modules load once per worker. What a file must not inherit (the
          // configuration, its database, its mail) is reset by tests/setup/integration.ts.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          // Build once, then start the one server, SMTP capture and Chromium all files share.
          globalSetup: ["tests/setup/e2e-build.ts", "tests/setup/e2e-app.ts"],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          pool: "forks",
          // Two files at a time: a browser test mostly waits (on the server, SMTP, Chromium), and
          // one at a time made these the longest layer of `npm test` (about 540 s against 250 s).
          maxWorkers: 2,
        },
      },
    ],
  },
});
