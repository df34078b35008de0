import { and, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mailQueue, records, throttles } from "@/lib/db/schema";
import { runRetention } from "@/lib/ops/retention";
import { BLANKED_BODY } from "@/lib/mail/sender";
import { signUpPatient, verifiedPatient } from "../helpers/accounts";
import { forgotVerify, login, pair, requestReset } from "../helpers/api";
import { auditTypes, db } from "../helpers/db";
import { mail, settle } from "../helpers/mail";
import { enableTotp, mfaVerify, totpCode } from "../helpers/mfa";
import { BOUNDARY, MULTIPART_TYPE, PNG_1PX, rawUpload } from "../helpers/records";
import { otherCode } from "../helpers/smtp";

/** The holes around the second factor (docs/MFA.md "Threat model"), each shut and shown shut. */

const mfaRow = async (userId: string) => (await (await db()).select().from(throttles).where(eq(throttles.key, `mfa:${userId}`)))[0];

async function wrongCodes(email: string, password: string, secret: string, n: number) {
  const { mfaToken } = (await login(email, password)).body;
  const right = await totpCode(secret, 1);
  for (let i = 0; i < n; i++) {
    const res = await mfaVerify({ mfaToken, code: otherCode(right, i + 1) });
    expect(res.body.code).toBe("INVALID_MFA_CODE");
  }
  return mfaToken as string;
}

describe("second-factor guesses", () => {
  it("are still counted after the retention job has run on a day-old count", async () => {
    const p = await verifiedPatient();
    const { secret } = await enableTotp(p.token);
    await wrongCodes(p.email, p.password, secret, 3);
    await (await db())
      .update(throttles)
      .set({ windowStartedAt: sql`now() - interval '3 days'`, lastAt: sql`now() - interval '2 days'` })
      .where(eq(throttles.key, `mfa:${p.user.id}`));
    await runRetention();
    expect((await mfaRow(p.user.id))?.count).toBe(3);
  });

  it("email the owner after five failures in a row, once in the hour", async () => {
    const p = await verifiedPatient();
    const { secret } = await enableTotp(p.token);
    await wrongCodes(p.email, p.password, secret, 4);
    await settle();
    const subject = "Someone failed the second step of signing in to your account";
    expect(mail.to(p.email).filter((m) => m.subject === subject)).toHaveLength(0);

    await wrongCodes(p.email, p.password, secret, 1);
    const warning = await mail.waitFor(p.email, mail.to(p.email).length + 1);
    expect(warning.subject).toBe(subject);
    expect(warning.text).toContain("5 times in a row");
    expect(await auditTypes(p.user.id)).toContain("mfa_failures_notified");

    // The back-off has started; let it pass and fail again: no second email within the hour.
    await (await db()).update(throttles).set({ lastAt: sql`now() - interval '1 hour'` }).where(eq(throttles.key, `mfa:${p.user.id}`));
    await wrongCodes(p.email, p.password, secret, 1);
    await settle();
    expect(mail.to(p.email).filter((m) => m.subject === subject)).toHaveLength(1);
  });
});

describe("a half-finished sign-in", () => {
  it("dies when the password is reset", async () => {
    const p = await verifiedPatient();
    const { secret } = await enableTotp(p.token);
    const { mfaToken } = (await login(p.email, p.password)).body;
    await settle(); // the "app added" email is in before the reset email is counted
    const { code } = await requestReset(p.email, mail.to(p.email).length + 1);
    expect((await forgotVerify({ email: p.email, code, ...pair("A-brand-new-passphrase-7") })).status).toBe(200);

    const res = await mfaVerify({ mfaToken, code: await totpCode(secret, 1) });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("MFA_TOKEN_INVALID");
  });
});

describe("code emails in the queue", () => {
  it("lose their body once sent; other emails keep theirs", async () => {
    const { email, code } = await signUpPatient();
    await settle();
    const rows = await (await db()).select().from(mailQueue).where(eq(mailQueue.to, email));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe("sent");
    expect(rows[0]!.text).toBe(BLANKED_BODY);
    expect(rows[0]!.html).not.toContain(code);

    const p = await verifiedPatient();
    await enableTotp(p.token);
    await settle();
    const notice = await (await db()).select().from(mailQueue).where(and(eq(mailQueue.to, p.email), isNull(mailQueue.expiresAt)));
    expect(notice.length).toBeGreaterThan(0);
    expect(notice.every((m) => m.text !== BLANKED_BODY)).toBe(true);
  });
});

describe("an upload followed by junk after its closing boundary", () => {
  it("is answered without reading the junk", async () => {
    const p = await verifiedPatient();
    const head = Buffer.concat([
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="dot.png"\r\nContent-Type: image/png\r\n\r\n`),
      Buffer.from(PNG_1PX),
      Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
    ]);
    const junkTotal = 50 * 1024 * 1024;
    let junkPulled = 0;
    let sentHead = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((r) => setImmediate(r));
        if (!sentHead) {
          sentHead = true;
          return controller.enqueue(head);
        }
        if (junkPulled >= junkTotal) return controller.close();
        const piece = Buffer.alloc(64 * 1024, 0x41);
        junkPulled += piece.byteLength;
        controller.enqueue(piece);
      },
    });
    const res = await rawUpload(p.token, body, MULTIPART_TYPE);
    expect(res.status).toBe(201);
    expect(junkPulled).toBeLessThan(1024 * 1024);
    expect(res.body.record.size).toBe(PNG_1PX.byteLength);
    expect(await (await db()).select().from(records).where(eq(records.id, res.body.record.id))).toHaveLength(1);
  });
});
