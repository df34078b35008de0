import "server-only";
import { EXAMPLE_ID } from "./examples";

/**
 * Sample values of the health-records and sharing contracts (the patient is examples.ts's
 * EXAMPLE_USER). The contract test parses each example with its schema, so these stay valid.
 */
export const EXAMPLE_RECORD = {
  id: "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d",
  title: "Blood test, March 2025",
  filename: "blood-test-2025-03.pdf",
  contentType: "application/pdf",
  size: 48213,
  category: "lab",
  documentDate: "2025-03-12",
  createdAt: "2025-03-14T10:02:51.000Z",
} as const;

export const EXAMPLE_DOCTOR = { id: "5c9e1a2b-3d4f-4a6b-8c7d-9e0f1a2b3c4d", name: "Dr Omar Khalil", specialty: "Cardiology" } as const;

export const EXAMPLE_GRANT = {
  id: "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d",
  patientId: EXAMPLE_ID,
  doctorId: EXAMPLE_DOCTOR.id,
  createdAt: "2025-03-14T10:05:00.000Z",
  expiresAt: "2030-01-31T23:59:59.000Z",
  active: true,
  doctor: EXAMPLE_DOCTOR,
  patient: { id: EXAMPLE_ID, name: "Amira Haddad" },
} as const;
