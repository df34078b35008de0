import { describe, expect, it } from "vitest";
import { ar } from "@/lib/i18n/ar";
import { en } from "@/lib/i18n/en";
import type { Locale } from "@/lib/i18n/locale";
import { messageText } from "@/lib/i18n/translate";
import { accountDeletedEmail, dataExportedEmail, deletionCancelledEmail, deletionScheduledEmail } from "@/lib/mail/account-data-templates";
import * as mfa from "@/lib/mail/mfa-templates";
import * as t from "@/lib/mail/templates";
import type { Message } from "@/lib/mail/transport";
import { grantExpiringDoctorEmail, grantExpiringPatientEmail, newDeviceEmail, recordViewedEmail } from "@/lib/notifications/emails";

/** docs/I18N.md "Emails": every email in both languages, from the catalogue, with values kept as they are. */

const ID = "3f2a9c4e-8b1d-4e6f-a7c2-5d9e0b1f2a3c";
const AT = new Date("2030-01-31T09:05:00Z");
const every = (l: Locale): Record<string, Message> => ({
  signupCode: t.signupCodeEmail("a@example.test", "012345", l),
  reset: t.resetEmail("a@example.test", "012345", "tok_en-1", l),
  passwordChanged: t.passwordChangedEmail("a@example.test", l),
  emailChangeCode: t.emailChangeCodeEmail("a@example.test", "012345", l),
  emailChanged: t.emailChangedEmail("a@example.test", "new@example.test", l),
  doctorApproved: t.doctorApprovedEmail("a@example.test", "Omar", l),
  doctorRejected: t.doctorRejectedEmail("a@example.test", "Omar", "No <ID>", l),
  totpEnabled: mfa.totpEnabledEmail("a@example.test", l),
  totpDisabled: mfa.totpDisabledEmail("a@example.test", l),
  recoveryCodeUsed: mfa.recoveryCodeUsedEmail("a@example.test", 3, l),
  recoveryCodesRegenerated: mfa.recoveryCodesRegeneratedEmail("a@example.test", l),
  mfaReset: mfa.mfaResetEmail("a@example.test", l),
  passkeyAdded: mfa.passkeyAddedEmail("a@example.test", "Laptop", l),
  passkeyRemoved: mfa.passkeyRemovedEmail("a@example.test", "Laptop", l),
  secondStepFailures: mfa.secondStepFailuresEmail("a@example.test", 5, l),
  dataExported: dataExportedEmail("a@example.test", l),
  deletionScheduled: deletionScheduledEmail("a@example.test", AT, l),
  deletionCancelled: deletionCancelledEmail("a@example.test", l),
  accountDeleted: accountDeletedEmail("a@example.test", l),
  newDevice: newDeviceEmail("a@example.test", { at: AT, device: "Firefox on Linux", ip: "203.0.113.9" }, l),
  recordViewed: recordViewedEmail("a@example.test", ID, "Dr Omar", l),
  grantPatient: grantExpiringPatientEmail("a@example.test", ID, "Dr Omar", AT, l),
  grantDoctor: grantExpiringDoctorEmail("a@example.test", ID, "Noor", AT, l),
});

describe("emails in both languages", () => {
  const english = every("en");
  const arabic = every("ar");

  it.each(Object.keys(english))("%s: Arabic is right to left, fully translated, and differs from English", (name) => {
    const e = english[name]!;
    const a = arabic[name]!;
    expect(e.html).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
    expect(a.html).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    for (const m of [e, a]) expect(m.subject + m.text + m.html).not.toMatch(/\bemails\.[a-z]/); // no key left unresolved
    expect(a.subject).toMatch(/[\u0600-\u06FF]/);
    expect(a.subject).not.toBe(e.subject);
    // Latin words in the Arabic text part are only the product name, values, addresses and links.
    const latin = a.text.replace(/https?:\/\/\S+|\S+@\S+|CareGate|UTC|IP|Dr Omar|Noor|Omar|Laptop|Firefox on Linux|No <ID>/g, "");
    expect(latin).not.toMatch(/[A-Za-z]{3,}/);
  });

  it("keeps codes as standalone ASCII digits and links unchanged in the Arabic text part", () => {
    for (const name of ["signupCode", "reset", "emailChangeCode"]) {
      expect(arabic[name]!.text).toMatch(/^012345$/m);
      expect(arabic[name]!.html).toContain(">012345</p>");
    }
    expect(arabic.reset!.text.split("\n")).toContain("http://localhost:3000/auth/reset-password?token=tok_en-1");
    expect(arabic.emailChanged!.html).toContain('<bdi dir="ltr">new@example.test</bdi>');
    expect(arabic.doctorRejected!.html).toContain("<bdi>No &lt;ID&gt;</bdi>");
    expect(english.doctorRejected!.html).toContain("Reason: No &lt;ID&gt;");
  });

  it("counts in all six Arabic plural forms", () => {
    const left = (n: number) => mfa.recoveryCodeUsedEmail("a@example.test", n, "ar").text.split("\n")[0]!;
    expect(left(0)).toContain("لم يبقَ أي رمز");
    expect(left(1)).toContain("بقي رمز استرداد واحد");
    expect(left(2)).toContain("رمزا استرداد");
    expect(left(3)).toContain("بقيت 3 رموز");
    expect(left(11)).toContain("بقي 11 رمز");
    expect(left(100)).toContain("بقي 100 رمز");
    expect(mfa.recoveryCodeUsedEmail("a@example.test", 1, "en").text).toContain("1 unused recovery code is left.");
  });
});

describe("error and field messages", () => {
  it("turn keys into words, and keep other English details for English readers only", () => {
    expect(messageText("ar", "errors.NOT_FOUND", "errors.NOT_FOUND")).toBe(ar.errors.NOT_FOUND);
    expect(messageText("ar", "validation.email.invalid", "validation.invalid")).toBe(ar.validation.email.invalid);
    expect(messageText("en", "Files can be at most 5 MB.", "errors.PAYLOAD_TOO_LARGE")).toBe("Files can be at most 5 MB.");
    expect(messageText("ar", "Files can be at most 5 MB.", "errors.PAYLOAD_TOO_LARGE")).toBe(ar.errors.PAYLOAD_TOO_LARGE);
    expect(messageText("ar", "validation.no.such.key", "validation.invalid")).toBe(ar.validation.invalid);
  });

  it("have an Arabic text for every English one, none of them English", () => {
    const leaves = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === "string" ? [v] : leaves(v)));
    for (const [e, a] of [[en.errors, ar.errors], [en.validation, ar.validation], [en.emails, ar.emails]] as const) {
      const arabic = leaves(a);
      expect(arabic.length).toBe(leaves(e).length);
      for (const s of arabic) expect(s, s).toMatch(/[\u0600-\u06FF]/);
    }
  });
});
