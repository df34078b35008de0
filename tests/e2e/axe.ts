import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * Accessibility check of the page as it stands, with axe-core (the engine behind Deque's and
 * Lighthouse's audits), against WCAG 2.1 A and AA. The engine is read from node_modules and evaluated
 * through the DevTools protocol, so it needs no network and is not subject to the page's CSP.
 * A violation fails the test with each rule, its impact and the elements it found.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] };

export async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Violation[] }> } };
    const result = await w.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, TAGS);
}

/** Fails with a readable list when axe finds any WCAG 2.1 A/AA violation on the page. */
export async function expectAxeClean(page: Page, where = page.url()): Promise<void> {
  // Check the page at rest: a refresh after an action (router.refresh) briefly re-renders the head,
  // and axe must not judge that in-between state. A page that never gets a title is still reported.
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await page.waitForFunction(() => document.title !== "", null, { timeout: 5_000 }).catch(() => undefined);
  const violations = await axeViolations(page);
  const report = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`);
  expect(report, `axe on ${where}`).toEqual([]);
}
