import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { API_CSP, DOWNLOAD_HEADER_DOCS, downloadHeaders, LENGTH_HEADER, UNSUBSCRIBE_PAGE_CSP } from "@/lib/runtime/response-headers.mjs";

/**
 * A download's headers and the API's CSP are said once (lib/runtime/response-headers.mjs): the
 * route, next.config.ts, the server entry and the contract read them from there. These checks keep
 * the readers from drifting apart again.
 */
describe("response headers said once", () => {
  const sample = { contentType: "application/pdf", disposition: 'attachment; filename="a.pdf"', etag: '"abc"', size: 10 };

  it("gives /api responses the CSP a download carries, which Next puts in its place", async () => {
    const rules = await nextConfig.headers!();
    const api = rules.find((r) => r.source === "/api/:path*")!;
    expect(api.headers).toContainEqual({ key: "Content-Security-Policy", value: API_CSP });
    expect(downloadHeaders(sample).get("content-security-policy")).toBe(API_CSP);
    expect(API_CSP).toMatch(/(^|;\s*)sandbox$/);
  });

  it("lets the unsubscribe page's form post: its own CSP, set after the API's so it wins", async () => {
    const rules = await nextConfig.headers!();
    const api = rules.findIndex((r) => r.source === "/api/:path*");
    const page = rules.findIndex((r) => r.source === "/api/unsubscribe/:token");
    expect(page).toBeGreaterThan(api);
    expect(rules[page]!.headers).toEqual([{ key: "Content-Security-Policy", value: UNSUBSCRIBE_PAGE_CSP }]);
    expect(UNSUBSCRIBE_PAGE_CSP).not.toMatch(/sandbox/);
    expect(UNSUBSCRIBE_PAGE_CSP).toMatch(/form-action 'self'/);
  });

  it("sends the length twice, once in the private header the server entry turns back into Content-Length", () => {
    const whole = downloadHeaders(sample);
    expect([whole.get("content-length"), whole.get(LENGTH_HEADER)]).toEqual(["10", "10"]);
    const part = downloadHeaders({ ...sample, range: { start: 2, end: 5 } });
    expect([part.get("content-length"), part.get(LENGTH_HEADER), part.get("content-range")]).toEqual(["4", "4", "bytes 2-5/10"]);
  });

  it("documents every header a download sends, apart from its media type and the private length", () => {
    const sent = [...downloadHeaders({ ...sample, range: { start: 0, end: 1 } }).keys()];
    const documented = [...Object.keys(DOWNLOAD_HEADER_DOCS), "Content-Range"].map((h) => h.toLowerCase());
    expect(sent.filter((h) => h !== "content-type" && h !== LENGTH_HEADER).sort()).toEqual(documented.sort());
  });
});
