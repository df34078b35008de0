import { describe, expect, it } from "vitest";
import { requireApprovedDoctor } from "@/lib/auth/session/sessions";
import { verifiedPatient } from "../helpers/accounts";
import { eventsAbout, getUser, patchUser, queuedTo, signedInAdmin } from "../helpers/admins";
import { accountRows } from "../helpers/db";
import { signUpDoctor, verifiedDoctor } from "../helpers/doctors";
import { me } from "../helpers/api";
import { mail, settle } from "../helpers/mail";
import { credentialsFor } from "../helpers/actor";

/** Doctor approval (docs/DECISIONS.md "Doctor approval"): decisions, the doctor's email, the dashboard's reason. */

const doctorRequest = (token: string) =>
  credentialsFor(new Request("http://localhost:3000/api/patients", { headers: { authorization: `Bearer ${token}`, "user-agent": "vitest" } }));

describe("doctor approval", () => {
  it("an admin approves a verified doctor: approval recorded, the doctor is emailed, doctor-only APIs open", async () => {
    const admin = await signedInAdmin();
    const d = await verifiedDoctor({ name: "Dr Omar Khalil" });
    await expect(requireApprovedDoctor(doctorRequest(d.token))).rejects.toMatchObject({ code: "DOCTOR_NOT_APPROVED" });

    const res = await patchUser(admin.token, d.user.id, { approval: "approved" });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      approval: "approved",
      decidedBy: { id: admin.user.id, email: admin.email },
      decidedAt: expect.any(String),
      rejectionReason: null,
    });

    const email = await mail.waitFor(d.email, 2);
    expect(email.subject).toMatch(/approved/i);
    expect(email.text).toContain("Dr Omar Khalil");
    expect(email.text).toContain("http://localhost:3000/dashboard");
    expect(email.html).toContain("approved");
    await expect(requireApprovedDoctor(doctorRequest(d.token))).resolves.toMatchObject({ user: { id: d.user.id } });

    const [event] = (await eventsAbout(d.user.id)).filter((e) => e.type === "doctor_approved");
    expect(event).toMatchObject({ actorId: admin.user.id, detail: { targetId: d.user.id, before: { approval: "pending" }, after: { approval: "approved" } } });
  });

  it("a rejection needs a reason; the doctor gets it by email (HTML escaped) and on their own user object", async () => {
    const admin = await signedInAdmin();
    const d = await verifiedDoctor();
    const missing = await patchUser(admin.token, d.user.id, { approval: "rejected" });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: "VALIDATION_FAILED", fields: { reason: expect.any(String) } });

    const reason = "Licence <GMC> not found & photo ID missing";
    const res = await patchUser(admin.token, d.user.id, { approval: "rejected", reason });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ approval: "rejected", rejectionReason: reason });

    const email = await mail.waitFor(d.email, 2);
    expect(email.subject).toMatch(/not approved/i);
    expect(email.text).toContain(`Reason: ${reason}`);
    expect(email.html).toContain("Licence &lt;GMC&gt; not found &amp; photo ID missing");
    expect(email.html).not.toContain("<GMC>");

    const own = await me(d.token);
    expect(own.body.user).toMatchObject({ approval: "rejected", rejectionReason: reason });
    await expect(requireApprovedDoctor(doctorRequest(d.token))).rejects.toMatchObject({ code: "DOCTOR_NOT_APPROVED" });
    const [event] = (await eventsAbout(d.user.id)).filter((e) => e.type === "doctor_rejected");
    expect(event).toMatchObject({ actorId: admin.user.id, detail: { after: { approval: "rejected" }, reason } });
  });

  it("approving after a rejection clears the reason and emails again; the same decision twice sends nothing", async () => {
    const admin = await signedInAdmin();
    const d = await verifiedDoctor();
    await patchUser(admin.token, d.user.id, { approval: "rejected", reason: "Blurry licence scan" });
    await mail.waitFor(d.email, 2);
    const res = await patchUser(admin.token, d.user.id, { approval: "approved" });
    expect(res.body.user).toMatchObject({ approval: "approved", rejectionReason: null });
    expect((await mail.waitFor(d.email, 3)).subject).toMatch(/is approved/);
    expect((await me(d.token)).body.user).not.toHaveProperty("rejectionReason");

    expect((await patchUser(admin.token, d.user.id, { approval: "approved" })).status).toBe(200);
    expect(await queuedTo(d.email)).toHaveLength(3);
    await settle();
    expect(mail.to(d.email)).toHaveLength(3);
    expect((await eventsAbout(d.user.id)).filter((e) => e.type.startsWith("doctor_")).map((e) => e.type)).toEqual([
      "doctor_rejected",
      "doctor_approved",
    ]);
  });

  it("approval needs a verified email: 409 ACCOUNT_NOT_VERIFIED, no email", async () => {
    const admin = await signedInAdmin();
    const d = await signUpDoctor();
    const { user } = await accountRows(d.email);
    const res = await patchUser(admin.token, user!.id, { approval: "approved" });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("ACCOUNT_NOT_VERIFIED");
    expect((await accountRows(d.email)).profile!.approval).toBe("pending");
    expect(await queuedTo(d.email)).toHaveLength(1); // only the signup code
    await settle();
    expect(mail.to(d.email)).toHaveLength(1);
  });

  it("only doctors are approved: 409 NOT_A_DOCTOR for a patient", async () => {
    const admin = await signedInAdmin();
    const p = await verifiedPatient();
    const res = await patchUser(admin.token, p.user.id, { approval: "approved" });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("NOT_A_DOCTOR");
  });

  it("patients and doctors cannot approve anyone (403), and no email goes out", async () => {
    const d = await verifiedDoctor();
    const other = await verifiedDoctor();
    for (const caller of [await verifiedPatient(), other, d]) {
      const res = await patchUser(caller.token, d.user.id, { approval: "approved" });
      expect(res.status).toBe(403);
    }
    expect((await accountRows(d.email)).profile).toMatchObject({ approval: "pending", decidedBy: null });
    expect(await queuedTo(d.email)).toHaveLength(1);
    await settle();
    expect(mail.to(d.email)).toHaveLength(1);
  });

  it("GET /api/users/{id} shows the doctor fields, verification, last sign-in and live sessions", async () => {
    const admin = await signedInAdmin();
    const d = await verifiedDoctor({ specialty: "Dermatology" });
    const res = await getUser(admin.token, d.user.id);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      id: d.user.id,
      email: d.email,
      role: "doctor",
      specialty: "Dermatology",
      licenseNumber: d.licenseNumber,
      approval: "pending",
      licenseVerified: true,
      emailVerifiedAt: expect.any(String),
      createdAt: expect.any(String),
      lastSignInAt: expect.any(String),
      activeSessions: 1,
      decidedBy: null,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|tokenVersion|codeHash/);
  });
});
