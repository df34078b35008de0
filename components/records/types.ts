/** Shapes the records APIs answer with, as the browser sees them (dates are ISO strings). */
export type RecordItem = {
  id: string;
  title: string;
  filename: string;
  contentType: string;
  size: number;
  category: string;
  documentDate: string | null;
  createdAt: string;
};

/** The list's filters, as the query of GET /api/records (empty = no filter). */
export type RecordFilter = { q: string; category: string; from: string; to: string };
export const NO_FILTER: RecordFilter = { q: "", category: "", from: "", to: "" };

export type GrantItem = {
  id: string;
  createdAt: string;
  expiresAt: string | null;
  active: boolean;
  doctor: { id: string; name: string; specialty: string };
  patient: { id: string; name: string };
};

export type DoctorItem = { id: string; name: string; specialty: string };

export type AccessEventItem = { at: string; doctor: { id: string | null; name: string }; recordId: string | null; action: string };

export type SharedPatientItem = { id: string; name: string; grantedAt: string; expiresAt: string | null };
