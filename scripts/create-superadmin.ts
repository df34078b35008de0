// npm run create-superadmin -- --email <email> --password <password> [--name <name>]
// Uses the same configuration as the server (DATABASE_URL, or the embedded database in DATA_DIR:
// stop the dev server first, the embedded database allows one process at a time).
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { createSuperadmin } from "@/lib/auth/flows/create-superadmin";
import { closeDb } from "@/lib/db/client";
import { AppError } from "@/lib/http/app-error";

const { values } = parseArgs({
  options: { email: { type: "string" }, password: { type: "string" }, name: { type: "string" } },
});

if (!values.email) {
  console.error("usage: npm run create-superadmin -- --email <email> --password <password> [--name <name>]");
  process.exit(2);
}

try {
  const r = await createSuperadmin({ email: values.email, password: values.password, name: values.name });
  console.log(r.created ? `Created superadmin ${r.email}.` : `Promoted ${r.email} to superadmin (its sessions were ended).`);
} catch (e) {
  if (e instanceof ZodError) console.error(e.issues.map((i) => i.message).join("\n"));
  else if (e instanceof AppError) console.error(Object.values(e.fields ?? {}).join("\n") || e.message);
  else console.error((e as Error).message);
  process.exitCode = 1;
} finally {
  await closeDb();
}
