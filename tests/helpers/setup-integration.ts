import { afterAll } from "vitest";
import { closeDb } from "@/lib/db/client";
import { mail } from "./mail";

// Every integration test file gets its own SMTP capture; the app sends real SMTP to it.
process.env.SMTP_URL = mail.url;

afterAll(async () => {
  await closeDb();
  await mail.close();
});
