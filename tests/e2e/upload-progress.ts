import type { Page } from "playwright-core";

/** What the upload progress bar showed: every value it took, and on which side its fill started. */
export type ProgressSeen = { values: number[]; sides: ("left" | "right")[] };

/**
 * Records every value the upload progress bar takes, from before it exists, and where its fill
 * is anchored while it is part-way (a bar fills from the start side: the right in Arabic).
 * Read the result with `progressSeen(page)`.
 */
export async function watchProgress(page: Page) {
  await page.evaluate(() => {
    const seen = { values: [] as number[], sides: [] as string[] };
    (window as unknown as { __progress: typeof seen }).__progress = seen;
    const record = (el: Element) => {
      const v = Number(el.getAttribute("aria-valuenow"));
      if (seen.values[seen.values.length - 1] !== v) seen.values.push(v);
      const fill = el.firstElementChild?.getBoundingClientRect();
      const bar = el.getBoundingClientRect();
      if (fill && v > 0 && v < 100) {
        if (Math.abs(fill.right - bar.right) < 1 && fill.left - bar.left > 1) seen.sides.push("right");
        else if (Math.abs(fill.left - bar.left) < 1 && bar.right - fill.right > 1) seen.sides.push("left");
      }
    };
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        if (m.type === "attributes" && (m.target as Element).getAttribute("role") === "progressbar") record(m.target as Element);
        for (const n of m.addedNodes) if (n instanceof Element) n.querySelectorAll('[role="progressbar"]').forEach(record);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuenow"] });
  });
}

export const progressSeen = (page: Page) => page.evaluate(() => (window as unknown as { __progress: ProgressSeen }).__progress);

/** A slow uplink (bytes per second) so that the bar has time to move; `null` lifts it. */
export async function throttleUpload(page: Page, bytesPerSecond: number | null) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: bytesPerSecond ? 20 : 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond ?? -1,
  });
}
