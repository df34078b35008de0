import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as signupDoctorRoute from "@/app/api/auth/signup-doctor/route";
import * as verifyRoute from "@/app/api/auth/verify-otp/route";
import { doctorProfiles, sessions } from "@/lib/db/schema";
import { passCodeCooldown } from "../helpers/arrange";
import { GOOD_PASSWORD, uniqueEmail, uniqueLicense } from "../helpers/data";
import { accountRows, db } from "../helpers/db";
import { setApproval, signUpDoctor, verifiedDoctor } from "../helpers/doctors";
import { call } from "../helpers/http";
import { mail, settle } from "../helpers/mail";
import { codeFrom } from "../helpers/smtp";

const doctorBody = (licenseNumber: string, email = uniqueEmail("doctor")) => ({
  name: "Dr Claimant",
  email,
  password: GOOD_PASSWORD,
  specialty: "General Practice",
  licenseNumber,
});

async function verifiedHolders(licenseNumber: string) {
  return (await db())
    .select({ userId: doctorProfiles.userId, licenseVerified: doctorProfiles.licenseVerified })
    .from(doctorProfiles)
    .where(eq(doctorProfiles.licenseNumber, licenseNumber));
}

async function sessionCount(userId: string) {
  return (await (await db()).select().from(sessions).where(eq(sessions.userId, userId))).length;
}

/** "MD1234567890" → " md 12345 67890 " : the same licence before normalisation. */
const disguise = (lic: string) => ` ${lic.slice(0, 2).toLowerCase()} ${lic.slice(2, 7)}  ${lic.slice(7)} `;

describe("licence uniqueness among verified doctors", () => {
  it("answers 409 LICENSE_TAKEN when a verified doctor holds the licence; nothing saved or sent", async () => {
    const holder = await verifiedDoctor();
    const body = doctorBody(holder.licenseNumber);
    const res = await call(signupDoctorRoute, "POST", { body });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: expect.any(String), code: "LICENSE_TAKEN" });
    expect((await accountRows(body.email)).user).toBeUndefined();
    await settle();
    expect(mail.to(body.email)).toHaveLength(0);
  });

  it("also when the new licence differs only by case and spaces", async () => {
    const holder = await verifiedDoctor();
    const body = doctorBody(disguise(holder.licenseNumber));
    const res = await call(signupDoctorRoute, "POST", { body });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("LICENSE_TAKEN");
    expect((await accountRows(body.email)).user).toBeUndefined();
  });

  it("also when the holder was registered with a disguised form and the newcomer types it plainly", async () => {
    const lic = uniqueLicense();
    await verifiedDoctor({ licenseNumber: disguise(lic) });
    const res = await call(signupDoctorRoute, "POST", { body: doctorBody(lic) });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("LICENSE_TAKEN");
  });

  it("a licence that differs by more than case and spaces (a dash) is a different licence", async () => {
    const holder = await verifiedDoctor();
    const other = `${holder.licenseNumber.slice(0, 2)}-${holder.licenseNumber.slice(2)}`;
    const res = await call(signupDoctorRoute, "POST", { body: doctorBody(other) });
    expect(res.status).toBe(201);
  });

  it("a verified doctor keeps the licence whatever the approval (rejected still holds it)", async () => {
    const holder = await verifiedDoctor();
    await setApproval(holder.user.id, "rejected");
    const res = await call(signupDoctorRoute, "POST", { body: doctorBody(holder.licenseNumber) });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("LICENSE_TAKEN");
  });

  it("an unverified re-signup onto a held licence is refused and leaves the earlier claim as it was", async () => {
    const holder = await verifiedDoctor();
    const claimant = await signUpDoctor();
    await passCodeCooldown(claimant.email);
    const res = await call(signupDoctorRoute, "POST", { body: doctorBody(holder.licenseNumber, claimant.email) });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("LICENSE_TAKEN");
    expect((await accountRows(claimant.email)).profile).toMatchObject({ licenseNumber: claimant.licenseNumber });
    await settle();
    expect(mail.to(claimant.email)).toHaveLength(1);
  });

  it("the database refuses a second verified holder even if the service check were bypassed", async () => {
    const holder = await verifiedDoctor();
    const other = await verifiedDoctor();
    await expect(
      (await db()).update(doctorProfiles).set({ licenseNumber: holder.licenseNumber }).where(eq(doctorProfiles.userId, other.user.id)),
    ).rejects.toThrow();
    expect(await verifiedHolders(holder.licenseNumber)).toEqual([{ userId: holder.user.id, licenseVerified: true }]);
  });
});

