import "server-only";
import type { ExportData } from "./collect";

/**
 * The export as an HL7 FHIR R4 Bundle of type `collection` (docs/PRIVACY.md "Export"): the format
 * another provider's system can read. Resources in the Bundle reference each other by their
 * `urn:uuid:` fullUrl; people outside it (the other party of a grant) are named with a display and
 * their CareGate id as an RFC 3986 identifier, so no reference dangles.
 * https://hl7.org/fhir/R4/bundle.html
 */

const urn = (id: string) => `urn:uuid:${id}`;
const outside = (id: string | null, name: string | null | undefined): fhir4.Reference => ({
  ...(id ? { identifier: { system: "urn:ietf:rfc:3986", value: urn(id) } } : {}),
  display: name || "Unknown",
});
const iso = (d: Date) => d.toISOString();

const GENDER: Record<string, fhir4.Patient["gender"]> = { female: "female", male: "male", other: "other", prefer_not_to_say: "unknown" };

function person(data: ExportData): fhir4.Patient | fhir4.Practitioner {
  const u = data.user;
  const telecom: fhir4.ContactPoint[] = [{ system: "email", value: u.email }];
  if (u.phone) telecom.push({ system: "phone", value: u.phone });
  const common = {
    id: u.id,
    identifier: [{ system: "urn:ietf:rfc:3986", value: urn(u.id) }],
    active: u.status === "active",
    name: [{ text: u.name }],
    telecom,
    ...(u.gender ? { gender: GENDER[u.gender] } : {}),
    ...(u.dob ? { birthDate: u.dob } : {}),
  };
  if (u.role !== "doctor") return { resourceType: "Patient", ...common };
  const profile = data.account.doctorProfile;
  return {
    resourceType: "Practitioner",
    ...common,
    ...(profile
      ? { qualification: [{ identifier: [{ value: profile.licenseNumber }], code: { text: profile.specialty } }] }
      : {}),
  };
}

export function fhirBundle(data: ExportData): fhir4.Bundle {
  const me = person(data);
  const meRef: fhir4.Reference = { reference: urn(data.user.id), display: data.user.name };
  const isDoctor = me.resourceType === "Practitioner";

  const documents: fhir4.DocumentReference[] = data.records.map((r) => ({
    resourceType: "DocumentReference",
    id: r.id,
    status: "current",
    subject: meRef,
    category: [{ text: r.category }],
    date: iso(r.createdAt),
    description: r.title,
    // The date the document bears is its creation when the owner gave one, else when it was uploaded.
    ...(r.documentDate ? { context: { period: { start: r.documentDate } } } : {}),
    content: [{ attachment: { contentType: r.contentType, title: r.title, size: r.size, creation: r.documentDate ?? iso(r.createdAt), url: r.path } }],
  }));

  const consents: fhir4.Consent[] = data.grants.map((g) => {
    const active = !g.revokedAt && (!g.expiresAt || g.expiresAt > data.exportedAt);
    const patient = isDoctor ? outside(g.patient.id, g.patient.name) : meRef;
    const doctor = isDoctor ? meRef : outside(g.doctor.id, g.doctor.name);
    const end = g.revokedAt ?? g.expiresAt;
    return {
      resourceType: "Consent",
      id: g.id,
      status: active ? "active" : "inactive",
      scope: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "patient-privacy" }] },
      category: [{ coding: [{ system: "http://loinc.org", code: "59284-0", display: "Patient Consent" }] }],
      patient,
      dateTime: iso(g.createdAt),
      performer: [patient],
      policyRule: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "OPTIN" }] },
      provision: {
        type: "permit",
        period: { start: iso(g.createdAt), ...(end ? { end: iso(end) } : {}) },
        actor: [{ role: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", code: "PRCP" }] }, reference: doctor }],
        action: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/consentaction", code: "access" }] }],
      },
    };
  });

  const audits: fhir4.AuditEvent[] = data.reads.map((e) => ({
    resourceType: "AuditEvent",
    id: `read-${e.id}`,
    type: { system: "http://dicom.nema.org/resources/ontology/DCM", code: "110110", display: "Patient Record" },
    action: "R",
    recorded: iso(e.at),
    outcome: "0",
    agent: [{ who: isDoctor ? meRef : outside(e.doctor.id, e.doctor.name), requestor: true }],
    source: { observer: { display: "CareGate" } },
    entity: [
      e.recordId
        ? { what: data.records.some((r) => r.id === e.recordId) ? { reference: urn(e.recordId) } : { identifier: { system: "urn:ietf:rfc:3986", value: urn(e.recordId) } } }
        : { what: isDoctor ? outside(e.patient.id, e.patient.name) : meRef },
    ],
  }));

  const entry = (resource: fhir4.FhirResource & { id?: string }): fhir4.BundleEntry => ({
    fullUrl: resource.resourceType === "AuditEvent" ? `urn:uuid:${auditUuid(resource.id!)}` : urn(resource.id!),
    resource,
  });
  return {
    resourceType: "Bundle",
    type: "collection",
    timestamp: iso(data.exportedAt),
    entry: [me, ...documents, ...consents, ...audits].map(entry),
  };
}

/** AuditEvents come from numbered audit rows; their fullUrl needs a UUID, made stable from the number. */
function auditUuid(id: string): string {
  const n = id.replace(/\D/g, "").padStart(12, "0").slice(-12);
  return `00000000-0000-4000-8000-${n}`;
}
