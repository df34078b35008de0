import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { uniqueEmail } from "../helpers/data";
import { useAdminServer } from "./admin-server";
import { expectAxeClean } from "./axe";
import { expectNoSidewaysScroll, signIn, signUpAndConfirm, signUpDoctorAndConfirm } from "./flows";

/**
 * Administration in the browser (docs/ADMIN.md), at 360 px and on a desktop. This file runs a server of
 * its own with a superadmin made by the command (admin-server.ts), not the shared one.
 */
describe("an administrator in the browser", () => {
  const server = useAdminServer("admin");
  const { root } = server;
  const pageFor = (size: "phone" | "desktop") => (size === "phone" ? server.newPage() : server.newDesktopPage());
  const signUpDoctor = (page: Page, name: string, email: string) => signUpDoctorAndConfirm(page, server.app.mail, name, email);

  it.each(["phone", "desktop"] as const)("approves a pending doctor, suspends a patient and reads both in the audit log (%s)", async (size) => {
    const tag = `${size}${Date.now().toString(36)}`;
    const doctorName = `Dr Sami ${tag}`;
    const doctorEmail = uniqueEmail("doc");
    const patientName = `Pat Lina ${tag}`;
    const patientEmail = uniqueEmail("pat");
    const [doctor, patient, admin] = await Promise.all([pageFor(size), pageFor(size), pageFor(size)]);
    // Every admin page on the way fits the screen and is axe-clean (WCAG 2.1 A + AA).
    const fits = async (page: Page) => {
      if (size === "phone") await expectNoSidewaysScroll(page);
      await expectAxeClean(page);
    };
    await signUpDoctor(doctor, doctorName, doctorEmail);
    await signUpAndConfirm(patient, server.app.mail, patientName, patientEmail);

    // Not an admin: the admin area does not exist for a patient (no flash of data).
    const denied = await patient.goto("/admin/users");
    expect(denied?.status()).toBe(404);
    await patient.getByRole("heading", { name: "Page not found" }).waitFor();
    expect(await patient.getByText(doctorEmail).count()).toBe(0);

    // The superadmin signs in and finds the doctor with the pending filter, one click from the dashboard.
    await signIn(admin, root.email, root.password);
    await admin.waitForURL(/\/dashboard$/);
    expect(Number(await admin.getByTestId("pending-doctors-count").textContent())).toBeGreaterThanOrEqual(1);
    await fits(admin);
    await admin.getByRole("link", { name: "Review pending doctors" }).click();
    await admin.waitForURL(/\/admin\/users\?role=doctor&approval=pending&verified=true/);
    await fits(admin);
    await admin.getByRole("link", { name: doctorName }).click();
    await admin.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/);
    await admin.getByRole("button", { name: "Approve doctor" }).click();
    await admin.getByRole("button", { name: "Yes, approve" }).click();
    await admin.getByText("The doctor was approved and emailed.").waitFor();
    await expect.poll(() => admin.getByTestId("user-approval").textContent(), { timeout: 15_000 }).toBe("Approved");
    await fits(admin);

    // The doctor receives the email and their dashboard changes.
    const email = await server.app.mail.waitFor(doctorEmail, 2);
    expect(email.subject).toBe("Your CareGate doctor account is approved");
    await doctor.reload();
    await doctor.getByRole("heading", { name: "Your patients" }).waitFor();
    expect(await doctor.getByText("Your doctor account is awaiting approval").count()).toBe(0);

    // The admin finds the patient by search and suspends them, with a reason.
    await admin.goto("/admin/users");
    await admin.getByLabel("Search name or email").fill(patientEmail);
    await admin.getByRole("button", { name: "Apply filters" }).click();
    await admin.getByRole("link", { name: patientName }).click();
    await admin.getByRole("button", { name: "Suspend account" }).click();
    await admin.getByLabel("Reason (optional, kept in the audit log)").fill(`Chargeback ${tag}`);
    await admin.getByRole("button", { name: "Yes, suspend" }).click();
    await admin.getByText("The account was suspended and signed out everywhere.").waitFor();
    await expect.poll(() => admin.getByTestId("user-status").textContent(), { timeout: 15_000 }).toBe("Suspended");

    // The patient's open session is refused at once: the next page is the sign-in page.
    await patient.goto("/dashboard");
    await patient.waitForURL(/\/auth\/login/);
    expect((await patient.request.get("/api/users/me")).status()).toBe(401);

    // Both actions are in the audit log, naming the user, the actor and the reason.
    await admin.getByRole("link", { name: "Audit log" }).click();
    await admin.waitForURL(/\/admin\/audit$/);
    const approved = admin.locator('[data-testid="audit-event"][data-type="doctor_approved"]', { hasText: doctorName });
    const suspended = admin.locator('[data-testid="audit-event"][data-type="user_suspended"]', { hasText: patientName });
    await approved.first().waitFor();
    await suspended.first().waitFor();
    expect(await approved.first().textContent()).toContain("Approval: Awaiting approval → Approved");
    expect(await suspended.first().textContent()).toContain(`Reason: Chargeback ${tag}`);
    expect(await suspended.first().textContent()).toContain(root.email);
    await fits(admin);

    // Filtered to one event type, by keyboard-submitted form.
    await admin.getByLabel("Event", { exact: true }).selectOption("user_suspended");
    await admin.getByRole("button", { name: "Apply filters" }).press("Enter");
    await admin.waitForURL(/event=user_suspended/);
    expect(await admin.locator('[data-testid="audit-event"]:not([data-type="user_suspended"])').count()).toBe(0);
  }, 240_000); // one story through three accounts' pages: longer than a single flow


  it("rejects a doctor with a reason, which the doctor reads on their dashboard", async () => {
    const doctorName = `Dr Rana ${Date.now().toString(36)}`;
    const doctorEmail = uniqueEmail("rej");
    const [doctor, admin] = await Promise.all([pageFor("phone"), server.newDesktopPage()]);
    await signUpDoctor(doctor, doctorName, doctorEmail);
    await signIn(admin, root.email, root.password);
    await admin.waitForURL(/\/dashboard$/);
    await admin.goto("/admin/users?role=doctor&approval=pending&verified=true");
    await admin.getByRole("link", { name: doctorName }).click();
    await admin.getByRole("button", { name: "Reject doctor" }).click();
    // The reason is required: confirming without one puts the error beside the field.
    await admin.getByRole("button", { name: "Reject and email the reason" }).click();
    await admin.getByText("Tell the doctor why their account is not approved.").waitFor();
    await admin.getByLabel("Reason (sent to the doctor)").fill("Licence number not found in the register");
    await admin.getByRole("button", { name: "Reject and email the reason" }).click();
    await admin.getByText("The doctor was rejected and emailed the reason.").waitFor();

    expect((await server.app.mail.waitFor(doctorEmail, 2)).text).toContain("Reason: Licence number not found in the register");
    await doctor.reload();
    await doctor.getByText("Your doctor account was not approved").waitFor();
    expect(await doctor.getByTestId("rejection-reason").textContent()).toBe("Reason given: Licence number not found in the register");
    await expectNoSidewaysScroll(doctor);
  }, 180_000);
});
