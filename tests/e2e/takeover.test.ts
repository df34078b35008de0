import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/data";
import { confirmCode, fillSignup } from "./flows";
import { useBrowser } from "./shared";

/**
 * docs/RULES.md "Sign-up details", through the pages: A signs up in a browser; B signs up again with
 * A's address and password X; A enters the code that arrived last → A is signed in with A's
 * password, and X signs in nowhere. The verify page carries A's binding (an HttpOnly cookie) without
 * A doing anything.
 */
const X = "Planted-Password-Of-Mallory-9";

describe("sign-up takeover, in the browser", () => {
  const { app, newPage } = useBrowser();
  let page: Page;
  beforeEach(async () => {
    page = await newPage();
  });

  const login = (email: string, password: string) =>
    fetch(`${app.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });

  it("A's browser gets A's details whichever sign-up came last; B's password signs in nowhere", async () => {
    const email = uniqueEmail("alice");
    await page.goto("/auth/sign-up");
    await fillSignup(page, { name: "Alice Owner", email });
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/auth\/verify-otp/);

    // B, elsewhere, signs up with A's address and a password of B's choosing.
    const b = await fetch(`${app.url}/api/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Mallory", email, password: X }),
    });
    expect(b.status).toBe(201);

    // B's sign-up came inside the resend minute, so it sent nothing: the code that arrived last is
    // the only one. Its binding is what decides whose details apply.
    await confirmCode(page, app.mail, email, 1);
    await page.waitForURL(/\/dashboard$/);
    expect(await page.getByRole("heading", { name: "Welcome, Alice Owner" }).isVisible()).toBe(true);

    expect((await login(email, GOOD_PASSWORD)).status).toBe(200);
    expect((await login(email, X)).status).toBe(401);
  });
});
