import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { PGLITE_TEMPLATE_ENV, startApp } from "../e2e/app";
import { launchBrowserServer } from "../e2e/browser";
import { serveMailbox } from "../e2e/mailbox";
import type { E2eContext } from "../e2e/shared";
import { migratedPgliteFolder } from "./pglite-folder";

/**
 * Runs once per e2e run, after e2e-build.ts: ONE production server with its SMTP capture and ONE
 * Chromium for every browser test file, instead of one of each per file. Test files reach them
 * through `inject("e2e")` (tests/e2e/shared.ts): the server by URL, Chromium by its WebSocket
 * endpoint, and the capture, which lives here in vitest's main process, through a loopback HTTP
 * endpoint (tests/e2e/mailbox.ts).
 */

// Every browser request comes from 127.0.0.1, and the per-IP limit (30 a minute by default) would
// count all files' sign-ups and sign-ins together and answer 429 on a fast machine. The limit is
// tested on a server of its own with the default values (tests/e2e/server.test.ts) and in the
// integration suite; here it is raised out of the way.
const SHARED_ENV = { IP_LIMIT_PER_MINUTE: "100000", IP_LIMIT_PER_HOUR: "1000000" };

export default async function setup(project: TestProject) {
  // A server of the run that needs a fresh embedded database copies this migrated folder instead of
  // running initdb and every migration at each start; the test workers inherit the variable.
  const template = await migratedPgliteFolder();
  process.env[PGLITE_TEMPLATE_ENV] = template.folder;
  const [app, browser] = await Promise.allSettled([startApp(SHARED_ENV), launchBrowserServer()]);
  if (app.status === "rejected" || browser.status === "rejected") {
    if (app.status === "fulfilled") await app.value.stop();
    if (browser.status === "fulfilled") await browser.value.close();
    throw app.status === "rejected" ? app.reason : (browser as PromiseRejectedResult).reason;
  }
  const mailbox = await serveMailbox(app.value.mail);
  project.provide("e2e", {
    url: app.value.url,
    mailboxUrl: mailbox.url,
    browserWsEndpoint: browser.value.wsEndpoint(),
  } satisfies E2eContext);

  return async () => {
    await Promise.allSettled([browser.value.close(), mailbox.close()]);
    await app.value.stop();
    rmSync(template.root, { recursive: true, force: true });
  };
}
