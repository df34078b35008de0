import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { uniqueEmail } from "../helpers/data";
import { pdfBytes, PNG_1PX } from "../helpers/files";
import { approvedDoctorByApi, useAdminServer } from "./admin-server";
import type { App } from "./app";
import { expectAxeClean } from "./axe";
import { expectNoSidewaysScroll, signIn, signUpAndConfirm } from "./flows";
import { progressSeen, throttleUpload, watchProgress } from "./upload-progress";

/**
 * Health records end to end at 360 px: a patient uploads a PDF (file picker) and a photo (drag and drop)
 * with a moving progress bar, shares with a doctor, the doctor downloads the PDF from /patients,
 * the patient sees it under "Who viewed your records", revokes, and the doctor is refused at once.
 */

const DOCTOR = "Dr Samira Haddad";
const PDF = pdfBytes(6 * 1024 * 1024);

describe("health records and sharing in the browser (360 px wide)", () => {
  // A server of its own, not the shared one: the doctor must be approved by an administrator.
  const server = useAdminServer("records");
  const newPage = () => server.newPage();
  const doctorEmail = uniqueEmail("doc");
  let app: App;

  beforeAll(async () => {
    app = server.app;
    await approvedDoctorByApi(server, { name: DOCTOR, email: doctorEmail });
  });

  it("uploads, shares, is viewed, revokes", async () => {
    const patient = await newPage();
    const patientEmail = uniqueEmail("pat");
    await signUpAndConfirm(patient, app.mail, "Nadia Karim", patientEmail);

    // The dashboard card leads to the records page, which starts empty.
    await patient.getByRole("link", { name: "Open your health records" }).click();
    await patient.waitForURL(/\/records$/);
    await patient.getByTestId("records-empty").waitFor();
    await expectNoSidewaysScroll(patient);
    await expectAxeClean(patient);

    // A PDF through the file picker, with a slow uplink so the progress bar has time to move.
    await throttleUpload(patient, 3 * 1024 * 1024);
    await watchProgress(patient);
    await patient.getByLabel("File", { exact: true }).setInputFiles({ name: "cardiology letter.pdf", mimeType: "application/pdf", buffer: PDF });
    await patient.getByLabel("Title").fill("Cardiology letter");
    await patient.getByRole("button", { name: "Upload" }).click();
    await patient.getByTestId("upload-status").getByText("Uploaded “Cardiology letter”.").waitFor({ timeout: 60_000 });
    const progress = (await progressSeen(patient)).values;
    expect(progress[0]).toBe(0);
    expect(progress.some((v) => v > 0 && v < 100), `progress values: ${progress.join(", ")}`).toBe(true);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    await throttleUpload(patient, null);

    // A photo by drag and drop.
    const dropped = await patient.evaluateHandle((b64) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], "knee photo.png", { type: "image/png" }));
      return dt;
    }, PNG_1PX.toString("base64"));
    await patient.dispatchEvent('[data-testid="drop-zone"]', "drop", { dataTransfer: dropped });
    await patient.getByText("Chosen: knee photo.png").waitFor();
    await patient.getByRole("button", { name: "Upload" }).click();
    await patient.getByText("Uploaded “knee photo”.").waitFor();
    const photo = patient.getByTestId("record").filter({ hasText: "knee photo" });
    await photo.getByRole("button", { name: "Preview" }).click();
    const img = photo.getByTestId("record-image");
    await img.waitFor();
    expect(await img.getAttribute("src")).toMatch(/^blob:/);
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1);
    await expect(patient.getByTestId("record").count()).resolves.toBe(2);
    await expectNoSidewaysScroll(patient);
    await expectAxeClean(patient);

    // Share with the doctor.
    await patient.getByRole("searchbox", { name: "Find a doctor" }).fill("Haddad");
    await patient.getByRole("button", { name: "Search" }).click();
    await patient.getByRole("button", { name: `Share with ${DOCTOR}` }).click();
    await patient.getByRole("button", { name: `Share all my records with ${DOCTOR}` }).click();
    await patient.getByText(`You now share your records with ${DOCTOR}.`).waitFor();
    await patient.getByTestId("grant").filter({ hasText: DOCTOR }).waitFor();

    // The doctor finds the patient and downloads the PDF.
    const doctor = await newPage();
    await signIn(doctor, doctorEmail);
    await doctor.waitForURL(/\/dashboard$/);
    await doctor.getByRole("link", { name: "Open your patients" }).click();
    await doctor.waitForURL(/\/patients$/);
    await doctor.getByRole("button", { name: "Show records of Nadia Karim" }).click();
    const letter = doctor.getByTestId("record").filter({ hasText: "Cardiology letter" });
    await letter.waitFor();
    expect(await doctor.getByRole("button", { name: /delete/i }).count()).toBe(0); // read and download only
    const [download] = await Promise.all([doctor.waitForEvent("download"), letter.getByRole("link", { name: "Download Cardiology letter" }).click()]);
    expect(download.suggestedFilename()).toBe("cardiology letter.pdf");
    // The browser is the shared one, reached remotely: the file is copied here to compare it.
    const saved = path.join(server.dataDir, "downloaded.pdf");
    await download.saveAs(saved);
    expect(readFileSync(saved).equals(PDF)).toBe(true);
    await expectNoSidewaysScroll(doctor);
    await expectAxeClean(doctor);

    // The patient sees it.
    await patient.reload();
    const log = patient.getByTestId("access-event").filter({ hasText: "opened or downloaded" });
    await log.filter({ hasText: "Cardiology letter" }).filter({ hasText: DOCTOR }).waitFor();

    // …revokes, by keyboard through the confirmation…
    await patient.getByRole("button", { name: `Stop sharing with ${DOCTOR}` }).click();
    const yes = patient.getByRole("button", { name: "Yes, stop sharing" });
    await expect.poll(() => yes.evaluate((el) => el === document.activeElement)).toBe(true);
    await patient.keyboard.press("Enter");
    await patient.getByText(`${DOCTOR} can no longer see your records.`).waitFor();

    // …and the doctor's very next request is refused.
    const recordId = await letter.getAttribute("data-record-id");
    const again = await doctor.request.get(`/api/records/${recordId}/file`);
    expect(again.status()).toBe(404);
    await doctor.getByRole("button", { name: "Hide records" }).click();
    await doctor.getByRole("button", { name: "Show records of Nadia Karim" }).click();
    await doctor.getByText("This patient no longer shares records with you.").waitFor();
    await doctor.reload();
    await doctor.getByTestId("patients-empty").waitFor();
  });

  it("sends signed-out visitors of /records and /patients to sign-in", async () => {
    for (const p of ["/records", "/patients"]) {
      const res = await fetch(`${app.url}${p}`, { redirect: "manual" });
      expect(res.status).toBe(307);
      expect(res.headers.get("location")).toContain(`/auth/login?next=${encodeURIComponent(p)}`);
    }
  });

  it("serves a file with the attachment headers through the real server", async () => {
    const email = uniqueEmail("hdr");
    const page = await newPage();
    await signUpAndConfirm(page, app.mail, "Header Check", email);
    const up = await page.request.post("/api/records", {
      headers: { origin: app.url },
      multipart: { file: { name: "x.pdf", mimeType: "text/html", buffer: Buffer.from("%PDF-1.4\n<script>alert(1)</script>") } },
    });
    expect(up.status()).toBe(201);
    const id = (await up.json()).record.id as string;
    const res = await page.request.get(`/api/records/${id}/file`);
    const h = res.headers();
    expect(h["content-disposition"]).toMatch(/^attachment; filename="x\.pdf"; filename\*=UTF-8''x\.pdf$/);
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["content-security-policy"]).toMatch(/sandbox/);
    expect(h["cache-control"]).toBe("no-store");
    expect(h["cross-origin-resource-policy"]).toBe("same-origin");
    expect(h["content-length"]).toBe(String("%PDF-1.4\n<script>alert(1)</script>".length));
    expect(h["content-type"]).toBe("application/pdf");
    expect(h["x-caregate-content-length"]).toBeUndefined();
    const part = await page.request.get(`/api/records/${id}/file`, { headers: { range: "bytes=0-3" } });
    expect(part.status()).toBe(206);
    expect(part.headers()["content-length"]).toBe("4");
    expect(part.headers()["content-range"]).toBe("bytes 0-3/34");
    expect((await part.body()).toString()).toBe("%PDF");
  });
});
