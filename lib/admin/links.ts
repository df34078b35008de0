import "server-only";
/**
 * Admin page addresses shared by the dashboard, the users page and the tests: the "pending doctors"
 * view is the users list filtered to verified doctors awaiting a decision. Plain strings, browser-safe.
 */
export const PENDING_DOCTORS = "/admin/users?role=doctor&approval=pending&verified=true";
