/** Shapes the records APIs answer with, as the browser sees them (dates are ISO strings). */
export type RecordItem = { id: string; title: string; filename: string; contentType: string; size: number; createdAt: string };

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
