import { startSmtpCapture } from "./smtp";

/**
 * This integration test file's SMTP capture: started on import, shared by the setup file (which
 * points SMTP_URL at it and closes it) and the test file (`mail.waitFor`, `mail.to`, `setFailing`).
 */
export const mail = await startSmtpCapture();
