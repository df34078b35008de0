import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/lib/db/schema";
import { verifiedPatient } from "../helpers/accounts";
import { db, userRow } from "../helpers/db";
import { mail, settle } from "../helpers/mail";
import { emailsTo, getPreferences, headerOf, patchPreferences, unsubscribeGet, unsubscribePost, unsubscribeTokenOf } from "../helpers/notifications";
import { approvedDoctor, getRecord, grant, pdfBytes, upload } from "../helpers/records";

/** docs/NOTIFICATIONS.md "Your choices" and "Unsubscribe" (RFC 8058 one-click). */

/** A patient who got a real "record viewed" email; its List-Unsubscribe token. */
async function patientWithViewedEmail() {
  const patient = await verifiedPatient();
  const doctor = await approvedDoctor();
  await grant(patient.token, doctor.user.id);
  const up = await upload(patient.token, { bytes: pdfBytes(1000), filename: "scan.pdf", type: "application/pdf" });
  await getRecord(doctor.token, up.body.record.id);
  await settle();
  const [email] = emailsTo(patient.email, /opened your health records$/);
  return { patient, token: unsubscribeTokenOf(email!) };
}

const choices = async (email: string) => {
  const u = (await userRow(email))!;
  return { recordViewed: u.notifyRecordViewed, grantExpiring: u.notifyGrantExpiring };
};

describe("notification choices", () => {
  it("are both on by default, change one at a time, and refuse what is not a boolean", async () => {
    const p = await verifiedPatient();
    expect((await getPreferences(p.token)).body).toEqual({ recordViewed: true, grantExpiring: true });
    const off = await patchPreferences(p.token, { grantExpiring: false, role: "admin" });
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ recordViewed: true, grantExpiring: false });
    expect((await getPreferences(p.token)).body).toEqual({ recordViewed: true, grantExpiring: false });

    const bad = await patchPreferences(p.token, { recordViewed: "no", grantExpiring: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(bad.body.fields).sort()).toEqual(["grantExpiring", "recordViewed"]);
    expect(await choices(p.email)).toEqual({ recordViewed: true, grantExpiring: false });
    expect((await patchPreferences(p.token, {})).body).toEqual({ recordViewed: true, grantExpiring: false });
  });

  it("need a session", async () => {
    const res = await patchPreferences("", { recordViewed: false });
    expect(res.status).toBe(401);
  });
});

describe("one-click unsubscribe", () => {
  it("GET shows a page with a button and changes nothing", async () => {
    const { patient, token } = await patientWithViewedEmail();
    const page = await unsubscribeGet(token);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.body).toContain(`<form method="post" action="/api/unsubscribe/${token}">`);
    expect(page.body).toContain('name="List-Unsubscribe" value="One-Click"');
    expect(page.body).toMatch(/<button type="submit">Unsubscribe<\/button>/);
    expect(page.headers.get("content-security-policy")).toContain("form-action 'self'");
    expect(await choices(patient.email)).toEqual({ recordViewed: true, grantExpiring: true });
  });

  it("POST turns off exactly the one category, without a session and from any origin", async () => {
    const { patient, token } = await patientWithViewedEmail();
    const res = await unsubscribePost(token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, category: "recordViewed" });
    expect(await choices(patient.email)).toEqual({ recordViewed: false, grantExpiring: true });
    // Mail clients may repeat it; RFC 8058 prefers multipart, which works too.
    const boundary = "----x";
    const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`;
    const again = await unsubscribePost(token, { form: multipart, type: `multipart/form-data; boundary=${boundary}` });
    expect(again.status).toBe(200);
    expect(await choices(patient.email)).toEqual({ recordViewed: false, grantExpiring: true });
  });

  it("refuses a tampered token and changes nothing", async () => {
    const { patient, token } = await patientWithViewedEmail();
    const other = await verifiedPatient();
    const [userId, category, sig] = token.split(".") as [string, string, string];
    const flipped = sig.slice(0, -1) + (sig.endsWith("A") ? "B" : "A");
    const tampered = [
      `${userId}.grantExpiring.${sig}`, // another category, same signature
      `${other.user.id}.${category}.${sig}`, // another account
      `${userId}.${category}.${flipped}`,
      `${userId}.${category}`,
      "not-a-token",
    ];
    for (const t of tampered) {
      const res = await unsubscribePost(t);
      expect(res.status, t).toBe(400);
      expect(res.body.code).toBe("UNSUBSCRIBE_LINK_INVALID");
      const page = await unsubscribeGet(t);
      expect(page.status).toBe(400);
      expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    }
    expect(await choices(patient.email)).toEqual({ recordViewed: true, grantExpiring: true });
    expect(await choices(other.email)).toEqual({ recordViewed: true, grantExpiring: true });
  });

  it("needs the one-click form body", async () => {
    const { patient, token } = await patientWithViewedEmail();
    const empty = await unsubscribePost(token, { form: "" });
    expect(empty.status).toBe(400);
    expect(empty.body.fields).toHaveProperty("List-Unsubscribe");
    const json = await unsubscribePost(token, { form: JSON.stringify({ "List-Unsubscribe": "One-Click" }), type: "application/json" });
    expect(json.status).toBe(415);
    expect(await choices(patient.email)).toEqual({ recordViewed: true, grantExpiring: true });
  });

  it("is on optional emails only: security emails carry no List-Unsubscribe", async () => {
    const { patient } = await patientWithViewedEmail();
    const all = mail.to(patient.email);
    const optional = all.filter((m) => /opened your health records$/.test(m.subject));
    const security = all.filter((m) => !optional.includes(m));
    expect(optional.length).toBeGreaterThan(0);
    expect(security.length).toBeGreaterThan(0); // the sign-up code
    for (const m of optional) expect(headerOf(m, "List-Unsubscribe-Post"), m.subject).toBe("List-Unsubscribe=One-Click");
    for (const m of security) expect(headerOf(m, "List-Unsubscribe"), m.subject).toBeNull();
  });

  it("of a deleted account answers the same and changes nothing", async () => {
    const { patient, token } = await patientWithViewedEmail();
    await (await db()).delete(users).where(eq(users.id, patient.user.id));
    expect((await unsubscribePost(token)).status).toBe(200);
  });
});
