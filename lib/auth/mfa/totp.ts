import "server-only";
import { and, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import type { Db } from "@/lib/db/client";
import { mfaTotp } from "@/lib/db/schema";
import { openSecret } from "./crypto";

/**
 * RFC 6238 through otplib (never hand-written): SHA-1, 6 digits, 30 s steps — what every
 * authenticator app reads from an otpauth:// URI. One step either side is accepted for clock drift.
 */
export const TOTP_ISSUER = "CareGate";
const DRIFT_SECONDS = 30;

export const newTotpSecret = () => generateSecret({ length: 20 });

export function otpauthUri(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

/** The QR code as an inline SVG data URL, drawn on the server: nothing is fetched from anywhere. */
export async function qrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** The time step a code belongs to, or null when it matches none in the window. */
export async function matchingStep(secret: string, code: string): Promise<number | null> {
  const result = await verify({ secret, token: code, epochTolerance: DRIFT_SECONDS });
  // The functional API's result type also covers HOTP; a TOTP match carries its time step.
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

/**
 * Checks a code against the account's TOTP secret (`confirmed`: the live one, or the pending set-up)
 * and records its step in one conditional UPDATE: a step at or before the last accepted one is
 * refused, so a code — even one replayed in parallel — is accepted at most once.
 */
export async function acceptTotpCode(db: Db, userId: string, code: string, which: "confirmed" | "pending"): Promise<boolean> {
  const state = which === "confirmed" ? isNotNull(mfaTotp.confirmedAt) : isNull(mfaTotp.confirmedAt);
  const [row] = await db.select().from(mfaTotp).where(and(eq(mfaTotp.userId, userId), state));
  if (!row) return false;
  const step = await matchingStep(openSecret(row.secretEnc, userId), code);
  if (step === null) return false;
  const won = await db
    .update(mfaTotp)
    .set({ lastStep: step })
    .where(and(eq(mfaTotp.userId, userId), state, or(isNull(mfaTotp.lastStep), lt(mfaTotp.lastStep, step))))
    .returning({ userId: mfaTotp.userId });
  return won.length === 1;
}
