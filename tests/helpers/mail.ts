import { startSmtpCapture } from "./smtp";

/** The capture shared by the setup file and the test file of one integration test run. */
export const mail = await startSmtpCapture();
