import path from "node:path";
import { acquireDataDirLock } from "@/lib/db/lock";

/**
 * Writes to a *stopped* server's embedded database, under the same lock the server takes (two
 * processes on one PGlite folder corrupt it). For arrangements no API offers yet, such as approving
 * a doctor before the administration pages exist.
 */
export async function approveDoctorOffline(dataDir: string, email: string): Promise<void> {
  const { PGlite } = await import("@electric-sql/pglite");
  const release = acquireDataDirLock(dataDir);
  const db = new PGlite(path.join(dataDir, "pglite"));
  try {
    const res = await db.query(
      "update doctor_profiles set approval = 'approved', decided_at = now() where user_id = (select id from users where email = $1) returning user_id",
      [email],
    );
    if (res.rows.length !== 1) throw new Error(`no doctor profile for ${email}`);
  } finally {
    await db.close();
    release();
  }
}
