import { describe, expect, it } from "vitest";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/data";
import { pdfBytes } from "../helpers/files";
import { approvedDoctorByApi, requestJson, useAdminServer } from "./admin-server";
import { expectAxeClean } from "./axe";
import { signUpAndConfirm } from "./flows";

/**
 * docs/NOTIFICATIONS.md in the browser: a patient turns "a doctor opened my records" off on
 * /account/data and the next doctor's read sends nothing; the unsubscribe link of an earlier email is a
 * page whose button works under the production build's headers. A server of its own (admin-server.ts):
 * the doctors must be approved by an administrator.
 */
const VIEWED = /opened your health records$/;

describe("notification choices in the browser", () => {
  const server = useAdminServer("notify");
  const api = (method: string, p: string, body?: unknown, token?: string, headers?: Record<string, string>) => requestJson(method, `${server.app.url}${p}`, body, token, headers);
  const approvedDoctor = (name: string) => approvedDoctorByApi(server, { name, email: uniqueEmail("doc") });

  it("record viewed: off on /account/data means the next doctor's read sends nothing", async () => {
    const first = await approvedDoctor("Dr Leila First");
    const second = await approvedDoctor("Dr Karim Second");

    const page = await server.newPage();
    const email = uniqueEmail("pat");
    await signUpAndConfirm(page, server.app.mail, "Mona Patient", email);
    const patient = await api("POST", "/api/auth/login", { email, password: GOOD_PASSWORD });
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(pdfBytes(3000))], { type: "application/pdf" }), "lab.pdf");
    const record = await api("POST", "/api/records", form, patient.body.token);
    expect(record.status).toBe(201);
    for (const d of [first, second]) expect((await api("POST", "/api/grants", { doctorId: d.id }, patient.body.token)).status).toBe(201);
    const viewed = () => server.app.mail.to(email).filter((m) => VIEWED.test(m.subject));

    // On by default: the first doctor's read is told.
    expect((await api("GET", `/api/records/${record.body.record.id}`, undefined, first.token)).status).toBe(200);
    await expect.poll(() => viewed().length, { timeout: 10_000 }).toBe(1);
    const link = /http:\/\/127\.0\.0\.1:\d+\/api\/unsubscribe\/\S+/.exec(viewed()[0]!.text)![0];

    // The patient turns it off on the page; the switch says so after a reload.
    await page.goto("/account/data");
    const toggle = page.getByRole("switch", { name: "A doctor opened my records" });
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await page.getByText("Security emails cannot be turned off").waitFor();
    await toggle.click();
    await page.getByText("Your email choices were saved.").waitFor();
    await page.reload();
    await expect.poll(() => page.getByRole("switch", { name: "A doctor opened my records" }).isChecked()).toBe(false);
    await expectAxeClean(page);

    // The second doctor reads. A sign-in alert queued after that read is the barrier: the queue
    // delivers in order, so once it has arrived a record-viewed email would have too.
    expect((await api("GET", `/api/records/${record.body.record.id}`, undefined, second.token)).status).toBe(200);
    const alerts = () => server.app.mail.to(email).filter((m) => m.subject === "New sign-in to your CareGate account").length;
    const before = alerts();
    expect((await api("POST", "/api/auth/login", { email, password: GOOD_PASSWORD }, undefined, { "user-agent": "barrier-client/1.0" })).status).toBe(200);
    await expect.poll(alerts, { timeout: 10_000 }).toBe(before + 1);
    expect(viewed()).toHaveLength(1);

    // The unsubscribe link of the earlier email: a page (not JSON) whose button works.
    expect((await api("PATCH", "/api/users/me/notifications", { recordViewed: true }, patient.body.token)).status).toBe(200);
    const opened = await page.goto(link);
    expect(opened!.headers()["content-type"]).toMatch(/^text\/html/);
    expect(opened!.headers()["content-security-policy"]).not.toMatch(/sandbox/);
    expect((await api("GET", "/api/users/me/notifications", undefined, patient.body.token)).body.recordViewed).toBe(true);
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await page.getByRole("heading", { name: "You are unsubscribed" }).waitFor();
    expect((await api("GET", "/api/users/me/notifications", undefined, patient.body.token)).body).toEqual({ recordViewed: false, grantExpiring: true });
  });
});
