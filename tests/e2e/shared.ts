import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import type { Mailbox } from "../helpers/smtp";
import { phonePage } from "./browser";
import { remoteMailbox } from "./mailbox";

/**
 * What a browser test file uses: the ONE production server, SMTP capture and Chromium that
 * tests/setup/e2e-app.ts starts for the whole e2e run. Two files run at a time, and every test
 * makes its own accounts (uniqueEmail), so sharing is safe.
 */

/** What the global setup hands to the test files (vitest provide/inject: plain data only). */
export type E2eContext = { url: string; mailboxUrl: string; browserWsEndpoint: string };

declare module "vitest" {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}

export type SharedApp = { url: string; mail: Mailbox };

/** The shared server: its URL and mailbox (`mail.waitFor(email, n)`). */
export function sharedApp(): SharedApp {
  const { url, mailboxUrl } = inject("e2e");
  return { url, mail: remoteMailbox(mailboxUrl) };
}

/**
 * For a describe block: connects to the shared Chromium before its tests and disconnects after.
 * `newPage()` opens a phone-sized page in a fresh context (its own cookies), closed after each test.
 */
export function useBrowser() {
  const app = sharedApp();
  let browser: Browser | undefined;
  const opened: Page[] = [];
  beforeAll(async () => {
    browser = await chromium.connect(inject("e2e").browserWsEndpoint);
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((p) => p.context().close()));
  });
  afterAll(async () => {
    await browser?.close(); // only disconnects: the browser belongs to the global setup
  });
  return {
    app,
    async newPage(): Promise<Page> {
      if (!browser) throw new Error("useBrowser(): newPage() is for tests and beforeEach hooks, after the connection is made");
      const page = await phonePage(browser, app.url);
      opened.push(page);
      return page;
    },
    /** The same on a desktop-sized window (1280 × 900). */
    async newDesktopPage(): Promise<Page> {
      if (!browser) throw new Error("useBrowser(): newDesktopPage() is for tests and beforeEach hooks, after the connection is made");
      const page = await (await browser.newContext({ baseURL: app.url, viewport: { width: 1280, height: 900 } })).newPage();
      opened.push(page);
      return page;
    },
  };
}