describe("unverified claims never block a real doctor", () => {
  it("a second doctor signs up (201) and verifies (200) when the first claimant never verified", async () => {
    const lic = uniqueLicense();
    const squatter = await signUpDoctor({ licenseNumber: lic });
    const real = await signUpDoctor({ licenseNumber: disguise(lic) });
    const res = await call(verifyRoute, "POST", { body: { email: real.email, code: real.code } });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ role: "doctor", licenseNumber: lic, approval: "pending" });

    const squatterRows = await accountRows(squatter.email);
    expect(squatterRows.user!.emailVerifiedAt).toBeNull();
    expect(squatterRows.profile!.licenseVerified).toBe(false);
    expect((await accountRows(real.email)).profile!.licenseVerified).toBe(true);

    // The squatter can no longer take it by verifying late.
    const late = await call(verifyRoute, "POST", { body: { email: squatter.email, code: squatter.code } });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe("LICENSE_TAKEN");
    expect(late.cookie).toBeNull();
    expect((await accountRows(squatter.email)).user!.emailVerifiedAt).toBeNull();
    expect(await sessionCount(squatterRows.user!.id)).toBe(0);
  });

  it("two unverified claims: both sign up (201); the first to verify gets 200, the second 409 LICENSE_TAKEN", async () => {
    const lic = uniqueLicense();
    const a = await signUpDoctor({ licenseNumber: lic });
    const b = await signUpDoctor({ licenseNumber: lic.toLowerCase() });

    const first = await call(verifyRoute, "POST", { body: { email: a.email, code: a.code } });
    expect(first.status).toBe(200);
    const second = await call(verifyRoute, "POST", { body: { email: b.email, code: b.code } });
    expect(second.status).toBe(409);
    expect(second.body).toEqual({ error: expect.any(String), code: "LICENSE_TAKEN" });
    expect(second.body).not.toHaveProperty("token");

    const rowsA = await accountRows(a.email);
    const rowsB = await accountRows(b.email);
    expect(rowsA.user!.emailVerifiedAt).not.toBeNull();
    expect(rowsA.profile!.licenseVerified).toBe(true);
    expect(rowsB.user!.emailVerifiedAt).toBeNull(); // the whole verification was rolled back
    expect(rowsB.profile!.licenseVerified).toBe(false);
    expect(await sessionCount(rowsB.user!.id)).toBe(0);
    expect((await verifiedHolders(lic)).filter((r) => r.licenseVerified)).toEqual([{ userId: rowsA.user!.id, licenseVerified: true }]);
  });

  it("the loser of the race can sign up again with the right licence and verify", async () => {
    const lic = uniqueLicense();
    const a = await signUpDoctor({ licenseNumber: lic });
    const b = await signUpDoctor({ licenseNumber: lic });
    expect((await call(verifyRoute, "POST", { body: { email: a.email, code: a.code } })).status).toBe(200);
    expect((await call(verifyRoute, "POST", { body: { email: b.email, code: b.code } })).status).toBe(409);

    await passCodeCooldown(b.email);
    const own = uniqueLicense();
    const again = await call(signupDoctorRoute, "POST", { body: doctorBody(own, b.email) });
    expect(again.status).toBe(201);
    const code2 = codeFrom(await mail.waitFor(b.email, 2));
    // Two live sign-ups for one address: an API client names the one it finishes.
    const ok = await call(verifyRoute, "POST", { body: { email: b.email, code: code2, signupId: again.body.signupId } });
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ licenseNumber: own, role: "doctor" });
  });

  it("two unverified claims verified in parallel: exactly one 200 and one 409 LICENSE_TAKEN", async () => {
    const lic = uniqueLicense();
    const a = await signUpDoctor({ licenseNumber: lic });
    const b = await signUpDoctor({ licenseNumber: disguise(lic) });

    const results = await Promise.all([
      call(verifyRoute, "POST", { body: { email: a.email, code: a.code } }),
      call(verifyRoute, "POST", { body: { email: b.email, code: b.code } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results[0]!.status === 200 ? a : b;
    const loser = winner === a ? b : a;
    expect(results.find((r) => r.status === 409)!.body.code).toBe("LICENSE_TAKEN");
    expect(results.find((r) => r.status === 200)!.body.user).toMatchObject({ email: winner.email, licenseNumber: lic });

    const w = await accountRows(winner.email);
    const l = await accountRows(loser.email);
    expect(w.user!.emailVerifiedAt).not.toBeNull();
    expect(w.profile!.licenseVerified).toBe(true);
    expect(l.user!.emailVerifiedAt).toBeNull();
    expect(l.profile!.licenseVerified).toBe(false);
    expect((await verifiedHolders(lic)).filter((r) => r.licenseVerified)).toHaveLength(1);
  });

  it("many parallel claimants of one licence: exactly one wins", async () => {
    const lic = uniqueLicense();
    const claimants = await Promise.all(Array.from({ length: 5 }, () => signUpDoctor({ licenseNumber: lic })));
    const results = await Promise.all(claimants.map((c) => call(verifyRoute, "POST", { body: { email: c.email, code: c.code } })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409 && r.body.code === "LICENSE_TAKEN")).toHaveLength(4);
    expect((await verifiedHolders(lic)).filter((r) => r.licenseVerified)).toHaveLength(1);
  });
});
