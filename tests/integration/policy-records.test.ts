import { beforeAll, describe, expect, it } from "vitest";
import * as patientRecordsRoute from "@/app/api/patients/[id]/records/route";
import { type RecordAction, hasActiveGrant, mayUseRecords, recordsAccess, recordsRelation } from "@/lib/records/policy";
import { sharedPatients } from "@/lib/records/sharing";
import { verifiedPatient } from "../helpers/accounts";
import { signedInAdmin, signedInSuperadmin } from "../helpers/admins";
import { db } from "../helpers/db";
import { setApproval } from "../helpers/doctors";
import { call } from "../helpers/http";
import { approvedDoctor, download, expireGrant, getRecord, grant, patchRecord, pdfBytes, revoke, upload } from "../helpers/records";

/**
 * The records policy (lib/records/policy.ts) as a table, on the real database: every kind of actor,
 * every action on one patient's records. The first table asks the policy itself; the second the
 * routes, to show the services answer what the policy decides (behind the contracts' coarse gate).
 */

const ACTORS = ["owner", "otherPatient", "grantedDoctor", "expiredDoctor", "revokedDoctor", "unapprovedDoctor", "admin", "superadmin"] as const;
type ActorName = (typeof ACTORS)[number];
type Party = { id: string; role: "patient" | "doctor" | "admin" | "superadmin"; token: string };

const ACTIONS: RecordAction[] = ["view", "download", "preview", "list", "update", "delete", "share", "accessLog"];
const READS: RecordAction[] = ["view", "download", "preview", "list"];

/** Expected: the owner does everything; a doctor with an active grant reads; nobody else does anything. */
const expected = (actor: ActorName, action: RecordAction) => actor === "owner" || (actor === "grantedDoctor" && READS.includes(action));

let party: Record<ActorName, Party>;
let recordId: string;

beforeAll(async () => {
  const owner = await verifiedPatient({ name: "Policy Owner" });
  recordId = (await upload(owner.token, { bytes: pdfBytes(), filename: "letter.pdf" })).body.record.id;
  const doctorWithGrant = async (then?: (grantId: string, doctorId: string) => Promise<unknown>) => {
    const d = await approvedDoctor();
    const g = await grant(owner.token, d.user.id);
    expect(g.status).toBe(201);
    await then?.(g.body.grant.id, d.user.id);
    return d;
  };
  const [other, granted, expired, revoked, unapproved, admin, superadmin] = [
    await verifiedPatient(),
    await doctorWithGrant(),
    await doctorWithGrant((id) => expireGrant(id)),
    await doctorWithGrant((id) => revoke(owner.token, id)),
    await doctorWithGrant((_, doctorId) => setApproval(doctorId, "pending")),
    await signedInAdmin(),
    await signedInSuperadmin(),
  ];
  const p = (a: { token: string; user: { id: string; role: string } }): Party => ({ id: a.user.id, role: a.user.role as Party["role"], token: a.token });
  party = {
    owner: p(owner),
    otherPatient: p(other),
    grantedDoctor: p(granted),
    expiredDoctor: p(expired),
    revokedDoctor: p(revoked),
    unapprovedDoctor: p(unapproved),
    admin: p(admin),
    superadmin: p(superadmin),
  };
});

describe("the records policy, asked directly", () => {
  const rows = ACTORS.flatMap((actor) => ACTIONS.map((action) => [actor, action, expected(actor, action)] as const));

  it.each(rows)("%s → %s on the owner's records: %s", async (actor, action, allowed) => {
    const a = party[actor];
    const d = await db();
    const access = await recordsAccess(d, a, party.owner.id, action);
    expect(Boolean(access)).toBe(allowed);
    if (allowed) expect(access).toBe(actor === "owner" ? "owner" : "grant");
    // The pure rule, given what the database says of the grant, decides the same.
    expect(mayUseRecords(a, party.owner.id, action, await hasActiveGrant(d, party.owner.id, a.id))).toBe(allowed);
  });

  it("needs the database only for a doctor's read", () => {
    expect(recordsRelation(party.owner, party.owner.id, "delete")).toBe("owner");
    expect(recordsRelation(party.expiredDoctor, party.owner.id, "view")).toBe("grant");
    expect(recordsRelation(party.grantedDoctor, party.owner.id, "update")).toBeNull();
    expect(recordsRelation(party.admin, party.owner.id, "view")).toBeNull();
    expect(recordsRelation(party.otherPatient, party.owner.id, "list")).toBeNull();
  });

  it("filters lists with the same grant rule it applies to one patient", async () => {
    for (const actor of ["grantedDoctor", "expiredDoctor", "revokedDoctor", "unapprovedDoctor"] as const) {
      const listed = (await sharedPatients(party[actor].id)).some((p) => p.id === party.owner.id);
      expect(listed, actor).toBe(await hasActiveGrant(await db(), party.owner.id, party[actor].id));
      expect(listed, actor).toBe(actor === "grantedDoctor");
    }
  });
});

describe("the routes answer what the policy decides", () => {
  const patientRecords = (token: string, id: string) => call(patientRecordsRoute, "GET", { token, params: { id } });
  const fileStatus = async (token: string) => {
    const res = await download(token, recordId);
    await res.arrayBuffer().catch(() => {});
    return res.status;
  };

  // [actor, GET record, GET file, GET patient's records, PATCH record]; 403 is a contract's coarse gate.
  const rows: [ActorName, number, number, number, number][] = [
    ["owner", 200, 200, 403, 200],
    ["otherPatient", 404, 404, 403, 404],
    ["grantedDoctor", 200, 200, 200, 403],
    ["expiredDoctor", 404, 404, 404, 403],
    ["revokedDoctor", 404, 404, 404, 403],
    ["unapprovedDoctor", 403, 403, 403, 403],
    ["admin", 404, 404, 403, 403],
    ["superadmin", 404, 404, 403, 403],
  ];

  it.each(rows)("%s: read %i, download %i, list %i, update %i", async (actor, read, file, list, update) => {
    const { token } = party[actor];
    expect((await getRecord(token, recordId)).status).toBe(read);
    expect(await fileStatus(token)).toBe(file);
    expect((await patientRecords(token, party.owner.id)).status).toBe(list);
    expect((await patchRecord(token, recordId, { title: `Renamed by ${actor}` })).status).toBe(update);
  });

  it("a doctor's own id is not a patient who shared with them", async () => {
    expect((await patientRecords(party.grantedDoctor.token, party.grantedDoctor.id)).status).toBe(404);
  });
});
