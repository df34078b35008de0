import { defineConfig } from "drizzle-kit";

// Only used to generate SQL migrations from lib/db/schema.ts (`npm run db:generate`);
// the app applies them itself at start-up.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./lib/db/migrations",
});
