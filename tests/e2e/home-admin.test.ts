import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { uniqueEmail } from "../helpers/data";
import { useAdminServer } from "./admin-server";
import { expectAxeClean } from "./axe";
import { expectNoSidewaysScroll, signIn, signUpAndConfirm, signUpDoctorAndConfirm } from "./flows";
import { SCREENSHOTS } from "./browser";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const ARABIC = /[\u0600-\u06FF]/;

/**
 * The role-aware home and the admin pages (docs/DECISIONS.md "The home page", "Admin tables"): an
 * admin approves a pending doctor from the home, and every one of these pages is checked in English
 * and Arabic on a phone (360 px) and a desktop (1280 px): axe-clean, no sideways scroll, the document's
 * direction, and a screenshot in test-results/screenshots/. Like admin.test.ts this file runs a server
 * of its own with a superadmin made by the command (admin-server.ts).
 */
describe("the home page and the admin pages", () => {
  const server = useAdminServer("home");
  const { root } = server;
  const phone = () => server.newPage();
  const signUpDoctor = (page: Page, name: string, email: string) => signUpDoctorAndConfirm(page, server.app.mail, name, email);

  beforeAll(() => {
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  const idOf = async (page: Page) => ((await (await page.request.get("/api/users/me")).json()) as { user: { id: string } }).user.id;

  it("an admin approves a pending doctor from the home page", async () => {
    const doctorName = `Dr Home ${Date.now().toString(36)}`;
    const doctorEmail = uniqueEmail("homedoc");
    const [doctor, admin] = await Promise.all([phone(), server.newDesktopPage()]);
    await signUpDoctor(doctor, doctorName, doctorEmail);
    const doctorId = await idOf(doctor);

    await signIn(admin, root.email, root.password);
    await admin.waitForURL(/\/dashboard$/);
    const row = admin.getByTestId("pending-doctor").filter({ hasText: doctorName });
    await row.waitFor();
    expect(await row.textContent()).toContain(doctorEmail);
    await row.getByRole("button", { name: "Approve doctor" }).click();
    await row.getByRole("button", { name: "Yes, approve" }).click();
    // The success message outlives the row: the approved doctor leaves the pending list.
    await admin.getByTestId("pending-block").getByText("The doctor was approved and emailed.").waitFor();
    await expect.poll(() => admin.getByTestId("pending-doctor").filter({ hasText: doctorName }).count(), { timeout: 15_000 }).toBe(0);
    await expectAxeClean(admin);

    // The API says so, the doctor is emailed, and their home changes.
    const detail = (await (await admin.request.get(`/api/users/${doctorId}`)).json()) as { user: { approval: string } };
    expect(detail.user.approval).toBe("approved");
    expect((await server.app.mail.waitFor(doctorEmail, 2)).subject).toBe("Your CareGate doctor account is approved");
    await doctor.reload();
    await doctor.getByRole("heading", { name: "Your patients" }).waitFor();
    await doctor.getByText("No patient has shared their records with you yet.").waitFor();

    // Rejecting in place asks for the reason first, beside its field, then emails it.
    const refusedName = `Dr Refused ${Date.now().toString(36)}`;
    const refusedEmail = uniqueEmail("homerej");
    const refused = await phone();
    await signUpDoctor(refused, refusedName, refusedEmail);
    await admin.reload();
    const refusedRow = admin.getByTestId("pending-doctor").filter({ hasText: refusedName });
    await refusedRow.getByRole("button", { name: "Reject doctor" }).click();
    await refusedRow.getByRole("button", { name: "Reject and email the reason" }).click();
    await refusedRow.getByText("Tell the doctor why their account is not approved.").waitFor();
    await refusedRow.getByLabel("Reason (sent to the doctor)").fill("Licence not in the register");
    await refusedRow.getByRole("button", { name: "Reject and email the reason" }).click();
    await admin.getByTestId("pending-block").getByText("The doctor was rejected and emailed the reason.").waitFor();
    expect((await server.app.mail.waitFor(refusedEmail, 2)).text).toContain("Licence not in the register");
    await refused.reload();
    expect(await refused.getByTestId("rejection-reason").textContent()).toBe("Reason given: Licence not in the register");
  }, 240_000);

  it("every home and admin page in English and Arabic, at 360 and 1280 px", async () => {
    const tag = Date.now().toString(36);
    const [patient, doctor, admin] = await Promise.all([phone(), phone(), phone()]);
    // A patient with a record, shared with an approved doctor who opened it: every home block has content.
    await signUpAndConfirm(patient, server.app.mail, `Salma Patient ${tag}`, uniqueEmail("homepat"));
    await signUpDoctor(doctor, `Dr Omar ${tag}`, uniqueEmail("homedr"));
    const doctorId = await idOf(doctor);
    await signIn(admin, root.email, root.password);
    await admin.waitForURL(/\/dashboard$/);
    expect((await admin.request.patch(`/api/users/${doctorId}`, { data: { approval: "approved" } })).status()).toBe(200);
    const upload = await patient.request.post("/api/records", { multipart: { title: "Blood test", file: { name: "blood.pdf", mimeType: "application/pdf", buffer: PDF } } });
    expect(upload.status()).toBe(201);
    const recordId = ((await upload.json()) as { record: { id: string } }).record.id;
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString();
    expect((await patient.request.post("/api/grants", { data: { doctorId, expiresAt: until } })).status()).toBe(201);
    expect((await doctor.request.get(`/api/records/${recordId}`)).status()).toBe(200);

    // A pending doctor, so the admin's home lists one.
    const pending = await phone();
    await signUpDoctor(pending, `Dr Pending ${tag}`, uniqueEmail("homepend"));

    await patient.goto("/dashboard");
    await patient.getByTestId("home-record").filter({ hasText: "Blood test" }).waitFor();
    await patient.getByTestId("home-view").filter({ hasText: `Dr Omar ${tag}` }).waitFor();
    await patient.getByTestId("home-share").filter({ hasText: `Dr Omar ${tag}` }).waitFor();
    await patient.getByTestId("nudge-two-step").waitFor();
    expect(await patient.getByTestId("nudge-records").count()).toBe(0);
    await doctor.goto("/dashboard");
    await doctor.getByTestId("home-patient").filter({ hasText: `Salma Patient ${tag}` }).waitFor();

    const pages: { who: Page; name: string; path: string }[] = [
      { who: patient, name: "dashboard-patient", path: "/dashboard" },
      { who: doctor, name: "dashboard-doctor", path: "/dashboard" },
      { who: admin, name: "dashboard-admin", path: "/dashboard" },
      { who: admin, name: "admin-users", path: "/admin/users" },
      { who: admin, name: "admin-user", path: `/admin/users/${doctorId}` },
      { who: admin, name: "admin-audit", path: "/admin/audit" },
    ];
    for (const locale of ["en", "ar"] as const) {
      for (const who of [patient, doctor, admin]) await setLanguage(who, locale);
      for (const width of [360, 1280]) {
        for (const p of pages) {
          await p.who.setViewportSize({ width, height: width === 360 ? 780 : 900 });
          await p.who.goto(p.path);
          await p.who.waitForLoadState("networkidle");
          const where = `${p.path} (${locale}, ${width} px)`;
          expect(await p.who.locator("html").getAttribute("dir"), where).toBe(locale === "ar" ? "rtl" : "ltr");
          expect(await p.who.locator("html").getAttribute("lang"), where).toBe(locale);
          const heading = (await p.who.getByRole("heading", { level: 1 }).textContent()) ?? "";
          if (locale === "ar" && p.name !== "admin-user") expect(heading, where).toMatch(ARABIC);
          expect(await p.who.getByTestId("skeleton").count(), `${where}: still loading`).toBe(0);
          await expectNoSidewaysScroll(p.who);
          await expectAxeClean(p.who, where);
          await p.who.screenshot({ path: path.join(SCREENSHOTS, `${p.name}-${locale}-${width}.png`), fullPage: true });
        }
      }
    }

    // The audit table: a real table with its header at desktop width, and "Older events" moves one page on.
    await setLanguage(admin, "en");
    await admin.setViewportSize({ width: 1280, height: 900 });
    await admin.goto("/admin/audit?limit=5");
    expect(await admin.getByRole("columnheader", { name: "When (UTC)" }).isVisible()).toBe(true);
    expect(await admin.getByTestId("audit-event").count()).toBe(5);
    const first = await admin.getByTestId("audit-event").first().textContent();
    await admin.getByTestId("older-events").click();
    await admin.waitForURL(/cursor=/);
    expect(await admin.getByTestId("audit-event").count()).toBe(5);
    expect(await admin.getByTestId("audit-event").first().textContent()).not.toBe(first);
    await admin.reload();
    expect(await admin.getByTestId("audit-event").count()).toBe(5);
    await admin.getByRole("link", { name: "Back to the newest" }).click();
    await admin.waitForURL((url) => !url.search.includes("cursor"));
  }, 600_000);

  /** The reader's language: the switch's cookie, and the account's own choice (which comes first when signed in). */
  async function setLanguage(page: Page, locale: "en" | "ar") {
    await page.context().addCookies([{ name: "locale", value: locale, url: server.app.url }]);
    await page.request.patch("/api/users/me", { data: { locale } });
  }
});
