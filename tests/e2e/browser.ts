import { type Browser, type BrowserServer, chromium, type Page } from "playwright-core";

/** Chromium for the browser tests: Debian's binary, launched once per run, and phone-sized pages. */

export const CHROMIUM = "/usr/bin/chromium";

/** Where browser tests save screenshots for people to look at (git-ignored with test-results/). */
export const SCREENSHOTS = `${process.cwd()}/test-results/screenshots`;

/**
 * Debian's Chromium, never a downloaded one; the flags keep it off the (closed) network. Launched
 * as a server, so every test file connects to the same browser (see shared.ts).
 */
export async function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A phone-sized page in a context of its own (pages work at 360 px wide). */
export async function phonePage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
  return context.newPage();
}
