import { Validator } from "@seriousme/openapi-schema-validator";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { GOOD_PASSWORD as PASSWORD, uniqueEmail } from "../helpers/data";
import { codeFrom } from "../helpers/smtp";
import { expectNoSidewaysScroll } from "./flows";
import { useBrowser } from "./shared";

/** /docs/api and GET /api/openapi.json on the production build: offline, under the CSP, and usable. */
describe("API reference", () => {
  const { app, newPage } = useBrowser();

  /** A phone-sized page that records console errors, page errors and every request leaving the origin. */
  async function watchedPage() {
    const page = await newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("request", (r) => {
      if (!r.url().startsWith(app.url) && !r.url().startsWith("data:")) problems.push(`left the origin: ${r.url()}`);
    });
    return { page, problems };
  }

  async function tryIt(page: Page, operationId: string, body?: unknown) {
    const section = page.locator(`#op-${operationId}`);
    await section.getByText("Try it").click();
    if (body !== undefined) await section.getByLabel("JSON body").fill(JSON.stringify(body));
    await section.getByRole("button", { name: "Send request" }).click();
    return section;
  }

  it("serves a valid OpenAPI 3.1 document naming this server", async () => {
    const res = await fetch(`${app.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(await new Validator().validate(doc)).toEqual({ valid: true });
    expect(doc.servers).toEqual([{ url: app.url }]);
  });

  it("is linked from the home page and lists every operation, at 360 px, with no console error and nothing fetched elsewhere", async () => {
    const doc = await (await fetch(`${app.url}/api/openapi.json`)).json();
    const operations = Object.values(doc.paths as Record<string, object>).flatMap((item) => Object.keys(item)).length;
    const { page, problems } = await watchedPage();
    await page.goto("/");
    await page.getByRole("link", { name: "API reference for developers" }).click();
    await page.waitForURL(/\/docs\/api$/);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("API reference");
    expect(await page.locator("section[id^='op-']").count()).toBe(operations);
    await expect(page.locator("#op-postAuthLogin").textContent()).resolves.toContain("INVALID_CREDENTIALS");
    await expectNoSidewaysScroll(page);
    // Hydrated under the nonce CSP: "Try it" works (its script ran), and the answer is shown.
    const health = await tryIt(page, "getHealth");
    await health.getByText("Status 200").waitFor();
    expect(await health.locator("pre").last().textContent()).toContain('"database": "ok"');
    expect(problems).toEqual([]);
  });

  it("tries sign-in and then a signed-in endpoint with the browser's session cookie", async () => {
    const email = uniqueEmail("docs");
    const signup = await fetch(`${app.url}/api/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Docs Reader", email, password: PASSWORD }),
    });
    expect(signup.status).toBe(201);
    const code = codeFrom(await app.mail.waitFor(email));
    const verified = await fetch(`${app.url}/api/auth/verify-otp`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, code }),
    });
    expect(verified.status).toBe(200);

    const { page, problems } = await watchedPage();
    await page.goto("/docs/api");
    const wrong = await tryIt(page, "postAuthLogin", { email, password: "not-the-password" });
    await wrong.getByText("Status 401").waitFor();
    const login = page.locator("#op-postAuthLogin");
    await login.getByLabel("JSON body").fill(JSON.stringify({ email, password: PASSWORD }));
    await login.getByRole("button", { name: "Send request" }).click();
    await login.getByText("Status 200").waitFor();
    const me = await tryIt(page, "getUsersMe");
    await me.getByText("Status 200").waitFor();
    expect(await me.locator("pre").last().textContent()).toContain(email);
    // The 401 of the wrong password is an expected answer, logged by Chromium as a failed resource.
    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
  });
});
